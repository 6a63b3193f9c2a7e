#pragma once
// Runs the pairs of a sweep that a shard owns and the journal lacks, in parallel with OpenMP
// (dynamic schedule: pairs differ in cost across the design). Each finished pair goes to the
// journal at once. A pair's numbers depend only on (sweep, point, replication), so the result
// is the same for any thread count, shard or sequence of kills and resumes.
#include <cstddef>
#include <functional>

#include "netadopt/sweep/journal.hpp"
#include "netadopt/sweep/plan.hpp"
#include "netadopt/sweep/shard.hpp"
#include "netadopt/sweep/sweep_data.hpp"

namespace netadopt::sweep {

struct ExecuteOptions {
  int threads = 0;  // 0: OpenMP's default
  Shard shard;
  // Called (by one thread at a time) once with (already done, 0, total) then after each pair.
  std::function<void(std::size_t done, std::size_t total)> on_start;
  std::function<void(std::size_t done, std::size_t total)> on_pair;
};

// Pairs of points whose scenario is invalid are not run: the output marks the point failed.
std::size_t owned_pairs(const SweepPlan& plan, const Shard& shard);

SweepData execute(const SweepPlan& plan, const Journal& journal, const ExecuteOptions& options);

}  // namespace netadopt::sweep
