#pragma once
// Internal to netadopt_io: an HDF5 file driver that writes straight to disk but never reports a
// disk error to HDF5. HDF5 1.10 cannot close a file whose flush failed (a full disk, a quota):
// the failed flush leaves its metadata cache in a state that fails every later close, and the
// process then crashes at exit when the library closes the file itself. This driver is plain
// POSIX I/O (like HDF5's default sec2 driver) except that the first failed write, truncate,
// fsync or close is recorded in a DiskStatus and every later write is discarded while HDF5 is
// told that it succeeded. HDF5 can then always close the file, and the caller reads the
// status afterwards, reports the error and removes the file.
//
// The file is flushed to the device (fsync) when HDF5 closes it, so after a successful
// H5Fclose with a clean status it is complete on disk. Files it writes are ordinary HDF5
// files (no driver information in the superblock), read with the default driver.
#include <string>

#include "netadopt/io/hdf5_handles.hpp"

namespace netadopt::io::h5 {

// The first disk error of a file written through failsafe_access().
struct DiskStatus {
  int error = 0;                   // errno of the first failure, 0 when none
  const char* action = "writing";  // what failed: "writing", "truncating", "flushing", "closing"

  bool failed() const { return error != 0; }
  // "<action> '<path>': <strerror>", e.g. "writing 'out.h5.tmp-42': No space left on device".
  std::string message(const std::string& path) const;
};

// A file access property list that writes through the fail-safe driver and records into
// `status`, which must outlive every file opened with it.
Handle failsafe_access(DiskStatus& status);

}  // namespace netadopt::io::h5
