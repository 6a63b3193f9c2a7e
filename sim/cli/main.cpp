// netadopt: parse the command, run it, and map every failure to a message and an exit code.
#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "huge_pages.hpp"
#include "netadopt/core/state_archive.hpp"
#include "netadopt/io/checkpoint_file.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "netadopt/scenario/loader.hpp"
#include "netadopt/scenario/read_file.hpp"

using namespace netadopt;

namespace {
// A checkpoint that cannot be read (io) or does not fit the model (core).
int report_unreadable_checkpoint(const std::exception& e) {
  std::cerr << "netadopt: cannot resume: " << e.what() << '\n';
  return cli::kNoInput;
}

int report_scenario_error(const scenario::ScenarioError& e) {
  for (const auto& problem : e.problems()) std::cerr << problem.to_string() << '\n';
  if (e.missing_file()) {
    std::cerr << "netadopt: a file could not be read\n";
    return cli::kNoInput;
  }
  const auto n = e.problems().size();
  std::cerr << "netadopt: " << n << (n == 1 ? " problem" : " problems") << " in the scenario\n";
  return cli::kDataError;
}

int dispatch(const std::string& command, const cli::Args& args, const std::string& line) {
  if (command == "describe") return cli::describe_command(args);
  if (command == "validate") return cli::validate_command(args);
  if (command == "run") return cli::run_command(args, line);
  if (command == "compare") return cli::compare_command(args, line);
  if (command == "calibrate") return cli::calibrate_command(args, line);
  if (command == "sweep") return cli::sweep_command(args, line);
  if (command == "merge") return cli::merge_command(args, line);
  if (command == "slurm") return cli::slurm_command(args);
  if (command == "analyze") return cli::analyze_command(args);
  if (command == "version" || command == "--version") return cli::version_command(args);
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << cli::usage_text();
    return cli::kOk;
  }
  throw cli::UsageError("unknown command '" + command + "'");
}

std::string joined(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) line += (i ? " " : "") + std::string(argv[i]);
  return line;
}
}  // namespace

int main(int argc, char** argv) {
  cli::restart_with_huge_pages(argv);
  if (argc < 2) {
    std::cerr << cli::usage_text();
    return cli::kUsage;
  }
  try {
    return dispatch(argv[1], cli::Args(argv + 2, argv + argc), joined(argc, argv));
  } catch (const cli::HelpRequested& e) {
    std::cout << "usage: netadopt COMMAND [ARGS]\n"
              << cli::command_usage(argv[1]) << '\n'
              << e.what();
    return cli::kOk;
  } catch (const cli::UsageError& e) {
    std::cerr << "netadopt: " << e.what() << "\n\n" << cli::usage_text();
    return cli::kUsage;
  } catch (const scenario::ScenarioError& e) {
    return report_scenario_error(e);
  } catch (const cli::CannotCreateOutput& e) {
    std::cerr << "netadopt: " << e.what() << '\n';
    return cli::kCantCreate;
  } catch (const io::OutputError& e) {
    std::cerr << "netadopt: " << e.what() << '\n';
    return cli::kIoError;
  } catch (const io::CheckpointError& e) {
    return report_unreadable_checkpoint(e);
  } catch (const core::StateError& e) {
    return report_unreadable_checkpoint(e);
  } catch (const scenario::FileReadError& e) {  // an input read outside the scenario loader
    std::cerr << "netadopt: " << e.what() << '\n';
    return cli::kNoInput;
  } catch (const std::exception& e) {
    std::cerr << "netadopt: internal error: " << e.what() << '\n';
    return cli::kSoftware;
  }
}
