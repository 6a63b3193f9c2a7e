#include "sweep_cli.hpp"

#include <ctime>
#include <iostream>

#include "exit_codes.hpp"
#include "netadopt/run/version.hpp"

namespace po = boost::program_options;

namespace netadopt::cli {

sweep::SweepSpec load_sweep_or_report(const std::filesystem::path& file) {
  try {
    return sweep::load_sweep(file);
  } catch (const scenario::ScenarioError& e) {
    for (const auto& problem : e.problems()) std::cerr << problem.to_string() << '\n';
    const auto n = e.problems().size();
    std::cerr << "netadopt: " << n << (n == 1 ? " problem" : " problems") << " in the sweep\n";
    throw SweepRefused{e.missing_file() ? kNoInput : kDataError};
  }
}

sweep::SweepProvenance sweep_provenance(const std::string& line, int threads,
                                        const std::string& shard, double wall_seconds) {
  return {version(), compiler(), line, utc_now(), wall_seconds, threads, shard};
}

}  // namespace netadopt::cli
