#include "netadopt/models/essay/essay_model.hpp"
#include "netadopt/models/essay/structure/tie_lists.hpp"

namespace netadopt::models::essay {

namespace {
// A tie stores the other agent in 30 bits (tie_lists.hpp).
std::optional<std::string> fits_the_network(const scenario::Scenario& s) {
  if (s.choice("run.model") != "essay" ||
      s.integer("population.size") <= static_cast<std::int64_t>(Tie::kMaxAgents))
    return std::nullopt;
  return "population.size: the essay model holds at most " + std::to_string(Tie::kMaxAgents) +
         " agents (2^30 - 1), found " + std::to_string(s.integer("population.size"));
}

// Every input that differs between countries must come from the scenario: an essay scenario
// that leaves one out would otherwise run with some other country's figure.
std::optional<std::string> country_inputs_set(const scenario::Scenario& s) {
  if (s.choice("run.model") != "essay") return std::nullopt;
  std::string missing;
  for (const std::string& key : country_input_keys())
    if (!s.has(key)) missing += (missing.empty() ? "" : ", ") + key;
  if (missing.empty()) return std::nullopt;
  return "the essay model needs every country input set in the scenario, each a published "
         "figure with its source (scenarios/france.ini shows them all); missing: " +
         missing;
}
}  // namespace

void declare_essay_model_keys(scenario::Schema& schema) {
  declare_population_keys(schema);
  declare_network_keys(schema);
  declare_culture_keys(schema);
  declare_essay_keys(schema);
  schema.add_check({{"run.model", "population.size"}, fits_the_network});
  schema.add_check({{"run.model"}, country_inputs_set});
}

}  // namespace netadopt::models::essay
