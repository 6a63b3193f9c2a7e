#pragma once
// `netadopt slurm`: a bash script that submits a sweep to SLURM: an array job of N tasks, each
// running `netadopt sweep` on its shard (taken from SLURM_ARRAY_TASK_ID and
// SLURM_ARRAY_TASK_COUNT), and a merge job that starts once every task has succeeded
// (--dependency=afterok). Run it on the login node: `bash submit.sh`. A task that is killed
// (wall time) resumes from its journal when requeued or resubmitted; a finished shard is not
// recomputed.
#include <cstddef>
#include <filesystem>
#include <string>

namespace netadopt::sweep {

struct SlurmOptions {
  std::filesystem::path netadopt;  // absolute path of the binary
  std::filesystem::path sweep;     // absolute path of the sweep file
  std::filesystem::path out;       // absolute path of the merged output
  std::size_t tasks = 1;
  int cpus_per_task = 1;
  std::string time;       // --time, "" for the partition's default
  std::string partition;  // "" for the default partition
};

std::string slurm_script(const SlurmOptions& options);

// Where the shards and logs go: OUT.shards/ beside the output.
std::filesystem::path shard_folder(const std::filesystem::path& out);

}  // namespace netadopt::sweep
