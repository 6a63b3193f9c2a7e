// read_checkpoint: a checkpoint file back into a run::Checkpoint, every problem named.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "checkpoint_layout.hpp"
#include "netadopt/io/checkpoint_file.hpp"
#include "netadopt/io/hdf5_attributes.hpp"
#include "netadopt/io/hdf5_handles.hpp"

namespace netadopt::io {

namespace fs = std::filesystem;
namespace layout = checkpoint_layout;

namespace {

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// The file must exist, be a file, and open for reading; HDF5's own messages are less clear.
void require_readable(const fs::path& path) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (!fs::exists(status))
    throw CheckpointError("cannot read checkpoint " + quoted(path) + ": the file does not exist");
  if (fs::is_directory(status))
    throw CheckpointError("cannot read checkpoint " + quoted(path) + ": it is a directory");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw CheckpointError("cannot read checkpoint " + quoted(path) + ": " + std::strerror(errno));
  ::close(fd);
}

h5::Handle open_hdf5(const fs::path& path) {
  if (H5Fis_hdf5(path.c_str()) <= 0)
    throw CheckpointError(quoted(path) + " is not a netadopt checkpoint: it is not an HDF5 file");
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0)
    throw CheckpointError("cannot read checkpoint " + quoted(path) + ": HDF5 cannot open it (" +
                          h5::error_detail() + ")");
  return h5::file(file, "opening the file");
}

// What the file says it is: a netadopt checkpoint, complete, of a format this build reads.
void check_identity(hid_t file, const fs::path& path) {
  const std::string format = "format = \"" + std::string(layout::kFormat) + "\"";
  if (!h5::has_attribute(file, "format"))
    throw CheckpointError(quoted(path) + " is not a netadopt checkpoint: it is an HDF5 file " +
                          "without the root attribute " + format);
  const std::string found = h5::read_text_attribute(file, "format");
  if (found != layout::kFormat)
    throw CheckpointError(quoted(path) + " is not a netadopt checkpoint: its root attribute " +
                          "format is \"" + found + "\", not \"" + layout::kFormat + "\"");
  if (!h5::has_attribute(file, "complete") || h5::read_int64_attribute(file, "complete") != 1)
    throw CheckpointError("checkpoint " + quoted(path) +
                          " is incomplete (no complete = 1): the run that wrote it was killed "
                          "while writing; resume from another checkpoint or start the run again");
  if (!h5::has_attribute(file, "format_version"))
    throw CheckpointError("checkpoint " + quoted(path) + " has no format_version; this " +
                          "netadopt reads format version " +
                          std::to_string(layout::kFormatVersion));
  const std::int64_t version = h5::read_int64_attribute(file, "format_version");
  if (version > layout::kFormatVersion) {
    const std::string writer =
        h5::has_attribute(file, "version") ? h5::read_text_attribute(file, "version") : "";
    throw CheckpointError("checkpoint " + quoted(path) + " has format version " +
                          std::to_string(version) + ", newer than this netadopt reads (" +
                          std::to_string(layout::kFormatVersion) +
                          "); resume it with the netadopt that wrote it" +
                          (writer.empty() ? "" : " (" + writer + ")"));
  }
  if (version < 1)
    throw CheckpointError("checkpoint " + quoted(path) + " has an unknown format version (" +
                          std::to_string(version) + "); this netadopt reads format version " +
                          std::to_string(layout::kFormatVersion));
}

bool has_link(hid_t group, const std::string& name) {
  const htri_t exists = H5Lexists(group, name.c_str(), H5P_DEFAULT);
  h5::check_status(exists < 0 ? -1 : 0, "looking for '" + name + "'");
  return exists > 0;
}

h5::Handle open_group(hid_t parent, const std::string& name) {
  if (!has_link(parent, name)) throw h5::Failure("group '" + name + "' is missing");
  return h5::Handle(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), H5Gclose,
                    "opening group '" + name + "'");
}

// The names of the links in `group`, in name order.
std::vector<std::string> link_names(hid_t group) {
  const std::string what = "listing the datasets";
  H5G_info_t info{};
  h5::check_status(H5Gget_info(group, &info), what);
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t length =
        H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    h5::check_status(length < 0 ? -1 : 0, what);
    std::string name(static_cast<std::size_t>(length) + 1, '\0');
    h5::check_status(H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(),
                                        name.size(), H5P_DEFAULT) < 0
                         ? -1
                         : 0,
                     what);
    name.resize(static_cast<std::size_t>(length));
    names.push_back(std::move(name));
  }
  return names;
}

