#pragma once
// Runs that stop and resume: design note.
//
// A replication pauses between two events (core::PauseCheck) when a checkpoint is due (an
// interval of wall-clock or simulated time), when a stop was requested (request_stop, called by
// the SIGTERM and SIGINT handlers: what a cluster's time limit sends), at a stop day, or at a
// fork's day. A pause saves the simulator, the model and the recorder into a
// ReplicationCheckpoint and hands it to `store`, which writes it; replications are
// independent, so each is stored on its own (one file per replication: threads never wait for
// each other) and a checkpoint is simply every replication's latest state.
//
// Restoring builds the model from the scenario (same structural keys, so the same sizes) and
// loads the saved state over it; the run then continues bit-identically: same events, same
// fingerprint, same output as if it had never stopped. A fork switches, at its day, to a model
// built from the changed scenario, loads the state into it and calls reconfigure().
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "netadopt/core/stop.hpp"
#include "netadopt/run/checkpoint.hpp"
#include "netadopt/run/result.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::run {

// Process-wide stop request (core/stop.hpp): the signal number, or 0.
using core::clear_stop_request;
using core::request_stop;
using core::stop_requested;

struct CheckpointPolicy {
  double every_wall_seconds = 0.0;  // 0: never
  double every_days = 0.0;          // simulated days; 0: never
  std::optional<double> stop_day;   // pause every replication there and stop the run
  // Writes one replication's checkpoint; called from the replication's own thread (never twice
  // at once for the same replication). Null: nothing is stored (pauses still stop).
  std::function<void(std::size_t replication, const ReplicationCheckpoint&)> store;
};

struct ResumableRun {
  const scenario::Scenario* scenario = nullptr;  // the run (until fork_day if a fork)
  const scenario::Scenario* fork = nullptr;      // from fork_day on, if not null
  double fork_day = 0.0;
  std::vector<ReplicationCheckpoint> from;  // empty: from the start; else one per replication
};

struct ResumableOutcome {
  std::optional<RunResult> result;  // when every replication finished
  std::vector<Stage> stages;        // each replication's stage at the end
  int signal = 0;                   // the stop request that ended the run early, if any
};

// Takes `run` by value: each replication moves its saved state out of run.from as it loads it
// (a checkpoint of a large run is gigabytes; loading from a copy would double that).
ResumableOutcome run_resumable(ResumableRun run, const CheckpointPolicy& policy,
                               const RunOptions& options = {});

}  // namespace netadopt::run
