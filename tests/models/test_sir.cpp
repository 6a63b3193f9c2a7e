// The SIR model: hand-computed cases and the final-size validation on a large Erdos-Renyi graph.
//
// Final size. On an Erdos-Renyi graph of mean degree k (Poisson degrees as N grows), a tie
// transmits with probability T = beta / (beta + gamma) (the chance that an Exp(beta) delay beats
// an Exp(gamma) infectious period), and the share r of nodes infected in a major outbreak solves
// r = 1 - exp(-k T r) (Newman 2002; it is the in-component of the transmission graph, whose
// ties into a node come from different infectors and so are independent, which is why the
// shared infectious period does not change it).
//
// Early extinctions. With one seed, a fair share of runs die out after a handful of cases. The
// final-size distribution is then bimodal: minor outbreaks are a subcritical branching process
// (sizes of order 1-10, with exponentially thin tails) and major ones concentrate around r N
// (about 40,000 of 50,000 here). A cutoff at 1% of N (500) lies deep in the gap between them, so
// it classifies every run correctly with overwhelming probability.
//
// Tolerance. Each replication draws its own graph and epidemic, so replications are iid and the
// mean of R major outbreaks has standard error s / sqrt(R), s the sample spread (graph and
// dynamics together). We accept 4 standard errors plus 2e-3 for finite N: the finite-size
// corrections of the mean final size are O(1/N) (G(N, M) degrees against Poisson, the seed,
// and the early stochastic phase), a few times 1 / 50,000 = 2e-5 per unit of the constant, well
// under 2e-3. Errors that matter are far outside: T = beta / gamma instead moves r from 0.797
// to 0.94, a 5% error in beta moves it by 0.018.
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/models/sir.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/loader.hpp"
#include "reference_helpers.hpp"
#include "validation_scale.hpp"

namespace {
using netadopt::models::SirModel;
using netadopt::models::SirParameters;

using netadopt::scenario::kDaysPerYear;

SirParameters parameters(double beta, double gamma, std::uint64_t seeds, std::uint64_t seed) {
  return {beta / kDaysPerYear, gamma / kDaysPerYear, seeds, seed};
}

// r = 1 - exp(-a r), its positive root for a > 1, by bisection.
double final_size(double a) {
  double low = 1e-6, high = 1.0;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (low + high);
    (mid < 1.0 - std::exp(-a * mid) ? low : high) = mid;
  }
  return 0.5 * (low + high);
}

struct Moments {
  double mean = 0, variance = 0;
  std::size_t n = 0;
};

Moments moments(const std::vector<double>& x) {
  Moments m;
  m.n = x.size();
  for (double v : x) m.mean += v / static_cast<double>(m.n);
  for (double v : x) m.variance += (v - m.mean) * (v - m.mean) / static_cast<double>(m.n - 1);
  return m;
}
}  // namespace

TEST_CASE("SIR: one tie transmits with probability beta / (beta + gamma)", "[sir]") {
  const auto pair = netadopt::testing::graph_of(2, {{0, 1}});
  const int reps = 4000;
  int infected = 0;
  for (int r = 0; r < reps; ++r) {
    SirModel model(parameters(0.5, 1.0, 1, 11), pair, static_cast<std::uint64_t>(r));
    netadopt::testing::run_to_end(model);
    REQUIRE(model.count(SirModel::kInfected) == 0);
    infected += static_cast<int>(model.count(SirModel::kRecovered));
  }
  // Seeds are uniform over the two nodes; the other is infected with probability T = 1/3.
  const double share = (infected - reps) / double(reps);
  const double se = std::sqrt((1.0 / 3) * (2.0 / 3) / reps);
  CHECK(std::abs(share - 1.0 / 3) < 4 * se);
}

TEST_CASE("SIR: a star's leaves share the centre's infectious period", "[sir]") {
  // Seeded at the centre, leaf i is infected with probability p = 1 - exp(-beta D) given the
  // centre's period D, so the count X of infected leaves has E X = n T and
  // Var X = n T (1 - T) + n (n - 1) (E p^2 - T^2), with
  // E p^2 = 1 - 2 gamma / (gamma + beta) + gamma / (gamma + 2 beta). For beta = 0.5, gamma = 1,
  // n = 10: E X = 10 / 3 and Var X = 20 / 9 + 90 / 18 = 7.22, where independent ties (a wrong
  // model with the right T) would give 2.22.
  const auto graph = netadopt::testing::graph_of(11, netadopt::testing::star(10));
  std::vector<double> leaves;
  for (std::uint64_t r = 0; r < 4000; ++r) {
    SirModel model(parameters(0.5, 1.0, 1, 12), graph, r, {0});
    netadopt::testing::run_to_end(model);
    REQUIRE(model.count(SirModel::kRecovered) + model.count(SirModel::kSusceptible) == 11);
    leaves.push_back(static_cast<double>(model.count(SirModel::kRecovered)) - 1.0);
  }
  const Moments m = moments(leaves);
  CHECK(std::abs(m.mean - 10.0 / 3) < 4 * std::sqrt(7.22 / 4000));
  CHECK(m.variance == Approx(7.22).epsilon(0.12));  // relative SE of the variance ~ 3%
}

