#include "file_bytes.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace netadopt::io {

namespace {

[[noreturn]] void fail(const std::string& action, const std::filesystem::path& path) {
  throw std::system_error(errno, std::generic_category(), action + " '" + path.string() + "'");
}

// A file descriptor closed at scope exit unless closed (and checked) before.
class Descriptor {
 public:
  explicit Descriptor(const std::filesystem::path& path)
      : fd_(open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) {
    if (fd_ < 0) fail("opening", path);
  }
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  void close(const std::filesystem::path& path) {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("closing", path);
  }

 private:
  int fd_;
};

void write_all(int fd, const std::vector<unsigned char>& bytes, const std::filesystem::path& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t written = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (written < 0 && errno == EINTR) continue;
    if (written == 0) errno = EIO;  // no progress and no reason given
    if (written <= 0) fail("writing " + std::to_string(bytes.size()) + " bytes to", path);
    done += static_cast<std::size_t>(written);
  }
}

}  // namespace

void write_file_bytes(const std::filesystem::path& path, const std::vector<unsigned char>& bytes) {
  Descriptor file(path);
  write_all(file.get(), bytes, path);
  if (fsync(file.get()) != 0 && errno != EINVAL) fail("flushing", path);
  file.close(path);
}

}  // namespace netadopt::io
