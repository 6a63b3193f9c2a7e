#pragma once
// Internal to netadopt_sweep: the coordinates and float64 tables of a sweep file (parameters,
// summaries) and its root attributes, as the io module's RootContent.
#include "netadopt/io/hdf5_writer.hpp"
#include "netadopt/sweep/plan.hpp"
#include "netadopt/sweep/summary.hpp"
#include "netadopt/sweep/sweep_output.hpp"

namespace netadopt::sweep::detail {

io::RootContent sweep_root_content(const SweepPlan& plan, const Summaries& summaries,
                                   const SweepProvenance& provenance);

// The extra dimensions of the plan's variables, each once, in order of first use.
std::vector<const run::Dimension*> series_dimensions(const SweepPlan& plan);

}  // namespace netadopt::sweep::detail
