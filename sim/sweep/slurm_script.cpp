#include "netadopt/sweep/slurm_script.hpp"

namespace netadopt::sweep {

namespace {
// Single-quoted for bash, a ' inside closed and escaped.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string optional_lines(const SlurmOptions& o) {
  std::string lines;
  if (!o.time.empty()) lines += "#SBATCH --time=" + o.time + "\n";
  if (!o.partition.empty()) lines += "#SBATCH --partition=" + o.partition + "\n";
  return lines;
}

std::string header(const SlurmOptions& o) {
  return "#!/bin/bash\n"
         "# Submits the sweep " +
         o.sweep.string() + " to SLURM: " + std::to_string(o.tasks) +
         " array tasks (one shard each),\n# then `netadopt merge` once all have succeeded. "
         "Written by `netadopt slurm`; run it with bash.\n"
         "set -euo pipefail\n"
         "netadopt=" +
         quoted(o.netadopt.string()) +
         "\n"
         "sweep=" +
         quoted(o.sweep.string()) +
         "\n"
         "out=" +
         quoted(o.out.string()) +
         "\n"
         "shards=" +
         quoted(shard_folder(o.out).string()) +
         "\n"
         "mkdir -p \"$shards\"\n\n";
}

std::string array_job(const SlurmOptions& o) {
  return "array=$(sbatch --parsable <<EOF\n"
         "#!/bin/bash\n"
         "#SBATCH --job-name=netadopt-sweep\n"
         "#SBATCH --array=0-" +
         std::to_string(o.tasks - 1) +
         "\n"
         "#SBATCH --ntasks=1\n"
         "#SBATCH --cpus-per-task=" +
         std::to_string(o.cpus_per_task) +
         "\n"
         "#SBATCH --output=$shards/task-%a.log\n" +
         optional_lines(o) +
         "# The shard comes from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT.\n"
         "exec \"$netadopt\" sweep \"$sweep\" -o \"$shards/shard-\\$SLURM_ARRAY_TASK_ID.h5\" "
         "--threads " +
         std::to_string(o.cpus_per_task) +
         "\n"
         "EOF\n)\n"
         "array=${array%%;*}\n\n";
}

std::string merge_job(const SlurmOptions& o) {
  return "merge=$(sbatch --parsable --dependency=afterok:$array <<EOF\n"
         "#!/bin/bash\n"
         "#SBATCH --job-name=netadopt-merge\n"
         "#SBATCH --ntasks=1\n"
         "#SBATCH --output=$shards/merge.log\n" +
         optional_lines(o) + "exec \"$netadopt\" merge \"$out\" --force \"$shards\"/shard-{0.." +
         std::to_string(o.tasks - 1) +
         "}.h5\n"
         "EOF\n)\n"
         "merge=${merge%%;*}\n"
         "echo \"submitted array job $array (" +
         std::to_string(o.tasks) + " tasks) and merge job $merge; output: $out\"\n";
}
}  // namespace

std::filesystem::path shard_folder(const std::filesystem::path& out) {
  return std::filesystem::path(out.string() + ".shards");
}

std::string slurm_script(const SlurmOptions& options) {
  return header(options) + array_job(options) + merge_job(options);
}

}  // namespace netadopt::sweep
