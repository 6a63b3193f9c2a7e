#include "netadopt/run/runner.hpp"

#include <omp.h>

#include <algorithm>
#include <stdexcept>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/derived_outputs.hpp"
#include "netadopt/run/parallel_jobs.hpp"
#include "netadopt/run/replication.hpp"

namespace netadopt::run {

const Variable& RunResult::variable(const std::string& name) const {
  for (const auto& v : variables)
    if (v.spec.name == name) return v;
  throw std::out_of_range("run result has no variable '" + name + "'");
}

RunResult empty_result(const scenario::Scenario& s) {
  RunResult result;
  result.start = s.date("run.start");
  result.population_size = s.integer("population.size");
  result.workforce_share = models::descriptor(s).workforce_share(s);
  result.replications = static_cast<std::size_t>(s.integer("run.replications"));
  const core::RunWindow window = run_window(s);
  for (std::size_t k = 0; k < window.report_count(); ++k)
    result.times.push_back(window.report_time(k));
  for (auto& spec : output_specs(s)) {
    const std::size_t rows = spec.timeless ? 1 : result.times.size();
    const std::size_t size = result.replications * rows * spec.cell_count();
    result.variables.push_back(Variable{std::move(spec), std::vector<double>(size, 0.0)});
  }
  result.events.assign(result.replications, 0);
  result.fingerprints.assign(result.replications, 0);
  return result;
}

void store_replication(RunResult& result, std::size_t rep, const ReplicationOutput& out) {
  for (std::size_t v = 0; v < result.variables.size(); ++v) {
    auto& values = result.variables[v].values;
    const std::size_t block = out.series[v].size();
    std::copy(out.series[v].begin(), out.series[v].end(), values.begin() + rep * block);
  }
  result.events[rep] = out.events;
  result.fingerprints[rep] = out.fingerprint;
}

int default_threads() { return omp_get_max_threads(); }

RunResult run_scenario(const scenario::Scenario& s, const RunOptions& options) {
  RunResult result = empty_result(s);
  std::size_t done = 0;
  parallel_jobs(
      result.replications, options.threads,
      [&](std::size_t r) { store_replication(result, r, run_replication(s, r)); },
      [&](std::size_t) {
        if (options.on_progress) options.on_progress(++done, result.replications);
      });
  add_derived_outputs(result, s);
  return result;
}

}  // namespace netadopt::run
