// From the validated calibration file to a CalibrationSpec: unused numbered sections dropped,
// paths resolved against the file's folder, and the checks that span sections (at least one
// series and one fitted key, no name or key given twice).
#include "netadopt/calibration/calibration_spec.hpp"

#include <set>

#include "netadopt/scenario/loader.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::run {

namespace {
constexpr const char* kUnused = "none";

std::string key_of(const std::string& section, const char* key) { return section + "." + key; }

std::string section_name(const char* kind, int n) { return kind + std::to_string(n); }

std::vector<CalibrationScenario> scenarios_of(const scenario::Scenario& s,
                                              const std::filesystem::path& folder) {
  std::vector<CalibrationScenario> scenarios;
  for (int n = 1; n <= kMaxCalibrationScenarios; ++n) {
    const auto section = section_name("scenario", n);
    if (s.text(key_of(section, "name")) == kUnused) continue;
    scenarios.push_back(
        {s.text(key_of(section, "name")), folder / s.text(key_of(section, "file"))});
  }
  return scenarios;
}

SeriesSpec series_at(const scenario::Scenario& s, const std::string& section) {
  return {s.text(key_of(section, "name")),
          s.text(key_of(section, "scenario")),
          s.text(key_of(section, "model_platform")),
          s.text(key_of(section, "data_platform")),
          s.text(key_of(section, "data_geography")),
          s.integer(key_of(section, "world_to_us")) == 1,
          s.real(key_of(section, "workforce")),
          s.date(key_of(section, "from")),
          section};
}

std::vector<SeriesSpec> series_of(const scenario::Scenario& s) {
  std::vector<SeriesSpec> series;
  for (int n = 1; n <= kMaxCalibrationSeries; ++n)
    if (s.text(key_of(section_name("series", n), "name")) != kUnused)
      series.push_back(series_at(s, section_name("series", n)));
  return series;
}

std::vector<FittedKey> keys_of(const scenario::Scenario& s) {
  std::vector<FittedKey> keys;
  for (int n = 1; n <= kMaxFittedKeys; ++n) {
    const auto section = section_name("fit", n);
    if (s.text(key_of(section, "key")) == kUnused) continue;
    keys.push_back({s.text(key_of(section, "key")), s.real(key_of(section, "min")),
                    s.real(key_of(section, "max")), s.real(key_of(section, "start")), section});
  }
  return keys;
}

template <typename Item, typename Name>
void refuse_repeats(const std::vector<Item>& items, Name name, const std::string& what,
                    const std::string& file, std::vector<scenario::Problem>& problems) {
  std::set<std::string> seen;
  for (const auto& item : items)
    if (!seen.insert(name(item)).second)
      problems.push_back({file, 0, "", what + " '" + name(item) + "' given twice"});
}

void check_whole(const CalibrationSpec& spec) {
  const std::string file = spec.file.string();
  std::vector<scenario::Problem> problems;
  if (spec.series.empty())
    problems.push_back({file, 0, "series1.name", "expected at least one series, found none"});
  if (spec.keys.empty())
    problems.push_back({file, 0, "fit1.key", "expected at least one fitted key, found none"});
  refuse_repeats(
      spec.scenarios, [](const auto& x) { return x.name; }, "scenario name", file, problems);
  refuse_repeats(
      spec.series, [](const auto& x) { return x.name; }, "series name", file, problems);
  refuse_repeats(
      spec.keys, [](const auto& x) { return x.key; }, "fitted key", file, problems);
  if (!problems.empty()) throw scenario::ScenarioError(std::move(problems), false);
}

CalibrationSpec spec_of(const scenario::Scenario& s, const std::filesystem::path& file) {
  const auto folder = file.parent_path();
  CalibrationSpec spec;
  spec.file = file;
  spec.data = folder / s.text("calibration.data");
  spec.optimizer = s.choice("calibration.optimizer");
  spec.max_evaluations = static_cast<int>(s.integer("calibration.max_evaluations"));
  spec.relative_tolerance = s.real("calibration.relative_tolerance");
  spec.population_size = s.integer("calibration.population_size");
  spec.replications = s.integer("calibration.replications");
  spec.seed = s.integer("calibration.seed");
  spec.end = s.date("calibration.end");
  spec.floor_per_1000 = s.real("calibration.floor_per_1000");
  spec.scenarios = scenarios_of(s, folder);
  spec.series = series_of(s);
  spec.keys = keys_of(s);
  return spec;
}
}  // namespace

std::vector<std::string> CalibrationSpec::common_overrides() const {
  return {"population.size=" + std::to_string(population_size),
          "run.replications=" + std::to_string(replications), "run.seed=" + std::to_string(seed),
          "run.end=" + scenario::format_date(end)};
}

CalibrationSpec load_calibration(const std::filesystem::path& file) {
  const auto loaded = scenario::load_scenario(calibration_schema(), file);
  CalibrationSpec spec = spec_of(loaded, file);
  check_whole(spec);
  return spec;
}

}  // namespace netadopt::run
