#pragma once
// Minimising a loss of a few bounded parameters without derivatives, through NLopt.
// The objective is any function, so the driver is tested on known optima and the calibration
// passes in its simulated loss.
#include <functional>
#include <string>
#include <vector>

namespace netadopt::run {

using Objective = std::function<double(const std::vector<double>& values)>;

struct OptimizerSettings {
  std::string algorithm = "LN_SBPLX";  // LN_NELDERMEAD, LN_SBPLX or LN_BOBYQA
  std::vector<double> lower, upper, start;
  int max_evaluations = 30;
  double relative_tolerance = 1e-3;  // on the values; 0 turns the test off
};

struct Evaluated {
  std::vector<double> values;
  double loss = 0.0;
};

struct OptimizerResult {
  Evaluated best;
  std::vector<Evaluated> trace;  // every evaluation, in order
  std::string stop_reason;       // "max_evaluations reached", "relative tolerance reached", ...
};

// Throws std::invalid_argument for an unknown algorithm or inconsistent bounds; an exception
// thrown by the objective propagates.
OptimizerResult minimize(
    const Objective& objective, const OptimizerSettings& settings,
    const std::function<void(const Evaluated&, int index)>& on_evaluation = {});

}  // namespace netadopt::run
