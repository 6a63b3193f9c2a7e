#include "commands.hpp"

#include "arguments.hpp"

#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include "exit_codes.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "netadopt/run/fork.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/resources.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/run/unread_keys.hpp"
#include "netadopt/run/version.hpp"
#include "netadopt/scenario/describe.hpp"
#include "netadopt/scenario/loader.hpp"
#include "run_support.hpp"
#include "summary.hpp"

namespace po = boost::program_options;

namespace netadopt::cli {

std::string usage_text() {
  return "usage: netadopt COMMAND [ARGS]\n"
         "  run FILE [-o OUT.h5] [--set section.key=value]... [--force] [--threads N] [--quiet]\n"
         "      [--checkpoint DIR] [--checkpoint-every 30m] [--checkpoint-days D] [--stop-at "
         "DATE]\n"
         "                      run a scenario (or a fork: a file with [fork]); OUT defaults to\n"
         "                      results/<scenario name>.h5; SIGTERM/SIGINT write a checkpoint\n"
         "  run --resume DIR [-o OUT.h5] [--threads N]   continue a checkpointed run\n"
         "  compare A.ini B.ini [-o OUT.h5] [--dates D1,D2,...] [--no-decomposition] [...]\n       "
         "               compare two scenarios (common random numbers) and split the gap; --help\n"
         "  validate FILE [--set section.key=value]...\n"
         "                      check a scenario and print it resolved (every key)\n"
         "  calibrate FILE [-o OUT.h5] [--write-scenarios DIR] [--force] [--threads N] [--quiet]\n "
         "                     fit keys of several scenarios jointly to observed membership; "
         "--keys\n"
         "  sweep SWEEP.ini [-o OUT.h5] [--set K=V]... [--shard I/N, I from 0 to N-1] [--threads "
         "N] [...]\n          "
         "            run a parameter sweep (resumable after a kill)\n"
         "  merge OUT.h5 SHARD.h5... [--force]   combine the shard files of one sweep\n"
         "  slurm SWEEP.ini --tasks N [-o OUT.h5] print an sbatch array script and its merge job\n"
         "  analyze sobol OUT.h5 --output VAR [--date D]   Sobol' indices of a sobol sweep\n"
         "  describe [--markdown] list every scenario key: type, default, unit, range, help\n"
         "  version             print the version\n"
         "netadopt COMMAND --help lists every flag of COMMAND.\n" +
         exit_codes_text();
}

std::string command_usage(const std::string& command) {
  std::istringstream lines(usage_text());
  std::string usage;
  bool inside = false;
  for (std::string line; std::getline(lines, line);) {
    const bool starts_entry = line.size() > 2 && line.starts_with("  ") && line[2] != ' ';
    if (starts_entry)
      inside = line.substr(2).starts_with(command + " ") || line.substr(2) == command;
    else if (!line.starts_with("  "))
      inside = false;
    if (inside) usage += line + "\n";
  }
  return usage;
}

// Parses `args` against `options` (and a positional FILE when `file` is given).
po::variables_map parse(const Args& args, const po::options_description& options, bool with_file) {
  po::positional_options_description positional;
  if (with_file) positional.add("file", 1);
  return parse_arguments(args, options, positional);
}

po::options_description scenario_options() {
  po::options_description options("options");
  options.add_options()("file", po::value<std::string>(), "scenario file")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "override a key: section.key=value (repeatable)")(
      "allow-unread-keys",
      "warn about keys the chosen model does not read instead of refusing the scenario");
  return options;
}

void check_keys_read(const scenario::Scenario& s, bool allow) {
  if (run::is_fork(s)) return;  // a fork's keys change the checkpoint's model (run/fork.hpp)
  auto problems = run::unread_key_problems(s);
  if (problems.empty()) return;
  if (!allow) throw scenario::ScenarioError(std::move(problems), false);
  for (const auto& problem : problems)
    std::cerr << "netadopt: warning: " << problem.to_string() << '\n';
}

scenario::Scenario load(const po::variables_map& vm) {
  if (!vm.count("file")) throw UsageError("missing the scenario FILE");
  std::vector<std::string> overrides;
  if (vm.count("set")) overrides = vm["set"].as<std::vector<std::string>>();
  scenario::Scenario s =
      scenario::load_scenario(run::full_schema(), vm["file"].as<std::string>(), overrides);
  check_keys_read(s, vm.count("allow-unread-keys") > 0);
  return s;
}

std::filesystem::path default_output(const std::string& file) {
  return std::filesystem::path("results") / (std::filesystem::path(file).stem().string() + ".h5");
}

run::RunOptions progress_options(int threads, bool quiet) {
  run::RunOptions options;
  options.threads = threads;
  if (!quiet && isatty(STDERR_FILENO))
    options.on_progress = [](std::size_t done, std::size_t total) {
      std::cerr << "\rreplications: " << done << "/" << total << (done == total ? "\n" : "")
                << std::flush;
    };
  return options;
}

// The resource guard: a refusal when the run would not fit in the memory available now.
std::optional<std::string> memory_refusal(const scenario::Scenario& s, int threads) {
  const auto available = run::available_memory();
  if (!available) return std::nullopt;
  return run::memory_refusal(run::estimate_memory(s, threads), *available);
}

run::Provenance provenance(const std::string& file, const std::string& text, std::uint64_t seed,
                           const std::string& line, int threads, double wall_seconds) {
  run::Provenance p;
  p.scenario_file = file;
  p.scenario_text = text;
  p.seed = seed;
  p.version = version();
  p.compiler = compiler();
  p.command_line = line;
  p.started_at = utc_now();
  p.threads = threads;
  p.wall_seconds = wall_seconds;
  return p;
}

run::Provenance provenance(const scenario::Scenario& s, const std::string& line, int threads,
                           double wall_seconds) {
  return provenance(s.source(), s.resolved_ini(), static_cast<std::uint64_t>(s.integer("run.seed")),
                    line, threads, wall_seconds);
}

int describe_command(const Args& args) {
  po::options_description options("describe options");
  options.add_options()("markdown", "print markdown tables");
  const auto vm = parse(args, options, false);
  const auto& schema = run::full_schema();
  std::cout << (vm.count("markdown") ? scenario::describe_markdown(schema)
                                     : scenario::describe_text(schema));
  return kOk;
}

scenario::Scenario::Annotations validate_annotations(const scenario::Scenario& s) {
  const auto& model = models::descriptor(s);
  scenario::Scenario::Annotations notes;
  notes.derived = [&s, &model](const std::string& key) { return model.derived_value(s, key); };
  notes.reads = [&model](const std::string& key) {
    const auto readers = models::models_reading(key);
    return std::find(readers.begin(), readers.end(), model.name) != readers.end();
  };
  return notes;
}

int validate_command(const Args& args) {
  const auto vm = parse(args, scenario_options(), true);
  const scenario::Scenario s = load(vm);
  if (run::is_fork(s)) return validate_fork(s);
  std::cout << s.annotated_ini(validate_annotations(s));
  return kOk;
}

int version_command(const Args&) {
  std::cout << "netadopt " << version() << " (" << compiler() << ")\n";
  return kOk;
}

}  // namespace netadopt::cli
