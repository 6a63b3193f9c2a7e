// `netadopt run`: a scenario from the start, a fork of a checkpoint, or a checkpoint resumed.
// Every run can stop and resume: SIGTERM and SIGINT (a cluster's time limit, Ctrl-C) make each
// replication pause at its next event and write its checkpoint, and the command exits 75.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <iostream>
#include <mutex>
#include <optional>
#include <regex>

#include "arguments.hpp"
#include "checkpoint_folder.hpp"
#include "exit_codes.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/io/checkpoint_file.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "netadopt/run/fork.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/resumable.hpp"
#include "netadopt/run/version.hpp"
#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/loader.hpp"
#include "run_support.hpp"
#include "summary.hpp"

namespace netadopt::cli {

namespace fs = std::filesystem;

namespace {
// What to run: the scenario (and a fork's), where it starts from, where it writes.
struct RunSetup {
  std::optional<scenario::Scenario> scenario;  // until the fork's day, if a fork
  std::optional<scenario::Scenario> fork;
  double fork_day = 0.0;
  run::ForkOrigin fork_origin;  // a fork's: written with its checkpoints and output
  std::vector<run::ReplicationCheckpoint> from;
  fs::path out;
  fs::path resumed;  // the checkpoint folder resumed, if any
  const scenario::Scenario& effective() const { return fork ? *fork : *scenario; }
};

// Wall-clock durations: 90s, 30m (or 30min), 2h.
double wall_seconds(const std::string& text) {
  static const std::regex form(R"(\s*([0-9]*\.?[0-9]+)\s*(s|m|min|h)\s*)");
  std::smatch m;
  if (!std::regex_match(text, m, form) || std::stod(m[1]) <= 0.0)
    throw UsageError("--checkpoint-every '" + text +
                     "': expected a positive wall-clock duration such as 90s, 30m or 2h");
  const double unit = m[2] == "s" ? 1.0 : m[2] == "h" ? 3600.0 : 60.0;
  return std::stod(m[1]) * unit;
}

double day_of(const scenario::Scenario& s, const std::string& date, const char* option) {
  const auto parsed = scenario::parse_date(date);
  if (!parsed) throw UsageError(std::string(option) + " '" + date + "': expected YYYY-MM-DD");
  const double day = parsed->days - s.date("run.start").days;
  if (day < 0.0 || parsed->days >= s.date("run.end").days)
    throw UsageError(std::string(option) + " " + date + " lies outside the run (" +
                     scenario::format_date(s.date("run.start")) + " to " +
                     scenario::format_date(s.date("run.end")) + ")");
  return day;
}

scenario::Scenario reload(const std::string& text, const std::string& name) {
  return scenario::parse_scenario(run::full_schema(), text, name);
}

RunSetup resume_setup(const po::variables_map& vm) {
  if (vm.count("file") || vm.count("set"))
    throw UsageError("--resume continues the checkpoint's own scenario: give no FILE or --set");
  RunSetup setup;
  setup.resumed = vm["resume"].as<std::string>();
  run::Checkpoint cp = read_checkpoint_folder(setup.resumed);
  setup.scenario = reload(cp.scenario_text, cp.scenario_file);
  if (!cp.fork_scenario_text.empty()) {  // the fork's marks and origin, as first planned
    run::ForkPlan plan = run::replan_fork(cp);
    setup.fork = std::move(plan.fork);
    setup.fork_day = plan.fork_day;
    setup.fork_origin = std::move(plan.origin);
  }
  setup.from = std::move(cp.replications);
  setup.out = cp.output_path;
  return setup;
}

RunSetup fresh_or_fork_setup(const po::variables_map& vm) {
  RunSetup setup;
  scenario::Scenario file = load(vm);
  setup.out = default_output(vm["file"].as<std::string>());
  if (!run::is_fork(file)) {
    setup.scenario = std::move(file);
    return setup;
  }
  ForkStart start = start_fork(file);
  setup.scenario = std::move(start.plan.base);
  setup.fork = std::move(start.plan.fork);
  setup.fork_day = start.plan.fork_day;
  setup.fork_origin = std::move(start.plan.origin);
  setup.from = std::move(start.checkpoint.replications);
  return setup;
}

fs::path checkpoint_folder(const po::variables_map& vm, const RunSetup& setup,
                           std::optional<double> stop_day) {
  if (vm.count("checkpoint")) return vm["checkpoint"].as<std::string>();
  fs::path folder = setup.out;
  if (stop_day) {  // kept apart from the run's own checkpoints: forks start from it
    const auto& s = *setup.scenario;
    const scenario::Date date{s.date("run.start").days + static_cast<int>(*stop_day)};
    return folder.replace_extension("").string() + "." + scenario::format_date(date) +
           ".checkpoint";
  }
  return folder.replace_extension(".checkpoint");
}

// Up front: refuses a folder holding another run's checkpoint (unless --force: deletes it).
void check_folder(const fs::path& folder, const RunSetup& setup, bool force) {
  std::error_code error;
  if (!setup.resumed.empty() && fs::equivalent(folder, setup.resumed, error)) return;
  if (!fs::exists(folder, error)) return;
  CheckpointFolder(folder, {}).prepare(force);
}

run::Checkpoint header(const RunSetup& setup, const std::string& out) {
  run::Checkpoint h;
  h.scenario_file = setup.scenario->source();
  h.scenario_text = setup.scenario->resolved_ini();
  if (setup.fork) {
    h.fork_scenario_file = setup.fork->source();
    h.fork_scenario_text = run::fork_text(*setup.fork, setup.fork_origin);
    h.fork_day = setup.fork_day;
  }
  h.output_path = out;
  h.version = version();
  h.compiler = compiler();
  h.replication_count = static_cast<std::size_t>(setup.scenario->integer("run.replications"));
  return h;
}

// A fork's output says whose fork it is, from when, and what it changed.
void record_fork(run::Provenance& p, const scenario::Scenario& fork,
                 const run::ForkOrigin& origin) {
  p.scenario_text = run::fork_text(fork, origin);
  p.fork_checkpoint = origin.checkpoint;
  p.fork_date = origin.date;
  p.fork_file = origin.file;
  for (const auto& change : origin.changes)
    p.fork_changes += (p.fork_changes.empty() ? "" : "\n") + change;
}

extern "C" void on_stop_signal(int signal) { run::request_stop(signal); }

// SIGTERM and SIGINT request a stop; a second one kills as usual (SA_RESETHAND).
class StopSignals {
 public:
  StopSignals() {
    run::clear_stop_request();
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGTERM, &action, &old_term_);
    sigaction(SIGINT, &action, &old_int_);
  }
  ~StopSignals() {
    sigaction(SIGTERM, &old_term_, nullptr);
    sigaction(SIGINT, &old_int_, nullptr);
  }

