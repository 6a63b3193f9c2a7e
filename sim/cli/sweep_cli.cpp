#include "sweep_cli.hpp"

#include <ctime>
#include <iostream>

#include "exit_codes.hpp"

namespace po = boost::program_options;

namespace netadopt::cli {

po::variables_map parse_sweep_args(const Args& args, const po::options_description& options,
                                   const po::positional_options_description& positional) {
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  return vm;
}

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

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

}  // namespace netadopt::cli
