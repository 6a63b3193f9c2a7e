// write_hdf5 replaces OUT only with a complete file, refuses to clobber without --force, and
// leaves nothing behind when it fails.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "h5_reader.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "sample_result.hpp"
#include "unprivileged_child.hpp"

using Catch::Matchers::Contains;
using netadopt::io::OutputError;
using netadopt::io::write_hdf5;
using netadopt::io::testing::H5Reader;
using netadopt::io::testing::in_unprivileged_child;
using netadopt::io::testing::sample_provenance;
using netadopt::io::testing::ScratchDir;
using netadopt::io::testing::SharedScratchDir;
using netadopt::io::testing::small_result;
using Names = std::vector<std::string>;

namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string message_of_write(const std::filesystem::path& out, const netadopt::run::RunResult& r,
                             bool force) {
  try {
    write_hdf5(out, r, sample_provenance(), force);
  } catch (const OutputError& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("success leaves exactly the output file, no temporary") {
  ScratchDir dir("atomic-success");
  write_hdf5(dir / "out.h5", small_result(), sample_provenance(), false);
  CHECK(dir.entries() == Names{"out.h5"});
}

TEST_CASE("an existing output is refused without force and left untouched") {
  ScratchDir dir("atomic-refuse");
  write_text(dir / "out.h5", "precious");
  const std::string message = message_of_write(dir / "out.h5", small_result(), false);
  CHECK_THAT(message, Contains("out.h5' exists") && Contains("--force"));
  CHECK(read_text(dir / "out.h5") == "precious");
  CHECK(dir.entries() == Names{"out.h5"});
}

TEST_CASE("force replaces an existing output") {
  ScratchDir dir("atomic-force");
  write_text(dir / "out.h5", "old");
  write_hdf5(dir / "out.h5", small_result(), sample_provenance(), true);
  CHECK(H5Reader(dir / "out.h5").uint64s("events") == std::vector<std::uint64_t>{1000, 1001});
  CHECK(dir.entries() == Names{"out.h5"});
}

TEST_CASE("values that do not fill the shape are refused, naming the variable and counts") {
  ScratchDir dir("atomic-bad-size");
  auto result = small_result();
  result.variables[1].values.pop_back();
  const std::string message = message_of_write(dir / "out.h5", result, false);
  CHECK_THAT(message, Contains("'mean_degree' has 5 values; expected 6 (2 x 3)"));
  CHECK(dir.entries().empty());
}

TEST_CASE("per-replication arrays must have one entry per replication") {
  ScratchDir dir("atomic-bad-events");
  auto result = small_result();
  result.fingerprints.push_back(7);
  CHECK_THAT(message_of_write(dir / "out.h5", result, false),
             Contains("'fingerprint' has 3 entries; expected one per replication (2)"));
  CHECK(dir.entries().empty());
}

TEST_CASE("a dimension shared by two variables must have the same labels in both") {
  ScratchDir dir("atomic-bad-dims");
  auto result = small_result();
  auto other = result.variables[0];
  other.spec.name = "posts_by_role";
  other.spec.dims[0].labels = {"lurker", "writer"};
  result.variables.push_back(other);
  CHECK_THAT(message_of_write(dir / "out.h5", result, false),
             Contains("'role' has labels {lurker, poster} in one variable and {lurker, writer}"));
  CHECK(dir.entries().empty());
}

TEST_CASE("an HDF5 failure mid-write removes the temporary file and names what failed") {
  ScratchDir dir("atomic-hdf5-failure");
  auto result = small_result();
  result.variables[1].spec.name = "no_such_group/mean_degree";  // HDF5 cannot create this
  const std::string message = message_of_write(dir / "out.h5", result, false);
  CHECK_THAT(message, Contains("cannot write '" + (dir / "out.h5").string() + "'") &&
                          Contains("creating dataset 'no_such_group/mean_degree'"));
  CHECK(dir.entries().empty());
}

TEST_CASE("a failed overwrite keeps the previous output") {
  ScratchDir dir("atomic-failed-overwrite");
  write_text(dir / "out.h5", "previous");
  auto result = small_result();
  result.variables[0].spec.name = "bad/name";
  CHECK_THROWS_AS(write_hdf5(dir / "out.h5", result, sample_provenance(), true), OutputError);
  CHECK(read_text(dir / "out.h5") == "previous");
  CHECK(dir.entries() == Names{"out.h5"});
}

TEST_CASE("a missing output directory is an OutputError naming the file") {
  ScratchDir dir("atomic-missing-dir");
  const auto out = dir / "absent" / "out.h5";
  CHECK_THAT(message_of_write(out, small_result(), false),
             Contains("cannot write '" + out.string() + "'") && Contains("opening") &&
                 Contains("No such file or directory"));
  CHECK(dir.entries().empty());
}

// Written by a child without root's rights: root may write into a read-only directory.
TEST_CASE("an unwritable directory is an OutputError and leaves nothing") {
  SharedScratchDir dir("atomic-read-only");
  dir.make_read_only();
  const auto out = dir / "out.h5";
  const auto message =
      in_unprivileged_child([&] { return message_of_write(out, small_result(), false); });
  CHECK_THAT(message,
             Contains("cannot write '" + out.string() + "'") && Contains("Permission denied"));
  CHECK(dir.entries().empty());
}
