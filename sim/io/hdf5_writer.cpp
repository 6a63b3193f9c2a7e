#include "netadopt/io/hdf5_writer.hpp"

#include <hdf5_hl.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "hdf5_attributes.hpp"
#include "hdf5_datasets.hpp"
#include "file_bytes.hpp"
#include "hdf5_handles.hpp"
#include "output_path.hpp"
#include "result_layout.hpp"

namespace netadopt::io {

namespace fs = std::filesystem;

namespace {

// ---- dimension scales ----------------------------------------------------------------------

struct Scales {
  h5::Handle replication;
  h5::Handle time;
  std::vector<std::pair<std::string, h5::Handle>> extra;  // by dimension name

  hid_t extra_scale(const std::string& name) const {
    for (const auto& [dim_name, scale] : extra)
      if (dim_name == name) return scale.get();
    return H5I_INVALID_HID;
  }
};

std::string iso_date(scenario::Date date) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{date.days}}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

void make_scale(hid_t dataset, const std::string& name) {
  h5::check_status(H5DSset_scale(dataset, name.c_str()),
                   "making '" + name + "' a dimension scale");
}

void describe(hid_t object, const std::string& long_name, const std::string& description) {
  h5::write_attribute(object, "long_name", long_name);
  h5::write_attribute(object, "description", description);
}

h5::Handle write_replication_scale(hid_t file, std::size_t replications) {
  std::vector<std::int32_t> indices(replications);
  for (std::size_t r = 0; r < replications; ++r) indices[r] = static_cast<std::int32_t>(r);
  h5::Handle scale = h5::write_int32s(file, "replication", indices);
  make_scale(scale.get(), "replication");
  describe(scale.get(), "replication", "index of the independent replication of the scenario");
  return scale;
}

h5::Handle write_time_scale(hid_t file, const run::RunResult& result) {
  h5::Handle scale = h5::write_doubles(file, "time", result.times);
  make_scale(scale.get(), "time");
  h5::write_attribute(scale.get(), "units", "days since " + iso_date(result.start));
  h5::write_attribute(scale.get(), "calendar", "standard");
  h5::write_attribute(scale.get(), "axis", "T");
  describe(scale.get(), "time", "reporting time of the simulation");
  return scale;
}

h5::Handle write_label_scale(hid_t file, const run::Dimension& dim) {
  h5::Handle scale = h5::write_strings(file, dim.name, dim.labels);
  make_scale(scale.get(), dim.name);
  describe(scale.get(), dim.name, dim.description);
  return scale;
}

Scales write_scales(hid_t file, const run::RunResult& result) {
  Scales scales{write_replication_scale(file, result.replications),
                write_time_scale(file, result), {}};
  for (const run::Dimension* dim : shared_dimensions(result))
    scales.extra.emplace_back(dim->name, write_label_scale(file, *dim));
  return scales;
}

void attach(hid_t dataset, hid_t scale, unsigned index, const std::string& name) {
  h5::check_status(H5DSattach_scale(dataset, scale, index),
                   "attaching dimension " + std::to_string(index) + " of '" + name + "'");
}

// ---- variables ------------------------------------------------------------------------------

std::string spaces_for_underscores(std::string name) {
  for (char& c : name)
    if (c == '_') c = ' ';
  return name;
}

void write_counts(hid_t dataset, const run::Variable& variable) {
  std::vector<std::int64_t> counts;
  counts.reserve(variable.values.size());
  for (const double value : variable.values) counts.push_back(std::llround(value));
  h5::write_all(dataset, variable.spec.name, H5T_NATIVE_INT64, counts.data());
}

void write_values(hid_t dataset, const run::Variable& variable) {
  if (variable.values.empty()) return;
  if (variable.spec.integer) write_counts(dataset, variable);
  else h5::write_all(dataset, variable.spec.name, H5T_NATIVE_DOUBLE, variable.values.data());
}

void attach_all(hid_t dataset, const run::VariableSpec& spec, const Scales& scales) {
  attach(dataset, scales.replication.get(), 0, spec.name);
  const unsigned first_extra = spec.timeless ? 1 : 2;
  if (!spec.timeless) attach(dataset, scales.time.get(), 1, spec.name);
  for (unsigned i = 0; i < spec.dims.size(); ++i)
    attach(dataset, scales.extra_scale(spec.dims[i].name), i + first_extra, spec.name);
}

void write_variable(hid_t file, const run::RunResult& result, const run::Variable& variable,
                    const Scales& scales) {
  const run::VariableSpec& spec = variable.spec;
  const hid_t file_type = spec.integer ? H5T_STD_I64LE : H5T_IEEE_F64LE;
  h5::Handle dataset = h5::create_compressed(file, spec.name, file_type, extents_of(result, spec));
  write_values(dataset.get(), variable);
  attach_all(dataset.get(), spec, scales);
  h5::write_attribute(dataset.get(), "units", spec.units);
  describe(dataset.get(), spaces_for_underscores(spec.name), spec.description);
  dataset.close("closing dataset '" + spec.name + "'");
}

void write_per_replication(hid_t file, const std::string& name,
                           const std::vector<std::uint64_t>& values, const std::string& description,
                           const Scales& scales) {
  h5::Handle dataset = h5::write_uint64s(file, name, values);
  attach(dataset.get(), scales.replication.get(), 0, name);
  h5::write_attribute(dataset.get(), "units", "1");
  describe(dataset.get(), name, description);
  dataset.close("closing dataset '" + name + "'");
}

void write_data(hid_t file, const run::RunResult& result) {
  const Scales scales = write_scales(file, result);
  for (const run::Variable& variable : result.variables)
    write_variable(file, result, variable, scales);
  write_per_replication(file, "events", result.events, "events processed by the replication",
                        scales);
  write_per_replication(file, "fingerprint", result.fingerprints,
                        "hash of the event trajectory", scales);
}

// ---- root attributes ------------------------------------------------------------------------

void write_provenance(hid_t file, const run::Provenance& provenance) {
  h5::write_attribute(file, "title", "netadopt simulation output");
  h5::write_attribute(file, "Conventions", "CF-1.8");
  h5::write_attribute(file, "scenario", provenance.scenario_text);
  h5::write_attribute(file, "scenario_file", provenance.scenario_file);
  h5::write_attribute(file, "seed", provenance.seed);
  h5::write_attribute(file, "netadopt_version", provenance.version);
  h5::write_attribute(file, "compiler", provenance.compiler);
  h5::write_attribute(file, "command_line", provenance.command_line);
  h5::write_attribute(file, "started_at", provenance.started_at);
  h5::write_attribute(file, "wall_seconds", provenance.wall_seconds);
  h5::write_attribute(file, "threads", provenance.threads);
}

// ---- the file ------------------------------------------------------------------------------

// Built in memory (core driver, no backing store) so that HDF5 never meets a disk error: HDF5
// 1.10 can crash at exit after a failed H5Fclose (seen with a full disk). Creation order is
// tracked, as netCDF-4 does, so readers list variables and attributes in the order written.
h5::Handle create_in_memory_file(const fs::path& name) {
  const std::string what = "creating the file in memory";
  const h5::Handle create = h5::property_list(H5Pcreate(H5P_FILE_CREATE), what);
  const unsigned order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  h5::check_status(H5Pset_link_creation_order(create.get(), order), what);
  h5::check_status(H5Pset_attr_creation_order(create.get(), order), what);
  const h5::Handle access = h5::property_list(H5Pcreate(H5P_FILE_ACCESS), what);
  h5::check_status(H5Pset_fapl_core(access.get(), std::size_t{1} << 20, false), what);
  return h5::file(H5Fcreate(name.c_str(), H5F_ACC_TRUNC, create.get(), access.get()), what);
}

// HDF5 1.10.8 returns an unreadable image unless the file is flushed first (its own flush in
// H5Fget_file_image leaves object headers behind).
std::vector<unsigned char> file_image(hid_t file) {
  const std::string what = "taking the image of the file";
  h5::check_status(H5Fflush(file, H5F_SCOPE_GLOBAL), "flushing the file");
  const ssize_t size = H5Fget_file_image(file, nullptr, 0);
  h5::check_status(size < 0 ? -1 : 0, what);
  std::vector<unsigned char> image(static_cast<std::size_t>(size));
  h5::check_status(H5Fget_file_image(file, image.data(), image.size()) < 0 ? -1 : 0, what);
  return image;
}

std::vector<unsigned char> build_image(const fs::path& name, const run::RunResult& result,
                                       const run::Provenance& provenance) {
  const h5::QuietErrors quiet;
  h5::Handle file = create_in_memory_file(name);
  write_data(file.get(), result);
  write_provenance(file.get(), provenance);
  h5::write_attribute(file.get(), "complete", 1);
  std::vector<unsigned char> image = file_image(file.get());
  file.close("closing the file");
  return image;
}

void remove_quietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
}

std::string failure_text(const fs::path& out, const char* reason) {
  return "cannot write '" + out.string() + "': " + reason;
}

std::vector<unsigned char> build_image_or_throw(const fs::path& out, const run::RunResult& result,
                                                const run::Provenance& provenance) {
  try {
    return build_image(out, result, provenance);
  } catch (const h5::Failure& failure) {
    throw OutputError(failure_text(out, failure.what()));
  }
}

// Writes the image beside OUT under a temporary name, then renames it over OUT.
void install_atomically(const fs::path& out, const std::vector<unsigned char>& image) {
  const fs::path temp = temporary_path_for(out);
  try {
    write_file_bytes(temp, image);
    fs::rename(temp, out);
  } catch (const std::system_error& failure) {  // filesystem_error is one
    remove_quietly(temp);
    throw OutputError(failure_text(out, failure.what()));
  }
}

}  // namespace

void write_hdf5(const fs::path& out, const run::RunResult& result,
                const run::Provenance& provenance, bool force) {
  refuse_existing_output(out, force);
  check_layout(result);
  install_atomically(out, build_image_or_throw(out, result, provenance));
}

}  // namespace netadopt::io
