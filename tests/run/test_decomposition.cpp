// The decomposition: the Shapley arithmetic on synthetic games (additivity, an interaction
// split equally, symmetry, efficiency), the groups' keys, the overrides a combination gets,
// and runs on a tiny population: a scenario against itself gives zero everywhere, one at a
// time matches v({g}) - v({}), and the thread count does not matter.
#include <catch2/catch.hpp>

#include <bit>
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <set>

#include "netadopt/models/catalog.hpp"
#include "netadopt/models/essay/culture.hpp"
#include "netadopt/run/decomposition.hpp"
#include "netadopt/scenario/loader.hpp"
#include "../models/essay/country_inputs.hpp"

using namespace netadopt;

namespace {

std::vector<double> game(std::size_t n, const std::function<double(std::size_t mask)>& v) {
  std::vector<double> values(std::size_t{1} << n);
  for (std::size_t mask = 0; mask < values.size(); ++mask) values[mask] = v(mask);
  return values;
}

scenario::Scenario parsed(const std::string& ini) {
  return scenario::parse_scenario(models::full_schema(),
                                  essay_inputs::with_france_inputs("[run]\nmodel = essay\n" + ini),
                                  "test");
}

std::string scenario_path(const char* name) {
  return std::string(NETADOPT_SOURCE_DIR) + "/scenarios/" + name;
}

run::ScenarioPair tiny_pair(const char* a, const char* b) {
  return run::load_pair(scenario_path(a), scenario_path(b), {"run.end=2006-01-01"});
}

const std::vector<scenario::Date> kDates = {*scenario::parse_date("2005-01-01"),
                                            *scenario::parse_date("2006-01-01")};

run::DecompositionOptions tiny(int threads) {
  run::DecompositionOptions o;
  o.population_size = 300;
  o.replications = 2;
  o.threads = threads;
  return o;
}

}  // namespace

TEST_CASE("an additive game gives each group its own effect", "[run][decomposition]") {
  const std::vector<double> w{1.5, -2, 0, 7, 0.25, 3, -1};
  const auto v = game(7, [&](std::size_t mask) {
    double sum = 10;  // v({}) does not matter
    for (std::size_t g = 0; g < 7; ++g)
      if (mask & (std::size_t{1} << g)) sum += w[g];
    return sum;
  });
  const auto phi = run::shapley_values(v, 7);
  for (std::size_t g = 0; g < 7; ++g) CHECK(phi[g] == Approx(w[g]).margin(1e-12));
}

TEST_CASE("an interaction is split equally between the groups that make it", "[run][decomposition]") {
  const auto v = game(3, [](std::size_t mask) { return (mask & 3) == 3 ? 6.0 : 0.0; });
  const auto phi = run::shapley_values(v, 3);
  CHECK(phi[0] == Approx(3));
  CHECK(phi[1] == Approx(3));
  CHECK(phi[2] == Approx(0).margin(1e-12));
}

TEST_CASE("symmetric groups get equal shares, and the shares add up", "[run][decomposition]") {
  const auto v = game(7, [](std::size_t mask) { return std::pow(std::popcount(mask), 2.0); });
  const auto phi = run::shapley_values(v, 7);
  for (const double p : phi) CHECK(p == Approx(49.0 / 7));
  const auto odd = game(7, [](std::size_t mask) { return std::sin(double(mask)) * double(mask & 5); });
  const auto split = run::shapley_values(odd, 7);
  CHECK(std::accumulate(split.begin(), split.end(), 0.0) == Approx(odd.back() - odd.front()));
  CHECK_THROWS_AS(run::shapley_values(odd, 6), std::invalid_argument);
}

TEST_CASE("eight groups, each key a real scenario key in one group only", "[run][decomposition]") {
  const auto& groups = run::input_groups();
  REQUIRE(groups.size() == 8);
  std::set<std::string> seen;
  for (const auto& g : groups)
    for (const auto& key : g.keys) {
      CHECK(models::full_schema().find(key) != nullptr);
      CHECK(seen.insert(key).second);
    }
  CHECK(seen.count("population.workforce_share") == 1);
}

