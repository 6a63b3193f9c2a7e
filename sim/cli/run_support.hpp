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
po::options_description scenario_options();  // FILE and --set
scenario::Scenario load(const po::variables_map& vm);
std::filesystem::path default_output(const std::string& file);  // results/<stem>.h5
run::RunOptions progress_options(int threads, bool quiet);
std::optional<std::string> memory_refusal(const scenario::Scenario& s, int threads);
// What an output records of its making: the scenario (file, resolved text, seed), this build
// (version, compiler), the command line, the UTC start time, threads and wall time.
run::Provenance provenance(const std::string& file, const std::string& text, std::uint64_t seed,
                           const std::string& line, int threads, double wall_seconds = 0.0);
run::Provenance provenance(const scenario::Scenario& s, const std::string& line, int threads,
                           double wall_seconds = 0.0);

}  // namespace netadopt::cli
