#pragma once
// HDF5 output, readable as netCDF-4 (xarray with engine="h5netcdf", R's ncdf4, Julia's
// NCDatasets). Layout:
//   /replication, /time          dimension scales (HDF5 DS API); time in "days since START"
//   /<dim> for each extra dim    dimension scale with string labels (role, platform, ...)
//   /<variable>                  (replication, time, extra...) int64 or float64, chunked by
//                                replication, shuffle + deflate; units, long_name, description
//   /events, /fingerprint        (replication) events processed, trajectory hash
//   root attributes              population_size, workforce_share (what the counts are out
//                                of), provenance; `complete` = 1 is written last
// The file is written to OUT.tmp-<pid> beside OUT and renamed over it only when complete.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "netadopt/run/result.hpp"

namespace netadopt::run {
struct Comparison;
struct Decomposition;
}  // namespace netadopt::run

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

// ---- several runs in one file: `netadopt compare` ------------------------------------------
// Layout: one group per run (the run layout above, its provenance as group attributes), and
// root-level coordinates and tables that span them, with named dimensions, readable with
// xarray.open_dataset(path, engine="h5netcdf") (the root) and group="NAME" (a run).

// A root-level dimension: string labels, or numeric values with units (CF time when
// `time_axis`: "days since ..." units, calendar and axis attributes).
struct Coordinate {
  std::string name;
  std::string description;
  std::vector<std::string> labels;  // a string coordinate when not empty; else
  std::vector<double> values;       // numeric values
  std::string units = "1";
  bool integer = false;  // numeric values stored as int32
  bool time_axis = false;
};

// A root-level float64 variable over named coordinates, row-major; NaN where undefined.
struct Table {
  std::string name;
  std::string units;
  std::string description;
  std::vector<std::string> dims;  // coordinate names, outermost first
  std::vector<double> values;
};

struct RootContent {
  std::vector<Coordinate> coordinates;
  std::vector<Table> tables;
  std::vector<std::pair<std::string, std::string>> text_attributes;
  std::vector<std::pair<std::string, double>> number_attributes;
};

struct GroupRun {
  std::string name;  // the group's name
  const run::RunResult* result = nullptr;
  run::Provenance provenance;
};

// Writes the runs into groups and `root` at the root, atomically like write_hdf5. Throws
// OutputError (also when a table's length disagrees with its coordinates).
void write_hdf5_groups(const std::filesystem::path& out, const std::vector<GroupRun>& runs,
                       const RootContent& root, bool force);

// The comparison and, unless null, the decomposition as root coordinates and tables:
// members_per_1000_workers, ratio, date_share_reached, shapley, one_at_a_time, ...
RootContent comparison_content(const run::Comparison& comparison,
                               const run::Decomposition* decomposition);

}  // namespace netadopt::io
