#include "netadopt/sweep/sobol_indices.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "netadopt/core/random.hpp"

namespace netadopt::sweep {

namespace {
double variance(const SaltelliSample& s, const std::vector<std::size_t>& rows) {
  double sum = 0, sum2 = 0;
  for (const auto j : rows)
    for (const double y : {s.a[j], s.b[j]}) sum += y, sum2 += y * y;
  const double n = 2.0 * static_cast<double>(rows.size());
  return (sum2 - sum * sum / n) / (n - 1);
}

std::vector<SobolIndex> estimates(const SaltelliSample& s, const std::vector<std::size_t>& rows) {
  const double v = variance(s, rows), n = static_cast<double>(rows.size());
  std::vector<SobolIndex> indices(s.axes);
  for (std::size_t i = 0; i < s.axes; ++i) {
    double first = 0, total = 0;
    for (const auto j : rows) {
      const double ab = s.ab[i * s.rows + j];
      first += s.b[j] * (ab - s.a[j]);
      total += (s.a[j] - ab) * (s.a[j] - ab);
    }
    indices[i].first = first / n / v;
    indices[i].total = total / n / (2 * v);
  }
  return indices;
}

std::vector<std::size_t> all_rows(std::size_t n) {
  std::vector<std::size_t> rows(n);
  for (std::size_t j = 0; j < n; ++j) rows[j] = j;
  return rows;
}

double percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double at = q * static_cast<double>(values.size() - 1);
  const auto low = static_cast<std::size_t>(std::floor(at));
  const auto high = std::min(low + 1, values.size() - 1);
  return values[low] + (at - static_cast<double>(low)) * (values[high] - values[low]);
}
}  // namespace

SaltelliSample saltelli_sample(const DesignPoints& design, const std::vector<double>& y) {
  if (design.block.empty() || y.size() != design.points)
    throw std::invalid_argument("Sobol' indices need a sobol design and one output per point");
  SaltelliSample s{design.points / (design.axes + 2), design.axes, {}, {}, {}};
  s.a.resize(s.rows), s.b.resize(s.rows), s.ab.resize(s.rows * s.axes);
  for (std::size_t p = 0; p < design.points; ++p) {
    const auto block = static_cast<std::size_t>(design.block[p]),
               row = static_cast<std::size_t>(design.row[p]);
    if (block == 0)
      s.a[row] = y[p];
    else if (block == 1)
      s.b[row] = y[p];
    else
      s.ab[(block - 2) * s.rows + row] = y[p];
  }
  return s;
}

std::vector<SobolIndex> sobol_estimates(const SaltelliSample& sample) {
  return estimates(sample, all_rows(sample.rows));
}

std::vector<SobolIndex> sobol_indices(const SaltelliSample& sample, std::size_t resamples,
                                      std::uint64_t seed, double level) {
  auto indices = sobol_estimates(sample);
  if (resamples == 0) return indices;
  core::Stream stream(seed, 0, core::purpose_id("sweep.bootstrap"));
  std::vector<std::vector<double>> first(sample.axes), total(sample.axes);
  std::vector<std::size_t> rows(sample.rows);
  for (std::size_t b = 0; b < resamples; ++b) {
    for (auto& j : rows) j = stream.uniform_index(sample.rows);
    const auto resampled = estimates(sample, rows);
    for (std::size_t i = 0; i < sample.axes; ++i)
      first[i].push_back(resampled[i].first), total[i].push_back(resampled[i].total);
  }
  const double tail = (1 - level) / 2;
  for (std::size_t i = 0; i < sample.axes; ++i) {
    indices[i].first_low = percentile(first[i], tail),
    indices[i].first_high = percentile(first[i], 1 - tail);
    indices[i].total_low = percentile(total[i], tail),
    indices[i].total_high = percentile(total[i], 1 - tail);
  }
  return indices;
}

}  // namespace netadopt::sweep
