#pragma once
// Where a model writes its state at a reporting time: one row of cells per declared variable.
#include <cstddef>
#include <span>
#include <vector>

#include "netadopt/core/state_archive.hpp"
#include "netadopt/models/variables.hpp"

namespace netadopt::models {

class Recorder {
 public:
  Recorder(const std::vector<VariableSpec>& specs, std::size_t time_count);
  // The cells of variable `var` (its index in the model's output layout) at reporting time `t`;
  // a timeless variable has one row, whatever `t`.
  std::span<double> row(std::size_t var, std::size_t t);
  std::span<const double> series(std::size_t var) const { return data_[var]; }  // [time][cells]
  std::size_t variable_count() const { return data_.size(); }

  void persist(core::StateArchive& archive);  // checkpoints: what was recorded so far

 private:
  std::vector<std::size_t> cells_;
  std::vector<bool> timeless_;
  std::vector<std::vector<double>> data_;
};

}  // namespace netadopt::models
