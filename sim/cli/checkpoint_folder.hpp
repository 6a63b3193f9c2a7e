#pragma once
// A checkpoint on disk is a folder with one file per replication (replication_0000.h5, ...),
// each a checkpoint (io::write_checkpoint) holding that replication alone. Replications are
// independent, so each is written on its own, from its own thread, atomically: a kill at any
// moment leaves every file either the previous state or the new one. A replication without a
// file has not started.
#include <filesystem>

#include "netadopt/run/checkpoint.hpp"
#include "netadopt/run/fork.hpp"

namespace netadopt::cli {

class CheckpointFolder {
 public:
  // `header`: everything but the replications (scenario, fork, output path, count).
  CheckpointFolder(std::filesystem::path folder, run::Checkpoint header);

  // Creates the folder if needed; refuses (CannotCreateOutput) a folder holding files other than
  // checkpoints, and one holding checkpoints unless `replace` (then removes them first).
  void prepare(bool replace) const;
  // Writes replication r's checkpoint (thread-safe for distinct r).
  void store(std::size_t r, const run::ReplicationCheckpoint& checkpoint,
             const std::string& reason);

  const std::filesystem::path& path() const { return folder_; }

 private:
  std::filesystem::path folder_;
  run::Checkpoint header_;
};

// Removes the replication files of `folder`, then the folder if that left it empty.
void remove_checkpoint(const std::filesystem::path& folder);

std::filesystem::path replication_file(const std::filesystem::path& folder, std::size_t r);

// Reads a folder back into one checkpoint with every replication (NotStarted where no file).
// Throws io::CheckpointError naming the folder or file and what is wrong (files from
// different runs, another layout version, a replication out of range).
run::Checkpoint read_checkpoint_folder(const std::filesystem::path& folder);

// A fork file's checkpoint (fork.checkpoint), read and planned (run::plan_fork): what `run` and
// `validate` of a fork share. A checkpoint that is missing or unreadable is a problem of the
// fork file (scenario::ScenarioError naming it, the line of fork.checkpoint and the path as
// resolved; exit 66), and so is the checkpoint of another fork (exit 65).
struct ForkStart {
  run::Checkpoint checkpoint;
  run::ForkPlan plan;
};
ForkStart start_fork(const scenario::Scenario& fork_file);

}  // namespace netadopt::cli
