// `netadopt calibrate CALIBRATION.ini`: fit the file's keys to the observed series, print the
// fit, and write the summary HDF5, the final run of each scenario beside it
// (OUT_<scenario>.h5), and, with --write-scenarios, the calibrated scenario files.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "arguments.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "netadopt/calibration/calibration.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/io/calibration_writer.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/run/version.hpp"
#include "netadopt/scenario/describe.hpp"
#include "netadopt/scenario/read_file.hpp"
#include "run_support.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace netadopt::cli {

namespace {
struct CalibrateOptions {
  fs::path file, out, scenarios_dir;
  bool force = false, quiet = false, keys = false;
  int threads = 0;
};

po::options_description calibrate_options() {
  po::options_description options("calibrate options");
  options.add_options()("file", po::value<std::string>(), "calibration file")(
      "output,o", po::value<std::string>(), "output HDF5 file")(
      "write-scenarios", po::value<std::string>(), "folder for the calibrated scenario files")(
      "force", "overwrite existing outputs")("threads", po::value<int>()->default_value(0),
                                             "threads (0: OMP_NUM_THREADS or all cores)")(
      "quiet,q", "print nothing but errors")("keys", "list the calibration file's keys");
  return options;
}

po::variables_map parsed(const Args& args) {
  po::positional_options_description positional;
  positional.add("file", 1);
  return parse_arguments(args, calibrate_options(), positional);
}

CalibrateOptions options_of(const po::variables_map& vm) {
  CalibrateOptions o;
  o.keys = vm.count("keys") > 0;
  if (o.keys) return o;
  if (!vm.count("file")) throw UsageError("missing the CALIBRATION file");
  o.file = vm["file"].as<std::string>();
  o.out = vm.count("output") ? fs::path(vm["output"].as<std::string>())
                             : fs::path("results") / (o.file.stem().string() + ".h5");
  if (vm.count("write-scenarios")) o.scenarios_dir = vm["write-scenarios"].as<std::string>();
  o.force = vm.count("force") > 0;
  o.quiet = vm.count("quiet") > 0;
  o.threads = vm["threads"].as<int>();
  if (o.threads < 0) throw UsageError("--threads must be >= 0, found " + std::to_string(o.threads));
  return o;
}

fs::path run_output(const fs::path& out, const std::string& scenario) {
  return out.parent_path() / (out.stem().string() + "_" + scenario + ".h5");
}

void check_scenario_outputs(const CalibrateOptions& o, const run::CalibrationSpec& spec) {
  if (o.scenarios_dir.empty()) return;
  std::error_code error;
  fs::create_directories(o.scenarios_dir, error);
  if (error)
    throw CannotCreateOutput("cannot create folder '" + o.scenarios_dir.string() +
                             "': " + error.message());
  for (const auto& s : spec.scenarios) check_output(o.scenarios_dir / s.file.filename(), o.force);
}

void check_outputs(const CalibrateOptions& o, const run::CalibrationSpec& spec) {
  check_output(o.out, o.force);
  for (const auto& s : spec.scenarios) check_output(run_output(o.out, s.name), o.force);
  check_scenario_outputs(o, spec);
}

std::string file_text(const fs::path& file) { return scenario::read_text_file(file); }

std::string values_text(const run::CalibrationSpec& spec, const std::vector<double>& values) {
  std::string text;
  for (std::size_t k = 0; k < values.size(); ++k)
    text += (k ? ", " : "") + spec.keys[k].key + " = " + run::exact_text(values[k]);
  return text;
}

void print_progress(const run::CalibrationSpec& spec, const run::Evaluated& e, int index) {
  std::cerr << "evaluation " << index + 1 << "/" << spec.max_evaluations << ": loss " << e.loss
            << " at " << values_text(spec, e.values) << '\n';
}

void add_parameters(io::CalibrationTables& t, const run::CalibrationSpec& spec,
                    const run::OptimizerResult& optimum) {
  for (const auto& key : spec.keys) {
    t.keys.push_back(key.key);
    t.units.push_back(run::full_schema().find(key.key)->unit);
    t.lower.push_back(key.lower);
    t.upper.push_back(key.upper);
    t.start.push_back(key.start);
  }
  t.fitted = optimum.best.values;
  for (const auto& e : optimum.trace) {
    t.trace_values.push_back(e.values);
    t.trace_loss.push_back(e.loss);
  }
}

void add_series(io::CalibrationTables& t, const run::SeriesFit& fit) {
  t.series.push_back(fit.name);
  t.rms_log_error.push_back(fit.rms_log_error);
  t.points.push_back(static_cast<std::int32_t>(fit.observed.size()));
  for (std::size_t i = 0; i < fit.observed.size(); ++i) {
    t.observation_series.push_back(fit.name);
    t.observation_source.push_back(fit.observed[i].source);
    t.observation_days.push_back(fit.observed[i].date.days);
    t.observed.push_back(fit.observed[i].per_1000);
    t.observed_members.push_back(fit.observed[i].members);
    t.model.push_back(fit.model[i]);
  }
}

io::CalibrationTables tables_of(const run::CalibrationSpec& spec,
                                const run::CalibrationOutcome& outcome) {
  io::CalibrationTables t;
  add_parameters(t, spec, outcome.optimum);
  for (const auto& fit : outcome.fitted.series) add_series(t, fit);
  t.loss = outcome.fitted.loss;
  t.optimizer = spec.optimizer;
  t.stop_reason = outcome.optimum.stop_reason;
  t.calibration_file = spec.file.string();
  t.calibration_text = file_text(spec.file);
  return t;
}

std::vector<fs::path> write_runs(const CalibrateOptions& o, const run::CalibrationProblem& problem,
                                 const run::CalibrationOutcome& outcome, const std::string& line,
                                 int threads) {
  const auto scenarios = problem.scenarios_with(outcome.optimum.best.values);
  std::vector<fs::path> written;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    written.push_back(run_output(o.out, problem.spec().scenarios[i].name));
    io::write_hdf5(written.back(), outcome.fitted.runs[i],
                   provenance(scenarios[i], line, threads, outcome.wall_seconds), o.force);
  }
  return written;
}

