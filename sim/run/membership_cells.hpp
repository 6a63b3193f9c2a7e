#pragma once
// Internal to the run module: where the members of a platform and role, and the agents of a
// role, sit in the essay model's `members` (platform, role, status), and sums of a variable's
// cells per reporting time. Shared by membership.cpp (members per 1,000 workers at dates) and
// derived_outputs.cpp (the same at every reporting time, written with the run).
#include <cstddef>
#include <string>
#include <vector>

#include "netadopt/run/result.hpp"

namespace netadopt::run::cells {

// The dimension `name` of `variable`; throws std::invalid_argument if it has none.
const Dimension& dimension_of(const Variable& variable, const std::string& name);

// Sum of `cells` of `variable` in replication `rep`, one value per reporting time.
std::vector<double> summed_series(const RunResult& result, const Variable& variable,
                                  std::size_t rep, const std::vector<std::size_t>& cells);

// The cells of `members` (platform, role, status) that hold members of (platform, role): the
// statuses active and dormant.
std::vector<std::size_t> member_cells(const Variable& members, std::size_t platform,
                                      std::size_t role);

// The cells of `members` that hold every agent of `role`: all statuses of `platform` (every
// agent has a status on every platform, so any platform counts them all).
std::vector<std::size_t> agent_cells(const Variable& members, std::size_t platform,
                                     std::size_t role);

}  // namespace netadopt::run::cells