TEST_CASE("SIR: nothing happens without a seed, everything stops after the last recovery",
          "[sir]") {
  const auto graph = netadopt::testing::graph_of(5, netadopt::testing::chain(5));
  SirModel idle(parameters(0.5, 1.0, 0, 1), graph, 0);
  CHECK(netadopt::testing::run_to_end(idle) == 0.0);
  CHECK(idle.count(SirModel::kSusceptible) == 5);
  SirModel everyone(parameters(0.5, 1.0, 5, 1), graph, 0);
  netadopt::testing::run_to_end(everyone);
  CHECK(everyone.count(SirModel::kRecovered) == 5);
}

TEST_CASE("SIR runs the same on uint32 and uint64 offsets", "[sir]") {
  netadopt::core::Stream stream(21, 0, netadopt::core::purpose_id("graph.generate"));
  const auto narrow = std::make_shared<const netadopt::models::Graph>(
      netadopt::models::erdos_renyi(3000, 12000, stream));
  std::vector<std::uint64_t> offsets;
  for (std::uint32_t v = 0; v <= narrow->nodes(); ++v) offsets.push_back(narrow->offset(v));
  const auto first = narrow->neighbours(0).data();
  const auto wide = std::make_shared<const netadopt::models::Graph>(
      offsets, std::vector<std::uint32_t>(first, first + 2 * narrow->ties()),
      netadopt::models::Graph::OffsetWidth::kWide);
  REQUIRE(wide->wide_offsets());
  SirModel a(parameters(0.5, 1.0, 5, 21), narrow, 0);
  SirModel b(parameters(0.5, 1.0, 5, 21), wide, 0);
  CHECK(netadopt::testing::run_to_end(a) == netadopt::testing::run_to_end(b));
  CHECK(a.count(SirModel::kRecovered) == b.count(SirModel::kRecovered));
  CHECK(a.count(SirModel::kRecovered) > 100);
  for (std::uint32_t v = 0; v < 3000; ++v) REQUIRE(a.status(v) == b.status(v));
}

TEST_CASE("SIR final size on Erdos-Renyi graphs solves r = 1 - exp(-k T r)", "[sir][validation]") {
  const auto n = static_cast<std::uint32_t>(validation_scaled(50000, 5000));
  const double k = 6.0, beta = 0.5, gamma = 1.0;  // k T = 2: r = 0.797, where r moves fastest
  const double expected = final_size(k * beta / (beta + gamma));
  std::vector<double> major;
  std::size_t minor = 0;
  for (std::uint64_t r = 0; r < 40; ++r) {
    netadopt::core::Stream stream(99, r, netadopt::core::purpose_id("graph.generate"));
    auto graph = std::make_shared<const netadopt::models::Graph>(
        netadopt::models::erdos_renyi(n, static_cast<std::uint64_t>(k * n / 2), stream));
    SirModel model(parameters(beta, gamma, 1, 99), graph, r);
    netadopt::testing::run_to_end(model);
    REQUIRE(model.count(SirModel::kInfected) == 0);
    const double share = static_cast<double>(model.count(SirModel::kRecovered)) / n;
    share < 0.01 ? void(++minor) : major.push_back(share);
  }
  const Moments m = moments(major);
  INFO("expected r = " << expected << "; " << m.n << " major outbreaks, mean " << m.mean << ", sd "
                       << std::sqrt(m.variance) << "; " << minor << " died out");
  REQUIRE(m.n >= 10);
  // The finite-size bias of the mean is O(1/n): 100 / n allows 2e-3 at n = 50,000.
  CHECK(std::abs(m.mean - expected) < 4 * std::sqrt(m.variance / double(m.n)) + 100.0 / n);
}

TEST_CASE("SIR through the catalog: S + I + R = N, reproducible, state by status", "[sir]") {
  const std::string ini =
      "[run]\nmodel = sir\nseed = 5\nreplications = 3\nstart = 2000-01-01\nend = 2060-01-01\n"
      "[output]\ninterval_days = 365.25\n[population]\nsize = 20000\n"
      "[graph]\nmean_degree = 8\n[sir]\nbeta = 0.5\ngamma = 1\ninitial_infected = 20\n";
  const auto s = netadopt::scenario::parse_scenario(netadopt::run::full_schema(), ini, "sir");
  const auto a = netadopt::run::run_scenario(s, {1, {}});
  const auto b = netadopt::run::run_scenario(s, {2, {}});
  const auto& members = a.variable("members");
  REQUIRE(members.spec.cell_count() == 3);
  CHECK(a.fingerprints == b.fingerprints);
  CHECK(members.values == b.variable("members").values);
  const std::size_t times = a.times.size();
  for (std::size_t rep = 0; rep < 3; ++rep) {
    const double* row = &members.values[(rep * times) * 3];
    CHECK(row[0] == 20000 - 20);
    CHECK(row[1] == 20);
    for (std::size_t t = 0; t < times; ++t, row += 3) CHECK(row[0] + row[1] + row[2] == 20000);
    row -= 3;
    CHECK(row[1] == 0);           // over by 2060
    CHECK(row[2] > 0.5 * 20000);  // k T = 8/3: r = 0.92
  }
  CHECK(a.events[0] == 2 * static_cast<std::uint64_t>(members.values[(times - 1) * 3 + 2]) - 20);
}
