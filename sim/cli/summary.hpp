#pragma once
// The short table printed after a run: members per 1,000 agents at a few dates, mean over
// replications with a 95% confidence interval (Student's t, from Boost.Math).
#include <iosfwd>

#include "netadopt/run/result.hpp"

namespace netadopt::cli {

void print_summary(std::ostream& out, const run::RunResult& result, double population,
                   double wall_seconds);

}  // namespace netadopt::cli
