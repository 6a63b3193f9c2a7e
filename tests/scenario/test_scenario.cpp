#include <catch2/catch.hpp>
#include <stdexcept>

#include "netadopt/scenario/loader.hpp"
#include "test_schema.hpp"

using namespace netadopt::scenario;
using netadopt::scenario::testing::derived_schema;
using netadopt::scenario::testing::test_schema;

namespace {
void check_same_values(const Scenario& a, const Scenario& b) {
  for (const auto& spec : test_schema().keys()) {
    INFO(spec.name);
    CHECK(a.value(spec.name) == b.value(spec.name));
  }
}

// Every key of `schema` is present in both or absent in both, with equal values.
void check_same_scenario(const Schema& schema, const Scenario& a, const Scenario& b) {
  for (const auto& spec : schema.keys()) {
    INFO(spec.name);
    REQUIRE(a.has(spec.name) == b.has(spec.name));
    if (a.has(spec.name)) CHECK(a.value(spec.name) == b.value(spec.name));
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

TEST_CASE("text() reads a text key, reading a text or a choice as the other is a logic error") {
  const Scenario s(derived_schema(), "x.ini");
  CHECK(s.text("platform.name") == "Viaduc");
  CHECK_THROWS_WITH(s.choice("platform.name"),
                    "scenario key 'platform.name' is not a choice but a text");
  CHECK_THROWS_AS(s.integer("platform.name"), std::logic_error);
  CHECK_THROWS_AS(s.text("labour.protection"), std::logic_error);
  CHECK_THROWS_AS(s.text("platform.nothing"), std::logic_error);
  const Scenario plain(test_schema(), "x.ini");
  CHECK_THROWS_WITH(plain.text("run.model"), "scenario key 'run.model' is not a text but a choice");
}

TEST_CASE("a derived key has no value until one is set, reading it is a logic error") {
  Scenario s(derived_schema(), "x.ini");
  CHECK_FALSE(s.has("labour.separation"));
  CHECK(s.has("labour.protection"));
  CHECK(s.has("platform.name"));
  CHECK(s.origin("labour.separation") == Origin::Default);
  const std::string absent =
      "scenario key 'labour.separation' has no value: it is derived from labour.protection via "
      "the separation mapping (see docs)";
  CHECK_THROWS_WITH(s.real("labour.separation"), absent);
  CHECK_THROWS_WITH(s.value("labour.separation"), absent);
  CHECK_THROWS_AS(s.integer("labour.separation"), std::logic_error);  // wrong type first
  CHECK_THROWS_AS(s.has("labour.nothing"), std::logic_error);
  CHECK_THROWS_AS(s.set("labour.separation", std::int64_t{1}, Origin::File), std::logic_error);
  s.set("labour.separation", 0.25, Origin::File);
  CHECK(s.has("labour.separation"));
  CHECK(s.real("labour.separation") == 0.25);
  CHECK(s.origin("labour.separation") == Origin::File);
}

TEST_CASE("set() accepts a text for a text key and refuses a number") {
  Scenario s(derived_schema(), "x.ini");
  s.set("platform.name", std::string("Viad\xC3\xA9o"), Origin::Override);
  CHECK(s.text("platform.name") == "Viad\xC3\xA9o");
  CHECK_THROWS_AS(s.set("platform.name", 1.0, Origin::File), std::logic_error);
}

TEST_CASE("resolved_ini writes an absent derived key as a comment saying where it comes from") {
  const auto s = parse_scenario(derived_schema(), "[platform]\nname = Open Net (v2)\n", "d.ini");
  CHECK(s.resolved_ini() ==
        "# resolved scenario of d.ini\n"
        "\n[platform]\n"
        "name = Open Net (v2)\n"
        "\n[labour]\n"
        "protection = 2.5 # default\n"
        "# separation = (derived from labour.protection via the separation mapping (see docs))\n");
  const auto given = parse_scenario(derived_schema(), "", "d.ini", {"labour.separation=0.2"});
  CHECK(given.resolved_ini().find("\nseparation = 0.2 # --set\n") != std::string::npos);
}

TEST_CASE("resolved_ini with a derived key, absent or set, loads back to the same scenario") {
  const auto absent = parse_scenario(derived_schema(), "[labour]\nprotection = 5\n", "d.ini",
                                     {"platform.name= Viad\xC3\xA9o / l'ami "});
  const auto absent_reloaded = parse_scenario(derived_schema(), absent.resolved_ini(), "r.ini");
  CHECK_FALSE(absent_reloaded.has("labour.separation"));
  CHECK(absent_reloaded.text("platform.name") == "Viad\xC3\xA9o / l'ami");
  check_same_scenario(derived_schema(), absent, absent_reloaded);

  const auto set = parse_scenario(derived_schema(), "[labour]\nseparation = 0.125\n", "d.ini");
  const auto set_reloaded = parse_scenario(derived_schema(), set.resolved_ini(), "r.ini");
  CHECK(set_reloaded.real("labour.separation") == 0.125);
  check_same_scenario(derived_schema(), set, set_reloaded);
}
