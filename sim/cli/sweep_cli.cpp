#include "sweep_cli.hpp"

#include <ctime>
#include <iostream>

#include "exit_codes.hpp"
#include "netadopt/run/version.hpp"

namespace po = boost::program_options;

namespace netadopt::cli {

sweep::SweepSpec load_sweep_or_report(const std::filesystem::path& file,
                                      const std::vector<std::string>& sets) {
  try {
    return sweep::load_sweep(file, sets);
  } catch (const scenario::ScenarioError& e) {
    for (const auto& problem : e.problems()) std::cerr << problem.to_string() << '\n';
    const auto n = e.problems().size();
    std::cerr << "netadopt: " << n << (n == 1 ? " problem" : " problems") << " in the sweep\n";
    throw SweepRefused{e.missing_file() ? kNoInput : kDataError};
  }
}

std::vector<std::string> set_overrides(const po::variables_map& vm) {
  return vm.count("set") ? vm["set"].as<std::vector<std::string>>() : std::vector<std::string>{};
}

void add_set_option(po::options_description& options) {
  options.add_options()("set", po::value<std::vector<std::string>>()->composing(),
                        "override a key of the base scenario for every point: section.key=value "
                        "(repeatable; checked as by `netadopt run --set`, after and over the "
                        "sweep file's [base]; not a swept key, run.seed or run.replications)");
}

sweep::SweepProvenance sweep_provenance(const std::string& line, int threads,
                                        const std::string& shard, double wall_seconds) {
  return {version(), compiler(), line, utc_now(), wall_seconds, threads, shard};
}

}  // namespace netadopt::cli
