#include <catch2/catch.hpp>
#include <string>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/loader.hpp"

namespace {
netadopt::run::RunResult run_small(const std::string& bass_keys, int size = 1000) {
  const std::string ini =
      "[run]\nreplications = 3\nstart = 2003-01-01\nend = 2008-01-01\n"
      "[population]\nsize = " +
      std::to_string(size) + "\n[bass]\n" + bass_keys;
  const auto s = netadopt::scenario::parse_scenario(netadopt::run::full_schema(), ini, "unit");
  return netadopt::run::run_scenario(s);
}

std::vector<double> series(const netadopt::run::RunResult& r, std::size_t rep) {
  const auto& v = r.variable("members").values;
  const auto n = r.times.size();
  return {v.begin() + static_cast<long>(rep * n), v.begin() + static_cast<long>((rep + 1) * n)};
}
}  // namespace

TEST_CASE("members never decrease and never exceed the population", "[bass]") {
  const auto r = run_small("p = 0.5\nq = 2\n");
  for (std::size_t rep = 0; rep < r.replications; ++rep) {
    const auto x = series(r, rep);
    for (std::size_t t = 1; t < x.size(); ++t) REQUIRE(x[t] >= x[t - 1]);
    CHECK(x.back() <= 1000);
    CHECK(r.events[rep] == static_cast<std::uint64_t>(x.back()));  // one event per adoption
  }
}

TEST_CASE("initial adopters are members at time 0", "[bass]") {
  const auto r = run_small("p = 0\nq = 0.5\ninitial_adopters = 25\n");
  CHECK(series(r, 0).front() == 25);
  CHECK(series(r, 0).back() > 25);  // imitation spreads from them
}

TEST_CASE("with neither innovation nor adopters nothing happens", "[bass]") {
  const auto r = run_small("p = 0\nq = 0.5\n");
  CHECK(series(r, 1).back() == 0);
  CHECK(r.events[1] == 0);
}

TEST_CASE("a whole population adopts with strong innovation", "[bass]") {
  const auto r = run_small("p = 50\nq = 0\n", 200);
  CHECK(series(r, 2).back() == 200);
  CHECK(r.events[2] == 200);
}

TEST_CASE("more initial adopters than agents is refused", "[bass]") {
  CHECK_THROWS_AS(run_small("initial_adopters = 2000\n"), netadopt::scenario::ScenarioError);
}
