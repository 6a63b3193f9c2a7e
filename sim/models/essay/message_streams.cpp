#include "netadopt/models/essay/message_streams.hpp"

#include <algorithm>
#include <cmath>

#include "netadopt/models/essay/structure/roles.hpp"

namespace netadopt::models::essay {

MessageStreams::MessageStreams(std::size_t agents, double start)
    : stamps_{Stamp{start, 0.0, 0.0, 0.0}}, at_(agents, start), value_(agents, 0.0f) {}

void MessageStreams::restamp(double now, double rate_per_day, std::size_t salespeople,
                             std::size_t active) {
  const double slope =
      active > 0 ? rate_per_day * static_cast<double>(salespeople) / static_cast<double>(active)
                 : 0.0;
  Stamp& last = stamps_.back();
  if (last.t == now) {  // several changes at one instant: only the last slope lasts
    last.slope = slope;
    last.salespeople = static_cast<double>(salespeople);
    return;
  }
  const double k = last.k + last.slope * (now - last.t);
  stamps_.push_back({now, k, slope, static_cast<double>(salespeople)});
}

void MessageStreams::open(std::uint32_t i, double now, double decay_per_day) {
  if (value_[i] != 0.0f)
    value_[i] = static_cast<float>(value_[i] * std::exp(-decay_per_day * (now - at_[i])));
  at_[i] = now;
}

double MessageStreams::annoyance(std::uint32_t i, double now, double decay_per_day) const {
  if (value_[i] == 0.0f) return 0.0;
  if (at_[i] == now) return value_[i];
  return value_[i] * std::exp(-decay_per_day * (now - at_[i]));
}

std::size_t MessageStreams::segment_at(double t) const {
  if (t >= stamps_.back().t) return stamps_.size() - 1;
  const auto after = std::upper_bound(stamps_.begin(), stamps_.end(), t,
                                      [](double v, const Stamp& s) { return v < s.t; });
  return after == stamps_.begin() ? 0 : static_cast<std::size_t>(after - stamps_.begin()) - 1;
}

double MessageStreams::integral(double t) const {
  const Stamp& s = stamps_[segment_at(t)];
  return s.k + s.slope * (t - s.t);
}

// The time at which K reaches k, k at or after the start of `segment`; `segment` becomes k's.
// With the buckets of deliver_all, a walk from k's bucket; otherwise a binary search.
double MessageStreams::time_of(double k, std::size_t& segment) const {
  if (!bucket_.empty()) {
    const auto b = std::min(bucket_.size() - 1, static_cast<std::size_t>(k * per_bucket_));
    segment = std::max<std::size_t>(segment, bucket_[b]);
    while (segment + 1 < stamps_.size() && stamps_[segment + 1].k <= k) ++segment;
  } else if (segment + 1 < stamps_.size() && stamps_[segment + 1].k <= k) {
    const auto after =
        std::upper_bound(stamps_.begin() + static_cast<std::ptrdiff_t>(segment) + 1, stamps_.end(),
                         k, [](double v, const Stamp& s) { return v < s.k; });
    segment = static_cast<std::size_t>(after - stamps_.begin()) - 1;
  }
  const Stamp& s = stamps_[segment];
  return s.slope > 0.0 ? s.t + (k - s.k) / s.slope : s.t;
}

// The messages of i's stream from max(at, first stamp) to `now`: their count is
// Poisson(K(now) - K(since)), and given the count they are independent, each at the time where
// K reaches a uniform point of [K(since), K(now)]. k_now = K(now); none_from_first =
// exp(-K(now)), the chance of none for a stream that starts at the first stamp, or -1 when not
// computed. With a message, or with `advance`, i's entry moves to `now`; otherwise it stays
// (deliver_all restarts the stamps at `now`, which is the same).
std::uint64_t MessageStreams::draw(std::uint32_t i, bool salesperson, double now, double k_now,
                                   double none_from_first, bool advance,
                                   const MessageParams& params, core::Stream& stream) {
  std::size_t start = 0;
  double k_since = 0.0;
  const bool from_first = at_[i] <= stamps_.front().t;
  if (!from_first) {
    start = segment_at(at_[i]);
    k_since = stamps_[start].k + stamps_[start].slope * (at_[i] - stamps_[start].t);
  }
  const double mean = k_now - k_since;
  std::uint64_t n = 0;
  if (mean > 0.0)
    n = from_first && none_from_first >= 0.0 ? stream.poisson(mean, none_from_first)
                                             : stream.poisson(mean);
  if (n == 0 && !advance) return 0;
  double value =
      value_[i] == 0.0f ? 0.0 : value_[i] * std::exp(-params.decay_per_day * (now - at_[i]));
  for (std::uint64_t m = 0; m < n; ++m) {
    std::size_t segment = start;
    const double t = std::min(now, time_of(k_since + stream.uniform01() * mean, segment));
    // A salesperson's own messages: one in S(t) of those that pick it as the recipient.
    if (salesperson && stream.uniform01() * stamps_[segment].salespeople < 1.0) continue;
    value += params.amount * std::exp(-params.decay_per_day * (now - t));
  }
  at_[i] = now;
  value_[i] = static_cast<float>(value);
  return n;
}

std::uint64_t MessageStreams::deliver(std::uint32_t i, double now, const core::PoolFamily& active,
                                      const MessageParams& params, core::Stream& stream) {
  const bool salesperson = active.pool_of(i) == static_cast<std::uint8_t>(Role::Salesperson);
  return draw(i, salesperson, now, integral(now), -1.0, true, params, stream);
}

// Buckets of equal width over [0, k_end] of K, each with the last segment that starts at or
// before the bucket's start: twice as many buckets as segments, so a message's segment is found
// in about one step (deliver_all draws most messages; a binary search there was its main cost).
void MessageStreams::fill_buckets(double k_end) {
  bucket_.assign(2 * stamps_.size(), 0);
  per_bucket_ = k_end > 0.0 ? static_cast<double>(bucket_.size()) / k_end : 0.0;
  std::size_t segment = 0;
  for (std::size_t b = 0; b < bucket_.size(); ++b) {
    const double k = k_end * static_cast<double>(b) / static_cast<double>(bucket_.size());
    while (segment + 1 < stamps_.size() && stamps_[segment + 1].k <= k) ++segment;
    bucket_[b] = static_cast<std::uint32_t>(segment);
  }
}

std::uint64_t MessageStreams::deliver_all(double now, const core::PoolFamily& active,
                                          const MessageParams& params, core::Stream& stream) {
  const double k_now = integral(now);
  const double none_from_first = k_now <= 10.0 ? std::exp(-k_now) : -1.0;
  fill_buckets(k_now);
  std::uint64_t sent = 0;
  const auto salespeople = static_cast<std::uint8_t>(Role::Salesperson);
  for (std::uint32_t i = 0; i < at_.size(); ++i) {
    const std::uint8_t pool = active.pool_of(i);
    if (pool != core::PoolFamily::kNoPool)
      sent += draw(i, pool == salespeople, now, k_now, none_from_first, false, params, stream);
  }
  bucket_.clear();
  const Stamp last = stamps_.back();
  stamps_.assign(1, Stamp{now, 0.0, last.slope, last.salespeople});
  return sent;
}

}  // namespace netadopt::models::essay
