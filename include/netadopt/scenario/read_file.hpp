#pragma once
// The one home of "read a whole text file": scenario, sweep, calibration and observation
// files, and the sweep journal's small files, all come through read_text_file. It reads in
// chunks and stops past a bound, so that /dev/zero, a pipe that never ends or a file of
// gigabytes is refused at once rather than read until memory runs out (a character device's
// st_size says nothing of how much it holds).
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace netadopt::scenario {

// The most bytes a text input (a scenario, sweep, calibration or data file) may hold. The
// largest shipped one is a few kilobytes.
inline constexpr std::size_t kMaxTextFileBytes = std::size_t{64} << 20;

// A whole-file read that failed. reason() is the system's ("No such file or directory",
// "Is a directory") or, past the bound, "larger than 64 MiB; expected a short text file";
// what() is "cannot read 'FILE': REASON". Callers wrap reason() in their own message.
class FileReadError : public std::runtime_error {
 public:
  FileReadError(const std::filesystem::path& file, std::string reason, bool too_large);
  const std::filesystem::path& file() const { return file_; }
  const std::string& reason() const { return reason_; }
  bool too_large() const { return too_large_; }  // readable, but past the bound

 private:
  std::filesystem::path file_;
  std::string reason_;
  bool too_large_;
};

// The bytes of `file`, refusing (FileReadError) a directory, a file that cannot be opened or
// read, and one holding more than `limit` bytes. `expected` ends the too-large reason:
// "larger than 64 MiB; expected EXPECTED".
std::string read_text_file(const std::filesystem::path& file,
                           std::string_view expected = "a short text file",
                           std::size_t limit = kMaxTextFileBytes);

}  // namespace netadopt::scenario
