#include "netadopt/run/membership.hpp"

#include "membership_cells.hpp"
#include "netadopt/catalog/catalog.hpp"

#include <algorithm>
#include <numeric>

namespace netadopt::run {

namespace cells {

const Dimension& dimension_of(const Variable& variable, const std::string& name) {
  for (const Dimension& dim : variable.spec.dims)
    if (dim.name == name) return dim;
  throw std::invalid_argument("variable '" + variable.spec.name + "' has no dimension '" + name +
                              "'");
}

std::vector<double> summed_series(const RunResult& result, const Variable& variable,
                                  std::size_t rep, const std::vector<std::size_t>& cells) {
  const std::size_t width = variable.spec.cell_count(), times = result.times.size();
  std::vector<double> series(times, 0.0);
  for (std::size_t t = 0; t < times; ++t)
    for (const std::size_t cell : cells)
      series[t] += variable.values[(rep * times + t) * width + cell];
  return series;
}

namespace {
std::size_t label_index(const Dimension& dim, const std::string& label) {
  const auto found = std::find(dim.labels.begin(), dim.labels.end(), label);
  if (found == dim.labels.end())
    throw std::invalid_argument("dimension '" + dim.name + "' has no label '" + label + "'");
  return static_cast<std::size_t>(found - dim.labels.begin());
}
}  // namespace

std::vector<std::size_t> member_cells(const Variable& members, std::size_t platform,
                                      std::size_t role) {
  const Dimension& status = dimension_of(members, "status");
  const std::size_t roles = dimension_of(members, "role").labels.size();
  const std::size_t first = (platform * roles + role) * status.labels.size();
  return {first + label_index(status, "active"), first + label_index(status, "dormant")};
}

std::vector<std::size_t> agent_cells(const Variable& members, std::size_t platform,
                                     std::size_t role) {
  const std::size_t statuses = dimension_of(members, "status").labels.size();
  const std::size_t roles = dimension_of(members, "role").labels.size();
  std::vector<std::size_t> cells(statuses);
  std::iota(cells.begin(), cells.end(), (platform * roles + role) * statuses);
  return cells;
}

}  // namespace cells

namespace {

using cells::agent_cells;
using cells::dimension_of;
using cells::member_cells;
using cells::summed_series;

Membership empty_membership(const Variable& members, const std::vector<scenario::Date>& dates,
                            std::size_t replications) {
  Membership m{dimension_of(members, "platform").labels,
               dimension_of(members, "role").labels,
               dates,
               replications,
               {}};
  m.platforms.push_back("any");
  m.roles.push_back("all");
  m.values.assign(replications * dates.size() * m.platforms.size() * m.roles.size(), 0.0);
  return m;
}

std::size_t flat_index(const Membership& m, std::size_t rep, std::size_t date, std::size_t platform,
                       std::size_t role) {
  return ((rep * m.dates.size() + date) * m.platforms.size() + platform) * m.roles.size() + role;
}

// Fills (platform, role) of replication `rep` at every date from one series of members.
void fill_cell(Membership& m, std::size_t rep, std::size_t platform, std::size_t role,
               const std::vector<double>& series, const std::vector<double>& times,
               const std::vector<double>& days, double scale) {
  for (std::size_t d = 0; d < days.size(); ++d) {
    const double value = scale * interpolate(times, series, days[d]);
    m.values[flat_index(m, rep, d, platform, role)] = value;
    m.values[flat_index(m, rep, d, platform, m.all_roles())] += value;
  }
}

void fill_replication(Membership& m, const RunResult& result, std::size_t rep,
                      const std::vector<double>& days, double scale) {
  const Variable& members = result.variable("members");
  const Variable& any = result.variable("members_any");
  for (std::size_t role = 0; role < m.all_roles(); ++role) {
    for (std::size_t p = 0; p < m.any_platform(); ++p)
      fill_cell(m, rep, p, role,
                summed_series(result, members, rep, member_cells(members, p, role)), result.times,
                days, scale);
    fill_cell(m, rep, m.any_platform(), role, summed_series(result, any, rep, {role}), result.times,
              days, scale);
  }
}

// Per time: `variable`'s `cells`, summed over replications.
std::vector<double> pooled_series(const RunResult& result, const Variable& variable,
                                  const std::vector<std::size_t>& cells) {
  std::vector<double> pooled(result.times.size(), 0.0);
  for (std::size_t rep = 0; rep < result.replications; ++rep) {
    const std::vector<double> series = summed_series(result, variable, rep, cells);
    for (std::size_t t = 0; t < pooled.size(); ++t) pooled[t] += series[t];
  }
  return pooled;
}

std::vector<double> ratio(const std::vector<double>& numerator,
                          const std::vector<double>& denominator) {
  std::vector<double> out(numerator.size(), 0.0);
  for (std::size_t t = 0; t < out.size(); ++t)
    out[t] = denominator[t] > 0 ? numerator[t] / denominator[t] : 0.0;
  return out;
}

std::optional<double> calendar_day(std::optional<double> time, scenario::Date start) {
  if (!time) return std::nullopt;
  return *time + start.days;
}

}  // namespace

double Membership::at(std::size_t replication, std::size_t date, std::size_t platform,
                      std::size_t role) const {
  return values[flat_index(*this, replication, date, platform, role)];
}

std::vector<double> Membership::across_replications(std::size_t date, std::size_t platform,
                                                    std::size_t role) const {
  std::vector<double> x(replications);
  for (std::size_t rep = 0; rep < replications; ++rep) x[rep] = at(rep, date, platform, role);
  return x;
}

// The essay model's agents stand for a share of the employed workforce; any other model's
// agents are the whole population (catalog/catalog.hpp).
double per_1000_workers(const scenario::Scenario& scenario) {
  const double share = models::descriptor(scenario).workforce_share(scenario);
  return 1000.0 * share / static_cast<double>(scenario.integer("population.size"));
}

double interpolate(const std::vector<double>& times, const std::vector<double>& series,
                   double time) {
  if (times.empty() || time < times.front() || time > times.back())
    throw std::out_of_range("time " + std::to_string(time) + " is outside the reported times");
  const auto after = std::lower_bound(times.begin(), times.end(), time);
  const std::size_t k = static_cast<std::size_t>(after - times.begin());
  if (*after == time) return series[k];
  const double weight = (time - times[k - 1]) / (times[k] - times[k - 1]);
  return series[k - 1] + weight * (series[k] - series[k - 1]);
}

void check_dates_within(const scenario::Scenario& scenario,
                        const std::vector<scenario::Date>& dates) {
  const scenario::Date start = scenario.date("run.start"), end = scenario.date("run.end");
  for (const scenario::Date date : dates)
    if (date < start || date > end)
      throw DateOutsideRun("date " + scenario::format_date(date) + " is outside the run of " +
                           scenario.source() + " (" + scenario::format_date(start) + " to " +
                           scenario::format_date(end) + ")");
}

std::vector<double> days_since_start(const scenario::Scenario& scenario,
                                     const std::vector<scenario::Date>& dates) {
  std::vector<double> days;
  for (const scenario::Date date : dates)
    days.push_back(date.days - scenario.date("run.start").days);
  return days;
}

Membership members_per_1000_workers(const RunResult& result, const scenario::Scenario& scenario,
                                    const std::vector<scenario::Date>& dates) {
  check_dates_within(scenario, dates);
  Membership m = empty_membership(result.variable("members"), dates, result.replications);
  const std::vector<double> days = days_since_start(scenario, dates);
  for (std::size_t rep = 0; rep < result.replications; ++rep)
    fill_replication(m, result, rep, days, per_1000_workers(scenario));
  return m;
}

std::vector<double> all_members_per_1000_workers(const std::vector<double>& times,
                                                 const std::vector<double>& members_any_rows,
                                                 double scale, const std::vector<double>& days) {
  const std::size_t roles = members_any_rows.size() / times.size();
  std::vector<double> totals(times.size(), 0.0);
  for (std::size_t t = 0; t < times.size(); ++t)
    for (std::size_t role = 0; role < roles; ++role)
      totals[t] += members_any_rows[t * roles + role];
  std::vector<double> out;
  for (const double day : days) out.push_back(scale * interpolate(times, totals, day));
  return out;
}

std::optional<double> first_reaching(const std::vector<double>& times,
                                     const std::vector<double>& share, double threshold) {
  for (std::size_t k = 0; k < times.size(); ++k) {
    if (share[k] < threshold) continue;
    if (k == 0) return times[0];
    const double weight = (threshold - share[k - 1]) / (share[k] - share[k - 1]);
    return times[k - 1] + weight * (times[k] - times[k - 1]);
  }
  return std::nullopt;
}

std::vector<std::optional<double>> dates_reaching_share(const RunResult& result, double threshold) {
  const Variable& members = result.variable("members");
  const Variable& any = result.variable("members_any");
  const std::size_t roles = any.spec.cell_count();
  std::vector<std::optional<double>> dates;
  std::vector<std::size_t> all_agents, all_roles;
  for (std::size_t role = 0; role < roles; ++role) {
    const auto agents = agent_cells(members, 0, role);
    all_agents.insert(all_agents.end(), agents.begin(), agents.end());
    all_roles.push_back(role);
    const auto share =
        ratio(pooled_series(result, any, {role}), pooled_series(result, members, agents));
    dates.push_back(calendar_day(first_reaching(result.times, share, threshold), result.start));
  }
  const auto share =
      ratio(pooled_series(result, any, all_roles), pooled_series(result, members, all_agents));
  dates.push_back(calendar_day(first_reaching(result.times, share, threshold), result.start));
  return dates;
}

}  // namespace netadopt::run
