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

void PoolFamily::persist(StateArchive& archive) {
  archive.expect("entities", position_.size());
  archive.expect("pools", members_.size());
  archive.nested("members", members_);
  archive.vector("position", position_);
  archive.vector("pool_of", pool_of_);
}

void PoolFamily::throw_empty_pick() {
  throw std::logic_error("PoolFamily: pick from an empty pool");
}

}  // namespace netadopt::core
