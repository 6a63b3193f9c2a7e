// The calibration summary, written like every netadopt file: built in memory and installed
// atomically (hdf5_image.hpp), `complete` = 1 last.
#include "netadopt/io/calibration_writer.hpp"

#include <hdf5_hl.h>

#include "netadopt/io/hdf5_attributes.hpp"
#include "netadopt/io/hdf5_datasets.hpp"
#include "netadopt/io/hdf5_handles.hpp"
#include "netadopt/io/hdf5_image.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "output_path.hpp"

namespace netadopt::io {

namespace fs = std::filesystem;

namespace {
constexpr const char* kPer1000 = "members per 1000 workers";

void describe(hid_t object, const std::string& units, const std::string& description) {
  if (!units.empty()) h5::write_attribute(object, "units", units);
  h5::write_attribute(object, "long_name", description);
}

h5::Handle scale(h5::Handle dataset, const std::string& name, const std::string& description) {
  h5::check_status(H5DSset_scale(dataset.get(), name.c_str()), "making '" + name + "' a scale");
  describe(dataset.get(), "", description);
  return dataset;
}

h5::Handle index_scale(hid_t file, const std::string& name, std::size_t size,
                       const std::string& description) {
  std::vector<std::int32_t> indices(size);
  for (std::size_t i = 0; i < size; ++i) indices[i] = static_cast<std::int32_t>(i);
  return scale(h5::write_int32s(file, name, indices), name, description);
}

void attach(hid_t dataset, hid_t dimension, unsigned index, const std::string& name) {
  h5::check_status(H5DSattach_scale(dataset, dimension, index), "attaching a scale to " + name);
}

void vector_variable(hid_t file, const std::string& name, const std::vector<double>& values,
                     hid_t dimension, const std::string& units, const std::string& description) {
  h5::Handle dataset = h5::write_doubles(file, name, values);
  attach(dataset.get(), dimension, 0, name);
  describe(dataset.get(), units, description);
}

void string_variable(hid_t file, const std::string& name, const std::vector<std::string>& values,
                     hid_t dimension, const std::string& description) {
  h5::Handle dataset = h5::write_strings(file, name, values);
  attach(dataset.get(), dimension, 0, name);
  describe(dataset.get(), "", description);
}

void trace_values(hid_t file, const CalibrationTables& t, hid_t evaluation, hid_t parameter) {
  std::vector<double> flat;
  for (const auto& row : t.trace_values) flat.insert(flat.end(), row.begin(), row.end());
  h5::Handle dataset = h5::create_plain(file, "trace_values", H5T_IEEE_F64LE,
                                        {t.trace_values.size(), t.keys.size()});
  if (!flat.empty()) h5::write_all(dataset.get(), "trace_values", H5T_NATIVE_DOUBLE, flat.data());
  attach(dataset.get(), evaluation, 0, "trace_values");
  attach(dataset.get(), parameter, 1, "trace_values");
  describe(dataset.get(), "", "fitted keys' values at each evaluation, in order");
}

void write_parameters(hid_t file, const CalibrationTables& t, hid_t parameter) {
  vector_variable(file, "lower", t.lower, parameter, "", "lower bound of the fitted value");
  vector_variable(file, "upper", t.upper, parameter, "", "upper bound of the fitted value");
  vector_variable(file, "start", t.start, parameter, "", "starting value");
  vector_variable(file, "fitted", t.fitted, parameter, "", "fitted value (lowest loss)");
  string_variable(file, "parameter_units", t.units, parameter, "unit of the scenario key");
}

void write_series(hid_t file, const CalibrationTables& t, hid_t series) {
  vector_variable(file, "rms_log_error", t.rms_log_error, series, "1",
                  "root mean squared log(model / observed) over the series' points");
  h5::Handle points = h5::write_int32s(file, "points", t.points);
  attach(points.get(), series, 0, "points");
  describe(points.get(), "1", "observed points in the series");
}

void write_observations(hid_t file, const CalibrationTables& t, hid_t obs) {
  string_variable(file, "observation_series", t.observation_series, obs, "series of the point");
  vector_variable(file, "observation_date", t.observation_days, obs, "days since 1970-01-01",
                  "date of the observation");
  vector_variable(file, "observed", t.observed, obs, kPer1000, "observed registered members");
  vector_variable(file, "model", t.model, obs, kPer1000,
                  "model registered members, mean over replications, at the observed date");
  vector_variable(file, "observed_members", t.observed_members, obs, "1",
                  "observed registered members, in the series' geography");
  string_variable(file, "observation_source", t.observation_source, obs, "source of the figure");
}

void write_tables(hid_t file, const CalibrationTables& t) {
  const h5::Handle parameter =
      scale(h5::write_strings(file, "parameter", t.keys), "parameter", "fitted scenario key");
  const h5::Handle evaluation =
      index_scale(file, "evaluation", t.trace_loss.size(), "evaluation of the loss, in order");
  const h5::Handle series =
      scale(h5::write_strings(file, "series", t.series), "series", "observed series");
  const h5::Handle obs = index_scale(file, "observation", t.observed.size(), "observed point");
  write_parameters(file, t, parameter.get());
  trace_values(file, t, evaluation.get(), parameter.get());
  vector_variable(file, "trace_loss", t.trace_loss, evaluation.get(), "1",
                  "loss at each evaluation: mean squared log error");
  write_series(file, t, series.get());
  write_observations(file, t, obs.get());
}

void write_attributes(hid_t file, const CalibrationTables& t, const run::Provenance& p) {
  h5::write_attribute(file, "title", "netadopt calibration");
  h5::write_attribute(file, "Conventions", "CF-1.8");
  h5::write_attribute(file, "loss", t.loss);
  h5::write_attribute(file, "loss_definition",
                      "mean over observed points of (log model - log "
                      "observed)^2, members per 1000 workers, model floored");
  h5::write_attribute(file, "optimizer", t.optimizer);
  h5::write_attribute(file, "stop_reason", t.stop_reason);
  h5::write_attribute(file, "calibration_file", t.calibration_file);
  h5::write_attribute(file, "calibration", t.calibration_text);
  h5::write_attribute(file, "seed", p.seed);
  h5::write_attribute(file, "netadopt_version", p.version);
  h5::write_attribute(file, "compiler", p.compiler);
  h5::write_attribute(file, "command_line", p.command_line);
  h5::write_attribute(file, "started_at", p.started_at);
  h5::write_attribute(file, "wall_seconds", p.wall_seconds);
  h5::write_attribute(file, "threads", p.threads);
}

}  // namespace

void write_calibration_hdf5(const fs::path& out, const CalibrationTables& tables,
                            const run::Provenance& provenance, bool force) {
  refuse_existing_output(out, force);
  write_file_atomically(out, [&](hid_t file) {
    write_tables(file, tables);
    write_attributes(file, tables, provenance);
  });
}

}  // namespace netadopt::io
