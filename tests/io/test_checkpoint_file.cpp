// Checkpoint files: an exact round trip, atomic replacement of checkpoints only, and a message
// naming the file and the problem for every file that cannot be read or written.
#include <hdf5.h>
#include <sys/resource.h>
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "h5_reader.hpp"
#include "netadopt/io/checkpoint_file.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "sample_result.hpp"
#include "unprivileged_child.hpp"

using Catch::Matchers::Contains;
using netadopt::io::CheckpointError;
using netadopt::io::OutputError;
using netadopt::io::read_checkpoint;
using netadopt::io::write_checkpoint;
using netadopt::io::testing::H5Reader;
using netadopt::io::testing::in_unprivileged_child;
using netadopt::io::testing::ScratchDir;
using netadopt::io::testing::SharedScratchDir;
using netadopt::run::Checkpoint;
using netadopt::run::ReplicationCheckpoint;
using netadopt::run::Stage;
using Bytes = std::vector<unsigned char>;
using Names = std::vector<std::string>;

namespace {

Bytes pattern(std::size_t size, unsigned seed) {
  Bytes bytes(size);
  std::uint32_t state = seed;
  for (auto& byte : bytes) {
    state = state * 1664525u + 1013904223u;
    byte = static_cast<unsigned char>(state >> 24);
  }
  return bytes;
}

// One replication in each stage, with every awkward value the format must carry exactly.
Checkpoint sample_checkpoint() {
  Checkpoint checkpoint;
  checkpoint.scenario_file = "scenarios/france.ini";
  checkpoint.scenario_text = "[run]\nmodel = essay\n# café, naïve: non-ASCII survives\n";
  checkpoint.output_path = "results/france.h5";
  checkpoint.reason = "SIGTERM";
  checkpoint.written_at = "2026-11-26T07:00:00Z";
  checkpoint.version = "v0.2.0-14-gabcdef0";
  checkpoint.compiler = "GNU 12.2.0";
  checkpoint.layout_version = 7;
  checkpoint.fork_scenario_file = "fork.ini";
  checkpoint.fork_scenario_text = "[culture]\nemployment_protection = 1.5\n";
  checkpoint.fork_day = 1096.5;
  checkpoint.replication_count = 12;
  checkpoint.first_replication = 0;

  ReplicationCheckpoint not_started;  // defaults

  ReplicationCheckpoint paused;
  paused.stage = Stage::Paused;
  paused.time = 1234.5678901234567;
  paused.events = 0xFFFFFFFFFFFFFFF0ULL;
  paused.state["sim.clock"] = pattern(8, 1);
  paused.state["sim.empty"] = {};
  paused.state["model.odd_size"] = pattern(13, 2);
  paused.state["model.one"] = {0xFF};
  paused.state["model.population.agents"] = pattern(300'001, 3);  // compressed, odd size
  paused.state["recorder.zeros"] = Bytes(200'000, 0);             // compresses well

  ReplicationCheckpoint finished;
  finished.stage = Stage::Finished;
  finished.time = 7305.0;
  finished.events = 123456789;
  finished.output.events = 123456789;
  finished.output.fingerprint = 0x8000000000000001ULL;  // top bit set
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  finished.output.series = {{1.5, nan, inf, -inf, -0.0, std::numeric_limits<double>::denorm_min()},
                            {},
                            std::vector<double>(20'000, 0.25)};
  for (std::size_t i = 0; i < finished.output.series[2].size(); ++i)
    finished.output.series[2][i] = static_cast<double>(i) / 3.0;

  checkpoint.replications = {not_started, paused, finished};
  return checkpoint;
}

// Doubles compared bit for bit (NaN equals NaN, -0.0 differs from 0.0).
std::vector<std::uint64_t> bits(const std::vector<double>& values) {
  std::vector<std::uint64_t> out(values.size());
  if (!values.empty()) std::memcpy(out.data(), values.data(), values.size() * sizeof(double));
  return out;
}

void check_same(const Checkpoint& read, const Checkpoint& written) {
  CHECK(read.scenario_file == written.scenario_file);
  CHECK(read.scenario_text == written.scenario_text);
  CHECK(read.output_path == written.output_path);
  CHECK(read.reason == written.reason);
  CHECK(read.written_at == written.written_at);
  CHECK(read.version == written.version);
  CHECK(read.compiler == written.compiler);
  CHECK(read.layout_version == written.layout_version);
  CHECK(read.fork_scenario_file == written.fork_scenario_file);
  CHECK(read.fork_scenario_text == written.fork_scenario_text);
  CHECK(bits({read.fork_day}) == bits({written.fork_day}));
  CHECK(read.replication_count == written.replication_count);
  CHECK(read.first_replication == written.first_replication);
  REQUIRE(read.replications.size() == written.replications.size());
  for (std::size_t r = 0; r < written.replications.size(); ++r) {
    INFO("replication " << r);
    const auto& a = read.replications[r];
    const auto& b = written.replications[r];
    CHECK(a.stage == b.stage);
    CHECK(bits({a.time}) == bits({b.time}));
    CHECK(a.events == b.events);
    if (b.stage == Stage::Paused) CHECK(a.state == b.state);
    if (b.stage != Stage::Paused) CHECK(a.state.empty());
    if (b.stage != Stage::Finished) continue;
    CHECK(a.output.events == b.output.events);
    CHECK(a.output.fingerprint == b.output.fingerprint);
    REQUIRE(a.output.series.size() == b.output.series.size());
    for (std::size_t s = 0; s < b.output.series.size(); ++s)
      CHECK(bits(a.output.series[s]) == bits(b.output.series[s]));
  }
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string message_of_read(const std::filesystem::path& path) {
  try {
    read_checkpoint(path);
  } catch (const CheckpointError& error) {
    return error.what();
  }
  return "(no error)";
}

std::string message_of_write(const std::filesystem::path& path, const Checkpoint& checkpoint) {
  try {
    write_checkpoint(path, checkpoint);
  } catch (const OutputError& error) {
    return error.what();
  }
  return "(no error)";
}

// Edits a file with the plain HDF5 C API, as another program (or damage) would.
class Editor {
 public:
  explicit Editor(const std::filesystem::path& path)
      : file_(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT)) {
    REQUIRE(file_ >= 0);
  }
  ~Editor() { H5Fclose(file_); }
  Editor(const Editor&) = delete;
  Editor& operator=(const Editor&) = delete;

  void remove_attribute(const std::string& object, const std::string& name) {
    REQUIRE(H5Adelete_by_name(file_, object.c_str(), name.c_str(), H5P_DEFAULT) >= 0);
  }
  void set_int64(const std::string& object, const std::string& name, std::int64_t value) {
    remove_if_present(object, name);
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attr = H5Acreate_by_name(file_, object.c_str(), name.c_str(), H5T_STD_I64LE, space,
                                         H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    REQUIRE(attr >= 0);
    REQUIRE(H5Awrite(attr, H5T_NATIVE_INT64, &value) >= 0);
    H5Aclose(attr);
    H5Sclose(space);
  }
  void set_text(const std::string& object, const std::string& name, const std::string& value) {
    remove_if_present(object, name);
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, value.size());
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attr = H5Acreate_by_name(file_, object.c_str(), name.c_str(), type, space,
                                         H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    REQUIRE(attr >= 0);
    REQUIRE(H5Awrite(attr, type, value.c_str()) >= 0);
    H5Aclose(attr);
    H5Sclose(space);
    H5Tclose(type);
  }
  void remove_link(const std::string& name) {
    REQUIRE(H5Ldelete(file_, name.c_str(), H5P_DEFAULT) >= 0);
  }
  void replace_with_doubles(const std::string& name) {
    remove_link(name);
    const hsize_t extent = 2;
    const double values[2] = {1, 2};
    const hid_t space = H5Screate_simple(1, &extent, nullptr);
    const hid_t dataset = H5Dcreate2(file_, name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT,
                                     H5P_DEFAULT, H5P_DEFAULT);
    REQUIRE(dataset >= 0);
    REQUIRE(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values) >= 0);
    H5Dclose(dataset);
    H5Sclose(space);
  }

 private:
  void remove_if_present(const std::string& object, const std::string& name) {
    if (H5Aexists_by_name(file_, object.c_str(), name.c_str(), H5P_DEFAULT) > 0)
      remove_attribute(object, name);
  }
  hid_t file_;
};

// A valid HDF5 file made with the C API, with a root attribute `format` unless empty.
void write_plain_hdf5(const std::filesystem::path& path, const std::string& format) {
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  REQUIRE(file >= 0);
  const hsize_t extent = 3;
  const hid_t space = H5Screate_simple(1, &extent, nullptr);
  const hid_t dataset =
      H5Dcreate2(file, "x", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  const double values[3] = {1, 2, 3};
  REQUIRE(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values) >= 0);
  H5Dclose(dataset);
  H5Sclose(space);
  H5Fclose(file);
  if (!format.empty()) Editor(path).set_text("/", "format", format);
}

// Temporarily limits the size of any file this process writes (a full disk, for any user).
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &previous_);
    previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of being killed
    rlimit limit = previous_;
    limit.rlim_cur = bytes;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &limit) == 0);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &previous_);
    std::signal(SIGXFSZ, previous_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit previous_{};
  void (*previous_handler_)(int) = nullptr;
};

}  // namespace

