#pragma once
// A calibration file (scenarios/calibration.ini): which scenarios run, which observed series
// each is compared to, which keys are fitted within which bounds, and how. It is an INI file
// read by the scenario module's loader against its own schema (`netadopt calibrate --keys`),
// so unknown keys, bad values and out-of-range bounds are refused like a scenario's, naming
// the file, the line, the key and the allowed range. Scenarios, series and fitted keys sit in
// numbered sections ([scenario1], [series1], [fit1], ...); a section left at its default name
// `none` is unused. Paths are relative to the calibration file's folder.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/schema.hpp"

namespace netadopt::run {

inline constexpr int kMaxCalibrationScenarios = 4;
inline constexpr int kMaxCalibrationSeries = 8;
inline constexpr int kMaxFittedKeys = 4;

struct CalibrationScenario {
  std::string name;            // "france"
  std::filesystem::path file;  // resolved against the calibration file's folder
};

// One observed series and the model quantity it is compared to, in members per 1,000 workers.
struct SeriesSpec {
  std::string name;            // "us_linkedin"
  std::string scenario;        // a CalibrationScenario's name
  std::string model_platform;  // the scenario's platformN.name, or "all" (members_any)
  std::string data_platform;   // membership.csv's platform, matched case-insensitively
  std::string data_geography;  // membership.csv's geography
  bool world_to_us = false;    // scale worldwide figures by linkedin_us_share(date)
  double workforce = 0.0;      // employed persons of the country
  scenario::Date from;         // observations before this date are left out
  std::string section;         // "series1", for messages
};

struct FittedKey {
  std::string key;  // a real key of the scenario schema, e.g. "adoption.threshold_base"
  double lower = 0.0;
  double upper = 0.0;
  double start = 0.0;
  std::string section;  // "fit1", for messages
};

struct CalibrationSpec {
  std::filesystem::path file;
  std::filesystem::path data;
  std::string optimizer;  // "LN_NELDERMEAD", "LN_SBPLX" or "LN_BOBYQA"
  int max_evaluations = 0;
  double relative_tolerance = 0.0;
  std::int64_t population_size = 0;
  std::int64_t replications = 0;
  std::int64_t seed = 0;
  scenario::Date end;
  double floor_per_1000 = 0.0;
  std::vector<CalibrationScenario> scenarios;
  std::vector<SeriesSpec> series;
  std::vector<FittedKey> keys;

  // The --set overrides every evaluation applies to every scenario, fitted keys aside.
  std::vector<std::string> common_overrides() const;
};

const scenario::Schema& calibration_schema();  // built once, immutable

// Reads and checks FILE; throws scenario::ScenarioError (missing_file() when unreadable).
CalibrationSpec load_calibration(const std::filesystem::path& file);

}  // namespace netadopt::run
