#pragma once
// Internal to netadopt_sweep: a journal entry as bytes and back. Layout (native endian):
// magic "NAPAIR01", sweep hash, point, replication, events, fingerprint, failure (length,
// bytes), variables (count; each: length, doubles), then FNV-1a of everything before it.
#include <cstdint>
#include <optional>
#include <vector>

#include "netadopt/sweep/journal.hpp"

namespace netadopt::sweep::detail {

std::vector<unsigned char> encode_pair(const JournalEntry& entry, std::uint64_t sweep_hash);

// None when the bytes are truncated, fail the checksum, or belong to another sweep.
std::optional<JournalEntry> decode_pair(const std::vector<unsigned char>& bytes,
                                        std::uint64_t sweep_hash);

}  // namespace netadopt::sweep::detail
