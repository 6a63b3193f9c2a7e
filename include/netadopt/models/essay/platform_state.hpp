#pragma once
// Each agent's state on each platform (unaware, aware, active, dormant), the pools the
// aggregated clocks draw from, and the counts the output reports (the annoyance left by
// prospecting messages is in message_streams.hpp). Every transition goes through here, so pools and
// counts never disagree with the states. Every pool change also sets a bit in a "changed pools"
// mask, which the model takes after each event to redraw only the clocks whose rate may have
// changed (most events touch one or two pools of one platform; recomputing all the clocks after
// each event was ~15% of a run).
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "netadopt/core/pool_family.hpp"
#include "netadopt/core/state_archive.hpp"
#include "netadopt/models/essay/structure/roles.hpp"

namespace netadopt::models::essay {

enum class Status : std::uint8_t { Unaware = 0, Aware = 1, Active = 2, Dormant = 3 };
constexpr int kStatuses = 4;
const std::array<std::string, kStatuses>& status_names();

class PlatformState {
 public:
  // Awareness pools: 0..2 unaware by occupation, 3 known (aware, active or dormant).
  static constexpr std::size_t kKnown = kOccupations;

  PlatformState(std::size_t agents, const std::vector<Occupation>& occupations,
                const std::vector<Role>& roles);

  Status status(std::uint32_t i) const { return static_cast<Status>(status_[i]); }
  void set_status(std::uint32_t i, Status next, Role role);
  void change_role(std::uint32_t i, Role from, Role to);  // an active member's role changed

  const core::PoolFamily& awareness_pools() const { return awareness_; }
  const core::PoolFamily& active_pools() const { return active_; }  // by role
  // Pending invitations: agents who received one and have not yet looked at it (at most one
  // pending invitation per agent; a member who becomes active by another path leaves).
  void add_invited(std::uint32_t i);
  std::uint32_t take_invited(core::Stream& stream);  // a uniform pending one; pool non-empty
  std::size_t invited() const { return invited_.size(0); }
  std::size_t count(Role role, Status status) const { return counts_[index(role, status)]; }
  std::size_t active_total() const { return active_total_; }

  // Bits of the changed-pools mask: awareness pool k, active pool of role r, the invited pool.
  static constexpr unsigned kAwarenessBit = 0;
  static constexpr unsigned kActiveBit = kKnown + 1;
  static constexpr unsigned kInvitedBit = kActiveBit + kRoles;
  static constexpr std::uint32_t kAllPools = (1u << (kInvitedBit + 1)) - 1;
  // The pools whose size may have changed since the last call (a superset), and clears it.
  std::uint32_t take_changed_pools() { return std::exchange(changed_, 0u); }
  void mark_all_changed() { changed_ = kAllPools; }

  void persist(core::StateArchive& archive);  // checkpoints

 private:
  static std::size_t index(Role r, Status s) {
    return static_cast<std::size_t>(r) * kStatuses + static_cast<std::size_t>(s);
  }
  std::vector<std::uint8_t> status_;
  core::PoolFamily awareness_;
  core::PoolFamily active_;
  core::PoolFamily invited_;  // one pool
  void changed(unsigned bit) { changed_ |= 1u << bit; }
  std::array<std::size_t, kRoles * kStatuses> counts_{};
  std::size_t active_total_ = 0;  // sum of the active pools
  std::uint32_t changed_ = kAllPools;
};

}  // namespace netadopt::models::essay
