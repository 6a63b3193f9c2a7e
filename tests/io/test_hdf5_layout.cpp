// What write_hdf5 puts in the file: shapes, types, values, dimension scales, attributes.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "h5_reader.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "sample_result.hpp"

using netadopt::io::write_hdf5;
using netadopt::io::testing::H5Reader;
using netadopt::io::testing::sample_provenance;
using netadopt::io::testing::ScratchDir;
using netadopt::io::testing::small_result;

namespace {

std::filesystem::path write_small_result(const ScratchDir& dir) {
  write_hdf5(dir / "out.h5", small_result(), sample_provenance(), false);
  return dir / "out.h5";
}

// small_result() written into a directory of its own, open for reading.
struct WrittenSample {
  ScratchDir dir;
  H5Reader file;
  explicit WrittenSample(const std::string& name) : dir(name), file(write_small_result(dir)) {}
};

}  // namespace

TEST_CASE("variables are (replication, time, extra dims) with the values of the result") {
  WrittenSample sample("layout-values");
  CHECK(sample.file.shape("members_by_role") == std::vector<hsize_t>{2, 3, 2});
  CHECK(sample.file.type_class("members_by_role") == H5T_INTEGER);
  CHECK(sample.file.type_size("members_by_role") == 8);
  CHECK(sample.file.int64s("members_by_role") ==
        std::vector<std::int64_t>{0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121});
  CHECK(sample.file.shape("mean_degree") == std::vector<hsize_t>{2, 3});
  CHECK(sample.file.type_class("mean_degree") == H5T_FLOAT);
  CHECK(sample.file.doubles("mean_degree") == std::vector<double>{0.0, 0.25, 0.5, 1.0, 1.25, 1.5});
}

TEST_CASE("replication, time and extra dimensions are scales attached to every variable") {
  WrittenSample sample("layout-scales");
  CHECK(sample.file.int32s("replication") == std::vector<std::int32_t>{0, 1});
  CHECK(sample.file.doubles("time") == std::vector<double>{0.0, 30.0, 60.0});
  CHECK(sample.file.strings("role") == std::vector<std::string>{"lurker", "poster"});
  CHECK(sample.file.is_attached("members_by_role", "replication", 0));
  CHECK(sample.file.is_attached("members_by_role", "time", 1));
  CHECK(sample.file.is_attached("members_by_role", "role", 2));
  CHECK_FALSE(sample.file.is_attached("members_by_role", "role", 1));
  CHECK(sample.file.is_attached("mean_degree", "replication", 0));
  CHECK(sample.file.is_attached("mean_degree", "time", 1));
  CHECK(sample.file.is_attached("events", "replication", 0));
  CHECK(sample.file.is_attached("fingerprint", "replication", 0));
}

TEST_CASE("time is in days since the start date, on the standard calendar") {
  WrittenSample sample("layout-time");
  CHECK(sample.file.text_attribute("time", "units") == "days since 2003-01-01");
  CHECK(sample.file.text_attribute("time", "calendar") == "standard");
  CHECK(sample.file.text_attribute("time", "axis") == "T");
  CHECK(sample.file.text_attribute("role", "description") == "what a member does on the platform");
}

TEST_CASE("each variable carries units, long_name and description") {
  WrittenSample sample("layout-variable-attributes");
  CHECK(sample.file.text_attribute("members_by_role", "units") == "1");
  CHECK(sample.file.text_attribute("members_by_role", "long_name") == "members by role");
  CHECK(sample.file.text_attribute("members_by_role", "description") ==
        "Members of the platform, by role.");
  CHECK(sample.file.text_attribute("mean_degree", "description") ==
        "Mean number of contacts per agent.");
  CHECK(sample.file.text_attribute("events", "description") ==
        "events processed by the replication");
  CHECK(sample.file.text_attribute("fingerprint", "description") == "hash of the event trajectory");
}

TEST_CASE("events and fingerprints are uint64 per replication") {
  WrittenSample sample("layout-events");
  CHECK(sample.file.uint64s("events") == std::vector<std::uint64_t>{1000, 1001});
  CHECK(sample.file.uint64s("fingerprint") ==
        std::vector<std::uint64_t>{0x0123456789abcdefULL, 0xfedcba9876543210ULL});
  CHECK(sample.file.type_class("fingerprint") == H5T_INTEGER);
}

