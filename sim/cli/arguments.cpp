#include "arguments.hpp"

#include <algorithm>
#include <ctime>
#include <iostream>
#include <sstream>

#include "netadopt/io/hdf5_writer.hpp"

namespace po = boost::program_options;

namespace netadopt::cli {

namespace {
bool asks_for_help(const Args& args) {
  return std::any_of(args.begin(), args.end(),
                     [](const std::string& a) { return a == "--help" || a == "-h"; });
}

bool is_positional(const std::string& name, const po::positional_options_description& positional) {
  const unsigned count = positional.max_total_count();
  for (unsigned i = 0; i < count && i < 16; ++i)
    if (positional.name_for_position(i) == name) return true;
  return false;
}

// The flags of `options`, without the positional arguments (FILE, A.ini B.ini), which the
// usage line names.
std::string flags_text(const po::options_description& options,
                       const po::positional_options_description& positional) {
  po::options_description flags("flags");
  for (const auto& option : options.options())
    if (!is_positional(option->long_name(), positional)) flags.add(option);
  flags.add_options()("help,h", "print this help and exit");
  std::ostringstream text;
  text << flags;
  return text.str();
}
}  // namespace

po::variables_map parse_arguments(const Args& args, const po::options_description& options,
                                  const po::positional_options_description& positional) {
  if (asks_for_help(args)) throw HelpRequested(flags_text(options, positional));
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  return vm;
}

namespace {
// results/, the default outputs' folder, is created when missing; any other folder must exist.
void create_default_folder(const std::filesystem::path& out) {
  const std::filesystem::path folder = out.parent_path();
  std::error_code ignored;
  if (folder != "results" || std::filesystem::exists(folder, ignored)) return;
  if (std::filesystem::create_directory(folder, ignored))
    std::cerr << "netadopt: created the folder results/ for the output\n";
}

std::string missing_folder_hint(const std::filesystem::path& out) {
  const std::filesystem::path folder = out.has_parent_path() ? out.parent_path() : ".";
  std::error_code ignored;
  if (std::filesystem::exists(folder, ignored)) return "";
  return "; create it (mkdir -p '" + folder.string() + "') or write elsewhere with -o OUT.h5";
}
}  // namespace

void check_output(const std::filesystem::path& out, bool force) {
  create_default_folder(out);
  try {
    io::check_output_path(out, force);
  } catch (const io::OutputError& e) {
    throw CannotCreateOutput(std::string(e.what()) + missing_folder_hint(out));
  }
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

}  // namespace netadopt::cli