std::string scenario_note(const run::CalibrationSpec& spec,
                          const run::CalibrationOutcome& outcome) {
  std::string note = "Calibrated by `netadopt calibrate " + spec.file.filename().string() +
                     "` on " + utc_now().substr(0, 10) + " (netadopt " + version() + "):\n" +
                     "fitted jointly: " + values_text(spec, outcome.optimum.best.values) + ".\n" +
                     "loss " + run::exact_text(outcome.fitted.loss) +
                     " (mean squared log error of members per 1,000 workers); RMS log error:";
  for (const auto& fit : outcome.fitted.series)
    note += " " + fit.name + " " + std::to_string(fit.rms_log_error).substr(0, 5) + ";";
  note += "\nfitted at population.size " + std::to_string(spec.population_size) + ", " +
          std::to_string(spec.replications) + " replications, seed " + std::to_string(spec.seed) +
          ". Lines marked `# calibrated` are the fitted keys.";
  return note;
}

std::vector<fs::path> write_scenarios(const CalibrateOptions& o, const run::CalibrationSpec& spec,
                                      const run::CalibrationOutcome& outcome) {
  std::vector<fs::path> written;
  if (o.scenarios_dir.empty()) return written;
  const std::string note = scenario_note(spec, outcome);
  for (const auto& s : spec.scenarios) {
    written.push_back(o.scenarios_dir / s.file.filename());
    std::ofstream out(written.back(), std::ios::binary | std::ios::trunc);
    out << run::calibrated_scenario_text(file_text(s.file), spec.keys, outcome.optimum.best.values,
                                         note);
    if (!out.flush()) throw io::OutputError("cannot write '" + written.back().string() + "'");
  }
  return written;
}

int print_keys() {
  std::cout << scenario::describe_text(run::calibration_schema());
  return kOk;
}
}  // namespace

int calibrate_command(const Args& args, const std::string& command_line) {
  const CalibrateOptions o = options_of(parsed(args));
  if (o.keys) return print_keys();
  const run::CalibrationSpec spec = run::load_calibration(o.file);
  const run::MembershipData data = run::load_membership(spec.data);
  check_outputs(o, spec);
  const int threads = o.threads > 0 ? o.threads : run::default_threads();
  const run::CalibrationProblem problem(spec, data, threads);
  const auto outcome = run::calibrate(problem, [&](const run::Evaluated& e, int index) {
    if (!o.quiet) print_progress(spec, e, index);
  });
  io::write_calibration_hdf5(
      o.out, tables_of(spec, outcome),
      provenance(spec.file.string(), file_text(spec.file), static_cast<std::uint64_t>(spec.seed),
                 command_line, threads, outcome.wall_seconds),
      o.force);
  const auto runs = write_runs(o, problem, outcome, command_line, threads);
  const auto scenarios = write_scenarios(o, spec, outcome);
  if (o.quiet) return kOk;
  std::cout << run::calibration_report(problem, outcome) << "wrote " << o.out.string() << '\n';
  for (const auto& path : runs) std::cout << "wrote " << path.string() << '\n';
  for (const auto& path : scenarios) std::cout << "wrote " << path.string() << '\n';
  return kOk;
}

}  // namespace netadopt::cli
