#pragma once
// One number per point, for sensitivity analysis: a variable of the sweep's series, summed
// over its extra dimensions (roles, platforms, ...), at a time (linear between the two
// reporting times around it; timeless variables have none), averaged over the point's
// replications. "members" of a model with platforms (the essay model) is the union over
// platforms, members_any summed over roles, as in the sweep's members_at_date: an agent on two
// platforms counts once.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "netadopt/sweep/plan.hpp"
#include "netadopt/sweep/sweep_data.hpp"

namespace netadopt::sweep {

class PointOutputError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// `day`: days since run.start; none for the last reporting time. Throws PointOutputError for
// an unknown variable, a day outside the run, or a point that is not done.
std::vector<double> point_outputs(const SweepPlan& plan, const SweepData& data,
                                  const std::string& variable, std::optional<double> day);

}  // namespace netadopt::sweep
