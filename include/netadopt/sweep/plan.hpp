#pragma once
// A sweep ready to run: its points, each point's scenario (or why it is invalid), and the
// (point, replication) pairs, numbered point * replications + replication.
//
// Seeds: pair (p, r) runs replication r of point p's scenario, whose run.seed is
// point_seed(sweep seed, p) = SplitMix64(SplitMix64(seed) XOR p), cut to 53 bits (run.seed's
// range). Its streams are thus keyed by (sweep seed, point, replication) and nothing else, so
// a pair gives the same numbers whichever machine, shard or thread computes it, and any point
// can be rerun alone with `netadopt run BASE --set KEY=VALUE... --set run.seed=SEED` (KEY=VALUE:
// the sweep's [base] overrides and the point's axis values, as point_overrides gives them).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "netadopt/run/result.hpp"
#include "netadopt/scenario/scenario.hpp"
#include "netadopt/sweep/design.hpp"
#include "netadopt/sweep/sweep_spec.hpp"

namespace netadopt::sweep {

std::uint64_t point_seed(std::uint64_t sweep_seed, std::size_t point);

struct SweepPlan {
  SweepSpec spec;
  DesignPoints design;
  std::uint64_t hash = 0;
  std::size_t replications = 0;
  std::vector<std::uint64_t> seeds;                          // per point
  std::vector<std::optional<scenario::Scenario>> scenarios;  // per point; none when invalid
  std::vector<std::string> errors;         // per point: why its scenario is invalid, else ""
  scenario::Date start;                    // time 0, shared by every point
  std::vector<double> times;               // reporting times, days since start
  std::vector<run::VariableSpec> outputs;  // the base scenario's variables

  std::size_t points() const { return design.points; }
  std::size_t pairs() const { return design.points * replications; }
  std::vector<std::string> keys() const;  // the axes' scenario keys
};

// The (point, replication) pairs of a (valid) sweep, counted without building it: what N shards
// share (a shard I >= pairs has none).
std::size_t pair_count(const SweepSpec& spec);

// Builds every point's scenario; a point whose scenario is refused, or whose outputs differ
// in shape from the base's, gets an error instead.
SweepPlan make_plan(SweepSpec spec);

// The --set overrides that make point p's scenario from the base scenario file: the sweep's
// [base] overrides, then the axes' values, run.seed and run.replications.
std::vector<std::string> point_overrides(const SweepPlan& plan, std::size_t point);

// The resource guard of a sweep (run/resources.hpp's, for a sweep): what it will hold in
// memory at once, estimated without building it, so that a sweep that cannot fit is refused
// up front rather than killed halfway:
//   the plan: a scenario per point (every key of the schema) and its design row;
//   the output: the series of the pairs computed here, and one variable's array over every
//     pair, gathered for writing (counted as run::estimate_memory counts a run's output);
//   in flight: min(threads, pairs computed here) replications, each with the largest model
//     state of any point (run::estimate_memory's per-replication figure).
// Counts are doubles: a design's size need not fit any integer.
struct SweepMemory {
  double points = 0;
  double replications = 0;
  double plan = 0;             // bytes
  double output = 0;           // bytes
  double per_replication = 0;  // bytes of model state
  double in_flight = 0;        // replications held at once
  double base = 0;             // bytes: the program itself
  double total() const { return plan + output + in_flight * per_replication + base; }
};

// Before the plan is built, from the (valid) sweep: the model state is the base scenario's.
// `threads` > 0; `shards` is the number of shards sharing the pairs (1: all of them here).
SweepMemory estimate_sweep_memory(const SweepSpec& spec, int threads, std::size_t shards);

// After it is built: the model state becomes the largest over the points' scenarios.
void add_point_states(SweepMemory& memory, const SweepPlan& plan);

// A refusal message when `memory` exceeds `available_bytes` (described by `source`), else none.
std::optional<std::string> sweep_memory_refusal(const SweepMemory& memory, double available_bytes,
                                                const std::string& source);

}  // namespace netadopt::sweep
