#include "output_path.hpp"

#include <unistd.h>

#include <string>

#include "netadopt/io/hdf5_writer.hpp"

namespace netadopt::io {

namespace fs = std::filesystem;

namespace {

fs::path directory_of(const fs::path& out) {
  return out.has_parent_path() ? out.parent_path() : fs::path(".");
}

void require_directory(const fs::path& directory) {
  std::error_code ignored;
  if (!fs::exists(directory, ignored))
    throw OutputError("output directory '" + directory.string() + "' does not exist");
  if (!fs::is_directory(directory, ignored))
    throw OutputError("output directory '" + directory.string() + "' is not a directory");
}

void require_writable(const fs::path& directory) {
  if (access(directory.c_str(), W_OK) != 0)
    throw OutputError("output directory '" + directory.string() + "' is not writable");
}

}  // namespace

void refuse_existing_output(const fs::path& out, bool force) {
  std::error_code ignored;
  if (fs::is_directory(out, ignored))
    throw OutputError("output path '" + out.string() + "' is a directory; expected a file name");
  if (fs::exists(out, ignored) && !force)
    throw OutputError("output file '" + out.string() + "' exists; use --force to overwrite it");
}

fs::path temporary_path_for(const fs::path& out) {
  return fs::path(out.string() + ".tmp-" + std::to_string(getpid()));
}

void check_output_path(const fs::path& out, bool force) {
  refuse_existing_output(out, force);
  const fs::path directory = directory_of(out);
  require_directory(directory);
  require_writable(directory);
}

}  // namespace netadopt::io
