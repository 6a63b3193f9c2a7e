#include "unprivileged_child.hpp"

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <stdexcept>
#include <system_error>

namespace netadopt::io::testing {

namespace {

constexpr int kBodyReturned = 0;
constexpr int kBodyThrew = 1;

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// Gives up root for good: groups, then gid, then uid (the order in which each is allowed).
void drop_root() {
  if (geteuid() != 0) return;  // not root: permissions already apply
  if (setgroups(0, nullptr) != 0) throw_errno("setgroups");
  if (setgid(kNobody) != 0) throw_errno("setgid(" + std::to_string(kNobody) + ")");
  if (setuid(kNobody) != 0) throw_errno("setuid(" + std::to_string(kNobody) + ")");
  if (getuid() != kNobody || geteuid() != kNobody || getegid() != kNobody || setuid(0) == 0)
    throw std::runtime_error("root's rights survived setuid(" + std::to_string(kNobody) + ")");
}

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the parent sees a short text and a failed exit status elsewhere
    done += static_cast<std::size_t>(n);
  }
}

std::string read_all(int fd) {
  std::string text;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return text;
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

// The child's whole life: run, report through `out`, and _exit (no atexit handlers, no
// destructors of the parent's objects, no Catch report).
[[noreturn]] void child(int out, const std::function<std::string()>& body, bool unprivileged) {
  int status = kBodyReturned;
  std::string text;
  try {
    if (unprivileged) drop_root();
    text = body();
  } catch (const std::exception& error) {
    status = kBodyThrew;
    text = error.what();
  } catch (...) {
    status = kBodyThrew;
    text = "an exception that is not a std::exception";
  }
  write_all(out, text);
  ::close(out);
  _exit(status);
}

std::string describe(int wait_status) {
  if (WIFSIGNALED(wait_status)) return "killed by signal " + std::to_string(WTERMSIG(wait_status));
  if (WEXITSTATUS(wait_status) == kBodyThrew) return "threw";
  return "exited with status " + std::to_string(WEXITSTATUS(wait_status));
}

std::string run_in_child(const std::function<std::string()>& body, bool unprivileged) {
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) throw_errno("pipe");
  std::fflush(nullptr);  // nothing buffered is written twice
  const pid_t pid = fork();
  if (pid < 0) throw_errno("fork");
  if (pid == 0) {
    ::close(pipe_ends[0]);
    child(pipe_ends[1], body, unprivileged);
  }
  ::close(pipe_ends[1]);
  const std::string text = read_all(pipe_ends[0]);
  ::close(pipe_ends[0]);
  int wait_status = 0;
  while (waitpid(pid, &wait_status, 0) < 0)
    if (errno != EINTR) throw_errno("waitpid");
  if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == kBodyReturned) return text;
  throw std::runtime_error("the child " + describe(wait_status) + ": " + text);
}

}  // namespace

std::string in_child(const std::function<std::string()>& body) { return run_in_child(body, false); }

std::string in_unprivileged_child(const std::function<std::string()>& body) {
  return run_in_child(body, true);
}

SharedScratchDir::SharedScratchDir(const std::string& name) {
  std::string pattern = "/tmp/netadopt-io-" + name + "-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw_errno("mkdtemp " + pattern);
  path_ = pattern;
  if (chmod(path_.c_str(), 0755) != 0) throw_errno("chmod " + pattern);  // mkdtemp gives 0700
}

SharedScratchDir::~SharedScratchDir() {
  std::error_code ignored;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ignored);
  std::filesystem::remove_all(path_, ignored);
}

std::vector<std::string> SharedScratchDir::entries() const {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(path_))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

void SharedScratchDir::make_read_only() {
  if (chmod(path_.c_str(), 0555) != 0) throw_errno("chmod " + path_.string());
}

}  // namespace netadopt::io::testing
