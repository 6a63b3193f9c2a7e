#pragma once
// Building a CSR graph from a replayable producer of ties (see graph.hpp's design note).
// `produce(emit)` must call emit(u, v) for the same ties in the same order each time it runs.
#include <cstdint>
#include <utility>
#include <vector>

#include "netadopt/models/graph/graph.hpp"

namespace netadopt::models::detail {

struct Csr {
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> neighbours;
  std::uint64_t self_loops = 0;
};

// Pass 1: degrees; prefix sums turn them into row ends. Pass 2: each tie end at --end[u].
template <class Producer>
Csr build_csr(std::uint32_t nodes, Producer&& produce) {
  Csr csr;
  csr.offsets.assign(std::size_t{nodes} + 1, 0);
  auto& off = csr.offsets;
  produce([&](std::uint32_t u, std::uint32_t v) {
    if (u == v) return void(++csr.self_loops);
    ++off[u];
    ++off[v];
  });
  for (std::size_t i = 1; i < nodes; ++i) off[i] += off[i - 1];
  off[nodes] = nodes > 0 ? off[nodes - 1] : 0;
  csr.neighbours.resize(off[nodes]);
  produce([&](std::uint32_t u, std::uint32_t v) {
    if (u == v) return;
    csr.neighbours[--off[u]] = v;
    csr.neighbours[--off[v]] = u;
  });
  return csr;
}

// Drops repeated neighbours in place (keeping first occurrences); returns the ties removed.
std::uint64_t merge_duplicates(Csr& csr);
// Adds ties known to be new, shifting rows right in place; O(N + M + k log k).
void add_ties(Csr& csr, std::vector<std::pair<std::uint32_t, std::uint32_t>> ties);
bool has_tie(const Csr& csr, std::uint32_t u, std::uint32_t v);  // O(degree of u)

Graph to_graph(Csr&& csr, std::uint64_t duplicates);

}  // namespace netadopt::models::detail
