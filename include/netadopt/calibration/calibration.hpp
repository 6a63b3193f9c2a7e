#pragma once
// Calibration: fit chosen behavioural keys of several scenarios jointly to observed membership.
// Every evaluation loads each scenario with the same overrides (calibration population, seed,
// replications, end date) plus one value per fitted key, runs it, and scores the members per
// 1,000 workers against the observed series (calibration_loss.hpp). The seed and replications
// are the same at every evaluation (common random numbers), so the loss is a deterministic
// function of the fitted values and does not depend on the thread count.
#include <functional>
#include <string>
#include <vector>

#include "netadopt/calibration/calibration_spec.hpp"
#include "netadopt/calibration/observations.hpp"
#include "netadopt/calibration/optimizer.hpp"
#include "netadopt/run/result.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::run {

struct ObservedPoint {
  scenario::Date date;
  double members = 0.0;   // in the series' geography (converted to the US when asked)
  double per_1000 = 0.0;  // members per 1,000 workers
  std::string source;
};

struct ObservedSeries {
  SeriesSpec spec;
  std::vector<ObservedPoint> points;
  std::size_t left_out = 0;  // rows of the series before spec.from or after `end`
};

// The rows of `data` that match the series (platform in any case, geography), in date order.
ObservedSeries observed_series(const MembershipData& data, const SeriesSpec& spec,
                               scenario::Date end);

struct SeriesFit {
  std::string name;
  std::vector<ObservedPoint> observed;
  std::vector<double> model;  // members per 1,000 workers at the observed dates
  double rms_log_error = 0.0;
};

struct Evaluation {
  std::vector<double> values;
  double loss = 0.0;
  std::vector<SeriesFit> series;
  std::vector<RunResult> runs;  // one per scenario of the spec, in its order
};

class CalibrationProblem {
 public:
  // Reads every scenario file and matches the observed series; throws scenario::ScenarioError
  // for an unreadable or invalid scenario, an unknown platform, or a series without points.
  CalibrationProblem(CalibrationSpec spec, const MembershipData& data, int threads);

  const CalibrationSpec& spec() const { return spec_; }
  const std::vector<ObservedSeries>& observed() const { return observed_; }
  // Each scenario with the common overrides and `values` for the fitted keys.
  std::vector<scenario::Scenario> scenarios_with(const std::vector<double>& values) const;
  Evaluation evaluate(const std::vector<double>& values) const;
  double loss(const std::vector<double>& values) const { return evaluate(values).loss; }
  OptimizerSettings optimizer_settings() const;

 private:
  scenario::Scenario load(std::size_t index, const std::vector<double>& values) const;
  void check_platforms() const;
  SeriesFit fit_of(const ObservedSeries& series, const std::vector<scenario::Scenario>& scenarios,
                   const std::vector<RunResult>& runs) const;
  std::size_t scenario_index(const std::string& name) const;

  CalibrationSpec spec_;
  std::vector<std::string> texts_;  // each scenario file's text
  std::vector<ObservedSeries> observed_;
  int threads_;
};

struct CalibrationOutcome {
  OptimizerResult optimum;
  Evaluation fitted;  // the best values, evaluated again (the same loss: a check)
  double wall_seconds = 0.0;
};

CalibrationOutcome calibrate(const CalibrationProblem& problem,
                             const std::function<void(const Evaluated&, int)>& on_evaluation = {});

// The fitted values, loss, RMS log error per series and, per series, a table of date,
// observed and model members per 1,000 workers.
std::string calibration_report(const CalibrationProblem& problem,
                               const CalibrationOutcome& outcome);

// A scenario file's text with the fitted keys set (a line replaced, or added to its section,
// or the section added at the end), below a comment block `note` (lines without '#').
std::string calibrated_scenario_text(const std::string& original,
                                     const std::vector<FittedKey>& keys,
                                     const std::vector<double>& values, const std::string& note);

// The shortest text that reads back as exactly `value` (std::to_chars).
std::string exact_text(double value);

}  // namespace netadopt::run
