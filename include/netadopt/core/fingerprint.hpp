#pragma once
// A fingerprint of an event trajectory: a 64-bit hash of every processed event's time (its exact
// bits), kind and subject, in order. Two runs with equal fingerprints took the same path;
// regression tests pin it, as OMNeT++ does.
#include <cstdint>

#include "netadopt/core/event.hpp"

namespace netadopt::core {

class Fingerprint {
 public:
  void add(const Event& event);
  void note(std::uint64_t decision) { mix(decision); }
  std::uint64_t value() const { return hash_; }
  void restore(std::uint64_t value) { hash_ = value; }  // checkpoints

 private:
  void mix(std::uint64_t word);
  std::uint64_t hash_ = 0x6a09e667f3bcc908ULL;
};

}  // namespace netadopt::core
