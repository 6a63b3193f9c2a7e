#pragma once
// Shared by the sweep, merge and slurm commands: argument parsing (Boost.Program_options, with
// positional arguments), the sweep file's problems on stderr, and the UTC time of day.
#include <boost/program_options.hpp>
#include <filesystem>
#include <string>

#include "arguments.hpp"
#include "commands.hpp"
#include "netadopt/sweep/sweep_spec.hpp"

namespace netadopt::cli {

// Loads the sweep file; on problems prints each, and throws SweepRefused with the exit code.
sweep::SweepSpec load_sweep_or_report(const std::filesystem::path& file);

struct SweepRefused {
  int code;
};

}  // namespace netadopt::cli
