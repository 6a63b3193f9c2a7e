#pragma once
// `netadopt merge`: shard files of one sweep combined into the file a single machine would
// have written. Refuses files of another sweep (by the sweep hash: sweep text, base scenario
// and seed), incomplete files, and names the pairs no shard holds.
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "netadopt/sweep/plan.hpp"
#include "netadopt/sweep/sweep_data.hpp"

namespace netadopt::sweep {

class MergeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Merged {
  SweepPlan plan;
  SweepData data;
};

// Throws MergeError, or io::OutputError for an unreadable file.
Merged merge_shards(const std::vector<std::filesystem::path>& shards);

}  // namespace netadopt::sweep
