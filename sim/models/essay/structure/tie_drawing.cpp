#include <algorithm>
#include <cmath>

#include "netadopt/core/stop.hpp"
#include "network_build.hpp"

namespace netadopt::models::essay {

bool tied(const Adjacency& adjacency, std::uint32_t a, std::uint32_t b) {
  if (adjacency.size(b) < adjacency.size(a)) std::swap(a, b);
  const auto ties = adjacency[a];
  return std::any_of(ties.begin(), ties.end(), [b](const Tie& tie) { return tie.other() == b; });
}

bool try_tie(Adjacency& adjacency, std::uint32_t a, std::uint32_t b, TieKind kind) {
  if (a == b || tied(adjacency, a, b)) return false;
  adjacency.push_back(a, Tie(b, kind));
  adjacency.push_back(b, Tie(a, kind));
  return true;
}

namespace {
void tie_all_pairs(Adjacency& adjacency, const std::vector<std::uint32_t>& members, TieKind kind) {
  for (std::size_t x = 0; x < members.size(); ++x)
    for (std::size_t y = x + 1; y < members.size(); ++y) {
      core::poll_stop("drawing the network");
      try_tie(adjacency, members[x], members[y], kind);
    }
}

// One tie between a uniform member of `from` and a uniform member of `to`, redrawn on a
// self-tie or a repeat up to kMaxTieAttempts times.
void tie_uniform_pair(Adjacency& adjacency, const std::vector<std::uint32_t>& from,
                      const std::vector<std::uint32_t>& to, TieKind kind, core::Stream& stream) {
  core::poll_stop("drawing the network");
  for (int attempt = 0; attempt < kMaxTieAttempts; ++attempt) {
    const std::uint32_t a = from[stream.uniform_index(from.size())];
    const std::uint32_t b = to[stream.uniform_index(to.size())];
    if (try_tie(adjacency, a, b, kind)) return;
  }
}

void tie_uniform_pairs(Adjacency& adjacency, const std::vector<std::uint32_t>& from,
                       const std::vector<std::uint32_t>& to, double ties, TieKind kind,
                       core::Stream& stream) {
  if (from.empty() || to.empty()) return;
  for (long long t = std::llround(ties); t > 0; --t)
    tie_uniform_pair(adjacency, from, to, kind, stream);
}
}  // namespace

void tie_group(Adjacency& adjacency, const std::vector<std::uint32_t>& members, double degree,
               TieKind kind, core::Stream& stream) {
  const auto size = static_cast<double>(members.size());
  if (size <= degree + 1.0) return tie_all_pairs(adjacency, members, kind);
  tie_uniform_pairs(adjacency, members, members, size * degree / 2.0, kind, stream);
}

void tie_outside(Adjacency& adjacency,
                 const std::array<std::vector<std::uint32_t>, kOccupations>& by_occupation,
                 const Eigen::Matrix3d& expected, core::Stream& stream) {
  for (int a = 0; a < kOccupations; ++a)
    for (int b = a; b < kOccupations; ++b)
      tie_uniform_pairs(adjacency, by_occupation[a], by_occupation[b],
                        a == b ? expected(a, a) / 2.0 : expected(a, b), TieKind::Outside, stream);
}

}  // namespace netadopt::models::essay
