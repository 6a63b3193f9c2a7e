// Why NLopt rather than a hand-written simplex: its Nelder-Mead, Subplex and BOBYQA are the
// reference implementations (Rowan 1990; Powell 2009), handle bounds properly, have been
// used and fixed for years, and switching between them is one setting. What is ours is thin:
// translating settings, recording every evaluation (the trace written to the output), and
// keeping the best point even when NLopt stops on a round-off limit.
#include "netadopt/calibration/optimizer.hpp"

#include <nlopt.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>

namespace netadopt::run {

namespace {
nlopt::algorithm algorithm_named(const std::string& name) {
  static const std::map<std::string, nlopt::algorithm> known = {
      {"LN_NELDERMEAD", nlopt::LN_NELDERMEAD},
      {"LN_SBPLX", nlopt::LN_SBPLX},
      {"LN_BOBYQA", nlopt::LN_BOBYQA}};
  const auto found = known.find(name);
  if (found == known.end())
    throw std::invalid_argument("expected optimizer LN_NELDERMEAD, LN_SBPLX or LN_BOBYQA, found '" +
                                name + "'");
  return found->second;
}

void check_bounds(const OptimizerSettings& s) {
  const std::size_t n = s.start.size();
  if (n == 0 || s.lower.size() != n || s.upper.size() != n)
    throw std::invalid_argument("expected as many lower and upper bounds as starting values");
  for (std::size_t i = 0; i < n; ++i)
    if (!(s.lower[i] < s.upper[i]) || s.start[i] < s.lower[i] || s.start[i] > s.upper[i])
      throw std::invalid_argument("expected lower < upper and the start within them, for value " +
                                  std::to_string(i));
}

// A first step of a quarter of each range explores the box before it narrows.
std::vector<double> initial_steps(const OptimizerSettings& s) {
  std::vector<double> steps(s.start.size());
  for (std::size_t i = 0; i < steps.size(); ++i) steps[i] = 0.25 * (s.upper[i] - s.lower[i]);
  return steps;
}

std::string reason_text(nlopt::result result) {
  switch (result) {
    case nlopt::MAXEVAL_REACHED:
      return "max_evaluations reached";
    case nlopt::XTOL_REACHED:
      return "relative tolerance on the values reached";
    case nlopt::FTOL_REACHED:
      return "tolerance on the loss reached";
    case nlopt::STOPVAL_REACHED:
      return "target loss reached";
    case nlopt::ROUNDOFF_LIMITED:
      return "stopped by round-off";
    default:
      return "converged";
  }
}

struct Recorder {
  const Objective& objective;
  const std::function<void(const Evaluated&, int)>& on_evaluation;
  OptimizerResult result;

  double operator()(const std::vector<double>& values) {
    Evaluated e{values, objective(values)};
    result.trace.push_back(e);
    if (result.trace.size() == 1 || e.loss < result.best.loss) result.best = e;
    if (on_evaluation) on_evaluation(e, static_cast<int>(result.trace.size()) - 1);
    return e.loss;
  }
};

nlopt::opt configured(const OptimizerSettings& s) {
  nlopt::opt opt(algorithm_named(s.algorithm), static_cast<unsigned>(s.start.size()));
  opt.set_lower_bounds(s.lower);
  opt.set_upper_bounds(s.upper);
  opt.set_initial_step(initial_steps(s));
  opt.set_maxeval(s.max_evaluations);
  opt.set_xtol_rel(s.relative_tolerance);
  return opt;
}

double recorded_loss(const std::vector<double>& x, std::vector<double>&, void* recorder) {
  return (*static_cast<Recorder*>(recorder))(x);
}

// NLopt reports a round-off stop as an exception; the best point found is still good.
nlopt::result optimize(nlopt::opt& opt, std::vector<double> x) {
  double loss = std::numeric_limits<double>::infinity();
  try {
    return opt.optimize(x, loss);
  } catch (const nlopt::roundoff_limited&) {
    return nlopt::ROUNDOFF_LIMITED;
  }
}
}  // namespace

OptimizerResult minimize(const Objective& objective, const OptimizerSettings& settings,
                         const std::function<void(const Evaluated&, int)>& on_evaluation) {
  check_bounds(settings);
  nlopt::opt opt = configured(settings);
  Recorder recorder{objective, on_evaluation, {}};
  opt.set_min_objective(recorded_loss, &recorder);
  recorder.result.stop_reason = reason_text(optimize(opt, settings.start));
  return std::move(recorder.result);
}

}  // namespace netadopt::run
