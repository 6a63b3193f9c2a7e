#pragma once
// The resource guard: before a run starts, estimate from the scenario the memory it will need,
// and refuse a run that cannot fit with a message giving the estimate, what the machine has,
// and the keys that drive it, rather than let the kernel kill it halfway.
//
// The estimate is
//   in flight x one replication's model state  +  the run's output  +  a fixed base,
// where `in flight` is min(threads, run.replications): each thread holds one replication's
// agents, network and event set at a time. The output is every time series' values as doubles
// (replications x times x cells x 8 bytes), counted twice: the arrays, and the HDF5 image built
// from them in memory before it is written. Nothing is built to estimate it (building a model
// would allocate the memory in question). A replication's model state is its catalog entry's
// estimate (catalog/catalog.hpp):
//   bass, sir, threshold: 4 bytes per agent (Bass's pool of non-adopters);
//   essay: a cost per agent plus a cost per tie (each stored at both ends, with the vectors'
//          spare capacity), measured on this implementation with /usr/bin/time (see
//          models/essay/memory_estimate.cpp for the figures); ties are counted from the network
//          keys.
// The estimate is for refusing the hopeless, not for packing a machine tight: it is within
// a few tens of percent of the measured peak.
#include <cstdint>
#include <optional>
#include <string>

#include "netadopt/scenario/scenario.hpp"

namespace netadopt::run {

struct MemoryEstimate {
  std::uint64_t per_replication = 0;  // bytes of model state of one replication
  std::uint64_t in_flight = 1;        // replications held at once
  std::uint64_t output = 0;           // result arrays and the HDF5 image, bytes
  std::uint64_t base = 0;             // the program itself, bytes
  std::uint64_t agents = 0;           // population.size: the model state is proportional to it
  std::uint64_t total() const;
  // The largest population.size whose run fits in `bytes` (the model state scaled down, output
  // and base unchanged), rounded down to two significant digits; 0 when none does.
  std::uint64_t agents_fitting(std::uint64_t bytes) const;
};

// What a run of `scenario` on `threads` threads (> 0) needs.
MemoryEstimate estimate_memory(const scenario::Scenario& scenario, int threads);

struct AvailableMemory {
  std::uint64_t bytes = 0;
  std::string source;  // where the figure came from, for the message
};

// MemAvailable from /proc/meminfo, lowered to the room left under a cgroup memory limit when
// one is set (v2 memory.max, or v1 memory.limit_in_bytes); nullopt when neither can be read.
std::optional<AvailableMemory> available_memory();

// A refusal message when the estimate exceeds `available`, else nullopt. It names the keys that
// drive the estimate, the largest population.size that fits, and how to run the full size.
std::optional<std::string> memory_refusal(const MemoryEstimate& estimate,
                                          const AvailableMemory& available);

std::string human_bytes(double bytes);  // "1.5 GiB"

}  // namespace netadopt::run
