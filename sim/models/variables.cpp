#include "netadopt/models/variables.hpp"

namespace netadopt::models {

std::size_t VariableSpec::cell_count() const {
  std::size_t n = 1;
  for (const auto& d : dims) n *= d.labels.size();
  return n;
}

}  // namespace netadopt::models
