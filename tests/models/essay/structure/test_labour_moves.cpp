#include <cmath>

#include "../essay_fixtures.hpp"

using namespace essay_test;

TEST_CASE("random separations and hirings keep firms and roles consistent", "[essay][population]") {
  auto s = stream();
  Population population(population_of(3000), s);
  auto moves = stream(99);
  for (int step = 0; step < 20000; ++step) {
    const auto i = static_cast<std::uint32_t>(moves.uniform_index(population.size()));
    if (population.agent(i).employed) {
      const std::int32_t left = population.agent(i).firm;
      population.separate(i);
      if (moves.bernoulli(0.5)) population.hire(i, population.draw_hiring_firm(moves, left), step);
    } else {
      population.hire(i, population.draw_hiring_firm(moves, kNone), step);
      CHECK(population.agent(i).hired_at == static_cast<float>(step));
    }
  }
  check_population_consistent(population);
}

TEST_CASE("moves out of their state are refused", "[essay][population]") {
  auto s = stream();
  Population population(population_of(100), s);
  std::uint32_t employed = 0;
  while (!population.agent(employed).employed) ++employed;
  CHECK_THROWS_AS(population.hire(employed, 0, 0.0), std::logic_error);
  population.separate(employed);
  CHECK_THROWS_AS(population.separate(employed), std::logic_error);
}

// Frequencies of a Bernoulli(p) over 200,000 draws: 4 SE is at most 0.0045.
TEST_CASE("the hiring firm is drawn by initial size, never the one left", "[essay][population]") {
  auto s = stream();
  const Population population(population_of(5000), s);
  std::int32_t largest = 0;
  double total = 0.0;
  for (std::size_t f = 0; f < population.firm_count(); ++f) {
    const auto firm = static_cast<std::int32_t>(f);
    total += static_cast<double>(population.firm_members(firm).size());
    if (population.firm_members(firm).size() > population.firm_members(largest).size())
      largest = firm;
  }
  const double p = static_cast<double>(population.firm_members(largest).size()) / total;
  auto draws = stream(5);
  int hits = 0, excluded = 0;
  const int n = 200000;
  for (int k = 0; k < n; ++k) {
    hits += population.draw_hiring_firm(draws, kNone) == largest ? 1 : 0;
    excluded += population.draw_hiring_firm(draws, largest) == largest ? 1 : 0;
  }
  CHECK(std::abs(hits / static_cast<double>(n) - p) < 4.0 * std::sqrt(p * (1 - p) / n));
  CHECK(excluded == 0);
}

TEST_CASE("a lone firm is drawn even when excepted", "[essay][population]") {
  auto params = population_of(1);
  params.unemployment = 0.0;
  auto s = stream();
  const Population population(params, s);
  REQUIRE(population.firm_count() == 1);
  auto draws = stream(2);
  CHECK(population.draw_hiring_firm(draws, 0) == 0);
}
