#include "netadopt/core/random.hpp"

#include "netadopt/core/state_archive.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace netadopt::core {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

namespace {
__extension__ typedef unsigned __int128 uint128;

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// Folds the three key parts into one 64-bit word, each through a SplitMix64 step, so that
// (seed, rep, purpose) and (seed, purpose, rep) differ.
std::uint64_t stream_key(std::uint64_t seed, std::uint64_t replication, std::uint64_t purpose) {
  std::uint64_t state = seed;
  std::uint64_t key = splitmix64(state);
  state = key ^ replication;
  key = splitmix64(state);
  state = key ^ purpose;
  return splitmix64(state);
}
}  // namespace

Stream Stream::from_state(const std::array<std::uint64_t, 4>& state) {
  Stream stream(0, 0, 0);
  stream.s_ = state;
  return stream;
}

void Stream::persist(StateArchive& archive, std::string_view name) { archive.value(name, s_); }

Stream::Stream(std::uint64_t seed, std::uint64_t replication, std::uint64_t purpose) {
  std::uint64_t state = stream_key(seed, replication, purpose);
  for (auto& word : s_) word = splitmix64(state);
}

std::uint64_t Stream::next_u64() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Stream::uniform01() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

double Stream::uniform_open01() {
  return (static_cast<double>(next_u64() >> 11) + 0.5) * 0x1.0p-53;
}

double Stream::standard_normal() {
  const double radius = std::sqrt(-2.0 * std::log(uniform_open01()));
  return radius * std::cos(2.0 * std::numbers::pi * uniform01());
}

std::uint64_t Stream::uniform_index(std::uint64_t n) {
  if (n == 0) throw std::invalid_argument("uniform_index: n must be positive");
  uint128 m = static_cast<uint128>(next_u64()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<uint128>(next_u64()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

double Stream::exponential(double rate) { return -std::log1p(-uniform01()) / rate; }

bool Stream::bernoulli(double p) { return uniform01() < p; }

}  // namespace netadopt::core
