// The network's side of a job move: the old colleagues stay in touch as outside contacts
// ("former colleagues", H5/H9), and the newcomer gets colleague ties in the new firm.
#include <cmath>
#include <stdexcept>
#include <string>

#include "netadopt/models/essay/structure/network.hpp"
#include "network_build.hpp"

namespace netadopt::models::essay {

namespace {
void retag(TieLists& lists, std::uint32_t i, std::uint32_t other, TieKind kind) {
  for (Tie& tie : lists.mutable_list(i))
    if (tie.other() == other) tie.set_kind(kind);
}

void drop(TieLists& lists, std::uint32_t i, std::uint32_t other) {
  const auto ties = lists[i];
  for (std::size_t k = 0; k < ties.size(); ++k)
    if (ties[k].other() == other) return lists.remove_at(i, k);
}
}  // namespace

void Network::colleagues_become_outside(std::uint32_t i) {
  for (Tie& tie : adjacency_.mutable_list(i)) {
    if (tie.kind() != TieKind::Colleague) continue;
    tie.set_kind(TieKind::Outside);
    retag(adjacency_, tie.other(), i, TieKind::Outside);
  }
}

std::vector<std::uint32_t> Network::keep_former_colleagues(std::uint32_t i, double keep,
                                                           core::Stream& stream) {
  std::vector<std::uint32_t> dropped;
  for (std::size_t k = 0; k < adjacency_.size(i);) {
    Tie& tie = adjacency_.mutable_list(i)[k];
    if (tie.kind() != TieKind::Colleague) {
      ++k;
    } else if (keep >= 1.0 || stream.bernoulli(keep)) {
      tie.set_kind(TieKind::Outside);
      retag(adjacency_, tie.other(), i, TieKind::Outside);
      ++k;
    } else {
      dropped.push_back(tie.other());
      drop(adjacency_, tie.other(), i);
      adjacency_.remove_at(i, k);
    }
  }
  return dropped;
}

void Network::form_colleague_ties(std::uint32_t i, const Population& population,
                                  core::Stream& stream) {
  const std::int32_t firm = population.agent(i).firm;
  if (firm == kNone)
    throw std::logic_error("form_colleague_ties: agent " + std::to_string(i) + " has no firm");
  const auto& members = population.firm_members(firm);
  if (static_cast<double>(members.size()) <= colleague_degree_ + 1.0) {
    for (std::uint32_t member : members) add_tie(i, member, TieKind::Colleague);
    return;
  }
  const double whole = std::floor(colleague_degree_);
  const bool one_more = stream.bernoulli(colleague_degree_ - whole);
  for (auto t = static_cast<long>(whole) + (one_more ? 1 : 0); t > 0; --t) {
    for (int attempt = 0; attempt < kMaxTieAttempts; ++attempt)
      if (try_tie(adjacency_, i, members[stream.uniform_index(members.size())], TieKind::Colleague))
        break;
  }
}

}  // namespace netadopt::models::essay
