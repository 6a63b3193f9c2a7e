// Sobol' indices on the Ishigami function, whose indices are known in closed form: the
// design (Saltelli's matrices from Boost's Sobol' sequence) and the estimators together.
#include <catch2/catch.hpp>
#include <cmath>

#include "netadopt/sweep/sobol_indices.hpp"

using namespace netadopt;

namespace {
// Ishigami and Homma (1990), a = 7, b = 0.1, on [-pi, pi]^3.
double ishigami(double x1, double x2, double x3) {
  return std::sin(x1) + 7 * std::pow(std::sin(x2), 2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

sweep::SweepSpec ishigami_spec(std::int64_t n) {
  sweep::SweepSpec spec;
  spec.design = sweep::Design::Sobol;
  spec.points = n;
  for (const char* name : {"x1", "x2", "x3"})
    spec.axes.push_back({name, name, {}, -M_PI, M_PI, 0, sweep::Scale::Linear, false});
  return spec;
}

std::vector<double> outputs(const sweep::DesignPoints& d) {
  std::vector<double> y;
  for (std::size_t p = 0; p < d.points; ++p)
    y.push_back(ishigami(d.value(p, 0), d.value(p, 1), d.value(p, 2)));
  return y;
}
}  // namespace

TEST_CASE("Sobol' indices of the Ishigami function match the analytic values", "[sweep][sobol]") {
  const auto design = sweep::make_design(ishigami_spec(1 << 14));
  const auto indices = sweep::sobol_estimates(sweep::saltelli_sample(design, outputs(design)));
  REQUIRE(indices.size() == 3);
  const double first[] = {0.3139, 0.4424, 0.0}, total[] = {0.5576, 0.4424, 0.2437};
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(indices[i].first == Approx(first[i]).margin(0.01));
    CHECK(indices[i].total == Approx(total[i]).margin(0.01));
  }
}

TEST_CASE("bootstrap intervals hold the analytic indices and shrink with N", "[sweep][sobol]") {
  const auto small = sweep::make_design(ishigami_spec(512)),
             large = sweep::make_design(ishigami_spec(4096));
  const auto s = sweep::sobol_indices(sweep::saltelli_sample(small, outputs(small)), 500, 1);
  const auto l = sweep::sobol_indices(sweep::saltelli_sample(large, outputs(large)), 500, 1);
  const double total[] = {0.5576, 0.4424, 0.2437};
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(l[i].total_low <= total[i]);
    CHECK(total[i] <= l[i].total_high);
    CHECK(l[i].first_low <= l[i].first);
    CHECK(l[i].first <= l[i].first_high);
    CHECK(l[i].total_high - l[i].total_low < s[i].total_high - s[i].total_low);
  }
}
