#include "netadopt/core/pool_family.hpp"

#include <stdexcept>

#include "netadopt/core/state_archive.hpp"

namespace netadopt::core {

PoolFamily::PoolFamily(std::size_t entities, std::size_t pools)
    : members_(pools), position_(entities, 0), pool_of_(entities, kNoPool) {
  if (pools >= kNoPool) throw std::invalid_argument("PoolFamily: at most 254 pools");
}

void PoolFamily::insert(std::size_t pool, std::uint32_t entity) {
  if (pool_of_[entity] != kNoPool) throw std::logic_error("PoolFamily: entity already pooled");
  position_[entity] = static_cast<std::uint32_t>(members_[pool].size());
  members_[pool].push_back(entity);
  pool_of_[entity] = static_cast<std::uint8_t>(pool);
}

void PoolFamily::remove(std::uint32_t entity) {
  const std::uint8_t pool = pool_of_[entity];
  if (pool == kNoPool) return;
  auto& list = members_[pool];
  const std::uint32_t last = list.back();
  list[position_[entity]] = last;
  position_[last] = position_[entity];
  list.pop_back();
  pool_of_[entity] = kNoPool;
}

void PoolFamily::persist(StateArchive& archive) {
  archive.expect("entities", position_.size());
  archive.expect("pools", members_.size());
  archive.nested("members", members_);
  archive.vector("position", position_);
  archive.vector("pool_of", pool_of_);
}

std::uint32_t PoolFamily::pick(std::size_t pool, Stream& stream) const {
  const auto& list = members_[pool];
  if (list.empty()) throw std::logic_error("PoolFamily: pick from an empty pool");
  return list[stream.uniform_index(list.size())];
}

}  // namespace netadopt::core
