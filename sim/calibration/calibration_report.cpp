// The calibration's printed report: what was fitted, how well, and the curves beside the data.
#include <cmath>
#include <cstdio>
#include <sstream>

#include "netadopt/calibration/calibration.hpp"

namespace netadopt::run {

namespace {
std::string number(double value, const char* format = "%.4g") {
  char text[48];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::size_t point_count(const Evaluation& e) {
  std::size_t n = 0;
  for (const auto& series : e.series) n += series.observed.size();
  return n;
}

void write_header(std::ostream& out, const CalibrationProblem& problem,
                  const CalibrationOutcome& outcome) {
  const auto& spec = problem.spec();
  out << "calibration " << spec.file.string() << ": " << spec.scenarios.size() << " scenarios, "
      << spec.series.size() << " series, " << point_count(outcome.fitted) << " observed points; "
      << spec.population_size << " agents x " << spec.replications << " replications, seed "
      << spec.seed << " (common random numbers)\n"
      << "optimizer " << spec.optimizer << ": " << outcome.optimum.trace.size() << " evaluations ("
      << outcome.optimum.stop_reason << "), " << number(outcome.wall_seconds, "%.1f") << " s\n";
}

void write_values(std::ostream& out, const CalibrationProblem& problem,
                  const CalibrationOutcome& outcome) {
  out << "fitted values (applied to every scenario):\n  " << padded("key", 34)
      << padded("start", 12) << padded("fitted", 12) << "bounds\n";
  const auto& keys = problem.spec().keys;
  for (std::size_t k = 0; k < keys.size(); ++k)
    out << "  " << padded(keys[k].key, 34) << padded(number(keys[k].start), 12)
        << padded(number(outcome.optimum.best.values[k]), 12) << "[" << number(keys[k].lower)
        << ", " << number(keys[k].upper) << "]\n";
}

void write_errors(std::ostream& out, const CalibrationOutcome& outcome, double floor) {
  out << "loss (mean over " << point_count(outcome.fitted)
      << " points of (log model - log observed)^2, model floored at " << number(floor)
      << " per 1,000 workers): " << number(outcome.fitted.loss) << " (start "
      << number(outcome.optimum.trace.front().loss) << ")\n";
  if (outcome.fitted.loss != outcome.optimum.best.loss)
    out << "warning: re-running the best values gave loss " << number(outcome.fitted.loss)
        << ", not " << number(outcome.optimum.best.loss) << ": the loss is not deterministic\n";
  out << "fit error per series (RMS log error; as a factor, exp(RMS)):\n";
  for (const auto& series : outcome.fitted.series)
    out << "  " << padded(series.name, 20)
        << padded(std::to_string(series.observed.size()) + " points", 11)
        << number(series.rms_log_error, "%.3f") << "  (x"
        << number(std::exp(series.rms_log_error), "%.2f") << ")\n";
}

std::string model_label(const SeriesSpec& spec) {
  return spec.scenario + " " + spec.model_platform + " vs data " + spec.data_platform + " " +
         spec.data_geography + (spec.world_to_us ? " x US share" : "");
}

void write_series(std::ostream& out, const ObservedSeries& observed, const SeriesFit& fit) {
  out << "series " << fit.name << " (" << model_label(observed.spec)
      << "), members per 1,000 workers";
  if (observed.left_out > 0) out << "; " << observed.left_out << " observations left out";
  out << ":\n    date         observed    model       log(model/observed)\n";
  for (std::size_t i = 0; i < fit.observed.size(); ++i) {
    const double o = fit.observed[i].per_1000, m = fit.model[i];
    out << "    " << scenario::format_date(fit.observed[i].date) << "   " << padded(number(o), 12)
        << padded(number(m), 12)
        << (m > 0 ? number(std::log(m / o), "%+.2f") : std::string("(no members)")) << '\n';
  }
}
}  // namespace

std::string calibration_report(const CalibrationProblem& problem,
                               const CalibrationOutcome& outcome) {
  std::ostringstream out;
  write_header(out, problem, outcome);
  write_values(out, problem, outcome);
  write_errors(out, outcome, problem.spec().floor_per_1000);
  for (std::size_t s = 0; s < outcome.fitted.series.size(); ++s)
    write_series(out, problem.observed()[s], outcome.fitted.series[s]);
  return out.str();
}

}  // namespace netadopt::run
