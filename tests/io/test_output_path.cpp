// check_output_path: the checks made before a run, so that a run is not wasted on a bad -o.
#include <catch2/catch.hpp>

#include <fstream>

#include "netadopt/io/hdf5_writer.hpp"
#include "sample_result.hpp"
#include "unprivileged_child.hpp"

using Catch::Matchers::Contains;
using netadopt::io::check_output_path;
using netadopt::io::OutputError;
using netadopt::io::testing::in_unprivileged_child;
using netadopt::io::testing::ScratchDir;
using netadopt::io::testing::SharedScratchDir;

namespace {

std::string message_of_check(const std::filesystem::path& out, bool force) {
  try {
    check_output_path(out, force);
  } catch (const OutputError& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("a new file in an existing directory passes") {
  ScratchDir dir("path-new");
  CHECK(message_of_check(dir / "out.h5", false) == "(no error)");
  CHECK(dir.entries().empty());
}

TEST_CASE("an existing file is refused without force and accepted with it") {
  ScratchDir dir("path-existing");
  std::ofstream(dir / "out.h5") << "x";
  CHECK(message_of_check(dir / "out.h5", false) ==
        "output file '" + (dir / "out.h5").string() + "' exists; use --force to overwrite it");
  CHECK(message_of_check(dir / "out.h5", true) == "(no error)");
}

TEST_CASE("a directory that does not exist is named") {
  ScratchDir dir("path-missing");
  CHECK(message_of_check(dir / "nope" / "out.h5", false) ==
        "output directory '" + (dir / "nope").string() + "' does not exist");
}

TEST_CASE("a parent that is a file, or an output that is a directory, is refused") {
  ScratchDir dir("path-not-dir");
  std::ofstream(dir / "plain") << "x";
  CHECK_THAT(message_of_check(dir / "plain" / "out.h5", false), Contains("is not a directory"));
  CHECK_THAT(message_of_check(dir.path(), true), Contains("is a directory"));
}

TEST_CASE("a bare file name is checked against the current directory") {
  CHECK(message_of_check("netadopt-io-check-does-not-exist.h5", false) == "(no error)");
}

// Checked by a child without root's rights: root may write into a read-only directory.
TEST_CASE("an unwritable directory is refused") {
  SharedScratchDir dir("path-read-only");
  dir.make_read_only();
  const auto message =
      in_unprivileged_child([&] { return message_of_check(dir / "out.h5", false); });
  CHECK(message == "output directory '" + dir.path().string() + "' is not writable");
}
