#include "netadopt/compare/compare.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <numeric>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/scenario/loader.hpp"

namespace netadopt::run {

namespace {

double half_width(const std::vector<double>& x, double mean) {
  const double n = static_cast<double>(x.size());
  double squares = 0.0;
  for (const double v : x) squares += (v - mean) * (v - mean);
  const boost::math::students_t t(n - 1.0);
  return boost::math::quantile(boost::math::complement(t, 0.025)) *
         std::sqrt(squares / (n - 1.0) / n);
}

void require_essay(const scenario::Scenario& s) {
  if (s.choice("run.model") == "essay") return;
  throw scenario::ScenarioError(
      {{s.source(), 0, "run.model",
        "compare needs the essay model (members by role and platform); found '" +
            s.choice("run.model") + "'"}},
      false);
}

std::string file_name(const scenario::Scenario& s) {
  return std::filesystem::path(s.source()).filename().string();
}

std::string crn_note(const scenario::Scenario& a, const scenario::Scenario& b) {
  return file_name(b) + " ran with " + file_name(a) + "'s run.seed " +
         std::to_string(a.integer("run.seed")) + " and run.replications " +
         std::to_string(a.integer("run.replications")) +
         " (common random numbers: replication r of both draws the same streams)";
}

bool sets_key(const std::string& override_text, const std::string& key) {
  std::string name = override_text.substr(0, override_text.find('='));
  std::erase_if(name, [](char c) { return c == ' ' || c == '\t'; });
  return name == key;
}

// The user's overrides for B, without run.seed and run.replications (they come from A), then A's.
std::vector<std::string> second_overrides(const std::vector<std::string>& overrides,
                                          const scenario::Scenario& first) {
  std::vector<std::string> out;
  for (const std::string& o : overrides)
    if (!sets_key(o, "run.seed") && !sets_key(o, "run.replications")) out.push_back(o);
  for (const std::string& o : common_random_overrides(first)) out.push_back(o);
  return out;
}

std::vector<double> all_members(const Membership& m, std::size_t date) {
  return m.across_replications(date, m.any_platform(), m.all_roles());
}

}  // namespace

MeanInterval mean_interval(const std::vector<double>& x) {
  if (x.empty()) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, nan};
  }
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
  if (x.size() < 2) return {mean, mean, mean};
  const double half = half_width(x, mean);
  return {mean, mean - half, mean + half};
}

RatioInterval log_ratio_interval(const std::vector<double>& a, const std::vector<double>& b) {
  RatioInterval out;
  std::vector<double> logs;
  for (std::size_t r = 0; r < a.size(); ++r) {
    if (a[r] > 0 && b[r] > 0)
      logs.push_back(std::log(b[r] / a[r]));
    else
      out.zero_replications.push_back(r);
  }
  const MeanInterval m = mean_interval(logs);
  out.ratio = std::exp(m.mean);
  out.lower = std::exp(m.lower);
  out.upper = std::exp(m.upper);
  return out;
}

std::vector<std::string> common_random_overrides(const scenario::Scenario& first) {
  return {"run.seed=" + std::to_string(first.integer("run.seed")),
          "run.replications=" + std::to_string(first.integer("run.replications"))};
}

ScenarioPair load_pair(const std::filesystem::path& a, const std::filesystem::path& b,
                       const std::vector<std::string>& overrides) {
  const auto& schema = run::full_schema();
  scenario::Scenario first = scenario::load_scenario(schema, a, overrides);
  scenario::Scenario second =
      scenario::load_scenario(schema, b, second_overrides(overrides, first));
  require_essay(first);
  require_essay(second);
  std::string note = crn_note(first, second);
  return {std::move(first), std::move(second), std::move(note)};
}

std::vector<std::string> run_names(const ScenarioPair& pair) {
  std::vector<std::string> names{std::filesystem::path(pair.a.source()).stem().string(),
                                 std::filesystem::path(pair.b.source()).stem().string()};
  if (names[0] == names[1]) names[1] += "_2";
  return names;
}

Comparison compare_results(const ScenarioPair& pair, const RunResult& a, const RunResult& b,
                           const std::vector<scenario::Date>& dates, double share_threshold) {
  Comparison c;
  c.names = run_names(pair);
  c.dates = dates;
  c.membership = {members_per_1000_workers(a, pair.a, dates),
                  members_per_1000_workers(b, pair.b, dates)};
  for (std::size_t d = 0; d < dates.size(); ++d)
    c.ratio.push_back(
        log_ratio_interval(all_members(c.membership[0], d), all_members(c.membership[1], d)));
  c.share_threshold = share_threshold;
  c.share_dates = {dates_reaching_share(a, share_threshold),
                   dates_reaching_share(b, share_threshold)};
  c.common_random_numbers = pair.common_random_numbers;
  return c;
}

}  // namespace netadopt::run
