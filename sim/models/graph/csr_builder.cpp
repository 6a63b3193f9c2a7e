#include "csr_builder.hpp"

#include <algorithm>

namespace netadopt::models::detail {

std::uint64_t merge_duplicates(Csr& csr) {
  auto& off = csr.offsets;
  const std::size_t nodes = off.size() - 1;
  std::vector<std::uint32_t> seen_by(nodes, UINT32_MAX);
  std::uint64_t write = 0, start = 0;
  for (std::size_t u = 0; u < nodes; ++u) {
    const std::uint64_t end = off[u + 1];
    off[u] = write;
    for (std::uint64_t e = start; e < end; ++e) {
      const std::uint32_t v = csr.neighbours[e];
      if (seen_by[v] == u) continue;
      seen_by[v] = static_cast<std::uint32_t>(u);
      csr.neighbours[write++] = v;
    }
    start = end;
  }
  off[nodes] = write;
  const std::uint64_t removed = csr.neighbours.size() - write;
  csr.neighbours.resize(write);
  return removed / 2;
}

bool has_tie(const Csr& csr, std::uint32_t u, std::uint32_t v) {
  const auto first = csr.neighbours.begin() + static_cast<std::ptrdiff_t>(csr.offsets[u]);
  const auto last = csr.neighbours.begin() + static_cast<std::ptrdiff_t>(csr.offsets[u + 1]);
  return std::find(first, last, v) != last;
}

namespace {
using End = std::pair<std::uint32_t, std::uint32_t>;  // (row, neighbour)

std::vector<End> tie_ends(const std::vector<End>& ties) {
  std::vector<End> ends;
  for (const auto& [u, v] : ties) {
    ends.emplace_back(u, v);
    ends.emplace_back(v, u);
  }
  std::sort(ends.begin(), ends.end());
  return ends;
}
}  // namespace

// From the last row to the first, each row moves right by the number of new ends in the rows
// before it, and its own new ends follow it; nothing is overwritten before it has moved.
void add_ties(Csr& csr, std::vector<End> ties) {
  const std::vector<End> ends = tie_ends(ties);
  auto& off = csr.offsets;
  auto& nb = csr.neighbours;
  const std::size_t nodes = off.size() - 1;
  nb.resize(nb.size() + ends.size());
  std::size_t pending = ends.size();  // new ends in rows <= u
  std::uint64_t end = off[nodes];     // the old end of row u
  for (std::size_t u = nodes; u-- > 0 && pending > 0;) {
    std::size_t mine = 0;
    while (mine < pending && ends[pending - 1 - mine].first == u) ++mine;
    const std::uint64_t start = off[u], shift = pending - mine;
    std::copy_backward(nb.begin() + static_cast<std::ptrdiff_t>(start),
                       nb.begin() + static_cast<std::ptrdiff_t>(end),
                       nb.begin() + static_cast<std::ptrdiff_t>(end + shift));
    for (std::size_t k = 0; k < mine; ++k) nb[end + shift + k] = ends[pending - mine + k].second;
    off[u] = start + shift;
    pending -= mine;
    end = start;
  }
  off[nodes] = nb.size();
}

Graph to_graph(Csr&& csr, std::uint64_t duplicates) {
  Graph graph(std::move(csr.offsets), std::move(csr.neighbours));
  graph.stats.self_loops_dropped = csr.self_loops;
  graph.stats.duplicates_merged = duplicates;
  return graph;
}

}  // namespace netadopt::models::detail
