#pragma once
// HDF5 output, readable as netCDF-4 (xarray with engine="h5netcdf", R's ncdf4, Julia's
// NCDatasets). Layout:
//   /replication, /time          dimension scales (HDF5 DS API); time in "days since START"
//   /<dim> for each extra dim    dimension scale with string labels (role, platform, ...)
//   /<variable>                  (replication, time, extra...) int64 or float64, chunked by
//                                replication, shuffle + deflate; units, long_name, description
//   /events, /fingerprint        (replication) events processed, trajectory hash
//   root attributes              provenance; `complete` = 1 is written last
// The file is written to OUT.tmp-<pid> beside OUT and renamed over it only when complete.
#include <filesystem>
#include <stdexcept>

#include "netadopt/run/result.hpp"

namespace netadopt::io {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Checks, before a run starts, that OUT can be written: refuses an existing file unless
// `force`, and a directory that does not exist or is not writable. Throws OutputError.
void check_output_path(const std::filesystem::path& out, bool force);

// Writes the file atomically (temporary name, then rename). Throws OutputError, leaving no
// partial file behind.
void write_hdf5(const std::filesystem::path& out, const run::RunResult& result,
                const run::Provenance& provenance, bool force);

}  // namespace netadopt::io
