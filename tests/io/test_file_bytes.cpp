// write_file_bytes: the only place the io module touches the disk, so the place where a full
// disk must surface as an error.
#include <sys/resource.h>
#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "file_bytes.hpp"
#include "sample_result.hpp"
#include "unprivileged_child.hpp"

using Catch::Matchers::Contains;
using netadopt::io::write_file_bytes;
using netadopt::io::testing::in_child;
using netadopt::io::testing::ScratchDir;

namespace {

// Caps the size of files this process writes; SIGXFSZ ignored turns the kill into EFBIG.
void limit_file_size(rlim_t bytes) {
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit limit{};
  if (getrlimit(RLIMIT_FSIZE, &limit) != 0) throw std::runtime_error("getrlimit failed");
  limit.rlim_cur = bytes;
  if (setrlimit(RLIMIT_FSIZE, &limit) != 0) throw std::runtime_error("setrlimit failed");
}

std::string message_of_write(const std::filesystem::path& path,
                             const std::vector<unsigned char>& bytes) {
  try {
    write_file_bytes(path, bytes);
  } catch (const std::system_error& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("write_file_bytes writes exactly the bytes, replacing earlier content") {
  ScratchDir dir("bytes-exact");
  std::ofstream(dir / "f") << "much longer earlier content";
  const std::vector<unsigned char> bytes{0x89, 'H', 'D', 'F', 0, 1};
  write_file_bytes(dir / "f", bytes);
  std::ifstream in(dir / "f", std::ios::binary);
  const std::vector<unsigned char> back{std::istreambuf_iterator<char>(in), {}};
  CHECK(back == bytes);
}

// A full disk, for any user and without /dev/full: the child may not grow a file past 1000
// bytes, so the first write stops short and the next one fails with EFBIG.
TEST_CASE("a disk that takes no more bytes is an error naming the path and the reason") {
  ScratchDir dir("bytes-full");
  const auto path = dir / "f";
  const auto message = in_child([&] {
    limit_file_size(1000);
    return message_of_write(path, std::vector<unsigned char>(4096, 7));
  });
  CHECK_THAT(message, Contains("writing 4096 bytes to '" + path.string() + "'") &&
                          Contains("File too large"));
  CHECK(std::filesystem::file_size(path) == 1000);
}

TEST_CASE("a missing directory is an error naming the path") {
  ScratchDir dir("bytes-missing");
  CHECK_THROWS_WITH(write_file_bytes(dir / "no" / "f", {1}),
                    Contains("opening '" + (dir / "no" / "f").string() + "'"));
}
