#pragma once
// `netadopt slurm`: an sbatch script that runs a sweep on SLURM as it is printed:
//
//   netadopt slurm SWEEP.ini --tasks N -o OUT.h5 > sweep.sbatch && sbatch sweep.sbatch
//
// It is an array job of N tasks (0 to N-1), task I running `netadopt sweep --shard I/N` into
// OUT.h5.shards/shard-I.h5. Task 0 also writes the merge job, OUT.h5.shards/merge.sbatch, and
// submits it with --dependency=afterok on its own array job (--kill-on-invalid-dep=yes: a
// failed task cancels the merge instead of leaving it pending), once per array job (a requeued
// task 0 does not submit it again). The merge job runs `netadopt merge OUT.h5 SHARDS...`, which
// refuses an existing OUT.h5 unless force_merge. The --setup lines run before netadopt in both
// jobs (module load ...). Logs: OUT.h5.shards/task-I.log and merge.log; the folder must exist
// before the jobs start, so `netadopt slurm` creates it.
//
// A task that is killed (wall time) resumes from its journal when requeued or resubmitted; a
// finished shard is not recomputed.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace netadopt::sweep {

struct SlurmOptions {
  std::filesystem::path netadopt;  // absolute path of the binary
  std::filesystem::path sweep;     // absolute path of the sweep file
  std::filesystem::path out;       // absolute path of the merged output
  std::size_t tasks = 1;
  int cpus_per_task = 1;
  std::string time;                // --time, "" for the partition's default
  std::string partition;           // "" for the default partition
  std::string account;             // "" for the user's default account
  std::string qos;                 // "" for the default QOS
  std::string mem;                 // per task, e.g. "4G"; "" for the cluster's default
  std::string merge_mem;           // of the merge job; "" for `mem`
  std::vector<std::string> setup;  // shell lines run before netadopt, in both jobs
  std::vector<std::string> sets;   // --set section.key=value, passed to every task's sweep
  bool force_merge = false;        // the merge job overwrites an existing OUT
};

// The sbatch script. The options must have passed the checks below.
std::string slurm_script(const SlurmOptions& options);

// Where the shards and logs go: OUT.shards/ beside the output.
std::filesystem::path shard_folder(const std::filesystem::path& out);

// Why the value of `flag` ("--time", "--mem", "--merge-mem", "--partition", "--account",
// "--qos") would break the script or sbatch, naming the flag and what is allowed; none if fine.
std::optional<std::string> slurm_value_problem(const std::string& flag, const std::string& value);

// Why a --setup line cannot go into the script (empty, a line break or another control
// character); none if fine. A setup line is shell: its metacharacters are the user's.
std::optional<std::string> setup_line_problem(const std::string& line);

// Why a path (`what`: "-o", "the sweep file", ...) cannot go into the script: a control
// character anywhere; in an #SBATCH line (the output's logs) also " or \.
std::optional<std::string> script_path_problem(const std::string& what,
                                               const std::filesystem::path& path);

}  // namespace netadopt::sweep
