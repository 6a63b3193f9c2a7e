#pragma once
// Internal to netadopt_io: where the output goes, and the temporary name it is written under.
#include <filesystem>

namespace netadopt::io {

// Throws OutputError if `out` exists and `force` is false, or if `out` is a directory.
void refuse_existing_output(const std::filesystem::path& out, bool force);

// OUT.tmp-<pid>, beside OUT, so that the final rename stays within one file system.
std::filesystem::path temporary_path_for(const std::filesystem::path& out);

}  // namespace netadopt::io
