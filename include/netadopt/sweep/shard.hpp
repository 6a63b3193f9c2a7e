#pragma once
// Shards: shard I of N (0 <= I < N) computes the pairs whose number is I modulo N, so every
// shard gets a share of every point's replications and of the slow and fast corners of the
// design alike.
#include <cstddef>
#include <optional>
#include <string>

namespace netadopt::sweep {

struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
  bool owns(std::size_t pair) const { return pair % count == index; }
  bool whole() const { return count == 1; }
  std::string text() const;  // "I/N", or "all"
};

// "I/N"; throws std::invalid_argument with a message naming what was expected.
Shard parse_shard(const std::string& text);

// From SLURM_ARRAY_TASK_ID (less SLURM_ARRAY_TASK_MIN when set) and SLURM_ARRAY_TASK_COUNT,
// given as the environment's texts (null when unset); none when the task id or count is unset.
std::optional<Shard> shard_from_slurm(const char* task_id, const char* task_count,
                                      const char* task_min);

}  // namespace netadopt::sweep
