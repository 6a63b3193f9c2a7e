// The threshold model: the extreme thresholds, and chains and stars computed by hand.
#include <catch2/catch.hpp>
#include <cmath>

#include "netadopt/models/threshold.hpp"
#include "reference_helpers.hpp"

namespace {
using netadopt::models::ThresholdModel;
using netadopt::models::ThresholdParameters;
using netadopt::testing::graph_of;
using netadopt::testing::run_to_end;

constexpr double kRate = 1.0 / 365.25;  // 1 per year, in days

ThresholdParameters parameters(double phi, std::uint64_t seeds, std::uint64_t seed = 1) {
  return {phi, 0.0, kRate, seeds, seed};
}

std::shared_ptr<const netadopt::models::Graph> random_graph() {
  netadopt::core::Stream stream(1, 0, 1);
  return std::make_shared<const netadopt::models::Graph>(
      netadopt::models::erdos_renyi(2000, 3000, stream));  // k = 3: isolated nodes too
}
}  // namespace

TEST_CASE("threshold 0: everyone adopts, isolated nodes included", "[threshold]") {
  ThresholdModel model(parameters(0.0, 0), random_graph(), 0);
  run_to_end(model);
  CHECK(model.adopters() == 2000);
}

TEST_CASE("threshold above 1: nobody but the seeds adopts", "[threshold]") {
  ThresholdModel model(parameters(1.01, 25), random_graph(), 0);
  CHECK(run_to_end(model) == 0.0);  // no event at all
  CHECK(model.adopters() == 25);
}

TEST_CASE("a chain adopts link by link when phi <= 1/2, not at all above", "[threshold]") {
  const auto chain = graph_of(11, netadopt::testing::chain(11));
  ThresholdModel stuck(parameters(0.51, 0), chain, 0, {0});
  run_to_end(stuck);
  CHECK(stuck.adopters() == 1);  // node 1 sees 1 of 2 neighbours adopted: 0.5 < 0.51
  // With phi = 0.5 node k is ready once k - 1 has adopted: the last adopts after a sum of
  // 10 Exp(r) waits, mean 10 / r, sd sqrt(10) / r.
  double total = 0;
  const int reps = 2000;
  for (int r = 0; r < reps; ++r) {
    ThresholdModel model(parameters(0.5, 0), chain, static_cast<std::uint64_t>(r), {0});
    total += run_to_end(model);
    REQUIRE(model.adopters() == 11);
  }
  CHECK(std::abs(total / reps - 10 / kRate) < 4 * std::sqrt(10.0 / reps) / kRate);
}

TEST_CASE("a star: a leaf cannot move the centre unless phi <= 1/n", "[threshold]") {
  const auto star = graph_of(6, netadopt::testing::star(5));
  ThresholdModel stuck(parameters(0.3, 0), star, 0, {1});
  run_to_end(stuck);
  CHECK(stuck.adopters() == 1);  // the centre sees 1 of 5: 0.2 < 0.3
  ThresholdModel spreads(parameters(0.2, 0), star, 0, {1});
  run_to_end(spreads);
  CHECK(spreads.adopters() == 6);
  // Seeded at the centre, the 5 leaves are ready at once: the last adopts after the maximum of
  // 5 Exp(r), mean H_5 / r = (137 / 60) / r, variance (sum 1 / i^2 for i <= 5) / r^2.
  double total = 0;
  const int reps = 2000;
  for (int r = 0; r < reps; ++r) {
    ThresholdModel model(parameters(1.0, 0), star, static_cast<std::uint64_t>(r), {0});
    total += run_to_end(model);
  }
  const double sd = std::sqrt(1 + 1 / 4.0 + 1 / 9.0 + 1 / 16.0 + 1 / 25.0) / kRate;
  CHECK(std::abs(total / reps - (137.0 / 60) / kRate) < 4 * sd / std::sqrt(reps));
}

TEST_CASE("thresholds drawn from a normal law: a spread changes who adopts", "[threshold]") {
  // phi = 0.5 everywhere on a chain from node 0 spreads; with sd 0.3 some links hold thresholds
  // above 1/2 and the cascade stops early in most replications.
  const auto chain = graph_of(50, netadopt::testing::chain(50));
  int stopped = 0;
  for (std::uint64_t r = 0; r < 50; ++r) {
    ThresholdModel model({0.5, 0.3, kRate, 0, 3}, chain, r, {0});
    run_to_end(model);
    stopped += model.adopters() < 50;
  }
  CHECK(stopped > 40);
}
