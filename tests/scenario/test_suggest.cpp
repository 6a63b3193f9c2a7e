#include "netadopt/scenario/suggest.hpp"

#include <catch2/catch.hpp>

#include "test_schema.hpp"

using netadopt::scenario::detail::closest_key;
using netadopt::scenario::detail::edit_distance;
using netadopt::scenario::testing::test_schema;

TEST_CASE("edit_distance counts insertions, deletions and substitutions") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("bass.q", "bass.q") == 0);
  CHECK(edit_distance("bass.qq", "bass.q") == 1);
  CHECK(edit_distance("bass.q", "bsas.q") == 2);
}

TEST_CASE("closest_key suggests near typos and the right key in the wrong section") {
  CHECK(closest_key(test_schema(), "bass.qq") == "bass.q");
  CHECK(closest_key(test_schema(), "run.sed") == "run.seed");
  CHECK(closest_key(test_schema(), "population.sise") == "population.size");
  CHECK(closest_key(test_schema(), "run.p") == "bass.p");
  CHECK(closest_key(test_schema(), "seed") == "run.seed");
}

TEST_CASE("closest_key suggests nothing for a key far from every key") {
  CHECK_FALSE(closest_key(test_schema(), "weather.rain").has_value());
  CHECK_FALSE(closest_key(test_schema(), "bass.xyz").has_value());
}
