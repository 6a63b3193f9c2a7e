#include "netadopt/models/graph.hpp"

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace netadopt::models {

Graph::Graph(std::vector<std::uint64_t> offsets, std::vector<std::uint32_t> neighbours)
    : offsets_(std::move(offsets)), neighbours_(std::move(neighbours)) {
  if (offsets_.empty() || offsets_.back() != neighbours_.size() || neighbours_.size() % 2 != 0)
    throw std::invalid_argument("Graph: offsets do not match an undirected tie list");
}

std::size_t Graph::memory_bytes() const {
  return offsets_.capacity() * sizeof(std::uint64_t) +
         neighbours_.capacity() * sizeof(std::uint32_t);
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
