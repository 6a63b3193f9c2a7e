#pragma once
// Test helper: runs code in a forked child, so that a write that must be refused is refused
// even when the tests run as root (CI does), and a limit set there does not reach the tests.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace netadopt::io::testing {

inline constexpr unsigned kNobody = 65534;  // uid and gid of "nobody"

// Runs `body` in a forked child and returns the text it returned. Throws std::runtime_error,
// failing the test, when the child could not run it (an exception escaped, it crashed).
std::string in_child(const std::function<std::string()>& body);

// As in_child, but when this process is root the child first becomes uid and gid kNobody, so
// that file permissions apply to it. It never runs `body` with root's rights: a child that
// cannot shed them throws in the parent.
std::string in_unprivileged_child(const std::function<std::string()>& body);

// A fresh directory under /tmp that the unprivileged child can reach (mode 0755), removed with
// its contents on destruction.
class SharedScratchDir {
 public:
  explicit SharedScratchDir(const std::string& name);
  ~SharedScratchDir();
  SharedScratchDir(const SharedScratchDir&) = delete;
  SharedScratchDir& operator=(const SharedScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  std::vector<std::string> entries() const;  // file names, sorted
  void make_read_only();  // mode 0555: listable and traversable, writable by root only

 private:
  std::filesystem::path path_;
};

}  // namespace netadopt::io::testing
