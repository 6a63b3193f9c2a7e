#pragma once
// Per-point summaries of a sweep, from the replications of each finished point:
//  * members at the sweep's dates by role (mean over replications, linear between the two
//    reporting times around a date), where the model has roles (the essay model's members_any,
//    by role: the union over platforms, an agent on two platforms counted once), plus "all";
//    a model without roles (bass) has the role "all" alone;
//  * the date each role reaches 10% of its agents: members over agents, both summed over
//    replications, first reaching 0.1 (linear between reporting times); NaN if never.
// Points not done (failed, or not computed in this shard) have NaN.
#include <string>
#include <vector>

#include "netadopt/sweep/plan.hpp"
#include "netadopt/sweep/sweep_data.hpp"

namespace netadopt::sweep {

constexpr double kReachShare = 0.1;

struct Summaries {
  std::vector<std::string> roles;
  std::vector<double> members;     // [point][date][role]
  std::vector<double> date_reach;  // [point][role], days since 1970-01-01
};

Summaries summarize(const SweepPlan& plan, const SweepData& data);

// True when every replication of the point ran.
bool point_done(const SweepPlan& plan, const SweepData& data, std::size_t point);

}  // namespace netadopt::sweep