 private:
  struct sigaction old_term_ {
  }, old_int_{};
};

std::string signal_name(int signal) {
  return signal == SIGTERM  ? "SIGTERM"
         : signal == SIGINT ? "SIGINT"
                            : "signal " + std::to_string(signal);
}

bool nothing_begun(const std::vector<run::Stage>& stages) {
  return std::all_of(stages.begin(), stages.end(),
                     [](run::Stage s) { return s == run::Stage::NotStarted; });
}

std::string stage_counts(const std::vector<run::Stage>& stages) {
  std::size_t count[3] = {0, 0, 0};
  for (auto s : stages) ++count[static_cast<int>(s)];
  return std::to_string(count[2]) + " finished, " + std::to_string(count[1]) + " paused, " +
         std::to_string(count[0]) + " not started";
}

po::options_description run_options() {
  auto options = scenario_options();
  options.add_options()("output,o", po::value<std::string>(), "output HDF5 file")(
      "force", "overwrite an existing output (and an earlier run's checkpoint)")(
      "threads", po::value<int>()->default_value(0), "threads (0: OMP_NUM_THREADS or all cores)")(
      "quiet,q", "print nothing but errors")("no-memory-check", "run even if it seems not to fit")(
      "resume", po::value<std::string>(), "continue the run in this checkpoint folder")(
      "checkpoint", po::value<std::string>(),
      "checkpoint folder (default: OUT without .h5, "
      "plus .checkpoint)")("checkpoint-every", po::value<std::string>(),
                           "write checkpoints at this wall-clock "
                           "interval: 90s, 30m, 2h")("checkpoint-days", po::value<double>(),
                                                     "write checkpoints every D simulated days")(
      "stop-at", po::value<std::string>(),
      "pause every replication at this date, write the "
      "checkpoint and stop (a base for forks)");
  return options;
}

// When to pause (the store is attached once the folder is known).
run::CheckpointPolicy checkpoint_policy(const po::variables_map& vm, const RunSetup& setup) {
  run::CheckpointPolicy policy;
  if (vm.count("checkpoint-every"))
    policy.every_wall_seconds = wall_seconds(vm["checkpoint-every"].as<std::string>());
  if (vm.count("checkpoint-days")) {
    policy.every_days = vm["checkpoint-days"].as<double>();
    if (!(policy.every_days > 0.0) || policy.every_days > 1e7)
      throw UsageError("--checkpoint-days must be in (0, 1e7] simulated days");
  }
  if (vm.count("stop-at"))
    policy.stop_day = day_of(*setup.scenario, vm["stop-at"].as<std::string>(), "--stop-at");
  return policy;
}

// A run that stopped before the end: what was written, and how to go on. Returns the exit code.
int report_stop(const run::ResumableOutcome& outcome, const fs::path& folder,
                const po::variables_map& vm) {
  if (nothing_begun(outcome.stages)) {
    std::cerr << "netadopt: interrupted by " << signal_name(outcome.signal)
              << " before any replication began (while building the models); nothing was "
                 "written: run the command again\n";
    return kStoppedBeforeStart + outcome.signal;
  }
  const std::string why = outcome.signal ? "interrupted by " + signal_name(outcome.signal)
                                         : "stopped at " + vm["stop-at"].as<std::string>();
  std::cerr << "netadopt: " << why << " (" << stage_counts(outcome.stages)
            << "); checkpoint written to '" << folder.string() << "'\n"
            << "continue with: netadopt run --resume " << folder.string() << '\n';
  if (!outcome.signal)
    std::cerr << "or branch from it with a fork file: [fork] checkpoint = " << folder.string()
              << " (a path relative to the fork file's folder)\n";
  return outcome.signal ? kTempFail : kOk;
}

void report_result(const RunSetup& setup, const run::RunResult& result, const run::Provenance& p,
                   int threads) {
  const auto& s = setup.effective();
  std::cout << "netadopt " << p.version << ": " << s.source() << ", model " << s.choice("run.model")
            << ", " << s.integer("population.size") << " agents, " << result.replications
            << " replications, " << threads << " threads\n";
  print_summary(std::cout, result, static_cast<double>(s.integer("population.size")),
                p.wall_seconds);
  std::cout << "wrote " << setup.out.string() << '\n';
}
}  // namespace

