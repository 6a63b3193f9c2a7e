#pragma once
// Internal to netadopt_io: the shape a RunResult takes in the file, and the checks that its
// arrays are as long as that shape says, made before anything is written.
#include <cstddef>
#include <vector>

#include "netadopt/run/result.hpp"

namespace netadopt::io {

// Extents of a variable in the file: replications, times (unless timeless), then each extra
// dimension.
std::vector<std::size_t> extents_of(const run::RunResult& result, const run::VariableSpec& spec);

// The extra dimensions of all variables, each once, in order of first use.
std::vector<const run::Dimension*> shared_dimensions(const run::RunResult& result);

// Throws OutputError when an array's length disagrees with the shape, or when two variables
// give the same dimension different labels.
void check_layout(const run::RunResult& result);

}  // namespace netadopt::io
