// The keys of a calibration file, declared once like a scenario's: type, default, range and
// help drive parsing, validation and `netadopt calibrate --keys`. Cross-checks tie the
// numbered sections together: a series names a declared scenario, a fitted key is a real key
// of the scenario schema with bounds inside its allowed range.
#include <algorithm>
#include <set>

#include "netadopt/calibration/calibration_spec.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::run {

namespace {
using scenario::KeySpec;
using scenario::KeyType;
using scenario::Range;
using Check = std::optional<std::string>;
constexpr const char* kUnused = "none";

std::string numbered(const char* section, int n, const char* key) {
  return std::string(section) + std::to_string(n) + "." + key;
}

void declare_settings(scenario::Schema& schema) {
  schema.add(scenario::path_key({"calibration.data",
                                 KeyType::Text,
                                 "data/membership.csv",
                                 "",
                                 {},
                                 {},
                                 "Observed membership, a CSV like scenarios/data/membership.csv, "
                                 "relative to the calibration file's folder.",
                                 "",
                                 ""}));
  schema.add({"calibration.optimizer",
              KeyType::Choice,
              "LN_SBPLX",
              "",
              {},
              {"LN_NELDERMEAD", "LN_SBPLX", "LN_BOBYQA"},
              "NLopt's derivative-free, bound-constrained local optimizer: Nelder-Mead simplex, "
              "Subplex (Nelder-Mead on subspaces, robust on rough losses) or BOBYQA (quadratic "
              "models; fewest evaluations on smooth losses).",
              "",
              ""});
  schema.add({"calibration.max_evaluations",
              KeyType::Integer,
              "30",
              "",
              {1, 100000},
              {},
              "Most evaluations of the loss; each runs every scenario once.",
              "",
              ""});
  schema.add({"calibration.relative_tolerance",
              KeyType::Real,
              "0.001",
              "",
              {0, 1},
              {},
              "Stop when a step changes every fitted value by less than this fraction.",
              "",
              ""});
}

void declare_run_settings(scenario::Schema& schema) {
  schema.add({"calibration.population_size",
              KeyType::Integer,
              "20000",
              "agents",
              {100, 2e9},
              {},
              "population.size of every scenario during the calibration.",
              "",
              ""});
  schema.add({"calibration.replications",
              KeyType::Integer,
              "4",
              "",
              {1, 100000},
              {},
              "run.replications of every scenario during the calibration.",
              "",
              ""});
  schema.add({"calibration.seed",
              KeyType::Integer,
              "1",
              "",
              {0, 9007199254740991.0},
              {},
              "run.seed of every scenario: the same seed and replications at every evaluation "
              "(common random numbers) make the loss a deterministic function of the fitted "
              "values.",
              "",
              ""});
  schema.add({"calibration.end",
              KeyType::Date,
              "2010-06-01",
              "",
              scenario::kDateRange,
              {},
              "run.end of every scenario, so that the runs cover the observed dates; later "
              "observations are left out.",
              "",
              ""});
  schema.add({"calibration.floor_per_1000",
              KeyType::Real,
              "0.01",
              "members per 1000 workers",
              {0, 1000, true, false},
              {},
              "A model value below this (none of the agents registered yet) counts as this, so "
              "that its logarithm is finite.",
              "",
              ""});
}

void declare_scenario_slot(scenario::Schema& schema, int n) {
  schema.add({numbered("scenario", n, "name"),
              KeyType::Text,
              kUnused,
              "",
              {},
              {},
              "Name of a scenario that series refer to; 'none': this section is unused.",
              "",
              ""});
  schema.add(scenario::path_key({numbered("scenario", n, "file"),
                                 KeyType::Text,
                                 kUnused,
                                 "",
                                 {},
                                 {},
                                 "Scenario file, relative to the calibration file's folder.",
                                 "",
                                 ""}));
}

void declare_series_names(scenario::Schema& schema, int n) {
  schema.add({numbered("series", n, "name"),
              KeyType::Text,
              kUnused,
              "",
              {},
              {},
              "Name of an observed series; 'none': this section is unused.",
              "",
              ""});
  schema.add({numbered("series", n, "scenario"),
              KeyType::Text,
              kUnused,
              "",
              {},
              {},
              "The scenario (a scenarioN.name) whose run is compared to the series.",
              "",
              ""});
  schema.add({numbered("series", n, "model_platform"),
              KeyType::Text,
              "all",
              "",
              {},
              {},
              "The scenario's platform (a platformN.name, any case), or 'all' for members of "
              "any platform (members_any).",
              "",
              ""});
}

void declare_series_data(scenario::Schema& schema, int n) {
  schema.add({numbered("series", n, "data_platform"),
              KeyType::Text,
              "linkedin",
              "",
              {},
              {},
              "The data file's platform column (any case).",
              "",
              ""});
  schema.add({numbered("series", n, "data_geography"),
              KeyType::Text,
              "world",
              "",
              {},
              {},
              "The data file's geography column.",
              "",
              ""});
  schema.add({numbered("series", n, "world_to_us"),
              KeyType::Integer,
              "0",
              "",
              {0, 1},
              {},
              "1: multiply the figures by LinkedIn's US share, interpolated linearly in time "
              "from 0.65 on 2004-08-31 to 32.99/66.27 on 2010-05-05 (the data's notes).",
              "",
              ""});
  schema.add({numbered("series", n, "workforce"),
              KeyType::Real,
              "0",
              "persons",
              {0, 1e10},
              {},
              "Employed persons of the country: observed members per 1,000 workers = members / "
              "workforce x 1000. Required for a used series.",
              "US 142.5M (BLS CPS 2012), France 25.8M (INSEE 2011): shared/data/culture.csv",
              ""});
  schema.add({numbered("series", n, "from"),
              KeyType::Date,
              "1900-01-01",
              "",
              scenario::kDateRange,
              {},
              "Observations before this date are left out (say why in a comment).",
              "",
              ""});
}

void declare_fit_slot(scenario::Schema& schema, int n) {
  schema.add({numbered("fit", n, "key"),
              KeyType::Text,
              kUnused,
              "",
              {},
              {},
              "A real scenario key fitted jointly in every scenario (a --set on each); "
              "'none': this section is unused.",
              "",
              ""});
  schema.add({numbered("fit", n, "min"),
              KeyType::Real,
              "0",
              "",
              {},
              {},
              "Lower bound of the fitted value.",
              "",
              ""});
  schema.add({numbered("fit", n, "max"),
              KeyType::Real,
              "1",
              "",
              {},
              {},
              "Upper bound of the fitted value.",
              "",
              ""});
  schema.add({numbered("fit", n, "start"),
              KeyType::Real,
              "0.5",
              "",
              {},
              {},
              "Starting value, within [min, max].",
              "",
              ""});
}

// ---- cross-checks -------------------------------------------------------------------------------

bool used(const scenario::Scenario& s, const std::string& name_key) {
  return s.text(name_key) != kUnused;
}

std::vector<std::string> scenario_names(const scenario::Scenario& s) {
  std::vector<std::string> names;
  for (int n = 1; n <= kMaxCalibrationScenarios; ++n)
    if (used(s, numbered("scenario", n, "name")))
      names.push_back(s.text(numbered("scenario", n, "name")));
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text.empty() ? "(none)" : text;
}

void check_series_scenario(scenario::Schema& schema, int n) {
  std::vector<std::string> keys;
  for (int k = 1; k <= kMaxCalibrationScenarios; ++k)
    keys.push_back(numbered("scenario", k, "name"));
  keys.push_back(numbered("series", n, "name"));
  keys.push_back(numbered("series", n, "scenario"));
  schema.add_check({keys, [n](const scenario::Scenario& s) -> Check {
                      if (!used(s, numbered("series", n, "name"))) return std::nullopt;
                      const auto names = scenario_names(s);
                      const auto& wanted = s.text(numbered("series", n, "scenario"));
                      if (std::find(names.begin(), names.end(), wanted) != names.end())
                        return std::nullopt;
                      return "expected the name of a scenario (" + joined(names) + "), found '" +
                             wanted + "'";
                    }});
}

void check_series_workforce(scenario::Schema& schema, int n) {
  schema.add_check({{numbered("series", n, "name"), numbered("series", n, "workforce")},
                    [n](const scenario::Scenario& s) -> Check {
                      if (!used(s, numbered("series", n, "name"))) return std::nullopt;
                      if (s.real(numbered("series", n, "workforce")) > 0) return std::nullopt;
                      return std::string(
                          "a used series needs the employed workforce of its "
                          "country (persons, > 0), found 0");
                    }});
}

void check_scenario_file(scenario::Schema& schema, int n) {
  schema.add_check({{numbered("scenario", n, "name"), numbered("scenario", n, "file")},
                    [n](const scenario::Scenario& s) -> Check {
                      if (!used(s, numbered("scenario", n, "name"))) return std::nullopt;
                      if (s.text(numbered("scenario", n, "file")) != kUnused) return std::nullopt;
                      return std::string("a used scenario needs its file");
                    }});
}

Check fitted_key_problem(const std::string& key) {
  const KeySpec* spec = run::full_schema().find(key);
  if (spec == nullptr) return "expected a scenario key (netadopt describe), found '" + key + "'";
  if (spec->type != KeyType::Real)
    return "expected a real-valued scenario key, found '" + key + "' (not real-valued)";
  return std::nullopt;
}

bool inside(double value, const Range& range) {
  return (range.min_open ? value > range.min : value >= range.min) &&
         (range.max_open ? value < range.max : value <= range.max);
}

Check bounds_problem(const std::string& key, double lower, double start, double upper) {
  if (!(lower < upper)) return std::string("expected min < max");
  if (start < lower || start > upper) return std::string("expected min <= start <= max");
  const KeySpec& spec = *run::full_schema().find(key);
  if (inside(lower, spec.range) && inside(upper, spec.range)) return std::nullopt;
  return "expected bounds within " + key + "'s allowed range " + spec.allowed();
}

void check_fit(scenario::Schema& schema, int n) {
  const auto key = numbered("fit", n, "key"), lower = numbered("fit", n, "min"),
             upper = numbered("fit", n, "max"), start = numbered("fit", n, "start");
  schema.add_check({{key}, [key](const scenario::Scenario& s) -> Check {
                      return used(s, key) ? fitted_key_problem(s.text(key)) : std::nullopt;
                    }});
  schema.add_check({{key, lower, start, upper}, [=](const scenario::Scenario& s) -> Check {
                      if (!used(s, key) || fitted_key_problem(s.text(key))) return std::nullopt;
                      return bounds_problem(s.text(key), s.real(lower), s.real(start),
                                            s.real(upper));
                    }});
}

scenario::Schema build_schema() {
  scenario::Schema schema;
  declare_settings(schema);
  declare_run_settings(schema);
  for (int n = 1; n <= kMaxCalibrationScenarios; ++n) declare_scenario_slot(schema, n);
  for (int n = 1; n <= kMaxCalibrationSeries; ++n) {
    declare_series_names(schema, n);
    declare_series_data(schema, n);
  }
  for (int n = 1; n <= kMaxFittedKeys; ++n) declare_fit_slot(schema, n);
  for (int n = 1; n <= kMaxCalibrationScenarios; ++n) check_scenario_file(schema, n);
  for (int n = 1; n <= kMaxCalibrationSeries; ++n) check_series_scenario(schema, n);
  for (int n = 1; n <= kMaxCalibrationSeries; ++n) check_series_workforce(schema, n);
  for (int n = 1; n <= kMaxFittedKeys; ++n) check_fit(schema, n);
  return schema;
}
}  // namespace

const scenario::Schema& calibration_schema() {
  static const scenario::Schema schema = build_schema();
  return schema;
}

}  // namespace netadopt::run
