#pragma once
// Two scenarios under common random numbers. Every random stream is keyed by (run.seed,
// replication, purpose), so the second scenario is loaded with the first's run.seed and
// run.replications: replication r of both draws the same streams, and differences between them
// come from their inputs, not from luck. The comparison reports members per 1,000 workers,
// the ratio B/A of all-platform members with a 95% interval over replications, and the date at
// which each role reaches 10% membership.
//
// The ratio's interval: per replication, log(B_r / A_r); a Student t interval of their mean,
// exponentiated (a geometric-mean ratio). A replication in which either scenario has no member
// at a date has no log ratio: it is left out of that date's interval and counted in
// `zero_replications`; with fewer than two replications left the interval is the point itself
// (or NaN when none is left).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "netadopt/run/membership.hpp"
#include "netadopt/run/runner.hpp"

namespace netadopt::run {

struct MeanInterval {
  double mean = 0, lower = 0, upper = 0;  // 95% Student t interval of the mean
};

// Mean over replications and its 95% interval; a zero-width interval for fewer than two.
MeanInterval mean_interval(const std::vector<double>& x);

struct RatioInterval {
  double ratio = 0, lower = 0, upper = 0;      // exp of the mean log ratio and its interval
  std::vector<std::size_t> zero_replications;  // left out: 0 members in A or B
};

// The ratio b/a over replications (paired by index), as described above.
RatioInterval log_ratio_interval(const std::vector<double>& a, const std::vector<double>& b);

// The scenarios, the second loaded under the first's seed and replications.
struct ScenarioPair {
  scenario::Scenario a, b;
  std::string common_random_numbers;  // "us.ini ran with france.ini's run.seed ... "
};

// Overrides that give another scenario the streams of `first`: its run.seed, run.replications.
std::vector<std::string> common_random_overrides(const scenario::Scenario& first);

// Loads A with `overrides`, then B with `overrides` and A's seed and replications. Throws
// ScenarioError (an unreadable or invalid file, or a model other than `essay`).
ScenarioPair load_pair(const std::filesystem::path& a, const std::filesystem::path& b,
                       const std::vector<std::string>& overrides);

// Group names for the two runs: the files' stems, "_2" added to the second if they are equal.
std::vector<std::string> run_names(const ScenarioPair& pair);

struct Comparison {
  std::vector<std::string> names;  // of A and B
  std::vector<scenario::Date> dates;
  std::vector<Membership> membership;  // of A and B
  std::vector<RatioInterval> ratio;    // per date: B / A, all platforms and roles
  double share_threshold = 0.1;
  // Of A and B, per role then "all": days since 1970-01-01 at which members on any platform
  // first reach share_threshold of the role's agents (pooled over replications); none: never.
  std::vector<std::vector<std::optional<double>>> share_dates;
  std::string common_random_numbers;
};

Comparison compare_results(const ScenarioPair& pair, const RunResult& a, const RunResult& b,
                           const std::vector<scenario::Date>& dates, double share_threshold = 0.1);

}  // namespace netadopt::run
