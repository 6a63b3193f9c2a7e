#pragma once
// Members per 1,000 workers, the unit the data use: registered members (active or dormant)
// per agent, times 1,000 x population.workforce_share (the share of the employed workforce the
// modelled population stands for). Values at calendar dates are linear interpolations between
// the two reporting times around them; a date outside the run is an error, never a silent
// extrapolation. Also: the date at which a role's membership first reaches a share of its
// agents (10% in `netadopt compare`).
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "netadopt/run/result.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::run {

// A date before run.start or after run.end; the message names the date and the run's span.
class DateOutsideRun : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Members per 1,000 workers per replication at dates, by platform and role. The last platform
// is "any" (registered on at least one: members_any), the last role "all" (their sum).
struct Membership {
  std::vector<std::string> platforms;
  std::vector<std::string> roles;
  std::vector<scenario::Date> dates;
  std::size_t replications = 0;
  std::vector<double> values;  // [replication][date][platform][role]

  std::size_t any_platform() const { return platforms.size() - 1; }
  std::size_t all_roles() const { return roles.size() - 1; }
  double at(std::size_t replication, std::size_t date, std::size_t platform,
            std::size_t role) const;
  std::vector<double> across_replications(std::size_t date, std::size_t platform,
                                          std::size_t role) const;
};

// 1,000 x population.workforce_share / population.size: members to members per 1,000 workers.
double per_1000_workers(const scenario::Scenario& scenario);

// `series` (one value per reporting time) at `time`, linear between reporting times. Throws
// std::out_of_range outside [times.front(), times.back()].
double interpolate(const std::vector<double>& times, const std::vector<double>& series,
                   double time);

// Throws DateOutsideRun for the first date outside [run.start, run.end] of `scenario`.
void check_dates_within(const scenario::Scenario& scenario,
                        const std::vector<scenario::Date>& dates);

// Days since run.start of each date.
std::vector<double> days_since_start(const scenario::Scenario& scenario,
                                     const std::vector<scenario::Date>& dates);

Membership members_per_1000_workers(const RunResult& result, const scenario::Scenario& scenario,
                                    const std::vector<scenario::Date>& dates);

// All-platform, all-role members per 1,000 workers at `days` (since run.start) from one
// replication's members_any rows, [time][role] flattened.
std::vector<double> all_members_per_1000_workers(const std::vector<double>& times,
                                                 const std::vector<double>& members_any_rows,
                                                 double scale, const std::vector<double>& days);

// The first time at which `share` reaches `threshold`, linear between reporting times; none if
// it never does.
std::optional<double> first_reaching(const std::vector<double>& times,
                                     const std::vector<double>& share, double threshold);

// Per role, then "all": the date (days since 1970-01-01) at which the role's members on any
// platform (members_any), over the role's agents, both summed over replications, first reach
// `threshold`; none if never within the run.
std::vector<std::optional<double>> dates_reaching_share(const RunResult& result, double threshold);

}  // namespace netadopt::run
