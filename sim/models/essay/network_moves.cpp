// The network's side of a job move: the old colleagues stay in touch as outside contacts
// ("former colleagues", H5/H9), and the newcomer gets colleague ties in the new firm.
#include <cmath>
#include <stdexcept>
#include <string>

#include "netadopt/models/essay/network.hpp"
#include "network_build.hpp"

namespace netadopt::models::essay {

namespace {
void retag(std::vector<Tie>& ties, std::uint32_t other, TieKind kind) {
  for (Tie& tie : ties)
    if (tie.other == other) tie.kind = kind;
}
}  // namespace

void Network::colleagues_become_outside(std::uint32_t i) {
  for (Tie& tie : adjacency_.at(i)) {
    if (tie.kind != TieKind::Colleague) continue;
    tie.kind = TieKind::Outside;
    retag(adjacency_[tie.other], i, TieKind::Outside);
  }
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
      if (try_tie(adjacency_, i, members[stream.uniform_index(members.size())],
                  TieKind::Colleague))
        break;
  }
}

}  // namespace netadopt::models::essay
