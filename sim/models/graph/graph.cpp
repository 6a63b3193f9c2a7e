#include "netadopt/models/graph/graph.hpp"

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "netadopt/core/fnv1a.hpp"
#include "netadopt/core/state_archive.hpp"

namespace netadopt::models {

Graph::Graph(std::vector<std::uint64_t> offsets, std::vector<std::uint32_t> neighbours,
             OffsetWidth width)
    : neighbours_(std::move(neighbours)) {
  if (offsets.empty() || offsets.back() != neighbours_.size() || neighbours_.size() % 2 != 0)
    throw std::invalid_argument("Graph: offsets do not match an undirected tie list");
  wide_ = width == OffsetWidth::kWide || offsets.back() > UINT32_MAX;
  if (wide_) {
    offsets32_.clear();
    offsets32_.shrink_to_fit();
    offsets64_ = std::move(offsets);
  } else {
    // Offsets never decrease, so all of them fit when the last does.
    offsets32_.assign(offsets.begin(), offsets.end());
  }
}

std::size_t Graph::memory_bytes() const {
  return offsets32_.capacity() * sizeof(std::uint32_t) +
         offsets64_.capacity() * sizeof(std::uint64_t) +
         neighbours_.capacity() * sizeof(std::uint32_t);
}

// FNV-1a over 32- and 64-bit words rather than bytes: one multiply per word keeps a network of
// 10^7 tie ends under ~10 ms, and each step is a bijection of the hash, so any single edit
// changes the result. Offsets are mixed as 64-bit words in either width, so the digest (saved
// in checkpoints) does not depend on how they are stored.
std::uint64_t Graph::digest() const {
  std::uint64_t h = core::kFnv1aBasis;
  const auto mix = [&h](std::uint64_t word) { h = core::fnv1a_mix(h, word); };
  if (wide_)
    for (const std::uint64_t offset : offsets64_) mix(offset);
  else
    for (const std::uint32_t offset : offsets32_) mix(offset);
  for (const std::uint32_t end : neighbours_) mix(end);
  return h;
}

void expect_graph(core::StateArchive& archive, const Graph& graph) {
  core::StateArchive::Scope scope(archive, "graph");
  archive.expect("nodes", graph.nodes());
  archive.expect("ties", graph.ties());
  // Same sizes but other ties: name the likely cause instead of printing two hashes.
  const std::uint64_t digest = graph.digest();
  std::uint64_t saved = digest;
  archive.value("digest", saved);
  if (archive.is_loading() && saved != digest)
    throw core::StateError(
        "checkpoint: the network differs from the one the state was saved on (same " +
        std::to_string(graph.nodes()) + " nodes and " + std::to_string(graph.ties()) +
        " ties, other ties: was the edge-list file edited, or a graph key changed?)");
}

namespace {
struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
}  // namespace

void write_edge_list(const Graph& graph, const std::filesystem::path& file) {
  std::unique_ptr<std::FILE, FileCloser> out(std::fopen(file.c_str(), "wb"));
  if (!out) throw std::runtime_error("cannot write edge list " + file.string());
  std::fprintf(out.get(), "# %u nodes, %llu ties\n", graph.nodes(),
               static_cast<unsigned long long>(graph.ties()));
  for (std::uint32_t u = 0; u < graph.nodes(); ++u)
    for (std::uint32_t v : graph.neighbours(u))
      if (u < v) std::fprintf(out.get(), "%u %u\n", u, v);
  if (std::ferror(out.get())) throw std::runtime_error("writing edge list " + file.string());
}

}  // namespace netadopt::models
