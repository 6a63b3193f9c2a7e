// netadopt slurm SWEEP.ini --tasks N [-o OUT]: prints a bash script that submits the sweep as
// a SLURM array job of N shards and its merge as a dependent job (sweep/slurm_script.hpp).
// The sweep file is checked first, so a bad file fails here, not on the cluster.
#include <boost/program_options.hpp>
#include <iostream>

#include "exit_codes.hpp"
#include "netadopt/sweep/slurm_script.hpp"
#include "sweep_cli.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace netadopt::cli {

namespace {
po::options_description slurm_options() {
  po::options_description o("slurm options");
  o.add_options()("file", po::value<std::string>(), "sweep file")("tasks", po::value<std::size_t>(),
                                                                  "array tasks (shards)")(
      "output,o", po::value<std::string>(), "merged output (default results/<sweep name>.h5)")(
      "cpus-per-task", po::value<int>()->default_value(1), "CPUs (threads) per task")(
      "time", po::value<std::string>()->default_value(""), "wall time per task, e.g. 02:00:00")(
      "partition", po::value<std::string>()->default_value(""), "SLURM partition");
  return o;
}

// The running binary's own path, so the cluster runs the same netadopt.
fs::path this_binary() { return fs::read_symlink("/proc/self/exe"); }

int slurm_main(const Args& args) {
  po::positional_options_description positional;
  positional.add("file", 1);
  const auto vm = parse_arguments(args, slurm_options(), positional);
  if (!vm.count("file")) throw UsageError("missing the SWEEP file");
  if (!vm.count("tasks") || vm["tasks"].as<std::size_t>() == 0)
    throw UsageError("--tasks N (N >= 1) is required");
  const fs::path file = vm["file"].as<std::string>();
  load_sweep_or_report(file);
  const fs::path out = vm.count("output") ? fs::path(vm["output"].as<std::string>())
                                          : fs::path("results") / (file.stem().string() + ".h5");
  const int cpus = vm["cpus-per-task"].as<int>();
  if (cpus < 1) throw UsageError("--cpus-per-task must be >= 1");
  std::cout << sweep::slurm_script(
      {this_binary(), fs::absolute(file), fs::absolute(out), vm["tasks"].as<std::size_t>(), cpus,
       vm["time"].as<std::string>(), vm["partition"].as<std::string>()});
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
