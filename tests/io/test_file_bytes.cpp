// write_file_bytes: the only place the io module touches the disk, so the place where a full
// disk must surface as an error.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <system_error>

#include "file_bytes.hpp"
#include "sample_result.hpp"

using Catch::Matchers::Contains;
using netadopt::io::write_file_bytes;
using netadopt::io::testing::ScratchDir;

TEST_CASE("write_file_bytes writes exactly the bytes, replacing earlier content") {
  ScratchDir dir("bytes-exact");
  std::ofstream(dir / "f") << "much longer earlier content";
  const std::vector<unsigned char> bytes{0x89, 'H', 'D', 'F', 0, 1};
  write_file_bytes(dir / "f", bytes);
  std::ifstream in(dir / "f", std::ios::binary);
  const std::vector<unsigned char> back{std::istreambuf_iterator<char>(in), {}};
  CHECK(back == bytes);
}

TEST_CASE("a full device is an error naming the path and the reason") {
  if (!std::filesystem::exists("/dev/full")) {
    WARN("skipped: no /dev/full");
    return;
  }
  const std::vector<unsigned char> bytes(4096, 7);
  try {
    write_file_bytes("/dev/full", bytes);
    FAIL("writing to /dev/full succeeded");
  } catch (const std::system_error& error) {
    CHECK_THAT(error.what(), Contains("writing 4096 bytes to '/dev/full'") &&
                                 Contains("No space left on device"));
  }
}

TEST_CASE("a missing directory is an error naming the path") {
  ScratchDir dir("bytes-missing");
  CHECK_THROWS_WITH(write_file_bytes(dir / "no" / "f", {1}),
                    Contains("opening '" + (dir / "no" / "f").string() + "'"));
}
