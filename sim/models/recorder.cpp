#include "netadopt/models/recorder.hpp"

namespace netadopt::models {

Recorder::Recorder(const std::vector<VariableSpec>& specs, std::size_t time_count) {
  for (const auto& spec : specs) {
    cells_.push_back(spec.cell_count());
    timeless_.push_back(spec.timeless);
    data_.emplace_back((spec.timeless ? 1 : time_count) * spec.cell_count(), 0.0);
  }
}

std::span<double> Recorder::row(std::size_t var, std::size_t t) {
  const std::size_t row_index = timeless_[var] ? 0 : t;
  return std::span<double>(data_.at(var)).subspan(row_index * cells_[var], cells_[var]);
}

void Recorder::persist(core::StateArchive& archive) {
  archive.expect("variables", data_.size());
  for (std::size_t v = 0; v < data_.size(); ++v) {
    const std::string name = "variable" + std::to_string(v);
    archive.expect(name + ".size", data_[v].size());
    archive.vector(name, data_[v]);
  }
}

}  // namespace netadopt::models
