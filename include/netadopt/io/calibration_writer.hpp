#pragma once
// The calibration's HDF5 summary, readable as netCDF-4 (xarray, engine="h5netcdf"):
//   /parameter   (parameter) the fitted keys; lower, upper, start, fitted: (parameter)
//   /evaluation  (evaluation) index; trace_values (evaluation, parameter), trace_loss (evaluation)
//   /series      (series) names; rms_log_error (series), points (series)
//   /observation (observation) index; observation_series, observation_date ("days since
//                1970-01-01"), observed and model (members per 1000 workers),
//                observed_members (persons), observation_source
//   root attributes: loss, optimizer, stop_reason, calibration_file and its text, provenance;
//   complete = 1 written last. Written under a temporary name and renamed, as write_hdf5.
// It takes plain tables, not the calibration's types, so io stays below the calibration.
#include <filesystem>
#include <string>
#include <vector>

#include "netadopt/run/result.hpp"

namespace netadopt::io {

struct CalibrationTables {
  std::vector<std::string> keys, units;
  std::vector<double> lower, upper, start, fitted;
  std::vector<std::vector<double>> trace_values;  // [evaluation][parameter]
  std::vector<double> trace_loss;
  std::vector<std::string> series;
  std::vector<double> rms_log_error;
  std::vector<std::int32_t> points;  // observations per series
  std::vector<std::string> observation_series, observation_source;
  std::vector<double> observation_days;  // since 1970-01-01
  std::vector<double> observed, model, observed_members;
  double loss = 0.0;
  std::string optimizer, stop_reason, calibration_file, calibration_text;
};

// Throws OutputError (hdf5_writer.hpp), leaving no partial file.
void write_calibration_hdf5(const std::filesystem::path& out, const CalibrationTables& tables,
                            const run::Provenance& provenance, bool force);

}  // namespace netadopt::io
