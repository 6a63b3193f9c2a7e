#include "sweep_keys.hpp"

#include "netadopt/sweep/sweep_spec.hpp"

namespace netadopt::sweep::detail {

namespace {
using scenario::KeySpec;
using scenario::KeyType;
constexpr double kLargestSeed = 9007199254740991.0;  // 2^53 - 1, as run.seed

SweepKey typed(KeySpec spec) { return {std::move(spec), KeyKind::Typed, ""}; }

SweepKey other(const std::string& name, KeyKind kind, std::string allowed, std::string help) {
  KeySpec spec;
  spec.name = name;
  spec.type = KeyType::Text;
  spec.help = std::move(help);
  return {std::move(spec), kind, std::move(allowed)};
}

std::vector<SweepKey> declare() {
  return {
      other("sweep.base", KeyKind::Path, "a scenario file, relative to the sweep file",
            "The base scenario: every point starts from it and changes only its axes' keys."),
      typed({"sweep.design",
             KeyType::Choice,
             "grid",
             "",
             {},
             {"grid", "lhs", "sobol", "list"},
             "grid: every combination of the axes' values; lhs: a Latin hypercube of "
             "sweep.points points; sobol: Saltelli's design for Sobol' indices; list: the points "
             "given explicitly, point p taking value p of every axis's values (each axis lists "
             "one value per point).",
             "",
             ""}),
      typed({"sweep.points",
             KeyType::Integer,
             "0",
             "points",
             {1, static_cast<double>(kMaxPoints)},
             {},
             "lhs: the number of points; sobol: the base sample N (the design has "
             "N x (axes + 2) points). Not used by grid and list designs.",
             "",
             ""}),
      typed({"sweep.replications",
             KeyType::Integer,
             "1",
             "",
             {1, 100000},
             {},
             "Replications of every point.",
             "",
             ""}),
      typed({"sweep.seed",
             KeyType::Integer,
             "1",
             "",
             {0, kLargestSeed},
             {},
             "Master seed of the sweep; pair (point, replication) draws from streams derived "
             "from (seed, point, replication).",
             "",
             ""}),
      other("axis.*.key", KeyKind::ScenarioKey,
            "an integer or real scenario key, not run.* "
            "or output.*",
            "The scenario key this axis sets."),
      other("axis.*.values", KeyKind::Numbers, "a comma-separated list of numbers",
            "Explicit values (grid and list designs)."),
      typed({"axis.*.from", KeyType::Real, "", "", {}, {}, "Lowest value of a range.", "", ""}),
      typed({"axis.*.to", KeyType::Real, "", "", {}, {}, "Highest value of a range.", "", ""}),
      typed({"axis.*.steps",
             KeyType::Integer,
             "",
             "",
             {2, 1000000},
             {},
             "Values in a grid range, from and to included.",
             "",
             ""}),
      typed({"axis.*.scale",
             KeyType::Choice,
             "linear",
             "",
             {},
             {"linear", "log"},
             "Spacing of a range: linear, or log (from and to > 0).",
             "",
             ""}),
      other("base.*", KeyKind::Override,
            "a scenario key section.key, checked as by netadopt "
            "run --set; not run.seed, run.replications or a swept key",
            "[base]: a fixed override of the base scenario, applied to every point before the "
            "axes' values."),
      other("output.dates", KeyKind::Dates,
            "a comma-separated list of dates YYYY-MM-DD within "
            "the base scenario's run",
            "Dates of the per-point summaries (default: run.end)."),
  };
}
}  // namespace

const std::vector<SweepKey>& sweep_keys() {
  static const std::vector<SweepKey> keys = declare();
  return keys;
}

std::string pattern_of(const std::string& name) {
  if (name.starts_with("base.")) return "base.*";
  if (!name.starts_with("axis.")) return name;
  const auto last = name.rfind('.');
  if (last <= 5) return name;
  return "axis.*" + name.substr(last);
}

const SweepKey* find_sweep_key(const std::string& name) {
  const std::string pattern = pattern_of(name);
  for (const auto& key : sweep_keys())
    if (key.spec.name == pattern) return &key;
  return nullptr;
}

std::string allowed_text(const SweepKey& key) {
  return key.kind == KeyKind::Typed ? key.spec.allowed() : key.allowed;
}

}  // namespace netadopt::sweep::detail
