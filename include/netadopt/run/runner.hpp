#pragma once
// Runs every replication of a scenario, in parallel with OpenMP. Replication r draws only from
// streams keyed by (seed, r, purpose) and writes only its own slice of the result, so the
// result does not depend on the number of threads or on which thread ran what.
#include <functional>

#include "netadopt/run/result.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::run {

struct RunOptions {
  int threads = 0;  // 0: OpenMP's default (OMP_NUM_THREADS, else all cores)
  std::function<void(std::size_t done, std::size_t total)> on_progress;  // called by one thread
};

int default_threads();  // OMP_NUM_THREADS, else the number of cores

// The result before any replication ran (zeros), and one replication's output put in place.
RunResult empty_result(const scenario::Scenario& scenario);
struct ReplicationOutput;
void store_replication(RunResult& result, std::size_t replication, const ReplicationOutput& out);

RunResult run_scenario(const scenario::Scenario& scenario, const RunOptions& options = {});

}  // namespace netadopt::run
