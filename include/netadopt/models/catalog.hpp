#pragma once
// The list of models and the full scenario schema: the general keys ([run], [output],
// [population]) plus every model's own keys. New models register here.
#include <memory>

#include "netadopt/models/model.hpp"
#include "netadopt/scenario/scenario.hpp"
#include "netadopt/scenario/schema.hpp"

namespace netadopt::models {

const scenario::Schema& full_schema();  // built once, shared, immutable

// The model named by `run.model`, for one replication, with its streams keyed by
// (run.seed, replication, purpose).
std::unique_ptr<Model> make_model(const scenario::Scenario& scenario, std::uint64_t replication);

}  // namespace netadopt::models
