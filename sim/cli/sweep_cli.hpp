#pragma once
// Shared by the sweep, merge and slurm commands: argument parsing (Boost.Program_options, with
// positional arguments), the sweep file's problems on stderr, the UTC time of day, and the
// provenance a sweep file records.
#include <boost/program_options.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "arguments.hpp"
#include "commands.hpp"
#include "netadopt/sweep/sweep_output.hpp"
#include "netadopt/sweep/sweep_spec.hpp"

namespace netadopt::cli {

// Loads the sweep file with the command line's --set overrides (`sets`); on problems prints
// each, and throws SweepRefused with the exit code.
sweep::SweepSpec load_sweep_or_report(const std::filesystem::path& file,
                                      const std::vector<std::string>& sets = {});

// The --set overrides given (none when the flag is absent).
std::vector<std::string> set_overrides(const boost::program_options::variables_map& vm);

// The --set option of sweep and slurm, described as for `netadopt run`.
void add_set_option(boost::program_options::options_description& options);

struct SweepRefused {
  int code;
};

// This build (version, compiler), the command line and the UTC start time, with `shard` ("I/N",
// "all" or "merged from N files"), threads and wall time.
sweep::SweepProvenance sweep_provenance(const std::string& line, int threads,
                                        const std::string& shard, double wall_seconds = 0.0);

}  // namespace netadopt::cli
