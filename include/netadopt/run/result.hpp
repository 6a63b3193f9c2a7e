#pragma once
// What a run produces, independent of any file format: time series per replication, laid out
// replication-major ([replication][time][extra dims...]), in the models' declared layout
// (models/variables.hpp). The io module writes it; tests read it directly.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "netadopt/models/variables.hpp"
#include "netadopt/scenario/date.hpp"

namespace netadopt::run {

// The output's layout is the models' (models/variables.hpp); the run fills it.
using models::Dimension;
using models::Variable;
using models::VariableSpec;

struct RunResult {
  scenario::Date start;       // time 0
  std::vector<double> times;  // reporting times, days since start
  std::size_t replications = 0;
  std::vector<Variable> variables;
  std::vector<std::uint64_t> events;        // per replication: events processed
  std::vector<std::uint64_t> fingerprints;  // per replication: trajectory hash
  // What the counts are out of: population.size, and the share of the employed workforce its
  // agents stand for (the catalog's workforce_share: population.workforce_share for the essay
  // model, 1 for the others). Root attributes of the output.
  std::int64_t population_size = 0;
  double workforce_share = 1.0;

  const Variable& variable(const std::string& name) const;  // throws if absent
};

// Who made the file, from what, when: root attributes of the output.
struct Provenance {
  std::string scenario_file;
  std::string scenario_text;  // the resolved scenario, every key
  std::uint64_t seed = 0;
  std::string version;  // git describe
  std::string compiler;
  std::string command_line;
  std::string started_at;  // ISO 8601, UTC
  double wall_seconds = 0.0;
  int threads = 1;
  // A fork's origin (run/fork.hpp; all empty when the run is no fork): the base's checkpoint
  // folder, the fork's date, the fork file, and one "key: old -> new" line per changed key.
  std::string fork_checkpoint, fork_date, fork_file, fork_changes;
};

}  // namespace netadopt::run
