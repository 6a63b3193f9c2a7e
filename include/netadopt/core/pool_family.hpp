#pragma once
// Disjoint pools of entities (agents) that share one position index: each entity is in at most
// one pool of the family, and insert, remove, move and a uniform pick all cost O(1). This is
// what makes aggregated Gillespie clocks cheap: the entities that share a rate sit in one
// pool, the clock's rate is (pool size) x (rate), and the entity an event befalls is a uniform
// pick from the pool.
// remove and pick are inline: an essay run does one or two of them per event.
#include <cstdint>
#include <vector>

#include "netadopt/core/random.hpp"

namespace netadopt::core {

class StateArchive;

class PoolFamily {
 public:
  static constexpr std::uint8_t kNoPool = 0xff;

  PoolFamily(std::size_t entities, std::size_t pools);

  void insert(std::size_t pool, std::uint32_t entity);  // entity must be in no pool
  void remove(std::uint32_t entity);                    // no-op if in no pool
  void move(std::uint32_t entity, std::size_t pool) {
    remove(entity);
    insert(pool, entity);
  }
  std::uint8_t pool_of(std::uint32_t entity) const { return pool_of_[entity]; }
  std::size_t size(std::size_t pool) const { return members_[pool].size(); }
  std::uint32_t pick(std::size_t pool, Stream& stream) const;  // uniform; pool non-empty
  std::uint32_t at(std::size_t pool, std::size_t index) const { return members_[pool][index]; }

  void persist(StateArchive& archive);  // checkpoints: sizes must match on load

 private:
  [[noreturn]] static void throw_empty_pick();
  std::vector<std::vector<std::uint32_t>> members_;
  std::vector<std::uint32_t> position_;
  std::vector<std::uint8_t> pool_of_;
};

inline void PoolFamily::remove(std::uint32_t entity) {
  const std::uint8_t pool = pool_of_[entity];
  if (pool == kNoPool) return;
  auto& list = members_[pool];
  const std::uint32_t last = list.back();
  list[position_[entity]] = last;
  position_[last] = position_[entity];
  list.pop_back();
  pool_of_[entity] = kNoPool;
}

inline std::uint32_t PoolFamily::pick(std::size_t pool, Stream& stream) const {
  const auto& list = members_[pool];
  if (list.empty()) throw_empty_pick();
  return list[stream.uniform_index(list.size())];
}

}  // namespace netadopt::core
