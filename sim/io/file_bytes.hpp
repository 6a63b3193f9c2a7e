#pragma once
// Internal to netadopt_io: putting a finished file image on disk, every error reported.
#include <filesystem>
#include <vector>

namespace netadopt::io {

// Creates or truncates `path`, writes `bytes`, flushes them to the device (fsync) and closes
// it. Throws std::system_error ("writing 'PATH': No space left on device") on any failure,
// leaving whatever was written; the caller removes it.
void write_file_bytes(const std::filesystem::path& path, const std::vector<unsigned char>& bytes);

}  // namespace netadopt::io
