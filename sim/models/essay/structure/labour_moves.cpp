// The population's labour-market moves. Each firm's member list is kept with every member's
// position in it, so a leaver is removed in O(1) by moving the last member into its place.
#include <algorithm>
#include <stdexcept>
#include <string>

#include "netadopt/models/essay/structure/population.hpp"

namespace netadopt::models::essay {

void Population::separate(std::uint32_t i) {
  Agent& agent = agents_.at(i);
  if (!agent.employed)
    throw std::logic_error("separate: agent " + std::to_string(i) + " is not employed");
  auto& members = firm_members_[static_cast<std::size_t>(agent.firm)];
  const std::uint32_t moved = members.back();
  members[position_in_firm_[i]] = moved;
  position_in_firm_[moved] = position_in_firm_[i];
  members.pop_back();
  --role_count_[static_cast<int>(role(i))];
  agent.employed = false;
  agent.firm = kNone;
  ++role_count_[static_cast<int>(Role::JobSeeker)];
}

void Population::hire(std::uint32_t i, std::int32_t firm, double now) {
  Agent& agent = agents_.at(i);
  if (agent.employed)
    throw std::logic_error("hire: agent " + std::to_string(i) + " is already employed");
  auto& members = firm_members_.at(static_cast<std::size_t>(firm));
  position_in_firm_[i] = static_cast<std::uint32_t>(members.size());
  members.push_back(i);
  --role_count_[static_cast<int>(Role::JobSeeker)];
  agent.employed = true;
  agent.firm = firm;
  agent.hired_at = static_cast<float>(now);
  ++role_count_[static_cast<int>(role(i))];
}

// Weighted by the firms' sizes at time 0 (cumulative weights, binary search), so the firm size
// distribution stays Zipf-like as agents move; `except` (the firm just left) is redrawn.
std::int32_t Population::draw_hiring_firm(core::Stream& stream, std::int32_t except) const {
  if (firm_size_at_start_.empty() || !(firm_size_at_start_.back() > 0.0)) return kNone;
  for (;;) {
    const double target = stream.uniform01() * firm_size_at_start_.back();
    const auto found =
        std::upper_bound(firm_size_at_start_.begin(), firm_size_at_start_.end(), target);
    const auto firm = static_cast<std::int32_t>(found - firm_size_at_start_.begin());
    if (firm != except || firm_size_at_start_.size() == 1) return firm;
  }
}

}  // namespace netadopt::models::essay
