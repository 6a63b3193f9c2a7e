#include "arguments.hpp"

#include <ctime>

#include "netadopt/io/hdf5_writer.hpp"

namespace po = boost::program_options;

namespace netadopt::cli {

po::variables_map parse_arguments(const Args& args, const po::options_description& options,
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

void check_output(const std::filesystem::path& out, bool force) {
  try {
    io::check_output_path(out, force);
  } catch (const io::OutputError& e) {
    throw CannotCreateOutput(e.what());
  }
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

}  // namespace netadopt::cli
