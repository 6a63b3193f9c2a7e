#include "../essay_fixtures.hpp"

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
  Scenario scenario(schema, "test");
  // The country inputs have no default; the derived keys are left to their derivations.
  scenario.set("population.cadres_share", 0.2, Origin::File);
  scenario.set("population.sales_share", 0.05, Origin::File);
  scenario.set("population.initial_unemployment", 0.089, Origin::File);
  scenario.set("population.mean_tenure_years", 11.0, Origin::File);
  const PopulationParams read = population_params(scenario), defaults;
  CHECK(read.size == defaults.size);
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

TEST_CASE("occupations split the cadres and the salespeople by the shared executive share",
          "[essay][keys]") {
  const auto schema = structure_schema();
  Scenario scenario(schema, "test");
  scenario.set("population.cadres_share", 0.2, Origin::File);
  scenario.set("population.sales_share", 0.05, Origin::File);
  const auto shares = occupation_shares(scenario);  // executive share of cadres 0.3
  CHECK(shares[0] == Approx(0.2 * 0.3 / 0.25));
  CHECK(shares[1] == Approx(0.05 / 0.25));
  CHECK(shares[2] == Approx(0.2 * 0.7 / 0.25));
  CHECK(workforce_share(scenario) == Approx(0.25));
  scenario.set("population.executive_share_of_cadres", 0.5, Origin::Override);
  CHECK(occupation_shares(scenario)[0] == Approx(0.2 * 0.5 / 0.25));
}

TEST_CASE("occupation shares set by hand must sum to 1", "[essay][keys]") {
  const auto schema = structure_schema();
  Scenario scenario(schema, "test");
  scenario.set("population.share_executive", 0.2, Origin::Override);
  scenario.set("population.share_salesperson", 0.25, Origin::Override);
  scenario.set("population.share_middle_manager", 0.6, Origin::Override);
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
