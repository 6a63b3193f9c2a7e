#include "netadopt/run/derived_outputs.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

#include "membership_cells.hpp"
#include "netadopt/run/membership.hpp"

namespace netadopt::run {

namespace {

const VariableSpec* find_spec(const std::vector<VariableSpec>& layout, const std::string& name) {
  for (const VariableSpec& spec : layout)
    if (spec.name == name) return &spec;
  return nullptr;
}

bool has_label(const Dimension& dim, const std::string& label) {
  return std::find(dim.labels.begin(), dim.labels.end(), label) != dim.labels.end();
}

// members (platform, role, status) with active and dormant, members_any (role) with the same
// roles, both series over time.
bool derivable(const VariableSpec* members, const VariableSpec* any) {
  if (members == nullptr || any == nullptr || members->timeless || any->timeless) return false;
  const auto& d = members->dims;
  return d.size() == 3 && d[0].name == "platform" && d[1].name == "role" && d[2].name == "status" &&
         has_label(d[2], "active") && has_label(d[2], "dormant") && any->dims.size() == 1 &&
         any->dims[0].name == "role" && any->dims[0].labels == d[1].labels;
}

std::vector<VariableSpec> layout_of(const RunResult& result) {
  std::vector<VariableSpec> layout;
  for (const Variable& variable : result.variables) layout.push_back(variable.spec);
  return layout;
}

// One replication's derived values, appended to the three variables in their row-major layout.
void derive_replication(const RunResult& result, std::size_t rep, double scale,
                        std::vector<Variable>& out) {
  const Variable& members = result.variable("members");
  const Variable& any = result.variable("members_any");
  const std::size_t platforms = cells::dimension_of(members, "platform").labels.size();
  const std::size_t roles = cells::dimension_of(members, "role").labels.size();
  std::vector<std::vector<double>> member_series, agent_series, platform_series;
  std::vector<std::size_t> all_roles;
  for (std::size_t role = 0; role < roles; ++role) all_roles.push_back(role);
  for (std::size_t p = 0; p < platforms; ++p) {
    std::vector<std::size_t> platform_cells;
    for (std::size_t role = 0; role < roles; ++role) {
      const auto member = cells::member_cells(members, p, role);
      platform_cells.insert(platform_cells.end(), member.begin(), member.end());
      member_series.push_back(cells::summed_series(result, members, rep, member));
      agent_series.push_back(
          cells::summed_series(result, members, rep, cells::agent_cells(members, p, role)));
    }
    platform_series.push_back(cells::summed_series(result, members, rep, platform_cells));
  }
  const std::vector<double> any_series = cells::summed_series(result, any, rep, all_roles);
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t t = 0; t < result.times.size(); ++t) {
    for (std::size_t p = 0; p < platforms; ++p)
      out[0].values.push_back(scale * platform_series[p][t]);
    out[1].values.push_back(scale * any_series[t]);
    for (std::size_t cell = 0; cell < platforms * roles; ++cell) {
      const double agents = agent_series[cell][t];
      out[2].values.push_back(agents > 0 ? 1000.0 * member_series[cell][t] / agents : kNaN);
    }
  }
}

}  // namespace

std::vector<VariableSpec> derived_layout(const std::vector<VariableSpec>& layout) {
  const VariableSpec* members = find_spec(layout, "members");
  if (!derivable(members, find_spec(layout, "members_any"))) return {};
  const Dimension& platform = members->dims[0];
  const Dimension& role = members->dims[1];
  return {
      {"members_per_1000_workers",
       "per 1000 workers",
       "Members (active or dormant) of each platform, all roles, per 1,000 workers: members x "
       "1000 x workforce_share / population_size (root attributes).",
       {platform},
       false},
      {"members_any_per_1000_workers",
       "per 1000 workers",
       "Agents registered (active or dormant) on at least one platform, all roles, per 1,000 "
       "workers: members_any summed over roles x 1000 x workforce_share / population_size.",
       {},
       false},
      {"members_per_1000_role_agents",
       "per 1000 agents of the role",
       "Members (active or dormant) of each platform and role per 1,000 agents of the role at "
       "that time (its agents: every status in members; NaN: the role has none).",
       {platform, role},
       false},
  };
}

std::vector<Variable> derived_outputs(const RunResult& result, const scenario::Scenario& scenario) {
  std::vector<Variable> out;
  for (VariableSpec& spec : derived_layout(layout_of(result))) {
    const std::size_t size = result.replications * result.times.size() * spec.cell_count();
    out.push_back(Variable{std::move(spec), {}});
    out.back().values.reserve(size);
  }
  if (out.empty()) return out;
  const double scale = per_1000_workers(scenario);
  for (std::size_t rep = 0; rep < result.replications; ++rep)
    derive_replication(result, rep, scale, out);
  return out;
}

void add_derived_outputs(RunResult& result, const scenario::Scenario& scenario) {
  std::vector<Variable> derived = derived_outputs(result, scenario);
  for (const Variable& variable : derived)
    for (const Variable& existing : result.variables)
      if (existing.spec.name == variable.spec.name)
        throw std::logic_error("run result has the derived variable '" + variable.spec.name +
                               "' already");
  for (Variable& variable : derived) result.variables.push_back(std::move(variable));
}

}  // namespace netadopt::run
