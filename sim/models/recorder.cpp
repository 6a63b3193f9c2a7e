#include "netadopt/models/recorder.hpp"

namespace netadopt::models {

Recorder::Recorder(const std::vector<run::VariableSpec>& specs, std::size_t time_count) {
  for (const auto& spec : specs) {
    cells_.push_back(spec.cell_count());
    data_.emplace_back(time_count * spec.cell_count(), 0.0);
  }
}

std::span<double> Recorder::row(std::size_t var, std::size_t t) {
  return std::span<double>(data_.at(var)).subspan(t * cells_[var], cells_[var]);
}

}  // namespace netadopt::models
