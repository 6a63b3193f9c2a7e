// The sbatch script of `netadopt slurm` (slurm_script.hpp): the array job's #SBATCH lines, the
// merge job that task 0 writes and submits, and the checks that keep a value from breaking
// either (an #SBATCH line ends at a space or an unquoted #, a shell line at a newline).
#include "netadopt/sweep/slurm_script.hpp"

#include <regex>

namespace netadopt::sweep {

namespace {
constexpr const char* kMergeScriptEnd = "NETADOPT_MERGE_JOB";

// Single-quoted for bash, a ' inside closed and escaped.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A log file in an #SBATCH --output line: FOLDER/NAME double-quoted (sbatch splits its lines
// at spaces and ends them at an unquoted #), the folder's % doubled (a % starts a file name
// pattern, such as NAME's %a). " and \ are refused by script_path_problem.
std::string sbatch_log(const std::filesystem::path& folder, const std::string& name) {
  std::string out = "\"";
  for (const char c : folder.string()) out += c == '%' ? std::string("%%") : std::string(1, c);
  return out + "/" + name + "\"";
}

bool has_control_character(const std::string& text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  return false;
}

std::string resources(const SlurmOptions& o, const std::string& mem) {
  std::string lines;
  if (!mem.empty()) lines += "#SBATCH --mem=" + mem + "\n";
  if (!o.time.empty()) lines += "#SBATCH --time=" + o.time + "\n";
  if (!o.partition.empty()) lines += "#SBATCH --partition=" + o.partition + "\n";
  if (!o.account.empty()) lines += "#SBATCH --account=" + o.account + "\n";
  if (!o.qos.empty()) lines += "#SBATCH --qos=" + o.qos + "\n";
  return lines;
}

std::string setup_lines(const SlurmOptions& o) {
  std::string lines;
  if (!o.setup.empty()) lines += "# --setup\n";
  for (const auto& line : o.setup) lines += line + "\n";
  return lines;
}

std::string last_shard(const SlurmOptions& o) { return std::to_string(o.tasks - 1); }

std::string array_header(const SlurmOptions& o) {
  const std::string tasks = std::to_string(o.tasks);
  return "#!/bin/bash\n"
         "#SBATCH --job-name=netadopt-sweep\n"
         "#SBATCH --array=0-" +
         last_shard(o) +
         "\n#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=" + std::to_string(o.cpus_per_task) + "\n" +
         resources(o, o.mem) +
         "#SBATCH --output=" + sbatch_log(shard_folder(o.out), "task-%a.log") + "\n" +
         "# The sweep " + o.sweep.string() + " on SLURM, written by `netadopt slurm`.\n" +
         "# Submit it as it is: sbatch THIS_FILE\n# Array task I (0 to " + last_shard(o) +
         ") computes shard I/" + tasks +
         " into OUT.shards/shard-I.h5; task 0 also submits the\n"
         "# merge job (OUT.shards/merge.sbatch), which runs once every task has succeeded.\n"
         "set -euo pipefail\n"
         "if [[ -z ${SLURM_ARRAY_TASK_ID:-} ]]; then\n"
         "  echo \"netadopt: submit this script with sbatch (sbatch $0), not bash\" >&2\n"
         "  exit 64\n"
         "fi\n"
         "netadopt=" +
         quoted(o.netadopt.string()) + "\nsweep=" + quoted(o.sweep.string()) +
         "\nout=" + quoted(o.out.string()) + "\nshards=" + quoted(shard_folder(o.out).string()) +
         "\n\n";
}

std::string merge_script(const SlurmOptions& o) {
  const std::string shards = shard_folder(o.out).string();
  return "#!/bin/bash\n"
         "#SBATCH --job-name=netadopt-merge\n"
         "#SBATCH --ntasks=1\n"
         "#SBATCH --cpus-per-task=1\n" +
         resources(o, o.merge_mem.empty() ? o.mem : o.merge_mem) +
         "#SBATCH --output=" + sbatch_log(shards, "merge.log") + "\n" + "set -euo pipefail\n" +
         setup_lines(o) + "exec " + quoted(o.netadopt.string()) + " merge " +
         quoted(o.out.string()) + (o.force_merge ? " --force " : " ") + quoted(shards) +
         "/shard-{0.." + last_shard(o) + "}.h5\n";
}

// Task 0 writes the merge job and submits it, once per array job: the file
// merge-job-of-ARRAYID, written after the submission, keeps a requeued task 0 from submitting
// it twice; a new submission of the script (another array job) submits its own.
std::string merge_submission(const SlurmOptions& o) {
  return std::string(
             "# Task 0 submits the merge job, once per array job (a requeued task 0 does not).\n"
             "submitted=\"$shards/merge-job-of-$SLURM_ARRAY_JOB_ID\"\n"
             "if [[ $SLURM_ARRAY_TASK_ID == 0 && ! -e $submitted ]]; then\n"
             "  cat > \"$shards/merge.sbatch\" <<'") +
         kMergeScriptEnd + "'\n" + merge_script(o) + kMergeScriptEnd + "\n" +
         "  if ! merge=$(sbatch --parsable --dependency=\"afterok:$SLURM_ARRAY_JOB_ID\" "
         "--kill-on-invalid-dep=yes \"$shards/merge.sbatch\"); then\n"
         "    echo \"netadopt: could not submit the merge job; once array job "
         "$SLURM_ARRAY_JOB_ID has succeeded, run: sbatch $shards/merge.sbatch\" >&2\n"
         "    exit 1\n"
         "  fi\n"
         "  echo \"${merge%%;*}\" > \"$submitted\"\n"
         "  echo \"netadopt: submitted merge job ${merge%%;*}: it runs once every task of array "
         "job $SLURM_ARRAY_JOB_ID has succeeded, and writes $out\"\n"
         "fi\n\n";
}

std::string sweep_command(const SlurmOptions& o) {
  std::string line = "exec \"$netadopt\" sweep \"$sweep\" --shard \"$SLURM_ARRAY_TASK_ID/" +
                     std::to_string(o.tasks) +
                     "\" -o \"$shards/shard-$SLURM_ARRAY_TASK_ID.h5\" --threads " +
                     std::to_string(o.cpus_per_task);
  for (const auto& set : o.sets) line += " --set " + quoted(set);
  return line + "\n";
}

std::optional<std::string> pattern_problem(const std::string& flag, const std::string& value,
                                           const std::regex& pattern, const std::string& allowed) {
  if (std::regex_match(value, pattern)) return std::nullopt;
  return flag + ": expected " + allowed + ", found '" + value + "'";
}
}  // namespace

std::filesystem::path shard_folder(const std::filesystem::path& out) {
  return std::filesystem::path(out.string() + ".shards");
}

std::string slurm_script(const SlurmOptions& options) {
  return array_header(options) + merge_submission(options) + setup_lines(options) +
         sweep_command(options);
}

std::optional<std::string> slurm_value_problem(const std::string& flag, const std::string& value) {
  if (flag == "--time")
    return pattern_problem(flag, value,
                           std::regex("([0-9]+-)?[0-9]+(:[0-9]+){0,2}|UNLIMITED|INFINITE"),
                           "a SLURM time such as 90 (minutes), 02:00:00 or 1-12:00:00 "
                           "(days-hours:minutes:seconds)");
  if (flag == "--mem" || flag == "--merge-mem")
    return pattern_problem(flag, value, std::regex("[0-9]+[KMGT]?"),
                           "a memory size such as 4G, 4000M or 4000 (megabytes)");
  return pattern_problem(flag, value, std::regex("[A-Za-z0-9_.,+-]+"),
                         "a SLURM name: letters, digits and _ . , + - (no spaces, quotes or "
                         "shell characters)");
}

std::optional<std::string> setup_line_problem(const std::string& line) {
  if (line.empty()) return "--setup: an empty line; give a shell command, e.g. 'module load hdf5'";
  if (has_control_character(line))
    return "--setup: '" + line +
           "' holds a line break or another control character; give one command per --setup";
  if (line == kMergeScriptEnd) return "--setup: '" + line + "' is reserved by the script";
  return std::nullopt;
}

std::optional<std::string> script_path_problem(const std::string& what,
                                               const std::filesystem::path& path) {
  const std::string text = path.string();
  if (has_control_character(text))
    return what + ": the path '" + text + "' holds a line break or another control character";
  if (what == "-o" && text.find_first_of("\"\\") != std::string::npos)
    return what + ": the path '" + text +
           "' holds \" or \\, which an #SBATCH --output line cannot hold; choose another";
  return std::nullopt;
}

}  // namespace netadopt::sweep
