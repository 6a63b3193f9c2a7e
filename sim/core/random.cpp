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

double Stream::uniform_open01() {
  return (static_cast<double>(next_u64() >> 11) + 0.5) * 0x1.0p-53;
}

double Stream::standard_normal() {
  const double radius = std::sqrt(-2.0 * std::log(uniform_open01()));
  return radius * std::cos(2.0 * std::numbers::pi * uniform01());
}

void Stream::throw_empty_range() {
  throw std::invalid_argument("uniform_index: n must be positive");
}

// The rare path of uniform_index: the first product's low word fell below n, so it may be in
// the biased zone [0, 2^64 mod n); redraw while it is. Returns the index.
std::uint64_t Stream::uniform_index_slow(std::uint64_t n, detail::uint128 m) {
  auto low = static_cast<std::uint64_t>(m);
  const std::uint64_t threshold = (0 - n) % n;
  while (low < threshold) {
    m = static_cast<detail::uint128>(next_u64()) * n;
    low = static_cast<std::uint64_t>(m);
  }
  return static_cast<std::uint64_t>(m >> 64);
}

double Stream::exponential(double rate) { return -std::log1p(-uniform01()) / rate; }

bool Stream::bernoulli(double p) { return uniform01() < p; }

namespace {
constexpr double kPoissonInversionLimit = 10.0;
}

std::uint64_t Stream::poisson(double mean) {
  return poisson(mean, mean <= kPoissonInversionLimit ? std::exp(-mean) : 0.0);
}

std::uint64_t Stream::poisson(double mean, double exp_minus_mean) {
  std::uint64_t n = 0;
  if (mean > kPoissonInversionLimit) {
    for (double t = exponential(1.0); t < mean; t += exponential(1.0)) ++n;
    return n;
  }
  // Inversion: the smallest n with u < P(N <= n). Past n = 200 the remaining probability is
  // below 1e-150 for these means; the bound only guards against rounding in u's last bits.
  double u = uniform01(), p = exp_minus_mean;
  while (u >= p && n < 200) {
    u -= p;
    ++n;
    p *= mean / static_cast<double>(n);
  }
  return n;
}

}  // namespace netadopt::core
