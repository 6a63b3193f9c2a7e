#pragma once
// What a sweep has computed so far: the outcome of each (point, replication) pair, by pair
// number point * replications + replication. A single-machine run, a shard, a resumed run and
// a merge all end with one of these, and the output is written from it alone.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "netadopt/run/replication.hpp"

namespace netadopt::sweep {

struct PairOutcome {
  std::string failure;            // "" when the replication ran; else why it failed
  run::ReplicationOutput output;  // series per variable, events, fingerprint
};

struct SweepData {
  std::vector<std::optional<PairOutcome>> pairs;  // none: not computed (here)
  std::size_t done() const;
};

}  // namespace netadopt::sweep
