#include "netadopt/sweep/merge.hpp"

#include "netadopt/sweep/sweep_output.hpp"

namespace netadopt::sweep {

namespace {
constexpr std::size_t kListedPairs = 10;

void check_header(const std::filesystem::path& file, const SweepHeader& header,
                  const std::filesystem::path& first, const SweepHeader& reference) {
  if (!header.complete)
    throw MergeError("'" + file.string() +
                     "' is incomplete (no `complete` attribute): a shard "
                     "still running or killed; rerun its command to finish it");
  if (header.hash != reference.hash)
    throw MergeError("'" + file.string() + "' is from another sweep (sweep " + header.hash + ", " +
                     header.sweep_file + "); '" + first.string() + "' is sweep " + reference.hash +
                     " (" + reference.sweep_file + ")");
}

void add_pairs(SweepData& merged, SweepData shard) {
  for (std::size_t pair = 0; pair < merged.pairs.size(); ++pair)
    if (!merged.pairs[pair] && shard.pairs[pair]) merged.pairs[pair] = std::move(shard.pairs[pair]);
}

void check_complete(const SweepPlan& plan, const SweepData& data) {
  std::string listed;
  std::size_t missing = 0;
  for (std::size_t pair = 0; pair < plan.pairs(); ++pair) {
    if (data.pairs[pair] || !plan.errors[pair / plan.replications].empty()) continue;
    if (++missing <= kListedPairs)
      listed += (missing > 1 ? ", " : "") + std::string("point ") +
                std::to_string(pair / plan.replications) + " replication " +
                std::to_string(pair % plan.replications);
  }
  if (missing == 0) return;
  throw MergeError("no shard holds " + std::to_string(missing) + " of the " +
                   std::to_string(plan.pairs()) + " pairs: " + listed +
                   (missing > kListedPairs ? ", ..." : "") + "; is a shard file missing?");
}
}  // namespace

Merged merge_shards(const std::vector<std::filesystem::path>& shards) {
  if (shards.empty()) throw MergeError("no shard files to merge");
  const SweepHeader first = read_sweep_header(shards.front());
  for (const auto& file : shards)
    check_header(file, read_sweep_header(file), shards.front(), first);
  Merged merged{plan_from_header(first), {}};
  merged.data.pairs.resize(merged.plan.pairs());
  for (const auto& file : shards) add_pairs(merged.data, read_sweep_data(file, merged.plan));
  check_complete(merged.plan, merged.data);
  return merged;
}

}  // namespace netadopt::sweep
