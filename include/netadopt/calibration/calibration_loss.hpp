#pragma once
// The calibration's loss, on the log scale: growth over three orders of magnitude weighs each
// date alike, and a model twice too high costs as much as one twice too low.
//   loss = mean over observed points of (log(model) - log(observed))^2
// both in members per 1,000 workers, the model value being the mean over replications at the
// observed date (linear interpolation between reporting times), floored (floor_per_1000) so
// that a model with no member yet has a finite loss.
#include <string>
#include <vector>

#include "netadopt/run/result.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::run {

double squared_log_error(double model, double observed, double floor);

// Root mean squared log error of paired values (0 for none).
double rms_log_error(const std::vector<double>& model, const std::vector<double>& observed,
                     double floor);

// The value at time t of the piecewise-linear curve through (times, values); constant beyond
// its ends.
double curve_value_at(const std::vector<double>& times, const std::vector<double>& values,
                      double t);

// Registered members (active + dormant) per 1,000 workers at each reporting time, mean over
// replications: members / population.size x population.workforce_share x 1000. `platform` is a
// platform label (any case), or "all" for members of any platform (members_any). Throws
// std::invalid_argument naming the platforms the result has when `platform` is not one.
std::vector<double> members_per_1000(const RunResult& result, const scenario::Scenario& scenario,
                                     const std::string& platform);

}  // namespace netadopt::run
