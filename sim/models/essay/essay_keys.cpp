#include "netadopt/models/essay/essay_model.hpp"
#include "netadopt/models/essay/tie_lists.hpp"

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
}  // namespace

void declare_essay_model_keys(scenario::Schema& schema) {
  declare_population_keys(schema);
  declare_network_keys(schema);
  declare_culture_keys(schema);
  declare_essay_keys(schema);
  schema.add_check({{"run.model", "population.size"}, fits_the_network});
}

}  // namespace netadopt::models::essay