int run_command(const Args& args, const std::string& command_line) {
  const auto vm = parse(args, run_options(), true);
  RunSetup setup = vm.count("resume") ? resume_setup(vm) : fresh_or_fork_setup(vm);
  if (vm.count("output")) setup.out = vm["output"].as<std::string>();
  const bool force = vm.count("force") > 0, quiet = vm.count("quiet") > 0;
  const int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError("--threads must be >= 0, found " + std::to_string(threads));
  run::CheckpointPolicy policy = checkpoint_policy(vm, setup);
  const fs::path folder = checkpoint_folder(vm, setup, policy.stop_day);
  if (!policy.stop_day) check_output(setup.out, force);
  check_folder(folder, setup, force);
  const int used = threads > 0 ? threads : run::default_threads();
  if (const auto refusal = memory_refusal(setup.effective(), used);
      refusal && !vm.count("no-memory-check")) {
    std::cerr << "netadopt: " << *refusal << '\n';
    return kUnavailable;
  }

  CheckpointFolder checkpoints(folder, header(setup, setup.out.string()));
  std::once_flag created;
  policy.store = [&](std::size_t r, const run::ReplicationCheckpoint& cp) {
    std::call_once(created, [&] { checkpoints.prepare(true); });
    const int signal = run::stop_requested();
    checkpoints.store(r, cp,
                      signal            ? signal_name(signal)
                      : policy.stop_day ? std::string("stop-at")
                                        : "interval");
  };
  run::Provenance p = provenance(setup.effective(), command_line, used);
  if (setup.fork) record_fork(p, *setup.fork, setup.fork_origin);
  const auto t0 = std::chrono::steady_clock::now();
  // Held through the final write too: a signal then lets the finished result be written
  // rather than lose the whole run.
  StopSignals signals;
  run::ResumableRun what{&*setup.scenario, setup.fork ? &*setup.fork : nullptr, setup.fork_day,
                         std::move(setup.from)};
  const run::ResumableOutcome outcome =
      run::run_resumable(std::move(what), policy, progress_options(used, quiet));
  p.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!outcome.result) return report_stop(outcome, folder, vm);
  io::write_hdf5(setup.out, *outcome.result, p, force);
  remove_checkpoint(folder);  // the run finished: its own checkpoints are spent
  if (!quiet) report_result(setup, *outcome.result, p, used);
  return kOk;
}

}  // namespace netadopt::cli
