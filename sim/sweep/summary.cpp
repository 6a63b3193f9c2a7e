#include "netadopt/sweep/summary.hpp"

#include <limits>

#include "netadopt/run/membership.hpp"

namespace netadopt::sweep {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Where the role counts are: the index of members_any and of members (essay), or of members
// alone (bass: no roles).
struct RoleSource {
  int any = -1;
  int members = -1;
  std::size_t roles = 0;     // without "all"
  std::size_t statuses = 0;  // essay: cells per (platform, role) of members
};

int variable_index(const SweepPlan& plan, const std::string& name) {
  for (std::size_t v = 0; v < plan.outputs.size(); ++v)
    if (plan.outputs[v].name == name) return static_cast<int>(v);
  return -1;
}

RoleSource role_source(const SweepPlan& plan) {
  RoleSource source{variable_index(plan, "members_any"), variable_index(plan, "members"), 0, 0};
  if (source.any < 0) return source;
  source.roles = plan.outputs[static_cast<std::size_t>(source.any)].cell_count();
  source.statuses =
      plan.outputs[static_cast<std::size_t>(source.members)].dims.back().labels.size();
  return source;
}

std::vector<std::string> role_labels(const SweepPlan& plan, const RoleSource& source) {
  std::vector<std::string> roles;
  if (source.any >= 0) roles = plan.outputs[static_cast<std::size_t>(source.any)].dims[0].labels;
  roles.push_back("all");
  return roles;
}

// Per time and role (then "all"): members, and agents of the role, of one replication.
struct RoleCounts {
  std::vector<double> members, agents;  // [time][role + 1]
};

RoleCounts bass_counts(const SweepPlan& plan, const RoleSource& source, const PairOutcome& pair,
                       double population) {
  const auto& series = pair.output.series[static_cast<std::size_t>(source.members)];
  return {series, std::vector<double>(plan.times.size(), population)};
}

void add_role(RoleCounts& counts, std::size_t cell, std::size_t all, double members,
              double agents) {
  counts.members[cell] = members;
  counts.agents[cell] = agents;
  counts.members[all] += members;
  counts.agents[all] += agents;
}

RoleCounts essay_counts(const SweepPlan& plan, const RoleSource& source, const PairOutcome& pair) {
  const auto& any = pair.output.series[static_cast<std::size_t>(source.any)];
  const auto& members = pair.output.series[static_cast<std::size_t>(source.members)];
  const std::size_t width = source.roles + 1, row = members.size() / plan.times.size();
  RoleCounts counts{std::vector<double>(plan.times.size() * width, 0.0),
                    std::vector<double>(plan.times.size() * width, 0.0)};
  for (std::size_t t = 0; t < plan.times.size(); ++t)
    for (std::size_t r = 0; r < source.roles; ++r) {
      double agents = 0.0;  // platform 0, every status: all the role's agents
      for (std::size_t s = 0; s < source.statuses; ++s)
        agents += members[t * row + r * source.statuses + s];
      add_role(counts, t * width + r, t * width + source.roles, any[t * source.roles + r], agents);
    }
  return counts;
}

// Sums over the point's replications.
RoleCounts pooled_counts(const SweepPlan& plan, const RoleSource& source, const SweepData& data,
                         std::size_t point) {
  RoleCounts pooled;
  const double population = static_cast<double>(plan.scenarios[point]->integer("population.size"));
  for (std::size_t r = 0; r < plan.replications; ++r) {
    const auto& pair = *data.pairs[point * plan.replications + r];
    const RoleCounts one = source.any >= 0 ? essay_counts(plan, source, pair)
                                           : bass_counts(plan, source, pair, population);
    if (pooled.members.empty())
      pooled = RoleCounts{std::vector<double>(one.members.size(), 0.0),
                          std::vector<double>(one.agents.size(), 0.0)};
    for (std::size_t i = 0; i < one.members.size(); ++i) pooled.members[i] += one.members[i];
    for (std::size_t i = 0; i < one.agents.size(); ++i) pooled.agents[i] += one.agents[i];
  }
  return pooled;
}

std::vector<double> column(const std::vector<double>& cells, std::size_t width, std::size_t role) {
  std::vector<double> values;
  for (std::size_t i = role; i < cells.size(); i += width) values.push_back(cells[i]);
  return values;
}

void summarize_point(const SweepPlan& plan, const RoleSource& source, const SweepData& data,
                     std::size_t point, Summaries& out) {
  const RoleCounts pooled = pooled_counts(plan, source, data, point);
  const std::size_t width = out.roles.size(), dates = plan.spec.dates.size();
  const auto days = run::days_since_start(*plan.scenarios[point], plan.spec.dates);
  const auto reps = static_cast<double>(plan.replications);
  for (std::size_t role = 0; role < width; ++role) {
    const auto members = column(pooled.members, width, role),
               agents = column(pooled.agents, width, role);
    for (std::size_t d = 0; d < dates; ++d)
      out.members[(point * dates + d) * width + role] =
          run::interpolate(plan.times, members, days[d]) / reps;
    std::vector<double> share(members.size());
    for (std::size_t t = 0; t < share.size(); ++t)
      share[t] = agents[t] > 0 ? members[t] / agents[t] : 0.0;
    const auto reached = run::first_reaching(plan.times, share, kReachShare);
    out.date_reach[point * width + role] = reached ? plan.start.days + *reached : kNaN;
  }
}
}  // namespace

bool point_done(const SweepPlan& plan, const SweepData& data, std::size_t point) {
  for (std::size_t r = 0; r < plan.replications; ++r) {
    const auto& pair = data.pairs[point * plan.replications + r];
    if (!pair || !pair->failure.empty()) return false;
  }
  return plan.errors[point].empty();
}

Summaries summarize(const SweepPlan& plan, const SweepData& data) {
  const RoleSource source = role_source(plan);
  Summaries out{role_labels(plan, source), {}, {}};
  out.members.assign(plan.points() * plan.spec.dates.size() * out.roles.size(), kNaN);
  out.date_reach.assign(plan.points() * out.roles.size(), kNaN);
  for (std::size_t p = 0; p < plan.points(); ++p)
    if (point_done(plan, data, p)) summarize_point(plan, source, data, p, out);
  return out;
}

}  // namespace netadopt::sweep
