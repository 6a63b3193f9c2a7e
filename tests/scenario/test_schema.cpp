#include <catch2/catch.hpp>
#include <stdexcept>

#include "test_schema.hpp"

using namespace netadopt::scenario;
using netadopt::scenario::testing::test_schema;

namespace {
KeySpec real_key(Range range, std::string unit = "") {
  return {"a.x", KeyType::Real, "1", std::move(unit), range, {}, "", "", ""};
}
}  // namespace

TEST_CASE("allowed() writes numeric ranges in interval notation with the unit") {
  CHECK(real_key({0, 100, true, false}, "per year").allowed() == "(0, 100] per year");
  CHECK(real_key({0, 100}).allowed() == "[0, 100]");
  CHECK(real_key({0, 36525, true, false}, "days").allowed() == "(0, 36525] days");
  CHECK(real_key({0, 1e300, true, false}).allowed() == "(0, inf)");
  CHECK(real_key({}).allowed() == "(-inf, inf)");
  CHECK(real_key({0.5, 2.5, false, true}).allowed() == "[0.5, 2.5)");
  CHECK(test_schema().find("population.size")->allowed() == "[1, 2000000000] agents");
}

TEST_CASE("allowed() describes dates and choices in words") {
  CHECK(test_schema().find("run.start")->allowed() ==
        "a date YYYY-MM-DD from 1900-01-01 to 2199-12-31");
  KeySpec open_date{"a.d", KeyType::Date, "2000-01-01", "", {0, 1e300, true, false}, {}, "", "",
                    ""};
  CHECK(open_date.allowed() == "a date YYYY-MM-DD from 1970-01-02");
  CHECK(test_schema().find("run.model")->allowed() == "one of: bass, sir");
}

TEST_CASE("section() is the part before the dot") {
  CHECK(test_schema().find("bass.p")->section() == "bass");
  CHECK(test_schema().find("population.size")->section() == "population");
}

TEST_CASE("sections() lists each section once, in declaration order") {
  CHECK(test_schema().sections() == std::vector<std::string>{"run", "population", "bass"});
}

TEST_CASE("find() returns the declared key or null") {
  REQUIRE(test_schema().find("bass.q") != nullptr);
  CHECK(test_schema().find("bass.q")->default_value == "0.38");
  CHECK(test_schema().find("bass.qq") == nullptr);
}

TEST_CASE("a malformed declaration is a logic error") {
  Schema schema;
  schema.add(real_key({0, 10}));
  CHECK_THROWS_AS(schema.add(real_key({0, 10})), std::logic_error);  // twice
  auto no_section = real_key({0, 10});
  no_section.name = "x";
  CHECK_THROWS_AS(schema.add(no_section), std::logic_error);
  auto bad_default = real_key({2, 10});
  bad_default.name = "a.y";
  CHECK_THROWS_WITH(schema.add(bad_default),
                    Catch::Contains("a.y") && Catch::Contains("out of range"));
  CHECK_THROWS_AS(schema.add({"a.c", KeyType::Choice, "x", "", {}, {}, "", "", ""}),
                  std::logic_error);
  CHECK_THROWS_AS(schema.add_check({{"a.nothing"},
                                    [](const Scenario&) { return std::optional<std::string>{}; }}),
                  std::logic_error);
  CHECK(schema.keys().size() == 1);
}

TEST_CASE("allowed() describes a text by its length") {
  CHECK(netadopt::scenario::testing::derived_schema().find("platform.name")->allowed() ==
        "a text of 1 to 64 characters");
}

TEST_CASE("a derived key takes no default, and every other key needs one") {
  Schema schema;
  auto derived = real_key({0, 10});
  derived.derived_from = "a.y via a mapping";
  CHECK_THROWS_WITH(schema.add(derived),
                    Catch::Contains("a.x") && Catch::Contains("a derived key takes no default"));
  derived.default_value = "";
  CHECK_NOTHROW(schema.add(derived));
  CHECK(schema.find("a.x")->is_derived());
  auto no_default = real_key({0, 10});
  no_default.name = "a.z";
  no_default.default_value = "";
  CHECK_THROWS_WITH(schema.add(no_default),
                    Catch::Contains("a.z") && Catch::Contains("expected a default value"));
  auto two_lines = derived;
  two_lines.name = "a.w";
  two_lines.derived_from = "a.y\nvia a mapping";
  CHECK_THROWS_AS(schema.add(two_lines), std::logic_error);
  CHECK(schema.keys().size() == 1);
}
