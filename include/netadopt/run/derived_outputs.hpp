#pragma once
// Variables derived from a run's output once the run is over, in the units the data use, so
// that a reader of the file need not rebuild them from the scenario text. Where the output has
// `members` by (platform, role, status) and `members_any` by role (the essay model):
//   members_per_1000_workers      (replication, time, platform)  members (active or dormant),
//                                 all roles, per 1,000 workers
//   members_any_per_1000_workers  (replication, time)  registered on at least one platform, all
//                                 roles, per 1,000 workers
//   members_per_1000_role_agents  (replication, time, platform, role)  members of the role per
//                                 1,000 agents of the role at that time (NaN: it has none)
// Per 1,000 workers is per_1000_workers(scenario) x members (membership.hpp: the one home of
// that scale). The model's own variables are left as they are.
#include <vector>

#include "netadopt/run/result.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::run {

// The derived variables' layout for a model's output `layout`; empty when it has no members by
// (platform, role, status) with statuses active and dormant, or no members_any by role.
std::vector<VariableSpec> derived_layout(const std::vector<VariableSpec>& layout);

// The derived variables of a finished run of `scenario`, empty as derived_layout.
std::vector<Variable> derived_outputs(const RunResult& result, const scenario::Scenario& scenario);

// Appends derived_outputs(result, scenario) to result.variables. Throws std::logic_error if the
// result has them already.
void add_derived_outputs(RunResult& result, const scenario::Scenario& scenario);

}  // namespace netadopt::run
