#pragma once
// What a run produces, independent of any file format: time series per replication, laid out
// replication-major ([replication][time][extra dims...]), each with its units and description,
// and the dimensions it spans. The io module writes it; tests read it directly.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "netadopt/scenario/date.hpp"

namespace netadopt::run {

struct Dimension {
  std::string name;                 // "role", "platform", "status"
  std::vector<std::string> labels;  // one per position, written as a string coordinate
  std::string description;
};

struct VariableSpec {
  std::string name;         // "members"
  std::string units;        // UDUNITS-style where one exists ("1" for counts of persons)
  std::string description;  // one sentence a reader of the file understands
  std::vector<Dimension> dims;  // after (replication, time)
  bool integer = true;      // stored as int64 if true, float64 otherwise
  bool timeless = false;    // true: one value per replication, shape (replication, extra...)
  std::size_t cell_count() const;  // product of the extra dimensions' sizes
};

struct Variable {
  VariableSpec spec;
  std::vector<double> values;  // replications * times (1 if timeless) * spec.cell_count()
};

struct RunResult {
  scenario::Date start;               // time 0
  std::vector<double> times;          // reporting times, days since start
  std::size_t replications = 0;
  std::vector<Variable> variables;
  std::vector<std::uint64_t> events;        // per replication: events processed
  std::vector<std::uint64_t> fingerprints;  // per replication: trajectory hash

  const Variable& variable(const std::string& name) const;  // throws if absent
};

// Who made the file, from what, when: root attributes of the output.
struct Provenance {
  std::string scenario_file;
  std::string scenario_text;  // the resolved scenario, every key
  std::uint64_t seed = 0;
  std::string version;        // git describe
  std::string compiler;
  std::string command_line;
  std::string started_at;     // ISO 8601, UTC
  double wall_seconds = 0.0;
  int threads = 1;
};

}  // namespace netadopt::run
