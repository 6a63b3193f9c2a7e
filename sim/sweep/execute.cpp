#include "netadopt/sweep/execute.hpp"

#include "netadopt/run/parallel_jobs.hpp"

namespace netadopt::sweep {

namespace {
bool runnable(const SweepPlan& plan, const Shard& shard, std::size_t pair) {
  return shard.owns(pair) && plan.errors[pair / plan.replications].empty();
}

std::size_t expected_size(const SweepPlan& plan, const run::VariableSpec& spec) {
  return (spec.timeless ? 1 : plan.times.size()) * spec.cell_count();
}

// A point whose keys change the outputs' shape (a different number of platforms) cannot share
// the sweep's arrays: its pairs fail with a message.
std::string shape_problem(const SweepPlan& plan, const run::ReplicationOutput& output) {
  bool same = output.series.size() == plan.outputs.size();
  for (std::size_t v = 0; same && v < plan.outputs.size(); ++v)
    same = output.series[v].size() == expected_size(plan, plan.outputs[v]);
  return same ? "" : "this point's outputs differ in shape from the base scenario's";
}

PairOutcome run_pair(const SweepPlan& plan, std::size_t pair) {
  PairOutcome outcome;
  try {
    const auto& scenario = *plan.scenarios[pair / plan.replications];
    outcome.output = run::run_replication(scenario, pair % plan.replications);
    outcome.failure = shape_problem(plan, outcome.output);
  } catch (const std::exception& e) {
    outcome.failure = std::string("replication failed: ") + e.what();
  }
  if (!outcome.failure.empty()) outcome.output = {};
  return outcome;
}

SweepData journaled(const SweepPlan& plan, const Journal& journal) {
  SweepData data;
  data.pairs.resize(plan.pairs());
  for (auto& entry : journal.read()) {
    if (entry.point >= plan.points() || entry.replication >= plan.replications) continue;
    data.pairs[entry.point * plan.replications + entry.replication] = std::move(entry.outcome);
  }
  return data;
}

std::vector<std::size_t> pairs_to_run(const SweepPlan& plan, const Shard& shard,
                                      const SweepData& data) {
  std::vector<std::size_t> todo;
  for (std::size_t pair = 0; pair < plan.pairs(); ++pair)
    if (runnable(plan, shard, pair) && !data.pairs[pair]) todo.push_back(pair);
  return todo;
}
}  // namespace

std::size_t SweepData::done() const {
  std::size_t n = 0;
  for (const auto& pair : pairs) n += pair ? 1 : 0;
  return n;
}

std::size_t owned_pairs(const SweepPlan& plan, const Shard& shard) {
  std::size_t n = 0;
  for (std::size_t pair = 0; pair < plan.pairs(); ++pair) n += runnable(plan, shard, pair) ? 1 : 0;
  return n;
}

SweepData execute(const SweepPlan& plan, const Journal& journal, const ExecuteOptions& options) {
  SweepData data = journaled(plan, journal);
  const auto todo = pairs_to_run(plan, options.shard, data);
  const std::size_t total = owned_pairs(plan, options.shard);
  std::size_t done = total - todo.size();
  if (options.on_start) options.on_start(done, total);
  std::vector<char> stored(todo.size(), 0);  // char, not bool: threads write neighbours
  run::parallel_jobs(
      todo.size(), options.threads,
      [&](std::size_t i) {
        const std::size_t pair = todo[i];
        JournalEntry entry{pair / plan.replications, pair % plan.replications,
                           run_pair(plan, pair)};
        journal.write(entry);
        data.pairs[pair] = std::move(entry.outcome);  // each pair its own slot
        stored[i] = 1;
      },
      [&](std::size_t i) {
        if (stored[i] && options.on_pair) options.on_pair(++done, total);
      });
  return data;
}

}  // namespace netadopt::sweep
