#pragma once
// The layout of a model's output, independent of any file format: each variable's name, units,
// description and the dimensions it spans after (replication, time), and its values. Models
// declare the layout from their scenario (catalog/catalog.hpp); the runner fills it; io writes it.
#include <cstddef>
#include <string>
#include <vector>

namespace netadopt::models {

struct Dimension {
  std::string name;                 // "role", "platform", "status"
  std::vector<std::string> labels;  // one per position, written as a string coordinate
  std::string description;
};

struct VariableSpec {
  std::string name;                // "members"
  std::string units;               // UDUNITS-style where one exists ("1" for counts of persons)
  std::string description;         // one sentence a reader of the file understands
  std::vector<Dimension> dims;     // after (replication, time)
  bool integer = true;             // stored as int64 if true, float64 otherwise
  bool timeless = false;           // true: one value per replication, shape (replication, extra...)
  std::size_t cell_count() const;  // product of the extra dimensions' sizes
};

struct Variable {
  VariableSpec spec;
  std::vector<double> values;  // replications * times (1 if timeless) * spec.cell_count()
};

}  // namespace netadopt::models
