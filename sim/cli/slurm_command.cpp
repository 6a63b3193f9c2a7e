// netadopt slurm SWEEP.ini --tasks N [-o OUT] [...]: prints an sbatch script that runs the sweep
// as a SLURM array job of N shards and its merge as a dependent job, submitted as it is printed:
//   netadopt slurm SWEEP.ini --tasks N -o OUT.h5 > sweep.sbatch && sbatch sweep.sbatch
// (sweep/slurm_script.hpp). The sweep file and its --set overrides are checked first, and every
// flag's value, so a bad one fails here, not on the cluster; an existing OUT is refused unless
// --force-merge (the merge would refuse it after the whole sweep). Creates OUT.shards/, where
// the jobs write their logs (SLURM opens them before a job starts).
#include <boost/program_options.hpp>
#include <iostream>

#include "exit_codes.hpp"
#include "netadopt/sweep/plan.hpp"
#include "netadopt/sweep/slurm_script.hpp"
#include "sweep_cli.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace netadopt::cli {

namespace {
po::options_description slurm_options() {
  po::options_description o("slurm options");
  o.add_options()("file", po::value<std::string>(), "sweep file")(
      "tasks", po::value<std::size_t>(),
      "array tasks (shards), N >= 1: task I computes shard I/N, I from 0 to N-1")(
      "output,o", po::value<std::string>(),
      "merged output (default results/<sweep name>.h5); shards and logs go to OUT.shards/")(
      "cpus-per-task", po::value<int>()->default_value(1),
      "CPUs per array task, and the threads of its sweep")(
      "mem", po::value<std::string>()->default_value(""),
      "memory per array task, e.g. 4G or 4000M (#SBATCH --mem; default: the cluster's)")(
      "merge-mem", po::value<std::string>()->default_value(""),
      "memory of the merge job, which holds the whole output (default: --mem)")(
      "time", po::value<std::string>()->default_value(""),
      "wall time per job, e.g. 02:00:00 or 1-00:00:00 (default: the partition's)")(
      "partition", po::value<std::string>()->default_value(""),
      "SLURM partition of both jobs (default: the cluster's)")(
      "account", po::value<std::string>()->default_value(""),
      "SLURM account charged for both jobs (default: yours)")(
      "qos", po::value<std::string>()->default_value(""),
      "SLURM quality of service of both jobs (default: the cluster's)")(
      "setup", po::value<std::vector<std::string>>()->composing(),
      "a shell line run before netadopt in every job, e.g. \"module load hdf5\" (repeatable, "
      "in order)")("force-merge",
                   "let the merge job overwrite an existing OUT (by default it refuses, exit 73)");
  add_set_option(o);
  return o;
}

// The running binary's own path, so the cluster runs the same netadopt.
fs::path this_binary() { return fs::read_symlink("/proc/self/exe"); }

void refuse_if(const std::optional<std::string>& problem) {
  if (problem) throw UsageError(*problem);
}

std::string named_value(const po::variables_map& vm, const std::string& flag) {
  const std::string value = vm[flag].as<std::string>();
  if (!value.empty()) refuse_if(sweep::slurm_value_problem("--" + flag, value));
  return value;
}

sweep::SlurmOptions slurm_options_of(const po::variables_map& vm, const fs::path& file,
                                     const fs::path& out) {
  sweep::SlurmOptions o{this_binary(),
                        fs::absolute(file).lexically_normal(),
                        fs::absolute(out).lexically_normal(),
                        vm["tasks"].as<std::size_t>(),
                        vm["cpus-per-task"].as<int>(),
                        named_value(vm, "time"),
                        named_value(vm, "partition"),
                        named_value(vm, "account"),
                        named_value(vm, "qos"),
                        named_value(vm, "mem"),
                        named_value(vm, "merge-mem"),
                        {},
                        set_overrides(vm),
                        vm.count("force-merge") > 0};
  if (vm.count("setup")) o.setup = vm["setup"].as<std::vector<std::string>>();
  for (const auto& line : o.setup) refuse_if(sweep::setup_line_problem(line));
  refuse_if(sweep::script_path_problem("-o", o.out));
  refuse_if(sweep::script_path_problem("the sweep file", o.sweep));
  refuse_if(sweep::script_path_problem("the netadopt binary", o.netadopt));
  if (o.cpus_per_task < 1) throw UsageError("--cpus-per-task must be >= 1");
  return o;
}

// More tasks than pairs: the extra tasks' shards are empty (they run, and write a shard of
// nothing, which the merge accepts).
void warn_idle_tasks(const sweep::SweepSpec& spec, std::size_t tasks) {
  const std::size_t pairs = sweep::pair_count(spec);
  if (tasks <= pairs) return;
  std::cerr << "netadopt: warning: --tasks " << tasks << " but the sweep has " << pairs
            << " (point, replication) pairs: " << tasks - pairs
            << " tasks will have nothing to do; --tasks " << pairs << " is enough\n";
}

// The merge job refuses an existing OUT without --force-merge: refused now, not after the sweep.
void check_merged_output(const fs::path& out, bool force_merge) {
  std::error_code ignored;
  if (!force_merge && fs::exists(out, ignored))
    throw CannotCreateOutput("'" + out.string() +
                             "' exists, and the merge job would refuse to overwrite it; remove "
                             "it, choose another -o, or pass --force-merge");
  check_output(out, true);
}

void create_shard_folder(const fs::path& out) {
  std::error_code error;
  fs::create_directories(sweep::shard_folder(out), error);
  if (error)
    throw CannotCreateOutput("cannot create the folder '" + sweep::shard_folder(out).string() +
                             "' for the shards and the jobs' logs: " + error.message());
}

int slurm_main(const Args& args) {
  po::positional_options_description positional;
  positional.add("file", 1);
  const auto vm = parse_arguments(args, slurm_options(), positional);
  if (!vm.count("file")) throw UsageError("missing the SWEEP file");
  if (!vm.count("tasks") || vm["tasks"].as<std::size_t>() == 0)
    throw UsageError("--tasks N (N >= 1) is required");
  const fs::path file = vm["file"].as<std::string>();
  const fs::path out = vm.count("output") ? fs::path(vm["output"].as<std::string>())
                                          : fs::path("results") / (file.stem().string() + ".h5");
  const sweep::SlurmOptions options = slurm_options_of(vm, file, out);
  const sweep::SweepSpec spec = load_sweep_or_report(file, options.sets);
  check_merged_output(out, options.force_merge);
  warn_idle_tasks(spec, options.tasks);
  create_shard_folder(options.out);
  std::cout << sweep::slurm_script(options);
  return kOk;
}
}  // namespace

int slurm_command(const Args& args) {
  try {
    return slurm_main(args);
  } catch (const SweepRefused& refused) {
    return refused.code;
  }
}

}  // namespace netadopt::cli
