#include "result_layout.hpp"

#include <functional>
#include <numeric>
#include <string>

#include "netadopt/io/hdf5_writer.hpp"

namespace netadopt::io {

namespace {

std::size_t product(const std::vector<std::size_t>& extents) {
  return std::accumulate(extents.begin(), extents.end(), std::size_t{1}, std::multiplies<>());
}

std::string shape_text(const std::vector<std::size_t>& extents) {
  std::string text;
  for (const std::size_t extent : extents)
    text += (text.empty() ? "" : " x ") + std::to_string(extent);
  return text;
}

void check_variable_length(const run::RunResult& result, const run::Variable& variable) {
  const auto extents = extents_of(result, variable.spec);
  if (variable.values.size() == product(extents)) return;
  throw OutputError("variable '" + variable.spec.name + "' has " +
                    std::to_string(variable.values.size()) + " values; expected " +
                    std::to_string(product(extents)) + " (" + shape_text(extents) + ")");
}

void check_per_replication(const run::RunResult& result, std::size_t size, const char* name) {
  if (size == result.replications) return;
  throw OutputError(std::string("'") + name + "' has " + std::to_string(size) +
                    " entries; expected one per replication (" +
                    std::to_string(result.replications) + ")");
}

std::string labels_text(const std::vector<std::string>& labels) {
  std::string text;
  for (const std::string& label : labels) text += (text.empty() ? "" : ", ") + label;
  return "{" + text + "}";
}

void check_same_labels(const run::Dimension& first, const run::Dimension& other) {
  if (first.labels == other.labels) return;
  throw OutputError("dimension '" + first.name + "' has labels " + labels_text(first.labels) +
                    " in one variable and " + labels_text(other.labels) +
                    " in another; expected the same labels wherever it is used");
}

const run::Dimension* find_by_name(const std::vector<const run::Dimension*>& dims,
                                   const std::string& name) {
  for (const run::Dimension* dim : dims)
    if (dim->name == name) return dim;
  return nullptr;
}

}  // namespace

std::vector<std::size_t> extents_of(const run::RunResult& result, const run::VariableSpec& spec) {
  std::vector<std::size_t> extents{result.replications};
  if (!spec.timeless) extents.push_back(result.times.size());
  for (const run::Dimension& dim : spec.dims) extents.push_back(dim.labels.size());
  return extents;
}

std::vector<const run::Dimension*> shared_dimensions(const run::RunResult& result) {
  std::vector<const run::Dimension*> dims;
  for (const run::Variable& variable : result.variables)
    for (const run::Dimension& dim : variable.spec.dims) {
      const run::Dimension* seen = find_by_name(dims, dim.name);
      if (seen != nullptr)
        check_same_labels(*seen, dim);
      else
        dims.push_back(&dim);
    }
  return dims;
}

void check_layout(const run::RunResult& result) {
  check_per_replication(result, result.events.size(), "events");
  check_per_replication(result, result.fingerprints.size(), "fingerprint");
  for (const run::Variable& variable : result.variables) check_variable_length(result, variable);
  shared_dimensions(result);
}

}  // namespace netadopt::io
