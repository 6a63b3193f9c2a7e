#pragma once
// Every agent's ties: design note.
//
// The network changes all run long (job moves add and drop ties), so it cannot be a frozen
// CSR. Each agent's list is a vector of 4-byte ties, trimmed to its size once the network is
// built and grown by a quarter (not doubled) when a move adds ties, so that spare room stays
// small at tens of millions of agents. (A single pool with relocating lists was tried: the holes
// left by moved lists and the pool's own reallocations cost more than they saved.)
// push_back appends and remove_at swaps in the last tie, so the order of every list, and with
// it every result, is that of plain vectors.
//
// A Tie is 4 bytes: the other agent in the low 30 bits, the kind in the top 2, so the essay
// model holds at most 2^30 - 1 agents.
#include <cstdint>
#include <span>
#include <vector>

#include "netadopt/core/state_archive.hpp"
#include "netadopt/models/essay/structure/roles.hpp"

namespace netadopt::models::essay {

class Tie {
 public:
  static constexpr std::uint32_t kMaxAgents = (1u << 30) - 1;

  Tie() = default;
  Tie(std::uint32_t other, TieKind kind) : bits_(other | static_cast<std::uint32_t>(kind) << 30) {}
  std::uint32_t other() const { return bits_ & kMaxAgents; }
  TieKind kind() const { return static_cast<TieKind>(bits_ >> 30); }
  void set_kind(TieKind kind) { bits_ = other() | static_cast<std::uint32_t>(kind) << 30; }
  bool operator==(const Tie&) const = default;

 private:
  std::uint32_t bits_ = 0;
};
static_assert(sizeof(Tie) == 4);

class TieLists {
 public:
  explicit TieLists(std::size_t agents);

  std::size_t agents() const { return lists_.size(); }
  std::span<const Tie> operator[](std::uint32_t i) const { return lists_[i]; }
  std::span<Tie> mutable_list(std::uint32_t i) { return lists_[i]; }
  std::size_t size(std::uint32_t i) const { return lists_[i].size(); }
  std::size_t tie_ends() const { return ends_; }

  // Gives each list room for `capacity[i]` ties, before any is added (the build's estimate).
  void reserve_all(const std::vector<std::uint32_t>& capacity);
  void push_back(std::uint32_t i, Tie tie);
  void remove_at(std::uint32_t i, std::size_t k);  // the last tie takes its place
  void trim();  // every list to its size: once the network is built
  // A build stopped by a signal (core::Stopped): the lists are left to the process's exit, held
  // where nothing frees them. Freeing 30 million small lists one by one took 1.5-2 s, the
  // prompt stop's whole budget; the process is about to exit.
  void abandon();

  void persist(core::StateArchive& archive);  // the lists in order

 private:
  std::vector<std::vector<Tie>> lists_;
  std::size_t ends_ = 0;  // ties held, over all lists
};

}  // namespace netadopt::models::essay
