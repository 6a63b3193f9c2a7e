#pragma once
// A sweep's HDF5 file, readable as netCDF-4 (xarray.open_dataset(path, engine="h5netcdf")):
//   coordinates   point, key (the swept scenario keys, strings), replication, time ("days
//                 since START"), date (summary dates), summary_role, and the series' own
//                 dimensions (role, platform, ...) as dimension scales
//   parameters    (point, key) the value of each swept key at each point
//   point_seed    (point) the run.seed of the point's scenario (see plan.hpp)
//   design_block, design_row   (point) sobol designs: the Saltelli matrix of each point
//   status, status_message     (point) "done", "failed" (with why) or "missing" (not
//                 computed in this file: another shard's)
//   pair_status   (point, replication) 0 missing, 1 done, 2 failed
//   members_at_date      (point, date, summary_role) mean members over replications
//   date_reaching_10pct  (point, summary_role) days since 1970-01-01, NaN if never
//   <variable>    (point, replication, time, extra...) every series of the model, chunked by
//                 point (one point per chunk), shuffle + deflate; 0 where not computed
//   events, fingerprint  (point, replication)
//   root attributes: the sweep file's text and name, the base scenario's, the command line's
//   --set overrides (set_overrides, one section.key=value a line), the sweep hash, design,
//   seed, shard, provenance, and `complete` = 1 last. Written atomically.
// The data are a function of the sweep and the pairs computed: a merge of shards writes the
// same bytes as a single-machine run, apart from the provenance attributes.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "netadopt/sweep/plan.hpp"
#include "netadopt/sweep/sweep_data.hpp"

namespace netadopt::sweep {

struct SweepProvenance {
  std::string version;
  std::string compiler;
  std::string command_line;
  std::string started_at;  // ISO 8601, UTC
  double wall_seconds = 0.0;
  int threads = 1;
  std::string shard = "all";  // "I/N", "all", or "merged from N files"
};

// Throws io::OutputError.
void write_sweep(const std::filesystem::path& out, const SweepPlan& plan, const SweepData& data,
                 const SweepProvenance& provenance);

// What a sweep file says about itself: enough to rebuild its plan.
struct SweepHeader {
  std::string sweep_file;
  std::string sweep_text;
  std::string base_text;
  std::vector<std::string> set_overrides;  // `netadopt sweep --set`, "section.key=value"
  std::string hash;                        // hex
  std::string shard;                       // "I/N", "all", "merged from N files"
  bool complete = false;
};

// Throws io::OutputError when the file cannot be read or is not a netadopt sweep.
SweepHeader read_sweep_header(const std::filesystem::path& file);
SweepPlan plan_from_header(const SweepHeader& header);  // throws scenario::ScenarioError
SweepData read_sweep_data(const std::filesystem::path& file, const SweepPlan& plan);

}  // namespace netadopt::sweep
