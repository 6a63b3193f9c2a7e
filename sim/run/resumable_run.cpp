#include "netadopt/run/derived_outputs.hpp"
#include "netadopt/run/parallel_jobs.hpp"
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

ResumableOutcome run_resumable(ResumableRun run, const CheckpointPolicy& policy,
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
  std::size_t done = 0;
  parallel_jobs(
      reps, options.threads,
      [&](std::size_t r) {
        ReplicationCheckpoint cp = run_replication_resumably(run, tracked, r);
        if (cp.stage == Stage::Finished) {
          store_replication(result, r, cp.output);
          const bool carried = !run.from.empty() && run.from[r].stage == Stage::Finished;
          if (periodic(policy) && !carried && tracked.store) tracked.store(r, cp);
        }
        last[r] = std::move(cp);
      },
      [&](std::size_t r) {
        if (last[r].stage == Stage::Finished) ++done;
        if (options.on_progress) options.on_progress(done, reps);
      });
  ResumableOutcome outcome;
  for (const auto& cp : last) outcome.stages.push_back(cp.stage);
  if (done == reps) {
    add_derived_outputs(result, s);
    outcome.result = std::move(result);
    return outcome;
  }
  outcome.signal = stop_requested();
  store_the_rest(policy, last, stored);
  return outcome;
}

}  // namespace netadopt::run
