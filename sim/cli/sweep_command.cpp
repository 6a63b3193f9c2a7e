// netadopt sweep SWEEP.ini [--set KEY=VALUE]...: every (point, replication) pair of the sweep,
// or of one shard, in parallel, resumable after a kill (sweep/journal.hpp), written to one HDF5
// file. --set overrides the base scenario for every point, as [base] does (sweep/sweep_spec.hpp).
//
// Rerunning a command whose output is complete, for the same sweep and shard, does nothing and
// succeeds (a requeued cluster task); any other existing output is refused without --force.
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "exit_codes.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "netadopt/run/resources.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/run/version.hpp"
#include "netadopt/sweep/execute.hpp"
#include "netadopt/sweep/progress.hpp"
#include "netadopt/sweep/sweep_output.hpp"
#include "sweep_cli.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace netadopt::cli {

namespace {
constexpr std::size_t kListedFailures = 5;

struct SweepArgs {
  fs::path file, out;
  std::vector<std::string> sets;  // --set
  sweep::Shard shard;
  int threads = 0;
  bool quiet = false, force = false, list_points = false;
  double interval = 60.0;
  bool memory_check = true;
};

po::options_description sweep_options() {
  po::options_description o("sweep options");
  o.add_options()("file", po::value<std::string>(), "sweep file")(
      "output,o", po::value<std::string>(), "output HDF5 file (default results/<sweep name>.h5)")(
      "shard", po::value<std::string>(),
      "compute shard I/N only, I from 0 to N-1: the pairs whose number is I modulo N (default: "
      "from SLURM_ARRAY_TASK_ID less SLURM_ARRAY_TASK_MIN, and SLURM_ARRAY_TASK_COUNT, when "
      "set; else every pair)")("threads", po::value<int>()->default_value(0),
                               "threads (0: OMP_NUM_THREADS or all cores)")(
      "progress-interval", po::value<double>()->default_value(60.0),
      "seconds between progress lines when stderr is not a terminal")(
      "list-points", "print the design's points and exit")(
      "force", "overwrite an existing output (a sweep resuming its own journal needs none)")(
      "quiet,q", "print nothing but errors")("no-memory-check",
                                             "run even if the sweep seems not to fit in memory");
  add_set_option(o);
  return o;
}

sweep::Shard shard_of(const po::variables_map& vm) {
  try {
    if (vm.count("shard")) return sweep::parse_shard(vm["shard"].as<std::string>());
    const auto slurm = sweep::shard_from_slurm(std::getenv("SLURM_ARRAY_TASK_ID"),
                                               std::getenv("SLURM_ARRAY_TASK_COUNT"),
                                               std::getenv("SLURM_ARRAY_TASK_MIN"));
    return slurm.value_or(sweep::Shard{});
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--shard: ") + e.what());
  }
}

SweepArgs sweep_args(const Args& args) {
  po::positional_options_description positional;
  positional.add("file", 1);
  const auto vm = parse_arguments(args, sweep_options(), positional);
  if (!vm.count("file")) throw UsageError("missing the SWEEP file");
  SweepArgs a{vm["file"].as<std::string>(),
              {},
              set_overrides(vm),
              shard_of(vm),
              vm["threads"].as<int>(),
              vm.count("quiet") > 0,
              vm.count("force") > 0,
              vm.count("list-points") > 0,
              vm["progress-interval"].as<double>()};
  a.out = vm.count("output") ? fs::path(vm["output"].as<std::string>())
                             : fs::path("results") / (a.file.stem().string() + ".h5");
  if (a.threads < 0) throw UsageError("--threads must be >= 0, found " + std::to_string(a.threads));
  if (!(a.interval > 0)) throw UsageError("--progress-interval must be > 0");
  a.memory_check = vm.count("no-memory-check") == 0;
  return a;
}

void list_points(const sweep::SweepPlan& plan) {
  std::cout << "point";
  for (const auto& key : plan.keys()) std::cout << '\t' << key;
  std::cout << "\tseed\tstatus\n";
  for (std::size_t p = 0; p < plan.points(); ++p) {
    std::cout << p;
    for (std::size_t a = 0; a < plan.spec.axes.size(); ++a)
      std::cout << '\t' << plan.design.value(p, a);
    std::cout << '\t' << plan.seeds[p] << '\t' << (plan.errors[p].empty() ? "ok" : "invalid")
              << '\n';
  }
}

// True when `out` already holds this sweep's shard, complete: nothing left to do.
bool already_complete(const SweepArgs& a, const sweep::SweepPlan& plan) {
  std::error_code ignored;
  if (!fs::exists(a.out, ignored) || fs::exists(sweep::Journal::folder_for(a.out), ignored))
    return false;
  try {
    const auto header = sweep::read_sweep_header(a.out);
    return !a.force && header.complete && header.hash == sweep::hash_text(plan.hash) &&
           header.shard == a.shard.text();
  } catch (const io::OutputError&) {
    return false;
  }
}

// A sweep being resumed (its journal exists) may overwrite its own output.
void check_sweep_output(const SweepArgs& a) {
  std::error_code ignored;
  const bool resuming = fs::exists(sweep::Journal::folder_for(a.out), ignored);
  check_output(a.out, a.force || resuming);
}

sweep::SweepData run_pairs(const SweepArgs& a, const sweep::SweepPlan& plan,
                           const sweep::Journal& journal, int threads) {
  sweep::Progress progress(std::cerr, sweep::progress_style(2, a.quiet), a.interval);
  sweep::ExecuteOptions options{threads, a.shard, {}, {}};
  options.on_start = [&](std::size_t done, std::size_t total) { progress.start(done, total); };
  options.on_pair = [&](std::size_t done, std::size_t) { progress.update(done); };
  sweep::SweepData data = sweep::execute(plan, journal, options);
  progress.finish();
  return data;
}

void report_failures(const sweep::SweepPlan& plan, const sweep::SweepData& data) {
  std::size_t failed = 0;
  for (std::size_t p = 0; p < plan.points(); ++p) {
    std::string why = plan.errors[p];
    for (std::size_t r = 0; why.empty() && r < plan.replications; ++r) {
      const auto& pair = data.pairs[p * plan.replications + r];
      if (pair && !pair->failure.empty()) why = pair->failure;
    }
    if (!why.empty() && ++failed <= kListedFailures)
      std::cerr << "netadopt: point " << p << " failed: " << why << '\n';
  }
  if (failed > kListedFailures)
    std::cerr << "netadopt: ... " << failed << " points failed in all\n";
}

// The resource guard: refuses (exit 69) a sweep that would not fit in the memory available now.
void check_memory(const SweepArgs& a, const sweep::SweepMemory& memory) {
  if (!a.memory_check) return;
  const auto available = run::available_memory();
  if (!available) return;
  const auto refusal =
      sweep::sweep_memory_refusal(memory, static_cast<double>(available->bytes), available->source);
  if (!refusal) return;
  std::cerr << "netadopt: " << *refusal << '\n';
  throw SweepRefused{kUnavailable};
}

int sweep_main(const Args& args, const std::string& line) {
  const SweepArgs a = sweep_args(args);
  const int threads = a.threads > 0 ? a.threads : run::default_threads();
  sweep::SweepSpec spec = load_sweep_or_report(a.file, a.sets);
  // Twice: before the plan is built (its points' scenarios, the output, the base's model
  // state), and after (the largest model state of any point). --list-points runs no pair, but
  // the plan builds the base's model once.
  auto memory = sweep::estimate_sweep_memory(spec, threads, a.shard.count);
  if (a.list_points) memory.output = 0, memory.in_flight = 1;
  check_memory(a, memory);
  const sweep::SweepPlan plan = sweep::make_plan(std::move(spec));
  if (a.list_points) return list_points(plan), kOk;
  if (already_complete(a, plan)) {
    if (!a.quiet) std::cerr << "netadopt: " << a.out.string() << " is complete; nothing to do\n";
    return kOk;
  }
  check_sweep_output(a);
  sweep::add_point_states(memory, plan);
  check_memory(a, memory);
  sweep::SweepProvenance p = sweep_provenance(line, threads, a.shard.text());
  const auto t0 = std::chrono::steady_clock::now();
  const sweep::Journal journal(a.out, plan.hash);
  const sweep::SweepData data = run_pairs(a, plan, journal, threads);
  p.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  sweep::write_sweep(a.out, plan, data, p);
  journal.remove();
  report_failures(plan, data);
  if (!a.quiet)
    std::cout << "netadopt sweep: " << plan.points() << " points x " << plan.replications
              << " replications, shard " << a.shard.text() << ", " << threads << " threads, "
              << p.wall_seconds << " s; wrote " << a.out.string() << '\n';
  return kOk;
}
}  // namespace

int sweep_command(const Args& args, const std::string& command_line) {
  try {
    return sweep_main(args, command_line);
  } catch (const SweepRefused& refused) {
    return refused.code;
  } catch (const sweep::JournalError& e) {
    throw CannotCreateOutput(e.what());
  }
}

}  // namespace netadopt::cli
