#pragma once
// A sweep file, parsed and checked: a base scenario, axes over scenario keys, a design (full
// grid, Latin hypercube or Saltelli's Sobol' design), replications per point and a seed.
//
//   [sweep]
//   base = bass.ini            # relative to the sweep file
//   design = grid              # grid | lhs | sobol
//   points = 64                # lhs: points; sobol: base samples N (N x (axes + 2) points)
//   replications = 4
//   seed = 1
//   [axis.p]
//   key = bass.p
//   values = 0.01, 0.02        # or: from = 0.01, to = 0.1, steps = 5 (grid), scale = log
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

enum class Design { Grid, Lhs, Sobol };

// The most points a design may have (the grid's product of its axes' values, lhs's points,
// sobol's N x (axes + 2)); more is refused as a problem of the sweep file.
constexpr std::int64_t kMaxPoints = 10'000'000;
enum class Scale { Linear, Log };

struct Axis {
  std::string name;            // NAME of [axis.NAME]
  std::string key;             // the scenario key it sets, "bass.p"
  std::vector<double> values;  // an explicit list (grid only); else from, to (and steps)
  double from = 0.0;
  double to = 0.0;
  std::int64_t steps = 0;      // grid ranges only
  Scale scale = Scale::Linear;
  bool integer = false;        // the key is an integer: values are rounded
};

struct SweepSpec {
  std::string file;       // the sweep file as named
  std::string text;       // its text, stored in the output
  std::string base_file;  // the base scenario, resolved against the sweep file's folder
  std::string base_text;  // its text, stored in the output
  Design design = Design::Grid;
  std::int64_t points = 0;  // lhs and sobol: as given; grid: 0 (the product of the axes)
  std::int64_t replications = 1;
  std::uint64_t seed = 1;
  std::vector<Axis> axes;
  std::vector<scenario::Date> dates;  // summary dates; default: run.end of the base
};

// Reads the text of the base scenario named by the sweep; throws ScenarioError if unreadable.
using BaseReader = std::function<std::string(const std::filesystem::path& base)>;

SweepSpec load_sweep(const std::filesystem::path& file);  // throws scenario::ScenarioError
SweepSpec parse_sweep(const std::string& text, const std::string& name, const BaseReader& read);

// Identifies a sweep: FNV-1a of the sweep text and the base scenario text (the seed is in the
// sweep text). Shards and journals of different sweeps never mix.
std::uint64_t sweep_hash(const SweepSpec& spec);
std::string hash_text(std::uint64_t hash);  // 16 hex digits

const char* design_name(Design design);

}  // namespace netadopt::sweep