// A one-dimensional dataset of `type_class` (`element_bytes` wide when not 0), read whole.
// `shown` is the name in messages ("state/sim.clock").
template <typename T>
std::vector<T> read_array(hid_t group, const std::string& name, const std::string& shown,
                          H5T_class_t type_class, std::size_t element_bytes, hid_t memory_type,
                          const char* kind) {
  const std::string what = "reading dataset '" + shown + "'";
  if (!has_link(group, name)) throw h5::Failure("dataset '" + shown + "' is missing");
  const h5::Handle dataset = h5::dataset(H5Dopen2(group, name.c_str(), H5P_DEFAULT), what);
  const h5::Handle type = h5::datatype(H5Dget_type(dataset.get()), what);
  if (H5Tget_class(type.get()) != type_class ||
      (element_bytes != 0 && H5Tget_size(type.get()) != element_bytes))
    throw h5::Failure("dataset '" + shown + "' is not " + kind);
  const h5::Handle space = h5::dataspace(H5Dget_space(dataset.get()), what);
  if (H5Sget_simple_extent_ndims(space.get()) != 1)
    throw h5::Failure("dataset '" + shown + "' is not one-dimensional");
  hsize_t extent = 0;
  h5::check_status(H5Sget_simple_extent_dims(space.get(), &extent, nullptr), what);
  std::vector<T> values(static_cast<std::size_t>(extent));
  if (!values.empty())
    h5::check_status(
        H5Dread(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), what);
  return values;
}

core::StateImage read_state(hid_t replication) {
  const h5::Handle group = open_group(replication, "state");
  const std::uint64_t expected = h5::read_uint64_attribute(group.get(), "entries");
  const std::vector<std::string> names = link_names(group.get());
  if (names.size() != expected)
    throw h5::Failure("'state' holds " + std::to_string(names.size()) +
                      " datasets; its attribute entries says " + std::to_string(expected));
  core::StateImage state;
  for (const std::string& name : names)
    state.emplace(name, read_array<unsigned char>(group.get(), name, "state/" + name, H5T_INTEGER,
                                                  1, H5T_NATIVE_UCHAR, "bytes (uint8)"));
  return state;
}

run::ReplicationOutput read_output(hid_t replication) {
  const h5::Handle group = open_group(replication, "output");
  run::ReplicationOutput output;
  output.events = h5::read_uint64_attribute(group.get(), "events");
  output.fingerprint = h5::read_uint64_attribute(group.get(), "fingerprint");
  const std::uint64_t series = h5::read_uint64_attribute(group.get(), "series");
  for (std::uint64_t i = 0; i < series; ++i) {
    const std::string name = layout::series_dataset(i);
    output.series.push_back(read_array<double>(group.get(), name, "output/" + name, H5T_FLOAT, 0,
                                               H5T_NATIVE_DOUBLE, "floating-point"));
  }
  return output;
}

run::ReplicationCheckpoint read_replication(hid_t file, const std::string& name) {
  const h5::Handle group = open_group(file, name);
  run::ReplicationCheckpoint replication;
  const std::string stage = h5::read_text_attribute(group.get(), "stage");
  const auto parsed = layout::parse_stage(stage);
  if (!parsed)
    throw h5::Failure("stage \"" + stage + "\" is not \"not started\", \"paused\" or \"finished\"");
  replication.stage = *parsed;
  replication.time = h5::read_double_attribute(group.get(), "time");
  replication.events = h5::read_uint64_attribute(group.get(), "events");
  if (replication.stage == run::Stage::Paused) replication.state = read_state(group.get());
  if (replication.stage == run::Stage::Finished) replication.output = read_output(group.get());
  return replication;
}

run::Checkpoint read_contents(hid_t file, const fs::path& path) {
  run::Checkpoint checkpoint;
  checkpoint.layout_version = h5::read_int64_attribute(file, "layout_version");
  checkpoint.scenario_file = h5::read_text_attribute(file, "scenario_file");
  checkpoint.scenario_text = h5::read_text_attribute(file, "scenario_text");
  checkpoint.output_path = h5::read_text_attribute(file, "output_path");
  checkpoint.reason = h5::read_text_attribute(file, "reason");
  checkpoint.written_at = h5::read_text_attribute(file, "written_at");
  checkpoint.version = h5::read_text_attribute(file, "version");
  checkpoint.compiler = h5::read_text_attribute(file, "compiler");
  checkpoint.fork_scenario_file = h5::read_text_attribute(file, "fork_scenario_file");
  checkpoint.fork_scenario_text = h5::read_text_attribute(file, "fork_scenario_text");
  checkpoint.fork_day = h5::read_double_attribute(file, "fork_day");
  checkpoint.replication_count = h5::read_uint64_attribute(file, "replication_count");
  checkpoint.first_replication = h5::read_uint64_attribute(file, "first_replication");
  const std::uint64_t replications = h5::read_uint64_attribute(file, "replications");
  for (std::uint64_t i = 0; i < replications; ++i) {
    const std::string name = layout::replication_group(checkpoint.first_replication + i);
    const std::string damaged = "checkpoint " + quoted(path) + " is damaged: ";
    if (!has_link(file, name))
      throw CheckpointError(damaged + "group '" + name + "' is missing (the file lists " +
                            std::to_string(replications) + " replications)");
    try {
      checkpoint.replications.push_back(read_replication(file, name));
    } catch (const h5::Failure& failure) {
      throw CheckpointError(damaged + "in group '" + name + "': " + failure.what());
    }
  }
  return checkpoint;
}

}  // namespace

run::Checkpoint read_checkpoint(const fs::path& path) {
  require_readable(path);
  const h5::QuietErrors quiet;
  try {
    const h5::Handle file = open_hdf5(path);
    check_identity(file.get(), path);
    return read_contents(file.get(), path);
  } catch (const h5::Failure& failure) {
    throw CheckpointError("checkpoint " + quoted(path) + " is damaged: " + failure.what());
  }
}

}  // namespace netadopt::io
