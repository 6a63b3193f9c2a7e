#include "netadopt/core/fingerprint.hpp"

#include <bit>

namespace netadopt::core {

void Fingerprint::mix(std::uint64_t word) {
  hash_ ^= word + 0x9e3779b97f4a7c15ULL + (hash_ << 6) + (hash_ >> 2);
  hash_ *= 0xff51afd7ed558ccdULL;
  hash_ ^= hash_ >> 33;
}

void Fingerprint::add(const Event& event) {
  mix(std::bit_cast<std::uint64_t>(event.time));
  mix(event.kind);
  mix(event.subject);
}

}  // namespace netadopt::core