TEST_CASE("variables are chunked one replication at a time and compressed") {
  WrittenSample sample("layout-chunks");
  CHECK(sample.file.chunk("members_by_role") == std::vector<hsize_t>{1, 3, 2});
  CHECK(sample.file.has_deflate("members_by_role"));
  CHECK(sample.file.chunk("mean_degree") == std::vector<hsize_t>{1, 3});
}

TEST_CASE("a long series is cut into chunks of at most 1 MiB") {
  ScratchDir dir("layout-big-chunks");
  auto result = small_result();
  result.times.resize(300000);
  result.variables = {{{"level", "1", "A long series.", {}, false}, {}}};
  result.variables[0].values.assign(2 * 300000, 0.5);
  write_hdf5(dir / "out.h5", result, sample_provenance(), false);
  const auto chunk = H5Reader(dir / "out.h5").chunk("level");
  CHECK(chunk[0] == 1);
  CHECK(chunk[1] * 8 <= (1u << 20));
  CHECK(chunk[1] * 8 > (1u << 19));
}

TEST_CASE("a result with no reporting times still writes a readable file") {
  ScratchDir dir("layout-empty");
  auto result = small_result();
  result.times.clear();
  for (auto& variable : result.variables) variable.values.clear();
  write_hdf5(dir / "out.h5", result, sample_provenance(), false);
  H5Reader file(dir / "out.h5");
  CHECK(file.shape("members_by_role") == std::vector<hsize_t>{2, 0, 2});
  CHECK(file.integer_attribute("/", "complete") == 1);
}

TEST_CASE("root attributes record provenance, as UTF-8 strings, with complete written last") {
  WrittenSample sample("layout-root");
  const auto provenance = sample_provenance();
  const H5Reader& file = sample.file;
  CHECK(file.text_attribute("/", "title") == "netadopt simulation output");
  CHECK(file.text_attribute("/", "Conventions") == "CF-1.8");
  CHECK(file.text_attribute("/", "scenario") == provenance.scenario_text);
  CHECK(file.text_attribute_is_utf8_vlen("/", "scenario"));
  CHECK(file.text_attribute("/", "scenario_file") == "scenarios/bass.ini");
  CHECK(file.uint64_attribute("/", "seed") == 0x8000000000000005ULL);
  CHECK(file.text_attribute("/", "netadopt_version") == "v0.1.0-test");
  CHECK(file.text_attribute("/", "compiler") == "GNU 12.2.0");
  CHECK(file.text_attribute("/", "command_line") == provenance.command_line);
  CHECK(file.text_attribute("/", "started_at") == "2024-05-01T12:00:00Z");
  CHECK(file.double_attribute("/", "wall_seconds") == 1.25);
  CHECK(file.integer_attribute("/", "threads") == 3);
  CHECK(file.integer_attribute("/", "complete") == 1);
  CHECK(file.attribute_names("/").back() == "complete");
}

TEST_CASE("root attributes give the population the counts are out of") {
  WrittenSample sample("layout-population");
  const H5Reader& file = sample.file;
  CHECK(file.integer_attribute("/", "population_size") == 5000000000LL);
  CHECK(file.double_attribute("/", "workforce_share") == 0.267);
}

TEST_CASE("each run's group of a several-run file has its population attributes") {
  ScratchDir dir("layout-groups-population");
  auto a = small_result(), b = small_result();
  b.population_size = 3000;
  b.workforce_share = 1.0;
  netadopt::io::write_hdf5_groups(
      dir / "out.h5", {{"A", &a, sample_provenance()}, {"B", &b, sample_provenance()}}, {}, false);
  H5Reader file(dir / "out.h5");
  CHECK(file.integer_attribute("/A", "population_size") == 5000000000LL);
  CHECK(file.double_attribute("/A", "workforce_share") == 0.267);
  CHECK(file.integer_attribute("/B", "population_size") == 3000);
  CHECK(file.double_attribute("/B", "workforce_share") == 1.0);
  CHECK(file.uint64_attribute("/B", "seed") == 0x8000000000000005ULL);
}
