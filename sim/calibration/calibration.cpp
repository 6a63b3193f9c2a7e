// The calibration problem: scenario texts are read once; each evaluation parses them with the
// overrides and runs them in turn (each run parallel over its replications), so an evaluation
// uses every thread and its result does not depend on how many there are.
#include "netadopt/calibration/calibration.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <stdexcept>

#include "netadopt/calibration/calibration_loss.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/replication.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/loader.hpp"
#include "netadopt/scenario/read_file.hpp"

namespace netadopt::run {

namespace {
scenario::ScenarioError calibration_error(const CalibrationSpec& spec, const std::string& key,
                                          std::string message) {
  return scenario::ScenarioError({{spec.file.string(), 0, key, std::move(message)}}, false);
}

std::string read_scenario_text(const std::filesystem::path& file) {
  // load_scenario reports an unreadable file the way the CLI expects (exit 66); reading it
  // through the loader first gives that error, then the text is read once.
  scenario::load_scenario(run::full_schema(), file);
  return scenario::read_text_file(file);
}

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::vector<std::string> platform_labels(const scenario::Scenario& s) {
  for (const auto& spec : output_specs(s))
    if (spec.name == "members")
      for (const auto& dim : spec.dims)
        if (dim.name == "platform") return dim.labels;
  return {};
}

bool has_platform(const std::vector<std::string>& labels, const std::string& wanted) {
  if (lowercase(wanted) == "all") return true;
  return std::any_of(labels.begin(), labels.end(), [&](const std::string& label) {
    return lowercase(label) == lowercase(wanted);
  });
}

std::string listed(const std::vector<std::string>& labels) {
  std::string text;
  for (const auto& label : labels) text += (text.empty() ? "" : ", ") + label;
  return text;
}
}  // namespace

CalibrationProblem::CalibrationProblem(CalibrationSpec spec, const MembershipData& data,
                                       int threads)
    : spec_(std::move(spec)), threads_(threads) {
  for (const auto& s : spec_.scenarios) texts_.push_back(read_scenario_text(s.file));
  for (const auto& series : spec_.series) {
    observed_.push_back(observed_series(data, series, spec_.end));
    if (observed_.back().points.empty())
      throw calibration_error(spec_, series.section + ".data_platform",
                              "expected observations of " + series.data_platform + " in " +
                                  series.data_geography + " in " + data.file + " from " +
                                  scenario::format_date(series.from) + " to " +
                                  scenario::format_date(spec_.end) + ", found none");
  }
  check_platforms();
}

void CalibrationProblem::check_platforms() const {
  const auto scenarios = scenarios_with(optimizer_settings().start);
  for (const auto& series : spec_.series) {
    const auto labels = platform_labels(scenarios[scenario_index(series.scenario)]);
    if (!has_platform(labels, series.model_platform))
      throw calibration_error(spec_, series.section + ".model_platform",
                              "expected a platform of scenario " + series.scenario + " (" +
                                  listed(labels) + ") or 'all', found '" + series.model_platform +
                                  "'");
  }
}

std::size_t CalibrationProblem::scenario_index(const std::string& name) const {
  for (std::size_t i = 0; i < spec_.scenarios.size(); ++i)
    if (spec_.scenarios[i].name == name) return i;
  throw std::logic_error("calibration: no scenario named '" + name + "'");
}

scenario::Scenario CalibrationProblem::load(std::size_t index,
                                            const std::vector<double>& values) const {
  auto overrides = spec_.common_overrides();
  for (std::size_t k = 0; k < spec_.keys.size(); ++k)
    overrides.push_back(spec_.keys[k].key + "=" + exact_text(values[k]));
  return scenario::parse_scenario(run::full_schema(), texts_[index],
                                  spec_.scenarios[index].file.string(), overrides);
}

std::vector<scenario::Scenario> CalibrationProblem::scenarios_with(
    const std::vector<double>& values) const {
  std::vector<scenario::Scenario> scenarios;
  for (std::size_t i = 0; i < texts_.size(); ++i) scenarios.push_back(load(i, values));
  return scenarios;
}

SeriesFit CalibrationProblem::fit_of(const ObservedSeries& series,
                                     const std::vector<scenario::Scenario>& scenarios,
                                     const std::vector<RunResult>& runs) const {
  const std::size_t i = scenario_index(series.spec.scenario);
  const auto curve = members_per_1000(runs[i], scenarios[i], series.spec.model_platform);
  SeriesFit fit{series.spec.name, series.points, {}, 0.0};
  std::vector<double> observed;
  for (const auto& point : series.points) {
    const double t = point.date.days - runs[i].start.days;
    fit.model.push_back(curve_value_at(runs[i].times, curve, t));
    observed.push_back(point.per_1000);
  }
  fit.rms_log_error = rms_log_error(fit.model, observed, spec_.floor_per_1000);
  return fit;
}

Evaluation CalibrationProblem::evaluate(const std::vector<double>& values) const {
  const auto scenarios = scenarios_with(values);
  Evaluation e{values, 0.0, {}, {}};
  RunOptions options;
  options.threads = threads_;
  for (const auto& s : scenarios) e.runs.push_back(run_scenario(s, options));
  double sum = 0.0, points = 0.0;
  for (const auto& series : observed_) {
    e.series.push_back(fit_of(series, scenarios, e.runs));
    const double n = static_cast<double>(series.points.size());
    sum += e.series.back().rms_log_error * e.series.back().rms_log_error * n;
    points += n;
  }
  e.loss = sum / points;
  return e;
}

OptimizerSettings CalibrationProblem::optimizer_settings() const {
  OptimizerSettings settings{spec_.optimizer,         {}, {}, {}, spec_.max_evaluations,
                             spec_.relative_tolerance};
  for (const auto& key : spec_.keys) {
    settings.lower.push_back(key.lower);
    settings.upper.push_back(key.upper);
    settings.start.push_back(key.start);
  }
  return settings;
}

CalibrationOutcome calibrate(const CalibrationProblem& problem,
                             const std::function<void(const Evaluated&, int)>& on_evaluation) {
  const auto t0 = std::chrono::steady_clock::now();
  CalibrationOutcome outcome;
  outcome.optimum = minimize([&](const std::vector<double>& x) { return problem.loss(x); },
                             problem.optimizer_settings(), on_evaluation);
  outcome.fitted = problem.evaluate(outcome.optimum.best.values);
  outcome.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return outcome;
}

}  // namespace netadopt::run