TEST_CASE("a combination takes the donor's values of its groups only", "[run][decomposition]") {
  const auto donor = parsed("[culture]\ndiscretion = 0.2\nclub_closure = 0.3\n");
  const auto recipient = parsed("[culture]\ndiscretion = 0.8\n");
  const auto& groups = run::input_groups();
  const auto overrides = run::group_overrides(donor, recipient, groups, 1u << 2);  // discretion
  CHECK(std::find(overrides.begin(), overrides.end(), "culture.discretion=0.2") != overrides.end());
  CHECK(std::find(overrides.begin(), overrides.end(), "culture.club_closure=0.3") == overrides.end());
  // Without its group, a derived key the recipient leaves unset keeps the recipient's own
  // derivation (club closure = its uncertainty avoidance 86 / 100), whatever else moves.
  const auto none = run::group_overrides(donor, recipient, groups, 0);
  CHECK(std::find(none.begin(), none.end(), "culture.club_closure=0.86") != none.end());
  CHECK(std::find(none.begin(), none.end(), "culture.discretion=0.2") == none.end());
}

TEST_CASE("a derived rate the recipient sets takes the donor's derived value", "[run][decomposition]") {
  const auto donor = parsed("[culture]\nlong_term_unemployment_share = 0.25\n");
  const auto recipient = parsed("[labour]\njob_finding_rate = 5\n");
  const auto overrides = run::group_overrides(donor, recipient, run::input_groups(), 1u);
  const std::string expected = "labour.job_finding_rate=" + scenario::format_value(-std::log(0.25));
  CHECK(std::find(overrides.begin(), overrides.end(), expected) != overrides.end());
  CHECK(std::find(overrides.begin(), overrides.end(), "culture.long_term_unemployment_share=0.25") !=
        overrides.end());
}

TEST_CASE("differing keys outside every group are listed", "[run][decomposition]") {
  const auto a = parsed("[culture]\nindulgence = 40\ndiscretion = 0.1\n[platform1]\nmedia_rate = 1\n");
  const auto b = parsed("[culture]\nindulgence = 60\ndiscretion = 0.9\n");
  CHECK(run::uncovered_differences(a, b, run::input_groups()) ==
        std::vector<std::string>{"culture.indulgence"});
}

TEST_CASE("a scenario against itself: every combination equal, every effect zero",
          "[run][decomposition]") {
  const auto d = run::decompose(tiny_pair("france.ini", "france.ini"), kDates, tiny(2));
  for (std::size_t c = 0; c < d.combination_count(); ++c) CHECK(d.value(c, 1) == d.value(0, 1));
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    CHECK(d.shapley_of(g, 1) == std::vector<double>(2, 0.0));
    CHECK(d.b_given_a(g, 1) == std::vector<double>(2, 0.0));
  }
  CHECK(d.residual(1) == std::vector<double>(2, 0.0));
}

TEST_CASE("France and US on a tiny population: one at a time, efficiency, threads",
          "[run][decomposition]") {
  const auto pair = tiny_pair("france.ini", "us.ini");
  const auto one = run::decompose(pair, kDates, tiny(1));
  const auto two = run::decompose(pair, kDates, tiny(2));
  CHECK(one.combinations == two.combinations);
  CHECK(one.reverse == two.reverse);
  CHECK(one.shapley == two.shapley);
  CHECK(one.efficiency_error() < 1e-9);
  REQUIRE(one.combinations.size() == 256 * 2 * 2);
  REQUIRE(one.reverse.size() == 9 * 2 * 2);
  const auto effect = one.a_given_b(2, 1), v2 = one.value(4, 1), v0 = one.value(0, 1);
  for (std::size_t r = 0; r < 2; ++r) CHECK(effect[r] == v2[r] - v0[r]);
  CHECK(one.uncovered_keys == std::vector<std::string>{"culture.long_term_orientation",
                                                       "culture.indulgence"});
}
