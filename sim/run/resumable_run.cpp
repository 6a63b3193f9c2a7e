#include <omp.h>

#include <exception>

#include "netadopt/run/resumable.hpp"
#include "resumable_replication.hpp"

namespace netadopt::run {

namespace {
bool periodic(const CheckpointPolicy& policy) {
  return policy.every_wall_seconds > 0.0 || policy.every_days > 0.0;
}

// A stopped run's checkpoint must hold every replication's latest state, also those this run
// did not store itself: replications that finished (unless periodic checkpoints stored them
// already) and checkpoints carried over from `from` that were not continued.
void store_the_rest(const CheckpointPolicy& policy, const std::vector<ReplicationCheckpoint>& last,
                    const std::vector<char>& stored) {
  if (!policy.store) return;
  for (std::size_t r = 0; r < last.size(); ++r)
    if (!stored[r] && last[r].stage != Stage::NotStarted) policy.store(r, last[r]);
}
}  // namespace

ResumableOutcome run_resumable(const ResumableRun& run, const CheckpointPolicy& policy,
                               const RunOptions& options) {
  const scenario::Scenario& s = run.fork ? *run.fork : *run.scenario;
  RunResult result = empty_result(s);
  const std::size_t reps = result.replications;
  std::vector<ReplicationCheckpoint> last(reps);
  std::vector<char> stored(reps, 0);  // char, not bool: threads write neighbouring entries
  CheckpointPolicy tracked = policy;
  if (policy.store)
    tracked.store = [&policy, &stored](std::size_t r, const ReplicationCheckpoint& cp) {
      policy.store(r, cp);
      stored[r] = 1;
    };
  const int threads = options.threads > 0 ? options.threads : default_threads();
  std::exception_ptr failure;
  std::size_t done = 0;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (long i = 0; i < static_cast<long>(reps); ++i) {
    const auto r = static_cast<std::size_t>(i);
    try {
      ReplicationCheckpoint cp = run_replication_resumably(run, tracked, r);
      if (cp.stage == Stage::Finished) {
        store_replication(result, r, cp.output);
        const bool carried = !run.from.empty() && run.from[r].stage == Stage::Finished;
        if (periodic(policy) && !carried && tracked.store) tracked.store(r, cp);
      }
      last[r] = std::move(cp);
    } catch (...) {
#pragma omp critical(netadopt_failure)
      if (!failure) failure = std::current_exception();
    }
#pragma omp critical(netadopt_progress)
    {
      if (last[r].stage == Stage::Finished) ++done;
      if (options.on_progress) options.on_progress(done, reps);
    }
  }
  if (failure) std::rethrow_exception(failure);
  ResumableOutcome outcome;
  for (const auto& cp : last) outcome.stages.push_back(cp.stage);
  if (done == reps) {
    outcome.result = std::move(result);
    return outcome;
  }
  outcome.signal = stop_requested();
  store_the_rest(policy, last, stored);
  return outcome;
}

}  // namespace netadopt::run
