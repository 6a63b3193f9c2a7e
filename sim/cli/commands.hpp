#pragma once
// The CLI's commands. Each takes the arguments after its name and returns an exit code; they
// throw UsageError for bad arguments and let scenario and output errors through to main().
#include <stdexcept>
#include <string>
#include <vector>

namespace netadopt::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The output cannot be created: it exists (and no --force), or its folder is missing.
class CannotCreateOutput : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `--help` or `-h` among a command's arguments: main() prints the command's usage line and
// what() (every flag with its help) and exits 0.
class HelpRequested : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using Args = std::vector<std::string>;

int describe_command(const Args& args);
int validate_command(const Args& args);
int run_command(const Args& args, const std::string& command_line);
int compare_command(const Args& args, const std::string& command_line);
int calibrate_command(const Args& args, const std::string& command_line);
int sweep_command(const Args& args, const std::string& command_line);
int merge_command(const Args& args, const std::string& command_line);
int slurm_command(const Args& args);
int analyze_command(const Args& args);
int version_command(const Args& args);
std::string usage_text();
// The lines of usage_text() about `command` ("" for an unknown command).
std::string command_usage(const std::string& command);

}  // namespace netadopt::cli