// ---- round trip --------------------------------------------------------------------------------

TEST_CASE("checkpoint: all stages, empty and odd entries, NaN and top-bit uint64 round-trip") {
  ScratchDir dir("checkpoint-round-trip");
  const Checkpoint written = sample_checkpoint();
  write_checkpoint(dir / "run.ckpt", written);
  CHECK(dir.entries() == Names{"run.ckpt"});
  check_same(read_checkpoint(dir / "run.ckpt"), written);
}

TEST_CASE("checkpoint: no replications, and a paused replication with an empty state") {
  ScratchDir dir("checkpoint-empty");
  Checkpoint none;
  write_checkpoint(dir / "none.ckpt", none);
  check_same(read_checkpoint(dir / "none.ckpt"), none);

  Checkpoint empty_state;
  empty_state.replications.resize(2);
  empty_state.replications[1].stage = Stage::Paused;
  write_checkpoint(dir / "empty.ckpt", empty_state);
  check_same(read_checkpoint(dir / "empty.ckpt"), empty_state);
}

TEST_CASE("checkpoint: the layout on disk, attributes in order, complete last") {
  ScratchDir dir("checkpoint-layout");
  write_checkpoint(dir / "run.ckpt", sample_checkpoint());
  const H5Reader file(dir / "run.ckpt");
  CHECK(file.attribute_names("/") ==
        Names{"format", "format_version", "layout_version", "scenario_file", "scenario_text",
              "output_path", "reason", "written_at", "version", "compiler", "fork_scenario_file",
              "fork_scenario_text", "fork_day", "replication_count", "first_replication",
              "replications", "complete"});
  CHECK(file.text_attribute("/", "format") == "netadopt-checkpoint");
  CHECK(file.integer_attribute("/", "format_version") == 1);
  CHECK(file.integer_attribute("/", "layout_version") == 7);
  CHECK(file.uint64_attribute("/", "replications") == 3);
  CHECK(file.integer_attribute("/", "complete") == 1);
  CHECK(file.text_attribute("/replication_0000", "stage") == "not started");
  CHECK(file.text_attribute("/replication_0001", "stage") == "paused");
  CHECK(file.text_attribute("/replication_0002", "stage") == "finished");
  CHECK(file.uint64_attribute("/replication_0002/output", "fingerprint") == 0x8000000000000001ULL);

  // Large entries chunked and compressed, small and empty ones contiguous; bytes are uint8.
  const std::string state = "replication_0001/state/";
  CHECK(file.chunk_rank(state + "model.population.agents") == 1);
  CHECK(file.has_deflate(state + "model.population.agents"));
  CHECK(file.chunk_rank(state + "sim.clock") == 0);
  CHECK(file.shape(state + "sim.empty") == std::vector<hsize_t>{0});
  CHECK(file.type_class(state + "model.odd_size") == H5T_INTEGER);
  CHECK(file.type_size(state + "model.odd_size") == 1);
  CHECK(file.chunk_rank("replication_0002/output/series_0002") == 1);
  CHECK(file.shape("replication_0002/output/series_0001") == std::vector<hsize_t>{0});

  // Zeros compress: the file is far smaller than the 500 kB of state.
  CHECK(std::filesystem::file_size(dir / "run.ckpt") < 420'000);
}

// ---- replacing files ---------------------------------------------------------------------------

TEST_CASE("checkpoint: a file that is not a checkpoint is refused and left unchanged") {
  ScratchDir dir("checkpoint-refuse");
  write_text(dir / "results.h5", "precious results");
  const std::string message = message_of_write(dir / "results.h5", sample_checkpoint());
  CHECK_THAT(message, Contains("'" + (dir / "results.h5").string() +
                               "' exists and is not a netadopt checkpoint") &&
                          Contains("choose another --checkpoint path"));
  CHECK(read_text(dir / "results.h5") == "precious results");

  write_plain_hdf5(dir / "other.h5", "");
  CHECK_THAT(message_of_write(dir / "other.h5", sample_checkpoint()),
             Contains("is not a netadopt checkpoint"));
  CHECK(H5Reader(dir / "other.h5").doubles("x") == std::vector<double>{1, 2, 3});
  CHECK(dir.entries() == Names{"other.h5", "results.h5"});
}

TEST_CASE("checkpoint: a directory in the way is refused") {
  ScratchDir dir("checkpoint-directory");
  std::filesystem::create_directory(dir / "run.ckpt");
  CHECK_THAT(message_of_write(dir / "run.ckpt", sample_checkpoint()), Contains("is a directory"));
}

TEST_CASE("checkpoint: a previous checkpoint is replaced") {
  ScratchDir dir("checkpoint-replace");
  Checkpoint first = sample_checkpoint();
  first.reason = "interval";
  write_checkpoint(dir / "run.ckpt", first);
  Checkpoint second = sample_checkpoint();
  second.reason = "SIGTERM";
  second.replications[0].stage = Stage::Finished;
  second.replications[0].output.fingerprint = 42;
  write_checkpoint(dir / "run.ckpt", second);
  check_same(read_checkpoint(dir / "run.ckpt"), second);
  CHECK(dir.entries() == Names{"run.ckpt"});
}

// ---- failed writes -----------------------------------------------------------------------------

TEST_CASE("checkpoint: a missing directory is an OutputError naming the file, and leaves nothing") {
  ScratchDir dir("checkpoint-missing-dir");
  const auto path = dir / "absent" / "run.ckpt";
  CHECK_THAT(message_of_write(path, sample_checkpoint()),
             Contains("cannot write checkpoint '" + path.string() + "'") &&
                 Contains("No such file or directory"));
  CHECK(dir.entries().empty());
}

// Written by a child without root's rights: root may write into a read-only directory.
TEST_CASE("checkpoint: an unwritable directory is an OutputError and leaves nothing") {
  SharedScratchDir dir("checkpoint-read-only");
  dir.make_read_only();
  const auto path = dir / "run.ckpt";
  const auto message =
      in_unprivileged_child([&] { return message_of_write(path, sample_checkpoint()); });
  CHECK_THAT(message, Contains("cannot write checkpoint '" + path.string() + "'") &&
                          Contains("Permission denied"));
  CHECK(dir.entries().empty());
}

TEST_CASE("checkpoint: a failure mid-write removes the temporary file and keeps the previous one") {
  ScratchDir dir("checkpoint-mid-write");
  const Checkpoint previous = sample_checkpoint();
  write_checkpoint(dir / "run.ckpt", previous);
  Checkpoint bad = sample_checkpoint();
  bad.replications[1].state["model/slash"] = {1, 2, 3};  // cannot be a dataset name
  CHECK_THAT(message_of_write(dir / "run.ckpt", bad),
             Contains("cannot write checkpoint '" + (dir / "run.ckpt").string() + "'") &&
                 Contains("state entry 'model/slash'"));
  CHECK(dir.entries() == Names{"run.ckpt"});
  check_same(read_checkpoint(dir / "run.ckpt"), previous);
}

TEST_CASE("checkpoint: a full disk is an OutputError, leaves no temporary file and no crash") {
  ScratchDir dir("checkpoint-full-disk");
  const Checkpoint previous = sample_checkpoint();
  write_checkpoint(dir / "run.ckpt", previous);
  Checkpoint big = sample_checkpoint();
  big.replications[1].state["model.incompressible"] = pattern(2'000'000, 9);
  std::string message;
  {
    const FileSizeLimit limit(400'000);  // writes beyond 400 kB fail with EFBIG
    message = message_of_write(dir / "run.ckpt", big);
  }
  CHECK_THAT(message, Contains("cannot write checkpoint '" + (dir / "run.ckpt").string() + "'") &&
                          Contains("File too large"));
  CHECK(dir.entries() == Names{"run.ckpt"});
  check_same(read_checkpoint(dir / "run.ckpt"), previous);
  // HDF5 is still usable: the next checkpoint is written as usual.
  write_checkpoint(dir / "run.ckpt", big);
  check_same(read_checkpoint(dir / "run.ckpt"), big);
}

// ---- unreadable checkpoints --------------------------------------------------------------------

TEST_CASE("checkpoint: a missing file is named") {
  ScratchDir dir("checkpoint-read-missing");
  CHECK_THAT(message_of_read(dir / "gone.ckpt"),
             Contains("'" + (dir / "gone.ckpt").string() + "'") && Contains("does not exist"));
}

// Read by a child without root's rights: root may read any file.
TEST_CASE("checkpoint: an unreadable file is named with the reason") {
  SharedScratchDir dir("checkpoint-read-unreadable");
  const auto path = dir / "run.ckpt";
  write_checkpoint(path, sample_checkpoint());
  std::filesystem::permissions(path, std::filesystem::perms::none);
  CHECK_THAT(
      in_unprivileged_child([&] { return message_of_read(path); }),
      Contains("cannot read checkpoint '" + path.string() + "'") && Contains("Permission denied"));
}

TEST_CASE("checkpoint: a file that is not HDF5 is not a checkpoint") {
  ScratchDir dir("checkpoint-read-text");
  write_text(dir / "notes.txt", "not a checkpoint\n");
  CHECK_THAT(message_of_read(dir / "notes.txt"),
             Contains("'" + (dir / "notes.txt").string() + "' is not a netadopt checkpoint") &&
                 Contains("not an HDF5 file"));
}

TEST_CASE("checkpoint: an HDF5 file without the format attribute is not a checkpoint") {
  ScratchDir dir("checkpoint-read-plain");
  write_plain_hdf5(dir / "plain.h5", "");
  CHECK_THAT(message_of_read(dir / "plain.h5"),
             Contains("'" + (dir / "plain.h5").string() + "' is not a netadopt checkpoint") &&
                 Contains("format = \"netadopt-checkpoint\""));
  write_plain_hdf5(dir / "other.h5", "someone-else");
  CHECK_THAT(message_of_read(dir / "other.h5"),
             Contains("'" + (dir / "other.h5").string() + "' is not a netadopt checkpoint") &&
                 Contains("\"someone-else\""));
}

TEST_CASE("checkpoint: a file without complete = 1 was killed while writing") {
  ScratchDir dir("checkpoint-read-incomplete");
  write_checkpoint(dir / "run.ckpt", sample_checkpoint());
  Editor(dir / "run.ckpt").remove_attribute("/", "complete");
  CHECK_THAT(message_of_read(dir / "run.ckpt"),
             Contains("checkpoint '" + (dir / "run.ckpt").string() + "' is incomplete") &&
                 Contains("killed while writing"));
}

TEST_CASE("checkpoint: a newer or unknown format version is refused") {
  ScratchDir dir("checkpoint-read-version");
  write_checkpoint(dir / "run.ckpt", sample_checkpoint());
  Editor(dir / "run.ckpt").set_int64("/", "format_version", 2);
  CHECK_THAT(message_of_read(dir / "run.ckpt"),
             Contains("'" + (dir / "run.ckpt").string() + "' has format version 2") &&
                 Contains("newer than this netadopt reads (1)") && Contains("v0.2.0-14-gabcdef0"));
  Editor(dir / "run.ckpt").set_int64("/", "format_version", 0);
  CHECK_THAT(message_of_read(dir / "run.ckpt"),
             Contains("'" + (dir / "run.ckpt").string() + "' has an unknown format version (0)"));
  Editor(dir / "run.ckpt").remove_attribute("/", "format_version");
  CHECK_THAT(message_of_read(dir / "run.ckpt"),
             Contains("'" + (dir / "run.ckpt").string() + "' has no format_version"));
}

TEST_CASE("checkpoint: layout_version is read back, not judged") {
  ScratchDir dir("checkpoint-read-layout-version");
  Checkpoint checkpoint = sample_checkpoint();
  checkpoint.layout_version = 999;
  write_checkpoint(dir / "run.ckpt", checkpoint);
  CHECK(read_checkpoint(dir / "run.ckpt").layout_version == 999);
}

TEST_CASE("checkpoint: a missing replication group is named") {
  ScratchDir dir("checkpoint-read-missing-group");
  write_checkpoint(dir / "run.ckpt", sample_checkpoint());
  Editor(dir / "run.ckpt").remove_link("replication_0002");
  CHECK_THAT(message_of_read(dir / "run.ckpt"),
             Contains("checkpoint '" + (dir / "run.ckpt").string() + "' is damaged") &&
                 Contains("group 'replication_0002' is missing") &&
                 Contains("the file lists 3 replications"));
}

TEST_CASE("checkpoint: damaged replications are named with what is wrong") {
  ScratchDir dir("checkpoint-read-damaged");
  const auto path = dir / "run.ckpt";
  const std::string damaged = "checkpoint '" + path.string() + "' is damaged";

  write_checkpoint(path, sample_checkpoint());
  Editor(path).set_text("/replication_0001", "stage", "sleeping");
  CHECK_THAT(message_of_read(path),
             Contains(damaged) && Contains("'replication_0001'") && Contains("stage \"sleeping\""));

  write_checkpoint(path, sample_checkpoint());
  Editor(path).remove_link("replication_0001/state/sim.clock");
  CHECK_THAT(message_of_read(path), Contains(damaged) && Contains("'replication_0001'") &&
                                        Contains("'state' holds 5 datasets") &&
                                        Contains("entries says 6"));

  write_checkpoint(path, sample_checkpoint());
  Editor(path).replace_with_doubles("replication_0001/state/model.odd_size");
  CHECK_THAT(message_of_read(path), Contains(damaged) && Contains("'replication_0001'") &&
                                        Contains("dataset 'state/model.odd_size' is not bytes"));

  write_checkpoint(path, sample_checkpoint());
  Editor(path).remove_link("replication_0002/output/series_0001");
  CHECK_THAT(message_of_read(path), Contains(damaged) && Contains("'replication_0002'") &&
                                        Contains("dataset 'output/series_0001' is missing"));

  write_checkpoint(path, sample_checkpoint());
  Editor(path).remove_attribute("/replication_0002/output", "fingerprint");
  CHECK_THAT(message_of_read(path), Contains(damaged) && Contains("'replication_0002'") &&
                                        Contains("attribute 'fingerprint' is missing"));

  write_checkpoint(path, sample_checkpoint());
  Editor(path).remove_attribute("/", "scenario_text");
  CHECK_THAT(message_of_read(path),
             Contains(damaged) && Contains("attribute 'scenario_text' is missing"));
}

TEST_CASE("checkpoint: groups are named by replication number, from first_replication") {
  ScratchDir dir("checkpoint-first");
  Checkpoint one = sample_checkpoint();
  one.replications.resize(1);
  one.first_replication = 5;
  write_checkpoint(dir / "one.ckpt", one);
  const H5Reader file(dir / "one.ckpt");
  CHECK(file.text_attribute("/replication_0005", "stage") == "not started");
  check_same(read_checkpoint(dir / "one.ckpt"), one);
}
