#include "netadopt/scenario/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <string>
#include <system_error>

namespace netadopt::scenario {

namespace {
constexpr std::size_t kChunkBytes = std::size_t{1} << 16;
constexpr std::size_t kMebibyte = std::size_t{1} << 20;

std::string size_text(std::size_t bytes) {
  if (bytes % kMebibyte == 0) return std::to_string(bytes / kMebibyte) + " MiB";
  return std::to_string(bytes) + " bytes";
}

std::string system_reason(int error) { return std::generic_category().message(error); }

// A file descriptor closed at scope exit.
class Descriptor {
 public:
  explicit Descriptor(const std::filesystem::path& file)
      : fd_(::open(file.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};
}  // namespace

FileReadError::FileReadError(const std::filesystem::path& file, std::string reason, bool too_large)
    : std::runtime_error("cannot read '" + file.string() + "': " + reason),
      file_(file),
      reason_(std::move(reason)),
      too_large_(too_large) {}

std::string read_text_file(const std::filesystem::path& file, std::string_view expected,
                           std::size_t limit) {
  const auto failed = [&](int error) { return FileReadError(file, system_reason(error), false); };
  const auto too_large = [&] {
    return FileReadError(
        file, "larger than " + size_text(limit) + "; expected " + std::string(expected), true);
  };
  Descriptor in(file);
  if (in.get() < 0) throw failed(errno != 0 ? errno : ENOENT);
  struct stat status {};
  if (::fstat(in.get(), &status) != 0) throw failed(errno);
  if (S_ISDIR(status.st_mode)) throw failed(EISDIR);
  const bool regular = S_ISREG(status.st_mode);
  if (regular && static_cast<std::uintmax_t>(status.st_size) > limit) throw too_large();
  std::string text;
  if (regular) text.reserve(static_cast<std::size_t>(status.st_size));
  // Regular or not, read until end of file: a regular file may grow, a device or pipe has no
  // size. One byte past the limit is enough to refuse.
  char buffer[kChunkBytes];
  for (;;) {
    const std::size_t want = std::min(kChunkBytes, limit + 1 - text.size());  // size <= limit
    const ssize_t got = ::read(in.get(), buffer, want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw failed(errno);
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > limit) throw too_large();
  }
  return text;
}

}  // namespace netadopt::scenario
