#pragma once
// Internal to the run module: one replication that can pause, store a checkpoint, switch to a
// fork's scenario, and stop.
#include <cstddef>

#include "netadopt/run/checkpoint.hpp"
#include "netadopt/run/resumable.hpp"

namespace netadopt::run {

// Runs replication `r` from the start or from run.from[r] until it finishes (stage Finished,
// with its output) or stops (stage Paused, already handed to policy.store). A replication not
// begun when a stop is requested stays as it was (NotStarted, or its earlier checkpoint). A
// paused run.from[r] gives up its state (moved into the model).
ReplicationCheckpoint run_replication_resumably(ResumableRun& run, const CheckpointPolicy& policy,
                                                std::size_t r);

}  // namespace netadopt::run
