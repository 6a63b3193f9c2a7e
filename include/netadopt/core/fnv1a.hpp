#pragma once
// FNV-1a, 64 bits (Fowler, Noll and Vo): a stable, fast, non-cryptographic hash, the one
// definition for every user: stream purposes (purpose_id), the sweep's identity (sweep_hash),
// the pair codec's checksum, and the network's digest (which mixes whole words, not bytes).
#include <cstdint>
#include <string_view>

namespace netadopt::core {

// The offset basis: the hash of no input.
constexpr std::uint64_t kFnv1aBasis = 0xcbf29ce484222325ULL;

// One step: `word` (a byte, or a whole word for a caller that hashes words) mixed into `hash`.
constexpr std::uint64_t fnv1a_mix(std::uint64_t hash, std::uint64_t word) {
  return (hash ^ word) * 0x100000001b3ULL;
}

// `bytes` mixed into `hash` one byte at a time, so fnv1a(b, fnv1a(a)) == fnv1a(a + b).
constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = kFnv1aBasis) {
  for (const char c : bytes) hash = fnv1a_mix(hash, static_cast<unsigned char>(c));
  return hash;
}

}  // namespace netadopt::core
