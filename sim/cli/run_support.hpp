#pragma once
// Internal to the CLI: the pieces `run` shares with `describe` and `validate` (commands.cpp), and
// the provenance that `run`, `compare` and `calibrate` write with their outputs.
#include <boost/program_options.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "commands.hpp"
#include "netadopt/run/result.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::cli {

namespace po = boost::program_options;

po::variables_map parse(const Args& args, const po::options_description& options, bool with_file);
po::options_description scenario_options();            // FILE and --set
scenario::Scenario load(const po::variables_map& vm);  // FILE, --set; checks keys read
// Keys `s` sets that its model does not read (run/unread_keys.hpp): refused (ScenarioError,
// exit 65), or with `allow` (--allow-unread-keys) a warning each on stderr. Not for forks.
void check_keys_read(const scenario::Scenario& s, bool allow);
// What `validate` adds to the resolved text of `s` (which must outlive it): the derived numbers
// its model uses, and which keys that model reads.
scenario::Scenario::Annotations validate_annotations(const scenario::Scenario& s);
std::filesystem::path default_output(const std::string& file);  // results/<stem>.h5
run::RunOptions progress_options(int threads, bool quiet);
std::optional<std::string> memory_refusal(const scenario::Scenario& s, int threads);
// `validate` of a fork file: its scenario resolved against its checkpoint (validate_fork.cpp).
int validate_fork(const scenario::Scenario& fork_file);
// What an output records of its making: the scenario (file, resolved text, seed), this build
// (version, compiler), the command line, the UTC start time, threads and wall time.
run::Provenance provenance(const std::string& file, const std::string& text, std::uint64_t seed,
                           const std::string& line, int threads, double wall_seconds = 0.0);
run::Provenance provenance(const scenario::Scenario& s, const std::string& line, int threads,
                           double wall_seconds = 0.0);

}  // namespace netadopt::cli
