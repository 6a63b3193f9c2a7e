#include "essay_fixtures.hpp"

using namespace essay_test;
using netadopt::scenario::Origin;
using netadopt::scenario::Scenario;

namespace {
std::vector<std::string> failures(const Scenario& scenario) {
  std::vector<std::string> messages;
  for (const auto& check : scenario.schema().checks())
    if (auto message = check.check(scenario)) messages.push_back(*message);
  return messages;
}
}  // namespace

TEST_CASE("the population keys' defaults are the parameters' defaults", "[essay][keys]") {
  const auto schema = structure_schema();
  const Scenario scenario(schema, "test");
  const PopulationParams read = population_params(scenario), defaults;
  CHECK(read.size == defaults.size);
  CHECK(read.occupation_share == defaults.occupation_share);
  CHECK(read.unemployment == defaults.unemployment);
  CHECK(read.firm_size_exponent == defaults.firm_size_exponent);
  CHECK(read.firm_max_size == defaults.firm_max_size);
  CHECK(read.hostile_firm_share == defaults.hostile_firm_share);
  CHECK(read.club_share_executive == defaults.club_share_executive);
  CHECK(read.club_share_other == defaults.club_share_other);
  CHECK(read.club_mean_size == defaults.club_mean_size);
  CHECK(read.mean_tenure_years == defaults.mean_tenure_years);
  CHECK(failures(scenario).empty());
}

TEST_CASE("occupation shares must sum to 1", "[essay][keys]") {
  const auto schema = structure_schema();
  Scenario scenario(schema, "test");
  scenario.set("population.share_executive", 0.2, Origin::Override);
  const auto messages = failures(scenario);
  REQUIRE(messages.size() == 1);
  CHECK_THAT(messages[0], Catch::Contains("population.share_executive") &&
                              Catch::Contains("population.share_salesperson") &&
                              Catch::Contains("population.share_middle_manager") &&
                              Catch::Contains("1.05"));
}

TEST_CASE("hypothesis keys carry their hypothesis", "[essay][keys]") {
  const auto schema = structure_schema();
  CHECK(schema.find("firms.hostile_share")->group == "H8");
  CHECK(schema.find("clubs.executive_membership")->group == "H6");
  CHECK(schema.find("clubs.other_membership")->group == "H6");
  CHECK(schema.find("firms.size_exponent")->source.find("Axtell") != std::string::npos);
  CHECK(schema.find("population.mean_tenure_years")->range.min_open);
}
