#pragma once
// A fixed undirected network for the reference contagion models (`sir`, `threshold`): design note.
//
// Layout. Compressed sparse rows: `offsets` (N + 1 entries, uint64) and `neighbours` (one uint32
// per tie end), so a tie costs 8 bytes and a node 8, and a node's neighbours are one contiguous
// run. Node ids are 0 to N - 1 with N = population.size; ids absent from an edge list are
// isolated nodes.
//
// Building in O(N + M) without a second copy of the ties. Every source is a replayable producer
// of ties: the edge-list file is parsed twice, the Erdos-Renyi generator replays a copied random
// stream, Barabasi-Albert replays its list of tie ends. The first pass counts degrees into the
// offsets, the second writes each tie end at `--offsets[u]` (the offsets double as cursors and
// end as the row starts). Then one O(N + M) pass with a marker array drops repeated ties in
// place. Peak memory while building is the final graph plus 4 bytes per node (the markers).
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
  Graph() = default;
  Graph(std::vector<std::uint64_t> offsets, std::vector<std::uint32_t> neighbours);

  std::uint32_t nodes() const { return static_cast<std::uint32_t>(offsets_.size() - 1); }
  std::uint64_t ties() const { return offsets_.back() / 2; }
  std::uint32_t degree(std::uint32_t v) const {
    return static_cast<std::uint32_t>(offsets_[v + 1] - offsets_[v]);
  }
  std::span<const std::uint32_t> neighbours(std::uint32_t v) const {
    return {neighbours_.data() + offsets_[v], degree(v)};
  }
  std::size_t memory_bytes() const;  // what the two arrays hold (capacity)
  // A 64-bit hash of the row offsets and tie ends: equal networks give equal digests, and an
  // edited tie changes it (checkpoints use it to refuse a state saved on another network).
  std::uint64_t digest() const;

  GraphStats stats;

 private:
  std::vector<std::uint64_t> offsets_{0};
  std::vector<std::uint32_t> neighbours_;
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
