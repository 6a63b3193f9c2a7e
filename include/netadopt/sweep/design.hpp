#pragma once
// The points of a sweep: one value per axis for each point, in the unit of its scenario key.
//
//  * grid: every combination of the axes' values, the first axis varying slowest.
//  * lhs: a Latin hypercube of sweep.points points: each axis's range cut into `points` equal
//    strata (in log space for a log scale), one point in each, strata paired across axes by
//    random permutations. The draws come from a stream keyed by (sweep seed, "sweep.lhs").
//  * sobol: Saltelli's (2010) design for first-order and total Sobol' indices. A Sobol'
//    sequence of dimension 2k (k axes) gives N rows; its first k columns are matrix A, the
//    last k matrix B, and A_B^i is A with column i taken from B. The points are the blocks A,
//    B, A_B^1, ..., A_B^k in this order, each of N rows: N (k + 2) points, point
//    `block * N + row`. `block` and `row` are kept per point (block 0 = A, 1 = B, 2 + i =
//    A_B^(i+1)) so the analysis finds its matrices in the output.
//    The sequence is Boost.Random's `sobol` (Joe and Kuo 2008 direction numbers, up to 3667
//    dimensions), which skips the all-zero first point; the next, (1/2, ..., 1/2), is skipped
//    too, since A and B would be equal on it. Using a maintained, tested
//    implementation avoids copying direction-number tables, whose typos go unnoticed.
//    It is not scrambled, so the design does not depend on the seed.
//  * list: the points as written, point p taking value p of every axis's values list (all of
//    one length): a zip, not a product. A script writes the exact points it wants run (the
//    wave of a history-matching calibration, say).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "netadopt/sweep/sweep_spec.hpp"

namespace netadopt::sweep {

struct DesignPoints {
  std::size_t points = 0;
  std::size_t axes = 0;
  std::vector<double> values;       // [point][axis]
  std::vector<std::int32_t> block;  // sobol only: per point, 0 = A, 1 = B, 2 + i = A_B^(i+1)
  std::vector<std::int32_t> row;    // sobol only: per point, the row within its block

  double value(std::size_t point, std::size_t axis) const { return values[point * axes + axis]; }
};

DesignPoints make_design(const SweepSpec& spec);

// Maps u in [0, 1] onto the axis's range (linear or log), rounded for an integer key.
double axis_value(const Axis& axis, double u);

// Grid values of an axis: its list, or `steps` values from `from` to `to`.
std::vector<double> grid_values(const Axis& axis);

}  // namespace netadopt::sweep
