#pragma once
// First-order and total Sobol' indices from Saltelli's design (design.hpp: blocks A, B and
// A_B^i of N rows each), with bootstrap confidence intervals.
//
// With f_A, f_B and f_ABi the outputs on the rows of A, B and A_B^i, and V the variance of the
// outputs on A and B together:
//   first order  S_i  = mean(f_B (f_ABi - f_A)) / V          (Saltelli et al. 2010, eq. (b))
//   total        ST_i = mean((f_A - f_ABi)^2) / (2 V)        (Jansen 1999)
// Intervals: percentiles of the indices over `resamples` bootstrap resamples of the N rows
// (the same rows for every matrix), drawn from a stream keyed by (seed, "sweep.bootstrap").
#include <cstddef>
#include <cstdint>
#include <vector>

#include "netadopt/sweep/design.hpp"

namespace netadopt::sweep {

struct SaltelliSample {
  std::size_t rows = 0;
  std::size_t axes = 0;
  std::vector<double> a, b;  // [row]
  std::vector<double> ab;    // [axis][row]
};

struct SobolIndex {
  double first = 0, first_low = 0, first_high = 0;
  double total = 0, total_low = 0, total_high = 0;
};

// The outputs `y` (one per point of a sobol design) sorted into the matrices.
SaltelliSample saltelli_sample(const DesignPoints& design, const std::vector<double>& y);

// Point estimates only.
std::vector<SobolIndex> sobol_estimates(const SaltelliSample& sample);

std::vector<SobolIndex> sobol_indices(const SaltelliSample& sample, std::size_t resamples,
                                      std::uint64_t seed, double level = 0.95);

}  // namespace netadopt::sweep
