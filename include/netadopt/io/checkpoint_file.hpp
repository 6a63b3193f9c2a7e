#pragma once
// Checkpoint files: a run::Checkpoint in HDF5, read back exactly (bytes, doubles, uint64s).
//
// Layout (format_version 1):
//   root attributes, in this order
//     format          "netadopt-checkpoint"    (what makes a file a checkpoint)
//     format_version  int64, 1                  (this layout; readers refuse newer ones)
//     layout_version  int64                     (core::kStateLayoutVersion of the writer;
//                                                read back, compared by the caller)
//     scenario_file, scenario_text, output_path, reason, written_at, version, compiler,
//     fork_scenario_file, fork_scenario_text
//                     UTF-8 variable-length strings (the fork ones empty unless a fork)
//     fork_day        float64, days since the start from which the fork's scenario applies
//     replication_count, first_replication
//                     uint64: the run's replications, and the number of the first one here
//                     (`netadopt run` writes one file per replication)
//     replications    uint64, the number of replication groups
//     complete        int32, 1, written last
//   /replication_NNNN, ...      one group per replication held, NNNN = first_replication + i
//     stage           "not started", "paused" or "finished"
//     time            float64, days since the start (paused) or the horizon (finished)
//     events          uint64, events processed so far
//   /replication_NNNN/state     paused only: one uint8 dataset per core::StateImage entry,
//                               named as the entry ("model.population.agents"); attribute
//                               entries (uint64) = their number. Zero-length entries are
//                               zero-length datasets. Entries above 64 KiB are chunked
//                               (1 MiB chunks) with shuffle + deflate level 1 (shuffle does
//                               nothing to 1-byte elements; it helps the float64 series);
//                               smaller ones are contiguous.
//   /replication_NNNN/output    finished only: float64 datasets series_0000, series_0001, ...
//                               (one per ReplicationOutput::series element, possibly empty;
//                               large ones compressed like state entries); attributes
//                               series (uint64) = their number, events and fingerprint (uint64)
//
// Writing is atomic: the file is written beside PATH as PATH.tmp-<pid>, flushed to the device
// (fsync) and renamed over PATH, so PATH is always either the previous checkpoint or the new
// one. Data goes straight to the temporary file (no in-memory image of the file), through a
// driver that records disk errors instead of letting HDF5 meet them (see
// sim/io/hdf5_failsafe_driver.hpp): a full disk or a quota is an OutputError, not a crash.
#include <filesystem>
#include <stdexcept>

#include "netadopt/run/checkpoint.hpp"

namespace netadopt::io {

// A checkpoint that cannot be read: the message names the file and what is wrong with it.
class CheckpointError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes `checkpoint` to `path` atomically. Replaces an existing file only if it is itself a
// netadopt checkpoint. Throws OutputError (netadopt/io/hdf5_writer.hpp) naming `path` on any
// failure, leaving no temporary file and any previous checkpoint untouched.
void write_checkpoint(const std::filesystem::path& path, const run::Checkpoint& checkpoint);

// Reads a checkpoint written by write_checkpoint. Throws CheckpointError when the file is
// missing or unreadable, not HDF5, not a netadopt checkpoint, incomplete, of a newer or
// unknown format_version, or has a missing or damaged replication. Does not check
// layout_version against this build's: the caller does, and says what to do.
run::Checkpoint read_checkpoint(const std::filesystem::path& path);

}  // namespace netadopt::io
