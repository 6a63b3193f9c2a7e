// Barabasi-Albert by the list of tie ends: every tie appends both its ends to one list, so a
// uniform pick from the list picks a node with probability proportional to its degree. The list
// is the tie list itself (ends 2e and 2e + 1 are tie e), replayed into the CSR builder.
#include <algorithm>
#include <stdexcept>

#include "csr_builder.hpp"

namespace netadopt::models {

namespace {
std::vector<std::uint32_t> clique_ends(std::uint32_t m) {
  std::vector<std::uint32_t> ends;
  for (std::uint32_t u = 0; u <= m; ++u)
    for (std::uint32_t v = u + 1; v <= m; ++v) ends.insert(ends.end(), {u, v});
  return ends;
}

// m distinct targets, each drawn from the ends listed before node `source` arrived.
void attach(std::vector<std::uint32_t>& ends, std::uint32_t source, std::uint32_t m,
            core::Stream& stream) {
  const std::size_t before = ends.size();
  while (ends.size() < before + 2 * std::size_t{m}) {
    const std::uint32_t target = ends[stream.uniform_index(before)];
    bool repeat = false;
    for (std::size_t e = before + 1; e < ends.size(); e += 2) repeat |= ends[e] == target;
    if (!repeat) ends.insert(ends.end(), {source, target});
  }
}
}  // namespace

Graph barabasi_albert(std::uint32_t nodes, std::uint32_t m, core::Stream& stream) {
  if (m < 1 || nodes <= m) throw std::invalid_argument("barabasi_albert: need nodes > m >= 1");
  std::vector<std::uint32_t> ends = clique_ends(m);
  ends.reserve(ends.size() + 2 * std::size_t{m} * (nodes - m - 1));
  for (std::uint32_t s = m + 1; s < nodes; ++s) attach(ends, s, m, stream);
  detail::Csr csr = detail::build_csr(nodes, [&](auto&& emit) {
    for (std::size_t e = 0; e < ends.size(); e += 2) emit(ends[e], ends[e + 1]);
  });
  return detail::to_graph(std::move(csr), 0);
}

}  // namespace netadopt::models
