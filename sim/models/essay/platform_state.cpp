#include "netadopt/models/essay/platform_state.hpp"

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
      invited_(agents, 1) {
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
  if (previous == Status::Unaware) {
    changed(kAwarenessBit + awareness_.pool_of(i));
    changed(kAwarenessBit + kKnown);
    awareness_.move(i, kKnown);
  }
  if (previous == Status::Active) {
    changed(kActiveBit + active_.pool_of(i));
    active_.remove(i);
    --active_total_;
  }
  if (next == Status::Active) {
    changed(kActiveBit + static_cast<unsigned>(role));
    active_.insert(static_cast<std::size_t>(role), i);
    ++active_total_;
    if (invited_.pool_of(i) != core::PoolFamily::kNoPool) {
      changed(kInvitedBit);
      invited_.remove(i);
    }
  }
}

void PlatformState::add_invited(std::uint32_t i) {
  if (invited_.pool_of(i) != core::PoolFamily::kNoPool) return;
  changed(kInvitedBit);
  invited_.insert(0, i);
}

std::uint32_t PlatformState::take_invited(core::Stream& stream) {
  const std::uint32_t i = invited_.pick(0, stream);
  changed(kInvitedBit);
  invited_.remove(i);
  return i;
}

void PlatformState::change_role(std::uint32_t i, Role from, Role to) {
  const Status s = status(i);
  --counts_[index(from, s)];
  ++counts_[index(to, s)];
  if (s != Status::Active) return;
  changed(kActiveBit + static_cast<unsigned>(from));
  changed(kActiveBit + static_cast<unsigned>(to));
  active_.move(i, static_cast<std::size_t>(to));
}

}  // namespace netadopt::models::essay
