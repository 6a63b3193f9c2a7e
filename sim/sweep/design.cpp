#include "netadopt/sweep/design.hpp"

#include <boost/random/sobol.hpp>
#include <cmath>
#include <numeric>

#include "netadopt/core/random.hpp"

namespace netadopt::sweep {

namespace {
double rounded(const Axis& axis, double value) { return axis.integer ? std::round(value) : value; }

DesignPoints grid_design(const SweepSpec& spec) {
  DesignPoints design{1, spec.axes.size(), {}, {}, {}};
  std::vector<std::vector<double>> values;
  for (const auto& axis : spec.axes) values.push_back(grid_values(axis));
  for (const auto& v : values) design.points *= v.size();
  for (std::size_t p = 0; p < design.points; ++p) {
    std::size_t rest = p, stride = design.points;
    for (const auto& v : values) {
      stride /= v.size();
      design.values.push_back(v[rest / stride]);
      rest %= stride;
    }
  }
  return design;
}

// Point p takes value p of every axis (the parse checked that the lists have one length).
DesignPoints list_design(const SweepSpec& spec) {
  const std::size_t k = spec.axes.size(), n = k == 0 ? 0 : spec.axes.front().values.size();
  DesignPoints design{n, k, std::vector<double>(n * k), {}, {}};
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t a = 0; a < k; ++a) design.values[p * k + a] = spec.axes[a].values.at(p);
  return design;
}

std::vector<std::size_t> permutation(core::Stream& stream, std::size_t n) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[stream.uniform_index(i)]);
  return order;
}

DesignPoints lhs_design(const SweepSpec& spec) {
  const auto n = static_cast<std::size_t>(spec.points), k = spec.axes.size();
  DesignPoints design{n, k, std::vector<double>(n * k), {}, {}};
  core::Stream stream(spec.seed, 0, core::purpose_id("sweep.lhs"));
  for (std::size_t a = 0; a < k; ++a) {
    const auto strata = permutation(stream, n);
    for (std::size_t p = 0; p < n; ++p) {
      const double u =
          (static_cast<double>(strata[p]) + stream.uniform01()) / static_cast<double>(n);
      design.values[p * k + a] = axis_value(spec.axes[a], u);
    }
  }
  return design;
}

// The next row of the sequence, each coordinate in [0, 1) from its top 53 bits.
std::vector<double> sobol_row(boost::random::sobol& sequence, std::size_t dimension) {
  std::vector<double> row(dimension);
  for (auto& u : row) u = std::ldexp(static_cast<double>(sequence() >> 11), -53);
  return row;
}

DesignPoints sobol_design(const SweepSpec& spec) {
  const auto n = static_cast<std::size_t>(spec.points), k = spec.axes.size();
  DesignPoints design{n * (k + 2), k, std::vector<double>(n * (k + 2) * k), {}, {}};
  boost::random::sobol sequence(2 * k);
  sequence.discard(2 * k);  // the point (1/2, ..., 1/2): A = B there, a row that says nothing
  for (std::size_t j = 0; j < n; ++j) {
    const auto u = sobol_row(sequence, 2 * k);
    for (std::size_t block = 0; block < k + 2; ++block)
      for (std::size_t a = 0; a < k; ++a) {
        const bool from_b = block == 1 || block == a + 2;
        design.values[(block * n + j) * k + a] = axis_value(spec.axes[a], u[from_b ? k + a : a]);
      }
  }
  for (std::size_t p = 0; p < design.points; ++p) {
    design.block.push_back(static_cast<std::int32_t>(p / n));
    design.row.push_back(static_cast<std::int32_t>(p % n));
  }
  return design;
}
}  // namespace

double axis_value(const Axis& axis, double u) {
  if (u <= 0.0) return rounded(axis, axis.from);  // the ends exactly, as written in the file
  if (u >= 1.0) return rounded(axis, axis.to);
  if (axis.scale == Scale::Log)
    return rounded(axis, std::exp((1 - u) * std::log(axis.from) + u * std::log(axis.to)));
  return rounded(axis, (1 - u) * axis.from + u * axis.to);
}

std::vector<double> grid_values(const Axis& axis) {
  if (!axis.values.empty()) return axis.values;
  std::vector<double> values;
  for (std::int64_t i = 0; i < axis.steps; ++i)
    values.push_back(
        axis_value(axis, static_cast<double>(i) / static_cast<double>(axis.steps - 1)));
  return values;
}

DesignPoints make_design(const SweepSpec& spec) {
  switch (spec.design) {
    case Design::Lhs:
      return lhs_design(spec);
    case Design::Sobol:
      return sobol_design(spec);
    case Design::List:
      return list_design(spec);
    case Design::Grid:
      break;
  }
  return grid_design(spec);
}

}  // namespace netadopt::sweep
