#include "netadopt/sweep/plan.hpp"

#include "netadopt/core/random.hpp"
#include "netadopt/models/catalog.hpp"
#include "netadopt/run/replication.hpp"
#include "value_lists.hpp"

namespace netadopt::sweep {

namespace {
constexpr std::uint64_t kSeedMask = (std::uint64_t{1} << 53) - 1;

scenario::Scenario base_scenario(const SweepSpec& spec) {
  return scenario::parse_scenario(models::full_schema(), spec.base_text, spec.base_file);
}

void set_base_layout(SweepPlan& plan) {
  const scenario::Scenario base = base_scenario(plan.spec);
  plan.start = base.date("run.start");
  const core::RunWindow window = run::run_window(base);
  for (std::size_t k = 0; k < window.report_count(); ++k) plan.times.push_back(window.report_time(k));
  plan.outputs = run::output_specs(base);
}

void build_point(SweepPlan& plan, std::size_t point) {
  try {
    plan.scenarios[point] = scenario::parse_scenario(models::full_schema(), plan.spec.base_text,
                                                     plan.spec.base_file, point_overrides(plan, point));
  } catch (const scenario::ScenarioError& error) {
    plan.errors[point] = error.what();
  }
}
}  // namespace

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
  std::vector<std::string> overrides;
  for (std::size_t a = 0; a < plan.spec.axes.size(); ++a) {
    const auto& axis = plan.spec.axes[a];
    overrides.push_back(axis.key + "=" + detail::number_text(plan.design.value(point, a), axis.integer));
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
  for (std::size_t p = 0; p < plan.points(); ++p) plan.seeds.push_back(point_seed(plan.spec.seed, p));
  plan.scenarios.resize(plan.points());
  plan.errors.resize(plan.points());
  for (std::size_t p = 0; p < plan.points(); ++p) build_point(plan, p);
  return plan;
}

}  // namespace netadopt::sweep
