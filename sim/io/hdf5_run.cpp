#include "hdf5_run.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "netadopt/io/hdf5_attributes.hpp"
#include "netadopt/io/hdf5_datasets.hpp"
#include "netadopt/io/hdf5_scales.hpp"
#include "result_layout.hpp"

namespace netadopt::io::h5 {

namespace {

struct Scales {
  Handle replication;
  Handle time;
  std::vector<std::pair<std::string, Handle>> extra;  // by dimension name

  hid_t extra_scale(const std::string& name) const {
    for (const auto& [dim_name, scale] : extra)
      if (dim_name == name) return scale.get();
    return H5I_INVALID_HID;
  }
};

Handle write_replication_scale(hid_t location, std::size_t replications) {
  std::vector<std::int32_t> indices(replications);
  for (std::size_t r = 0; r < replications; ++r) indices[r] = static_cast<std::int32_t>(r);
  Handle scale = write_int32s(location, "replication", indices);
  make_scale(scale.get(), "replication");
  describe(scale.get(), "replication", "index of the independent replication of the scenario");
  return scale;
}

Handle write_time_scale(hid_t location, const run::RunResult& result) {
  Handle scale = write_doubles(location, "time", result.times);
  make_scale(scale.get(), "time");
  write_attribute(scale.get(), "units", "days since " + iso_date(result.start));
  write_attribute(scale.get(), "calendar", "standard");
  write_attribute(scale.get(), "axis", "T");
  describe(scale.get(), "time", "reporting time of the simulation");
  return scale;
}

Scales write_scales(hid_t location, const run::RunResult& result) {
  Scales scales{write_replication_scale(location, result.replications),
                write_time_scale(location, result),
                {}};
  for (const run::Dimension* dim : shared_dimensions(result))
    scales.extra.emplace_back(
        dim->name, write_label_scale(location, dim->name, dim->labels, dim->description));
  return scales;
}

void write_counts(hid_t dataset, const run::Variable& variable) {
  std::vector<std::int64_t> counts;
  counts.reserve(variable.values.size());
  for (const double value : variable.values) counts.push_back(std::llround(value));
  write_all(dataset, variable.spec.name, H5T_NATIVE_INT64, counts.data());
}

void write_values(hid_t dataset, const run::Variable& variable) {
  if (variable.values.empty()) return;
  if (variable.spec.integer)
    write_counts(dataset, variable);
  else
    write_all(dataset, variable.spec.name, H5T_NATIVE_DOUBLE, variable.values.data());
}

void attach_all(hid_t dataset, const run::VariableSpec& spec, const Scales& scales) {
  attach(dataset, scales.replication.get(), 0, spec.name);
  const unsigned first_extra = spec.timeless ? 1 : 2;
  if (!spec.timeless) attach(dataset, scales.time.get(), 1, spec.name);
  for (unsigned i = 0; i < spec.dims.size(); ++i)
    attach(dataset, scales.extra_scale(spec.dims[i].name), i + first_extra, spec.name);
}

void write_variable(hid_t location, const run::RunResult& result, const run::Variable& variable,
                    const Scales& scales) {
  const run::VariableSpec& spec = variable.spec;
  const hid_t file_type = spec.integer ? H5T_STD_I64LE : H5T_IEEE_F64LE;
  Handle dataset = create_compressed(location, spec.name, file_type, extents_of(result, spec));
  write_values(dataset.get(), variable);
  attach_all(dataset.get(), spec, scales);
  write_attribute(dataset.get(), "units", spec.units);
  describe(dataset.get(), spaces_for_underscores(spec.name), spec.description);
  dataset.close("closing dataset '" + spec.name + "'");
}

void write_per_replication(hid_t location, const std::string& name,
                           const std::vector<std::uint64_t>& values, const std::string& description,
                           const Scales& scales) {
  Handle dataset = write_uint64s(location, name, values);
  attach(dataset.get(), scales.replication.get(), 0, name);
  write_attribute(dataset.get(), "units", "1");
  describe(dataset.get(), name, description);
  dataset.close("closing dataset '" + name + "'");
}

// What the counts are out of, so that a reader scales them without parsing `scenario`.
void write_population(hid_t location, const run::RunResult& result) {
  write_attribute(location, "population_size", result.population_size);
  write_attribute(location, "workforce_share", result.workforce_share);
}

}  // namespace

void write_run(hid_t location, const run::RunResult& result) {
  write_population(location, result);
  const Scales scales = write_scales(location, result);
  for (const run::Variable& variable : result.variables)
    write_variable(location, result, variable, scales);
  write_per_replication(location, "events", result.events, "events processed by the replication",
                        scales);
  write_per_replication(location, "fingerprint", result.fingerprints,
                        "hash of the event trajectory", scales);
}

void write_provenance(hid_t location, const run::Provenance& provenance) {
  write_attribute(location, "title", "netadopt simulation output");
  write_attribute(location, "Conventions", "CF-1.8");
  write_attribute(location, "scenario", provenance.scenario_text);
  write_attribute(location, "scenario_file", provenance.scenario_file);
  write_attribute(location, "seed", provenance.seed);
  write_attribute(location, "netadopt_version", provenance.version);
  write_attribute(location, "compiler", provenance.compiler);
  write_attribute(location, "command_line", provenance.command_line);
  write_attribute(location, "started_at", provenance.started_at);
  write_attribute(location, "wall_seconds", provenance.wall_seconds);
  write_attribute(location, "threads", provenance.threads);
  if (provenance.fork_file.empty()) return;
  write_attribute(location, "fork_checkpoint", provenance.fork_checkpoint);
  write_attribute(location, "fork_date", provenance.fork_date);
  write_attribute(location, "fork_file", provenance.fork_file);
  write_attribute(location, "fork_changes", provenance.fork_changes);
}

}  // namespace netadopt::io::h5
