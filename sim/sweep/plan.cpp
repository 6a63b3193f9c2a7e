#include "netadopt/sweep/plan.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/core/random.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/replication.hpp"
#include "netadopt/run/resources.hpp"
#include "value_lists.hpp"

namespace netadopt::sweep {

namespace {
constexpr std::uint64_t kSeedMask = (std::uint64_t{1} << 53) - 1;

void set_base_layout(SweepPlan& plan) {
  const scenario::Scenario base = base_scenario(plan.spec);
  plan.start = base.date("run.start");
  const core::RunWindow window = run::run_window(base);
  for (std::size_t k = 0; k < window.report_count(); ++k)
    plan.times.push_back(window.report_time(k));
  plan.outputs = run::output_specs(base);
}

void build_point(SweepPlan& plan, std::size_t point) {
  try {
    plan.scenarios[point] = scenario::parse_scenario(
        run::full_schema(), plan.spec.base_text, plan.spec.base_file, point_overrides(plan, point));
  } catch (const scenario::ScenarioError& error) {
    plan.errors[point] = error.what();
  }
}

// Memory of a plan's point, measured (peak resident memory, /usr/bin/time) on a 100,000-point
// lhs sweep of a Bass scenario: 22.3 KB per point, almost all of it the point's Scenario, a
// map with a slot for each of the schema's 123 keys: about 184 bytes per key.
constexpr double kBytesPerScenarioKey = 184.0;
// Per pair, whatever it holds: its slot in SweepData (an optional PairOutcome), its journal
// bookkeeping and its place in the list of pairs to run.
constexpr double kBytesPerPair = 160.0;
constexpr double kBaseBytes = 24.0 * (1 << 20);  // as run::estimate_memory's base

double design_points(const SweepSpec& spec) {
  const auto k = static_cast<double>(spec.axes.size());
  if (spec.design == Design::Lhs) return static_cast<double>(spec.points);
  if (spec.design == Design::Sobol) return static_cast<double>(spec.points) * (k + 2);
  if (spec.design == Design::List)
    return spec.axes.empty() ? 0.0 : static_cast<double>(spec.axes.front().values.size());
  double points = 1;
  for (const auto& axis : spec.axes)
    points *= static_cast<double>(axis.values.empty() ? static_cast<std::size_t>(axis.steps)
                                                      : axis.values.size());
  return points;
}

// Model state and output (both copies, as run::estimate_memory counts them) of one replication.
run::MemoryEstimate replication_estimate(const scenario::Scenario& scenario) {
  return run::estimate_memory(scenario, 1);
}
}  // namespace

SweepMemory estimate_sweep_memory(const SweepSpec& spec, int threads, std::size_t shards) {
  SweepMemory memory;
  memory.points = design_points(spec);
  memory.replications = static_cast<double>(spec.replications);
  const double pairs = memory.points * memory.replications;
  const double here = pairs / static_cast<double>(std::max<std::size_t>(shards, 1));
  const auto keys = static_cast<double>(run::full_schema().keys().size());
  memory.plan = memory.points *
                (keys * kBytesPerScenarioKey + 8.0 * static_cast<double>(spec.axes.size() + 1));
  const auto one = replication_estimate(base_scenario(spec, {"run.replications=1"}));
  const double series = static_cast<double>(one.output) / 2.0;  // one copy of a pair's series
  memory.output = here * series + pairs * (series + kBytesPerPair);
  memory.per_replication = static_cast<double>(one.per_replication);
  memory.in_flight = std::min(static_cast<double>(std::max(threads, 1)), std::max(here, 1.0));
  memory.base = kBaseBytes;
  return memory;
}

std::size_t pair_count(const SweepSpec& spec) {
  return static_cast<std::size_t>(design_points(spec)) *
         static_cast<std::size_t>(spec.replications);
}

void add_point_states(SweepMemory& memory, const SweepPlan& plan) {
  for (const auto& scenario : plan.scenarios)
    if (scenario)
      memory.per_replication =
          std::max(memory.per_replication,
                   static_cast<double>(replication_estimate(*scenario).per_replication));
}

std::optional<std::string> sweep_memory_refusal(const SweepMemory& memory, double available_bytes,
                                                const std::string& source) {
  if (memory.total() <= available_bytes) return std::nullopt;
  const auto count = [](double n) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", n);
    return std::string(text);
  };
  std::ostringstream message;
  message << "this sweep needs about " << run::human_bytes(memory.total()) << " of memory ("
          << count(memory.points) << " points x " << count(memory.replications)
          << (memory.replications == 1 ? " replication: " : " replications: ")
          << run::human_bytes(memory.plan) << " of point scenarios, "
          << run::human_bytes(memory.output) << " of output, " << count(memory.in_flight)
          << (memory.in_flight == 1 ? " replication" : " replications") << " in flight x "
          << run::human_bytes(memory.per_replication) << " of model state), but "
          << run::human_bytes(available_bytes) << " is available (" << source << "). The points "
          << "grow with the axes' values and steps (grid, list) or sweep.points (lhs, sobol), the "
          << "output with sweep.replications and the base scenario's reporting times (run.start, "
          << "run.end, output.interval_days), the model state with population.size (swept or "
          << "in the base scenario), and the replications in flight with --threads. Lower them, "
          << "or pass --no-memory-check to run anyway.";
  return message.str();
}

std::uint64_t point_seed(std::uint64_t sweep_seed, std::size_t point) {
  std::uint64_t state = sweep_seed;
  state = core::splitmix64(state) ^ static_cast<std::uint64_t>(point);
  return core::splitmix64(state) & kSeedMask;
}

std::vector<std::string> SweepPlan::keys() const {
  std::vector<std::string> names;
  for (const auto& axis : spec.axes) names.push_back(axis.key);
  return names;
}

std::vector<std::string> point_overrides(const SweepPlan& plan, std::size_t point) {
  std::vector<std::string> overrides = plan.spec.base_overrides;  // [base] first, then the axes
  for (std::size_t a = 0; a < plan.spec.axes.size(); ++a) {
    const auto& axis = plan.spec.axes[a];
    overrides.push_back(axis.key + "=" +
                        detail::number_text(plan.design.value(point, a), axis.integer));
  }
  overrides.push_back("run.seed=" + std::to_string(plan.seeds[point]));
  overrides.push_back("run.replications=" + std::to_string(plan.replications));
  return overrides;
}

SweepPlan make_plan(SweepSpec spec) {
  SweepPlan plan;
  plan.design = make_design(spec);
  plan.hash = sweep_hash(spec);
  plan.replications = static_cast<std::size_t>(spec.replications);
  plan.spec = std::move(spec);
  set_base_layout(plan);
  for (std::size_t p = 0; p < plan.points(); ++p)
    plan.seeds.push_back(point_seed(plan.spec.seed, p));
  plan.scenarios.resize(plan.points());
  plan.errors.resize(plan.points());
  for (std::size_t p = 0; p < plan.points(); ++p) build_point(plan, p);
  return plan;
}

}  // namespace netadopt::sweep
