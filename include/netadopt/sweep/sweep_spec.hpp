#pragma once
// A sweep file, parsed and checked: a base scenario with fixed overrides, axes over scenario
// keys, a design (full grid, Latin hypercube, Saltelli's Sobol' design, or an explicit list of
// points), replications per point and a seed.
//
//   [sweep]
//   base = bass.ini            # relative to the sweep file
//   design = grid              # grid | lhs | sobol | list
//   points = 64                # lhs: points; sobol: base samples N (N x (axes + 2) points)
//   replications = 4
//   seed = 1
//   [base]                     # optional: scenario keys set for every point, as with --set
//   population.size = 10000    # (`netadopt sweep --set KEY=VALUE` adds to and wins over these)
//   [axis.p]
//   key = bass.p
//   values = 0.01, 0.02        # or: from = 0.01, to = 0.1, steps = 5 (grid), scale = log;
//                              # list: values only, the same number on every axis
//   [output]
//   dates = 2005-08-15, 2010-01-01
//
// Every problem (syntax, unknown key, value out of range, an axis over a key that is not a
// scenario key) is collected and thrown at once as a scenario::ScenarioError, each naming the
// file, line, key and what is allowed.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/loader.hpp"

namespace netadopt::sweep {

enum class Design { Grid, Lhs, Sobol, List };

// The most points a design may have (the grid's product of its axes' values, lhs's points,
// sobol's N x (axes + 2), a list's values per axis); more is refused as a problem of the sweep
// file.
constexpr std::int64_t kMaxPoints = 10'000'000;
enum class Scale { Linear, Log };

struct Axis {
  std::string name;            // NAME of [axis.NAME]
  std::string key;             // the scenario key it sets, "bass.p"
  std::vector<double> values;  // an explicit list (grid and list); else from, to (and steps)
  double from = 0.0;
  double to = 0.0;
  std::int64_t steps = 0;  // grid ranges only
  Scale scale = Scale::Linear;
  bool integer = false;  // the key is an integer: values are rounded
};

struct SweepSpec {
  std::string file;       // the sweep file as named
  std::string text;       // its text, stored in the output
  std::string base_file;  // the base scenario, resolved against the sweep file's folder
  std::string base_text;  // its text, stored in the output
  // "section.key=value" overrides of the base scenario applied to every point before its axes'
  // values: the [base] entries in file order (those are in `text`), then set_overrides.
  std::vector<std::string> base_overrides;
  // `netadopt sweep --set section.key=value`, as given: checked as [base] entries are, and
  // winning over a [base] entry of the same key. Part of the sweep's hash, stored in the output
  // (attribute set_overrides) and reapplied when the plan is rebuilt from it (merge, analyze).
  std::vector<std::string> set_overrides;
  Design design = Design::Grid;
  std::int64_t points = 0;  // lhs and sobol: as given; grid and list: 0 (given by the axes)
  std::int64_t replications = 1;
  std::uint64_t seed = 1;
  std::vector<Axis> axes;
  std::vector<scenario::Date> dates;  // summary dates; default: run.end of the base
};

// Reads the text of the base scenario named by the sweep; throws ScenarioError if unreadable.
using BaseReader = std::function<std::string(const std::filesystem::path& base)>;

// `sets`: the command line's --set overrides; a problem with one names "--set" (as `netadopt run
// --set` does), a problem in the file names the file and line.
SweepSpec load_sweep(const std::filesystem::path& file,
                     const std::vector<std::string>& sets = {});  // throws scenario::ScenarioError
SweepSpec parse_sweep(const std::string& text, const std::string& name, const BaseReader& read,
                      const std::vector<std::string>& sets = {});

// The base scenario with the [base] overrides, then `more` (e.g. a point's axis values).
// Throws scenario::ScenarioError.
scenario::Scenario base_scenario(const SweepSpec& spec, const std::vector<std::string>& more = {});

// Identifies a sweep: FNV-1a of the sweep text, the base scenario text and the --set overrides
// (the seed and the [base] overrides are in the sweep text; a sweep without --set has the hash
// it had before --set existed). Shards and journals of different sweeps never mix.
std::uint64_t sweep_hash(const SweepSpec& spec);
std::string hash_text(std::uint64_t hash);  // 16 hex digits

const char* design_name(Design design);

}  // namespace netadopt::sweep
