#include "../essay_fixtures.hpp"

using namespace essay_test;
using netadopt::scenario::Origin;
using netadopt::scenario::Scenario;

TEST_CASE("the network keys' defaults are the parameters' defaults", "[essay][keys]") {
  const auto schema = structure_schema();
  const Scenario scenario(schema, "test");
  const NetworkParams read = network_params(scenario), defaults;
  CHECK(read.colleague_degree == defaults.colleague_degree);
  CHECK(read.club_degree == defaults.club_degree);
  CHECK(read.outside_degree == defaults.outside_degree);
  CHECK(read.mixing.isApprox(defaults.mixing, 1e-12));
}

TEST_CASE("mixing rows are normalised to sum to 1", "[essay][keys]") {
  const auto schema = structure_schema();
  Scenario scenario(schema, "test");
  scenario.set("network.mix_salesperson_executive", 3.0, Origin::Override);
  const NetworkParams params = network_params(scenario);
  CHECK(params.mixing.row(1).sum() == Approx(1.0));
  CHECK(params.mixing(1, 0) == Approx(0.6));
}

TEST_CASE("a mixing row of zeros is an error naming its keys", "[essay][keys]") {
  const auto schema = structure_schema();
  Scenario scenario(schema, "test");
  for (const char* to : {"executive", "salesperson", "middle_manager"})
    scenario.set(std::string("network.mix_middle_manager_") + to, 0.0, Origin::Override);
  std::vector<std::string> messages;
  for (const auto& check : schema.checks())
    if (auto message = check.check(scenario)) messages.push_back(*message);
  REQUIRE(messages.size() == 1);
  CHECK_THAT(messages[0], Catch::Contains("network.mix_middle_manager_executive") &&
                              Catch::Contains("network.mix_middle_manager_middle_manager"));
}

TEST_CASE("outside degrees and mixing carry their hypotheses", "[essay][keys]") {
  const auto schema = structure_schema();
  CHECK(schema.find("network.outside_degree_executive")->group == "H1");
  CHECK(schema.find("network.outside_degree_middle_manager")->group == "H5");
  CHECK(schema.find("network.mix_executive_executive")->group == "H1");
  CHECK(schema.find("network.mix_executive_executive")->help.find("normalised to sum to 1") !=
        std::string::npos);
}
