#include <catch2/catch.hpp>
#include <stdexcept>

#include "netadopt/scenario/loader.hpp"
#include "test_schema.hpp"

using namespace netadopt::scenario;
using netadopt::scenario::testing::test_schema;

namespace {
void check_same_values(const Scenario& a, const Scenario& b) {
  for (const auto& spec : test_schema().keys()) {
    INFO(spec.name);
    CHECK(a.value(spec.name) == b.value(spec.name));
  }
}
}  // namespace

TEST_CASE("a new scenario holds every default, typed") {
  const Scenario s(test_schema(), "x.ini");
  CHECK(s.choice("run.model") == "bass");
  CHECK(s.integer("run.seed") == 1);
  CHECK(s.date("run.end") == *parse_date("2010-01-01"));
  CHECK(s.real("bass.q") == 0.38);
  CHECK(s.origin("bass.q") == Origin::Default);
}

TEST_CASE("reading a key as the wrong type or an unknown key is a logic error") {
  const Scenario s(test_schema(), "x.ini");
  CHECK_THROWS_AS(s.integer("bass.p"), std::logic_error);
  CHECK_THROWS_AS(s.real("run.seed"), std::logic_error);
  CHECK_THROWS_AS(s.real("bass.nothing"), std::logic_error);
  CHECK_THROWS_AS(s.origin("bass.nothing"), std::logic_error);
}

TEST_CASE("set() replaces a value and records its origin, refusing a wrong type") {
  Scenario s(test_schema(), "x.ini");
  s.set("bass.p", 0.5, Origin::Override);
  CHECK(s.real("bass.p") == 0.5);
  CHECK(s.origin("bass.p") == Origin::Override);
  CHECK_THROWS_AS(s.set("bass.p", std::int64_t{1}, Origin::File), std::logic_error);
  CHECK_THROWS_AS(s.set("bass.nothing", 1.0, Origin::File), std::logic_error);
}

TEST_CASE("resolved_ini lists every key by section and marks where values came from") {
  const auto s = parse_scenario(test_schema(), "[bass]\nq = 0.5\n", "s.ini", {"run.seed=9"});
  CHECK(s.resolved_ini() ==
        "# resolved scenario of s.ini\n"
        "\n[run]\n"
        "model = bass # default\n"
        "seed = 9 # --set\n"
        "start = 2003-01-01 # default\n"
        "end = 2010-01-01 # default\n"
        "\n[population]\n"
        "size = 100000 # default\n"
        "\n[bass]\n"
        "p = 0.03 # default\n"
        "q = 0.5\n");
}

TEST_CASE("resolved_ini loads back to the same scenario") {
  const auto original = parse_scenario(
      test_schema(), "[bass]\nq = 0.1234567890123\np=3e-2\n[run]\nend=2199-12-31\n", "s.ini",
      {"run.seed=9007199254740991", "run.model=sir", "run.start=1900-01-01"});
  const auto reloaded = parse_scenario(test_schema(), original.resolved_ini(), "resolved.ini");
  check_same_values(original, reloaded);
  CHECK(reloaded.resolved_ini().find("q = 0.1234567890123\n") != std::string::npos);
}
