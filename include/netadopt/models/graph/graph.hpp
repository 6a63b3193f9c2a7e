#pragma once
// A fixed undirected network for the reference contagion models (`sir`, `threshold`): design note.
//
// Layout. Compressed sparse rows: `offsets` (N + 1 row starts) and `neighbours` (one uint32 per
// tie end), so a tie costs 8 bytes, and a node's neighbours are one contiguous run. The offsets
// are uint32 (4 bytes a node) when the tie ends number at most 2^32 - 1, which is every network
// under ~2.1 billion ties, and uint64 (8 bytes a node) beyond; the width is chosen once, at
// construction, and the accessors branch on it (always the same way, so the branch is
// predicted: one instruction per call, no measurable cost in SIR's events per second; see the
// README's Performance section). Node ids are 0 to N - 1 with N = population.size; ids absent
// from an edge list are isolated nodes.
//
// Building in O(N + M) without a second copy of the ties. Every source is a replayable producer
// of ties: the edge-list file is parsed twice, the Erdos-Renyi generator replays a copied random
// stream, Barabasi-Albert replays its list of tie ends. The first pass counts degrees into the
// offsets, the second writes each tie end at `--offsets[u]` (the offsets double as cursors and
// end as the row starts). Then one O(N + M) pass with a marker array drops repeated ties in
// place. The builder's offsets are uint64; the Graph narrows them to uint32 when they fit. Peak
// memory while building is the tie ends plus 12 bytes per node (the builder's offsets with the
// markers, or with the narrowed copy).
//
// Policies. Self-loops are dropped and counted, repeated ties are merged and counted (both are
// reported in `GraphStats`): edge lists from data often hold both, and neither changes who can
// reach whom. Malformed lines are refused, every one named by file and line.
//
// Sharing. The network is a function of the [graph] keys, population.size and run.seed only
// (its stream is keyed with replication 0), so all replications of a run share one read-only
// copy, built by the first replication that needs it (`shared_graph`).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "netadopt/core/random.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::core {
class StateArchive;
}

namespace netadopt::models {

struct GraphStats {
  std::uint64_t self_loops_dropped = 0;
  std::uint64_t duplicates_merged = 0;
  double build_seconds = 0.0;
};

class Graph {
 public:
  // kNarrowest: uint32 offsets when the tie ends fit, else uint64. kWide: uint64 always (so that
  // tests can run the wide path on small networks).
  enum class OffsetWidth : std::uint8_t { kNarrowest, kWide };

  Graph() = default;
  // `offsets`: N + 1 row starts, from 0 to neighbours.size(). Throws std::invalid_argument if
  // they do not describe `neighbours` as an undirected tie list.
  Graph(std::vector<std::uint64_t> offsets, std::vector<std::uint32_t> neighbours,
        OffsetWidth width = OffsetWidth::kNarrowest);

  std::uint32_t nodes() const {
    return static_cast<std::uint32_t>((wide_ ? offsets64_.size() : offsets32_.size()) - 1);
  }
  std::uint64_t ties() const { return neighbours_.size() / 2; }
  // Where v's row starts in the tie ends (v <= nodes(); offset(nodes()) is 2 ties()).
  std::uint64_t offset(std::uint32_t v) const { return wide_ ? offsets64_[v] : offsets32_[v]; }
  std::uint32_t degree(std::uint32_t v) const {
    return static_cast<std::uint32_t>(neighbours(v).size());
  }
  std::span<const std::uint32_t> neighbours(std::uint32_t v) const {
    std::uint64_t first, last;
    if (wide_) [[unlikely]] {
      first = offsets64_[v];
      last = offsets64_[v + 1];
    } else {
      first = offsets32_[v];
      last = offsets32_[v + 1];
    }
    return {neighbours_.data() + first, static_cast<std::size_t>(last - first)};
  }
  // Where offset(v) is stored, for prefetching it before neighbours(v) is needed.
  const void* offset_address(std::uint32_t v) const {
    return wide_ ? static_cast<const void*>(&offsets64_[v]) : &offsets32_[v];
  }
  bool wide_offsets() const { return wide_; }
  std::size_t memory_bytes() const;  // what the arrays hold (capacity)
  // A 64-bit hash of the row offsets (as 64-bit words, whatever their width in memory) and tie
  // ends: equal networks give equal digests, and an edited tie changes it (checkpoints use it to
  // refuse a state saved on another network).
  std::uint64_t digest() const;

  GraphStats stats;

 private:
  // One of the two holds the N + 1 offsets, the other stays empty.
  std::vector<std::uint32_t> offsets32_{0};
  std::vector<std::uint64_t> offsets64_;
  std::vector<std::uint32_t> neighbours_;
  bool wide_ = false;
};

// Reads `u v` lines (0-based ids < nodes; '#' starts a comment; blank lines skipped). Throws
// scenario::ScenarioError naming the file and line of every malformed line (the first 20), or
// the file when it cannot be read; `key` is the scenario key that named the file.
Graph read_edge_list(const std::filesystem::path& file, std::uint32_t nodes,
                     const std::string& key = "graph.file");
// Writes the ties as `u v` lines, u < v (a header comment first).
void write_edge_list(const Graph& graph, const std::filesystem::path& file);

// G(N, M): M distinct ties drawn uniformly among the N(N-1)/2 pairs.
Graph erdos_renyi(std::uint32_t nodes, std::uint64_t ties, core::Stream& stream);
// Barabasi-Albert: a clique of m + 1 nodes, then each new node ties to m distinct earlier nodes
// chosen with probability proportional to degree. Needs nodes > m >= 1.
Graph barabasi_albert(std::uint32_t nodes, std::uint32_t m, core::Stream& stream);

// Checkpoints: saves the network's node and tie counts and digest, and on load fails with a
// core::StateError unless `graph` is the network the state was saved on (an edited edge-list
// file, another generator, seed or size). The network itself is never saved: it is rebuilt
// from the scenario's keys.
void expect_graph(core::StateArchive& archive, const Graph& graph);

// The [graph] keys, and the network a scenario describes.
void declare_graph_keys(scenario::Schema& schema);
// The graph.file path as the scenario names it, resolved against the scenario file's folder.
std::filesystem::path graph_file_path(const scenario::Scenario& scenario);
std::shared_ptr<const Graph> build_graph(const scenario::Scenario& scenario);
// The same, cached: the last network built is kept and shared while the scenario's graph keys,
// population.size and run.seed stay the same. Thread-safe.
std::shared_ptr<const Graph> shared_graph(const scenario::Scenario& scenario);

}  // namespace netadopt::models
