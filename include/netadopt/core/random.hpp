#pragma once
// Random numbers: design note.
//
// A run must be a pure function of (scenario, seed), whatever the number of threads and
// whatever the standard library. So:
//  * Every consumer draws from its own Stream, keyed by (seed, replication, purpose). Purposes
//    are named (`purpose_id("bass.adoption")`), hashed at compile time, so adding a stream for a
//    new mechanism never shifts the numbers of an existing one. Replications never share a
//    stream, so the order in which threads run them cannot matter.
//  * The generator is xoshiro256** (Blackman and Vigna 2018): 256 bits of state, period
//    2^256 - 1, fast, and it passes BigCrush. Its state is filled from the key by SplitMix64,
//    as its authors recommend, so nearby keys give unrelated streams.
//  * Distributions are written here, not taken from <random>, whose distributions differ between
//    libstdc++, libc++ and MSVC. Uniforms use the top 53 bits; bounded integers use Lemire's
//    multiply-and-reject method (unbiased); exponentials use inversion with log1p. The only libm
//    call is log1p, correctly rounded in practice on glibc; tests pin known outputs so a
//    platform that differs is caught.
//  * The generator step, uniform01 and uniform_index are inline: models draw one to three of
//    them per event, and the call cost was a few percent of an essay run.
#include <array>
#include <cstdint>
#include <string_view>

#include "netadopt/core/fnv1a.hpp"

namespace netadopt::core {

class StateArchive;

namespace detail {
__extension__ typedef unsigned __int128 uint128;
inline std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace detail

// SplitMix64 (Steele, Lea and Flood 2014): one step of the sequence starting at `state`.
std::uint64_t splitmix64(std::uint64_t& state);

// FNV-1a, 64 bits: a stable name-to-number map for stream purposes.
constexpr std::uint64_t purpose_id(std::string_view name) { return fnv1a(name); }

class Stream {
 public:
  Stream(std::uint64_t seed, std::uint64_t replication, std::uint64_t purpose);

  // A generator in a given raw state, for tests against the reference implementation.
  static Stream from_state(const std::array<std::uint64_t, 4>& state);

  std::uint64_t next_u64();
  double uniform01();                            // [0, 1), 53 random bits
  double uniform_open01();                       // (0, 1)
  std::uint64_t uniform_index(std::uint64_t n);  // {0, ..., n-1}, n > 0
  double exponential(double rate);               // mean 1/rate, rate > 0
  bool bernoulli(double p);
  // Poisson(mean), mean >= 0: inversion (one uniform) up to a mean of 10, counting the
  // exponential gaps of a unit-rate process beyond. `exp_minus_mean`, exp(-mean), may be given
  // by a caller that draws many counts of one mean.
  std::uint64_t poisson(double mean);
  std::uint64_t poisson(double mean, double exp_minus_mean);
  double standard_normal();  // Box-Muller, one of the pair (two draws)

  void persist(StateArchive& archive, std::string_view name);  // checkpoints

 private:
  std::uint64_t uniform_index_slow(std::uint64_t n, detail::uint128 m);
  [[noreturn]] static void throw_empty_range();

  std::array<std::uint64_t, 4> s_{};
};

inline std::uint64_t Stream::next_u64() {
  const std::uint64_t result = detail::rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = detail::rotl(s_[3], 45);
  return result;
}

inline double Stream::uniform01() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

// Lemire's method: the high word of a 64 x 64-bit product, unless its low word falls below n,
// where uniform_index_slow decides, redrawing when biased. n = 0 throws before any draw.
inline std::uint64_t Stream::uniform_index(std::uint64_t n) {
  if (n == 0) [[unlikely]]
    throw_empty_range();
  const detail::uint128 m = static_cast<detail::uint128>(next_u64()) * n;
  if (static_cast<std::uint64_t>(m) < n) [[unlikely]]
    return uniform_index_slow(n, m);
  return static_cast<std::uint64_t>(m >> 64);
}

}  // namespace netadopt::core
