// Writes a sweep file: the io module's root coordinates and tables, then the per-point and
// per-pair datasets, each attached to its coordinates by name, all in one atomic write.
#include "netadopt/sweep/sweep_output.hpp"

#include <cmath>

#include "netadopt/io/hdf5_attributes.hpp"
#include "netadopt/io/hdf5_datasets.hpp"
#include "netadopt/io/hdf5_image.hpp"
#include "netadopt/io/hdf5_scales.hpp"
#include "netadopt/io/hdf5_tables.hpp"
#include "sweep_tables.hpp"

namespace netadopt::sweep {

namespace {
namespace h5 = io::h5;
enum PairStatus : std::int32_t { kMissing = 0, kDone = 1, kFailed = 2 };

void attach_by_name(hid_t file, hid_t dataset, const std::vector<std::string>& dims,
                    const std::string& name) {
  for (unsigned i = 0; i < dims.size(); ++i) {
    const h5::Handle scale = h5::dataset(H5Dopen2(file, dims[i].c_str(), H5P_DEFAULT),
                                         "opening scale '" + dims[i] + "'");
    h5::attach(dataset, scale.get(), i, name);
  }
}

void finish(hid_t file, h5::Handle dataset, const std::string& name,
            const std::vector<std::string>& dims, const std::string& units,
            const std::string& description) {
  attach_by_name(file, dataset.get(), dims, name);
  h5::write_attribute(dataset.get(), "units", units);
  h5::describe(dataset.get(), h5::spaces_for_underscores(name), description);
  dataset.close("closing dataset '" + name + "'");
}

void write_array(hid_t file, const std::string& name, hid_t file_type, hid_t memory_type,
                 const std::vector<std::size_t>& extents, const void* data,
                 const std::vector<std::string>& dims, const std::string& units,
                 const std::string& description) {
  h5::Handle dataset = h5::create_compressed(file, name, file_type, extents);
  h5::write_all(dataset.get(), name, memory_type, data);
  finish(file, std::move(dataset), name, dims, units, description);
}

std::int32_t pair_status(const std::optional<PairOutcome>& pair) {
  if (!pair) return kMissing;
  return pair->failure.empty() ? kDone : kFailed;
}

// "done", "failed" with why (the scenario's problem, or the first failed replication's), or
// "missing" when some replication is not in this file.
std::pair<std::string, std::string> point_status(const SweepPlan& plan, const SweepData& data,
                                                 std::size_t point) {
  if (!plan.errors[point].empty()) return {"failed", plan.errors[point]};
  for (std::size_t r = 0; r < plan.replications; ++r) {
    const auto& pair = data.pairs[point * plan.replications + r];
    if (pair && !pair->failure.empty()) return {"failed", pair->failure};
  }
  return {point_done(plan, data, point) ? "done" : "missing", ""};
}

void write_statuses(hid_t file, const SweepPlan& plan, const SweepData& data) {
  std::vector<std::string> status, message;
  for (std::size_t p = 0; p < plan.points(); ++p) {
    auto [s, m] = point_status(plan, data, p);
    status.push_back(std::move(s));
    message.push_back(std::move(m));
  }
  // `point_status`, not `status`: the essay model has a `status` dimension (unaware, ...).
  finish(file, h5::write_strings(file, "point_status", status), "point_status", {"point"}, "1",
         "done, failed, or missing (not computed in this file)");
  finish(file, h5::write_strings(file, "status_message", message), "status_message", {"point"}, "1",
         "why the point failed; empty otherwise");
}

void write_pair_table(hid_t file, const SweepPlan& plan, const SweepData& data) {
  std::vector<std::int32_t> status;
  std::vector<std::uint64_t> events, fingerprints;
  for (const auto& pair : data.pairs) {
    status.push_back(pair_status(pair));
    events.push_back(pair ? pair->output.events : 0);
    fingerprints.push_back(pair ? pair->output.fingerprint : 0);
  }
  const std::vector<std::size_t> extents{plan.points(), plan.replications};
  const std::vector<std::string> dims{"point", "replication"};
  write_array(file, "pair_status", H5T_STD_I32LE, H5T_NATIVE_INT32, extents, status.data(), dims,
              "1", "0: missing (not computed in this file), 1: done, 2: failed");
  write_array(file, "events", H5T_STD_U64LE, H5T_NATIVE_UINT64, extents, events.data(), dims, "1",
              "events processed by the replication");
  write_array(file, "fingerprint", H5T_STD_U64LE, H5T_NATIVE_UINT64, extents, fingerprints.data(),
              dims, "1", "hash of the event trajectory");
}

void write_point_table(hid_t file, const SweepPlan& plan) {
  write_array(file, "point_seed", H5T_STD_U64LE, H5T_NATIVE_UINT64, {plan.points()},
              plan.seeds.data(), {"point"}, "1", "run.seed of the point's scenario");
  if (plan.design.block.empty()) return;
  write_array(file, "design_block", H5T_STD_I32LE, H5T_NATIVE_INT32, {plan.points()},
              plan.design.block.data(), {"point"}, "1",
              "Saltelli matrix of the point: 0 = A, 1 = B, 2 + i = A_B^(i+1) (axis i+1 from B)");
  write_array(file, "design_row", H5T_STD_I32LE, H5T_NATIVE_INT32, {plan.points()},
              plan.design.row.data(), {"point"}, "1", "row of the point within its matrix");
}

std::vector<double> gathered(const SweepData& data, std::size_t v, std::size_t block) {
  std::vector<double> values(data.pairs.size() * block, 0.0);
  for (std::size_t pair = 0; pair < data.pairs.size(); ++pair)
    if (pair_status(data.pairs[pair]) == kDone) {
      const auto& series = data.pairs[pair]->output.series[v];
      std::copy(series.begin(), series.end(), values.begin() + static_cast<long>(pair * block));
    }
  return values;
}

std::vector<std::int64_t> rounded(const std::vector<double>& values) {
  std::vector<std::int64_t> counts;
  counts.reserve(values.size());
  for (const double value : values) counts.push_back(std::llround(value));
  return counts;
}

void write_series(hid_t file, const SweepPlan& plan, const SweepData& data, std::size_t v) {
  const run::VariableSpec& spec = plan.outputs[v];
  std::vector<std::size_t> extents{plan.points(), plan.replications};
  std::vector<std::string> dims{"point", "replication"};
  if (!spec.timeless) extents.push_back(plan.times.size()), dims.push_back("time");
  for (const auto& dim : spec.dims) extents.push_back(dim.labels.size()), dims.push_back(dim.name);
  const auto values =
      gathered(data, v, (spec.timeless ? 1 : plan.times.size()) * spec.cell_count());
  if (spec.integer)
    write_array(file, spec.name, H5T_STD_I64LE, H5T_NATIVE_INT64, extents, rounded(values).data(),
                dims, spec.units, spec.description);
  else
    write_array(file, spec.name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, extents, values.data(), dims,
                spec.units, spec.description);
}

void fill(hid_t file, const SweepPlan& plan, const SweepData& data,
          const SweepProvenance& provenance) {
  const io::RootContent root = detail::sweep_root_content(plan, summarize(plan, data), provenance);
  io::check_tables(root);
  h5::write_root_content(file, root);
  write_point_table(file, plan);
  write_statuses(file, plan, data);
  write_pair_table(file, plan, data);
  for (std::size_t v = 0; v < plan.outputs.size(); ++v) write_series(file, plan, data, v);
}
}  // namespace

void write_sweep(const std::filesystem::path& out, const SweepPlan& plan, const SweepData& data,
                 const SweepProvenance& provenance) {
  io::write_file_atomically(out, [&](hid_t file) { fill(file, plan, data, provenance); });
}

}  // namespace netadopt::sweep
