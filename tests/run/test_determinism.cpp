// A run is a pure function of scenario and seed: the thread count must not matter, and a
// replication must not depend on which other replications ran.
#include <catch2/catch.hpp>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/replication.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/loader.hpp"

namespace {
netadopt::scenario::Scenario scenario(int seed) {
  const std::string ini = "[run]\nseed = " + std::to_string(seed) +
                          "\nreplications = 6\nend = 2009-01-01\n[population]\nsize = 20000\n";
  return netadopt::scenario::parse_scenario(netadopt::run::full_schema(), ini, "determinism");
}

netadopt::run::RunResult run_with(int threads, int seed = 7) {
  netadopt::run::RunOptions options;
  options.threads = threads;
  return netadopt::run::run_scenario(scenario(seed), options);
}
}  // namespace

TEST_CASE("1 and 2 threads give identical members and trajectories", "[run][determinism]") {
  const auto one = run_with(1), two = run_with(2);
  CHECK(one.variable("members").values == two.variable("members").values);
  CHECK(one.fingerprints == two.fingerprints);
  CHECK(one.events == two.events);
}

TEST_CASE("a replication run alone equals the same replication in a batch", "[run][determinism]") {
  const auto batch = run_with(2);
  const auto alone = netadopt::run::run_replication(scenario(7), 4);
  CHECK(alone.fingerprint == batch.fingerprints[4]);
}

TEST_CASE("replications and seeds differ from one another", "[run][determinism]") {
  const auto a = run_with(2, 7), b = run_with(2, 8);
  CHECK(a.fingerprints[0] != a.fingerprints[1]);
  CHECK(a.fingerprints[0] != b.fingerprints[0]);
}
