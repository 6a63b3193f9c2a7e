// The resource guard's estimate grows with what drives memory, refuses what does not fit,
// and says why in terms of the keys a user can change.
#include <catch2/catch.hpp>

#include "../models/essay/country_inputs.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/resources.hpp"
#include "netadopt/scenario/loader.hpp"

namespace {
using netadopt::run::AvailableMemory;
using netadopt::run::estimate_memory;
using netadopt::run::MemoryEstimate;

netadopt::scenario::Scenario scenario(const std::string& model, long size, long replications) {
  const std::string ini = "[run]\nmodel = " + model +
                          "\nreplications = " + std::to_string(replications) +
                          "\n[population]\nsize = " + std::to_string(size) + "\n" +
                          (model == "essay" ? essay_inputs::france_ini() : std::string());
  return netadopt::scenario::parse_scenario(netadopt::run::full_schema(), ini, "resources");
}

std::uint64_t total(const std::string& model, long size, long replications, int threads = 1) {
  return estimate_memory(scenario(model, size, replications), threads).total();
}
}  // namespace

TEST_CASE("the estimate grows with population.size", "[run][resources]") {
  for (const std::string model : {"bass", "essay"}) {
    CHECK(total(model, 1000, 2) < total(model, 10000, 2));
    CHECK(total(model, 10000, 2) < total(model, 100000, 2));
  }
}

TEST_CASE("the estimate grows with run.replications and threads in flight", "[run][resources]") {
  for (const std::string model : {"bass", "essay"}) {
    CHECK(total(model, 10000, 1) < total(model, 10000, 10));
    CHECK(total(model, 10000, 10, 1) < total(model, 10000, 10, 4));
  }
  // threads beyond the replications hold nothing more
  CHECK(total("essay", 10000, 2, 2) == total("essay", 10000, 2, 16));
}

TEST_CASE("the essay model costs hundreds of bytes per agent, bass a few", "[run][resources]") {
  const auto essay = estimate_memory(scenario("essay", 100000, 1), 1).per_replication;
  const auto bass = estimate_memory(scenario("bass", 100000, 1), 1).per_replication;
  CHECK(essay > 100000u * 300u);
  CHECK(essay < 100000u * 3000u);
  CHECK(bass == 100000u * 4u);
}

TEST_CASE("a tiny budget refuses, naming the keys that drive the estimate", "[run][resources]") {
  const MemoryEstimate estimate = estimate_memory(scenario("essay", 100000, 10), 2);
  const auto refusal = netadopt::run::memory_refusal(estimate, AvailableMemory{1 << 20, "test"});
  REQUIRE(refusal);
  for (const char* word : {"population.size", "run.replications", "--threads", "--no-memory-check",
                           "1.0 MiB is available (test)"})
    CHECK_THAT(*refusal, Catch::Contains(word));
}

TEST_CASE("a refusal gives the largest population.size that fits", "[run][resources]") {
  const MemoryEstimate estimate = estimate_memory(scenario("essay", 1000000, 1), 1);
  const std::uint64_t budget = estimate.total() / 4;
  const std::uint64_t fitting = estimate.agents_fitting(budget);
  // The model state scaled to what is left beside the output and the program, rounded down to
  // two significant digits (so within 10% below the exact share).
  const double share = static_cast<double>(budget - estimate.output - estimate.base) /
                       static_cast<double>(estimate.per_replication);
  CHECK(fitting % 10000 == 0);
  CHECK(static_cast<double>(fitting) <= 1e6 * share);
  CHECK(static_cast<double>(fitting) > 0.9 * 1e6 * share);
  CHECK(estimate_memory(scenario("essay", static_cast<long>(fitting), 1), 1).total() <= budget);
  const auto refusal = netadopt::run::memory_refusal(estimate, AvailableMemory{budget, "test"});
  REQUIRE(refusal);
  CHECK_THAT(*refusal,
             Catch::Contains("population.size up to about " + std::to_string(fitting) + " fits"));
  CHECK_THAT(*refusal, Catch::Contains("Full scale"));
  // Nothing fits when the output and the program alone exceed the budget.
  CHECK(estimate.agents_fitting(estimate.output + estimate.base) == 0);
}

TEST_CASE("a budget above the estimate lets the run go", "[run][resources]") {
  const MemoryEstimate estimate = estimate_memory(scenario("bass", 1000, 1), 1);
  CHECK_FALSE(netadopt::run::memory_refusal(estimate, AvailableMemory{estimate.total(), "test"}));
}

TEST_CASE("the largest scenario saturates instead of overflowing", "[run][resources]") {
  const std::string ini =
      "[run]\nreplications = 100000\nstart = 1900-01-01\nend = 2199-12-31\n"
      "[output]\ninterval_days = 0.01\n";
  const auto s = netadopt::scenario::parse_scenario(netadopt::run::full_schema(), ini, "big");
  const auto estimate = estimate_memory(s, 1);
  CHECK(estimate.total() > (1ull << 42));  // terabytes of output
  CHECK(estimate.total() >= estimate.output);
}

TEST_CASE("the machine's available memory can be read here", "[run][resources]") {
  const auto available = netadopt::run::available_memory();
  REQUIRE(available);  // Linux: /proc/meminfo
  CHECK(available->bytes > 0);
}

TEST_CASE("human_bytes picks a readable unit", "[run][resources]") {
  CHECK(netadopt::run::human_bytes(512) == "512 bytes");
  CHECK(netadopt::run::human_bytes(1536) == "1.5 KiB");
  CHECK(netadopt::run::human_bytes(3.0 * (1ull << 30)) == "3.0 GiB");
}
