// G(N, M). Draw M pairs uniformly (replayed from a copy of the stream, so the pairs are never
// stored), merge the repeats, then add as many new pairs, each uniform among the pairs still
// absent. Given its size, the set of distinct pairs among iid uniform draws is a uniform subset
// (by symmetry), and adding a uniform absent pair to a uniform k-subset gives a uniform
// (k+1)-subset: the result is exactly G(N, M). Expected repeats are M^2 / N^2, a handful for
// sparse graphs.
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "csr_builder.hpp"

namespace netadopt::models {

namespace {
struct Pair {
  std::uint32_t u, v;
};

Pair draw_pair(core::Stream& stream, std::uint32_t nodes) {
  const auto u = static_cast<std::uint32_t>(stream.uniform_index(nodes));
  auto v = static_cast<std::uint32_t>(stream.uniform_index(nodes - 1));
  if (v >= u) ++v;  // uniform over the other nodes
  return {u, v};
}

std::uint64_t pair_key(Pair p) {
  return p.u < p.v ? (std::uint64_t{p.u} << 32) | p.v : (std::uint64_t{p.v} << 32) | p.u;
}

// `missing` distinct pairs absent from the graph.
std::vector<std::pair<std::uint32_t, std::uint32_t>> absent_pairs(const detail::Csr& csr,
                                                                  std::uint64_t missing,
                                                                  core::Stream& stream) {
  const auto nodes = static_cast<std::uint32_t>(csr.offsets.size() - 1);
  std::unordered_set<std::uint64_t> chosen;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  while (out.size() < missing) {
    const Pair p = draw_pair(stream, nodes);
    if (detail::has_tie(csr, p.u, p.v) || !chosen.insert(pair_key(p)).second) continue;
    out.emplace_back(p.u, p.v);
  }
  return out;
}
}  // namespace

Graph erdos_renyi(std::uint32_t nodes, std::uint64_t ties, core::Stream& stream) {
  const double pairs = 0.5 * nodes * (nodes - 1.0);
  if (static_cast<double>(ties) > pairs)
    throw std::invalid_argument("erdos_renyi: " + std::to_string(ties) + " ties exceed the " +
                                std::to_string(static_cast<std::uint64_t>(pairs)) + " pairs");
  if (ties == 0) return detail::to_graph(detail::build_csr(nodes, [](auto&&) {}), 0);
  const core::Stream start = stream;
  detail::Csr csr = detail::build_csr(nodes, [&](auto&& emit) {
    stream = start;
    for (std::uint64_t i = 0; i < ties; ++i) {
      const Pair p = draw_pair(stream, nodes);
      emit(p.u, p.v);
    }
  });
  const std::uint64_t repeats = detail::merge_duplicates(csr);
  detail::add_ties(csr, absent_pairs(csr, repeats, stream));
  return detail::to_graph(std::move(csr), 0);
}

}  // namespace netadopt::models
