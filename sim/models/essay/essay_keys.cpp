#include "netadopt/models/essay/essay_model.hpp"

namespace netadopt::models::essay {

void declare_essay_model_keys(scenario::Schema& schema) {
  declare_population_keys(schema);
  declare_network_keys(schema);
  declare_culture_keys(schema);
  declare_essay_keys(schema);
}

}  // namespace netadopt::models::essay
