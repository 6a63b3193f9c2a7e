#include "netadopt/models/essay/platform_state.hpp"

#include <cmath>

namespace netadopt::models::essay {

const std::array<std::string, kStatuses>& status_names() {
  static const std::array<std::string, kStatuses> names = {"unaware", "aware", "active", "dormant"};
  return names;
}

PlatformState::PlatformState(std::size_t agents, const std::vector<Occupation>& occupations,
                             const std::vector<Role>& roles)
    : status_(agents, 0),
      awareness_(agents, kOccupations + 1),
      active_(agents, kRoles),
      invited_(agents, 1),
      annoyance_(agents, 0.0f),
      annoyed_at_(agents, 0.0f) {
  for (std::uint32_t i = 0; i < agents; ++i) {
    awareness_.insert(static_cast<std::size_t>(occupations[i]), i);
    ++counts_[index(roles[i], Status::Unaware)];
  }
}

void PlatformState::set_status(std::uint32_t i, Status next, Role role) {
  const Status previous = status(i);
  if (previous == next) return;
  --counts_[index(role, previous)];
  ++counts_[index(role, next)];
  status_[i] = static_cast<std::uint8_t>(next);
  if (previous == Status::Unaware) awareness_.move(i, kKnown);
  if (previous == Status::Active) active_.remove(i);
  if (next == Status::Active) {
    active_.insert(static_cast<std::size_t>(role), i);
    invited_.remove(i);
  }
}

void PlatformState::add_invited(std::uint32_t i) {
  if (invited_.pool_of(i) == core::PoolFamily::kNoPool) invited_.insert(0, i);
}

std::uint32_t PlatformState::take_invited(core::Stream& stream) {
  const std::uint32_t i = invited_.pick(0, stream);
  invited_.remove(i);
  return i;
}

void PlatformState::change_role(std::uint32_t i, Role from, Role to) {
  const Status s = status(i);
  --counts_[index(from, s)];
  ++counts_[index(to, s)];
  if (s == Status::Active) active_.move(i, static_cast<std::size_t>(to));
}

std::size_t PlatformState::active_total() const {
  std::size_t total = 0;
  for (std::size_t r = 0; r < kRoles; ++r) total += active_.size(r);
  return total;
}

double PlatformState::annoyance(std::uint32_t i, double now, double decay_per_day) const {
  if (annoyance_[i] == 0.0f) return 0.0;
  return annoyance_[i] * std::exp(-decay_per_day * (now - annoyed_at_[i]));
}

void PlatformState::annoy(std::uint32_t i, double amount, double now, double decay_per_day) {
  annoyance_[i] = static_cast<float>(annoyance(i, now, decay_per_day) + amount);
  annoyed_at_[i] = static_cast<float>(now);
}

}  // namespace netadopt::models::essay
