// write_checkpoint: a run::Checkpoint to HDF5, atomically, without an in-memory image.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "checkpoint_layout.hpp"
#include "hdf5_failsafe_driver.hpp"
#include "netadopt/io/checkpoint_file.hpp"
#include "netadopt/io/hdf5_attributes.hpp"
#include "netadopt/io/hdf5_datasets.hpp"
#include "netadopt/io/hdf5_image.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "output_path.hpp"

namespace netadopt::io {

namespace fs = std::filesystem;
namespace layout = checkpoint_layout;

namespace {

// Writes one checkpoint into an open file, giving up as soon as the disk has failed (the
// driver discards everything after the first error, so going on would only waste time).
class CheckpointWriter {
 public:
  CheckpointWriter(hid_t file, const h5::DiskStatus& status, const fs::path& temp)
      : file_(file), status_(status), temp_(temp) {}

  void write(const run::Checkpoint& checkpoint) {
    write_root_attributes(checkpoint);
    for (std::size_t i = 0; i < checkpoint.replications.size(); ++i)
      write_replication(layout::replication_group(checkpoint.first_replication + i),
                        checkpoint.replications[i]);
    h5::write_attribute(file_, "complete", 1);
  }

 private:
  void write_root_attributes(const run::Checkpoint& checkpoint) {
    h5::write_attribute(file_, "format", layout::kFormat);
    h5::write_attribute(file_, "format_version", layout::kFormatVersion);
    h5::write_attribute(file_, "layout_version", checkpoint.layout_version);
    h5::write_attribute(file_, "scenario_file", checkpoint.scenario_file);
    h5::write_attribute(file_, "scenario_text", checkpoint.scenario_text);
    h5::write_attribute(file_, "output_path", checkpoint.output_path);
    h5::write_attribute(file_, "reason", checkpoint.reason);
    h5::write_attribute(file_, "written_at", checkpoint.written_at);
    h5::write_attribute(file_, "version", checkpoint.version);
    h5::write_attribute(file_, "compiler", checkpoint.compiler);
    h5::write_attribute(file_, "fork_scenario_file", checkpoint.fork_scenario_file);
    h5::write_attribute(file_, "fork_scenario_text", checkpoint.fork_scenario_text);
    h5::write_attribute(file_, "fork_day", checkpoint.fork_day);
    h5::write_attribute(file_, "replication_count",
                        static_cast<std::uint64_t>(checkpoint.replication_count));
    h5::write_attribute(file_, "first_replication",
                        static_cast<std::uint64_t>(checkpoint.first_replication));
    h5::write_attribute(file_, "replications",
                        static_cast<std::uint64_t>(checkpoint.replications.size()));
  }

  void write_replication(const std::string& name, const run::ReplicationCheckpoint& replication) {
    h5::Handle group = create_group(file_, name);
    h5::write_attribute(group.get(), "stage", layout::stage_text(replication.stage));
    h5::write_attribute(group.get(), "time", replication.time);
    h5::write_attribute(group.get(), "events", replication.events);
    if (replication.stage == run::Stage::Paused) write_state(group.get(), name, replication.state);
    if (replication.stage == run::Stage::Finished)
      write_output(group.get(), name, replication.output);
    group.close("closing group '" + name + "'");
    stop_if_disk_failed();
  }

  void write_state(hid_t replication, const std::string& where, const core::StateImage& state) {
    h5::Handle group = create_group(replication, "state");
    h5::write_attribute(group.get(), "entries", static_cast<std::uint64_t>(state.size()));
    for (const auto& [name, bytes] : state) {
      if (name.empty() || name == "." || name.find('/') != std::string::npos)
        throw h5::Failure(where + ": state entry '" + name +
                          "' cannot be a dataset name (empty, '.' or containing '/')");
      write_array(group.get(), where + "/state/" + name, name, H5T_STD_U8LE, H5T_NATIVE_UCHAR, 1,
                  bytes.size(), bytes.data());
    }
    group.close("closing group '" + where + "/state'");
  }

  void write_output(hid_t replication, const std::string& where,
                    const run::ReplicationOutput& output) {
    h5::Handle group = create_group(replication, "output");
    h5::write_attribute(group.get(), "series", static_cast<std::uint64_t>(output.series.size()));
    h5::write_attribute(group.get(), "events", output.events);
    h5::write_attribute(group.get(), "fingerprint", output.fingerprint);
    for (std::size_t i = 0; i < output.series.size(); ++i) {
      const std::string name = layout::series_dataset(i);
      const std::vector<double>& values = output.series[i];
      write_array(group.get(), where + "/output/" + name, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                  sizeof(double), values.size(), values.data());
    }
    group.close("closing group '" + where + "/output'");
  }

