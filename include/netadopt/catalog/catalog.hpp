#pragma once
// The list of models. Each entry says everything the layers above need to know about a model,
// so that they never include a model's own headers: its name, its keys (with, for forks, which
// were built at the start and why: Schema::declare_structural), how to build one replication,
// the layout of its output and its memory cost from the scenario alone (nothing is built), the
// share of the workforce its agents stand for, and the values it derives for keys the scenario
// does not set. A new model adds one entry here (README, "Adding a model").
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "netadopt/models/model.hpp"
#include "netadopt/models/variables.hpp"
#include "netadopt/scenario/scenario.hpp"
#include "netadopt/scenario/schema.hpp"

namespace netadopt::models {

struct ModelDescriptor {
  std::string name;                                // the value of run.model
  std::string summary;                             // a phrase: run.model's help lists them
  void (*declare_keys)(scenario::Schema& schema);  // its own sections
  bool uses_graph;  // reads the [graph] keys (graph.hpp), which the network models share
  // One replication, its random streams keyed by (run.seed, replication, purpose).
  std::unique_ptr<Model> (*make)(const scenario::Scenario& scenario, std::uint64_t replication);
  std::vector<VariableSpec> (*outputs)(const scenario::Scenario& scenario);
  double (*replication_bytes)(const scenario::Scenario& scenario);  // model state, estimated
  // The share of the employed workforce that the agents stand for (1: the whole population).
  double (*workforce_share)(const scenario::Scenario& scenario);
  // The value the model derives for a derived key the scenario does not set, or nullopt.
  std::optional<double> (*derived_value)(const scenario::Scenario& scenario,
                                         const std::string& key);
};

const std::vector<ModelDescriptor>& catalog();
const ModelDescriptor& descriptor(const scenario::Scenario& scenario);  // by run.model

// The keys every model reads ([run], [output], population.size), every model's own keys, and
// the [graph] keys of the network models. The full schema (run/full_schema.hpp) adds the keys
// of the layers above.
void declare_model_keys(scenario::Schema& schema);

// The models that read `key`: all of them for a key every model reads, none for a key of the
// layers above (such as [fork]).
std::vector<std::string> models_reading(const std::string& key);

// Shorthands through descriptor(scenario).
std::unique_ptr<Model> make_model(const scenario::Scenario& scenario, std::uint64_t replication);
std::vector<VariableSpec> output_layout(const scenario::Scenario& scenario);

}  // namespace netadopt::models