  // A one-dimensional dataset holding `count` elements: contiguous when small, chunked with
  // shuffle + deflate when large. HDF5 reads `data` directly: no copy of the array is made.
  void write_array(hid_t group, const std::string& full_name, const std::string& name,
                   hid_t file_type, hid_t memory_type, std::size_t element_bytes, std::size_t count,
                   const void* data) {
    const std::string what = "writing dataset '" + full_name + "'";
    const hsize_t extent = count;
    const h5::Handle space = h5::dataspace(H5Screate_simple(1, &extent, nullptr), what);
    const h5::Handle create = h5::property_list(H5Pcreate(H5P_DATASET_CREATE), what);
    if (count * element_bytes > layout::kCompressAboveBytes) {
      const hsize_t chunk = std::min<hsize_t>(count, layout::kChunkBytes / element_bytes);
      h5::check_status(H5Pset_chunk(create.get(), 1, &chunk), what);
      h5::check_status(H5Pset_shuffle(create.get()), what);
      h5::check_status(H5Pset_deflate(create.get(), layout::kDeflateLevel), what);
    }
    h5::Handle dataset = h5::dataset(H5Dcreate2(group, name.c_str(), file_type, space.get(),
                                                H5P_DEFAULT, create.get(), H5P_DEFAULT),
                                     what);
    if (count > 0) h5::write_all(dataset.get(), full_name, memory_type, data);
    dataset.close(what);
    stop_if_disk_failed();
  }

  void stop_if_disk_failed() const {
    if (status_.failed()) throw h5::Failure(status_.message(temp_.string()));
  }

  hid_t file_;
  const h5::DiskStatus& status_;
  const fs::path& temp_;
};

[[noreturn]] void fail_system(const std::string& action, const fs::path& path) {
  throw std::system_error(errno, std::generic_category(), action + " '" + path.string() + "'");
}

// Creates (or empties) the temporary file with plain POSIX calls first, so that a missing or
// read-only directory is reported as the system says it ("No such file or directory").
void create_empty(const fs::path& temp) {
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) fail_system("creating", temp);
  if (::close(fd) != 0) fail_system("closing", temp);
}

void write_through_hdf5(const fs::path& temp, const run::Checkpoint& checkpoint,
                        h5::DiskStatus& status) {
  const h5::QuietErrors quiet;
  const h5::Handle access = h5::failsafe_access(status);
  // The driver never fails a write, so closing the file (here or while unwinding) cannot fail
  // on a full disk and leave HDF5 with a file it can no longer close.
  const h5::Handle create = file_creation_properties();
  h5::Handle file = h5::file(H5Fcreate(temp.c_str(), H5F_ACC_TRUNC, create.get(), access.get()),
                             "creating the file");
  CheckpointWriter(file.get(), status, temp).write(checkpoint);
  file.close("closing the file");  // flushes to the device (fsync)
}

// Writes the whole file at `temp`; on return it is complete and on the device. A disk error
// is reported as such even when HDF5 failed first (reading back what was never written).
void write_file(const fs::path& temp, const run::Checkpoint& checkpoint) {
  create_empty(temp);
  h5::DiskStatus status;
  try {
    write_through_hdf5(temp, checkpoint, status);
  } catch (const h5::Failure&) {
    if (status.failed()) throw h5::Failure(status.message(temp.string()));
    throw;
  }
  if (status.failed()) throw h5::Failure(status.message(temp.string()));
}

// Makes the rename itself durable; best effort (some file systems refuse to sync directories).
void sync_directory_of(const fs::path& path) {
  const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  fsync(fd);
  ::close(fd);
}

void refuse_other_files(const fs::path& path) {
  std::error_code ignored;
  if (fs::is_directory(path, ignored))
    throw OutputError("'" + path.string() +
                      "' is a directory; choose a file name for --checkpoint");
  if (fs::exists(path, ignored) && !layout::is_checkpoint_file(path))
    throw OutputError("'" + path.string() + "' exists and is not a netadopt checkpoint; " +
                      "choose another --checkpoint path");
}

}  // namespace

void write_checkpoint(const fs::path& path, const run::Checkpoint& checkpoint) {
  refuse_other_files(path);
  const fs::path temp = temporary_path_for(path);
  const auto remove_temp = [&temp] {
    std::error_code ignored;
    fs::remove(temp, ignored);
  };
  try {
    write_file(temp, checkpoint);
    fs::rename(temp, path);
  } catch (const h5::Failure& failure) {
    remove_temp();
    throw OutputError("cannot write checkpoint '" + path.string() + "': " + failure.what());
  } catch (const std::system_error& failure) {  // filesystem_error is one
    remove_temp();
    throw OutputError("cannot write checkpoint '" + path.string() + "': " + failure.what());
  } catch (...) {  // out of memory
    remove_temp();
    throw;
  }
  sync_directory_of(path);
}

}  // namespace netadopt::io
