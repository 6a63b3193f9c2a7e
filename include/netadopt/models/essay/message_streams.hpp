#pragma once
// Prospecting messages on one platform, drawn when they matter (H2, H4).
//
// The process (ODD, "Prospecting"): each active salesperson sends messages at rate mu, each to
// a uniform active member; a message leaves `amount` of annoyance that decays at rate d. So
// member i receives messages as a Poisson stream of intensity mu S(t) / A(t) while it is active
// (S active salespeople, A active members), of which a salesperson's own are a thinned share
// 1 / S(t) (counted, but nobody is annoyed by its own message).
//
// Nothing reads i's annoyance between its evaluations, so its messages are drawn then, in one
// go: when it evaluates, when its stream changes (it leaves, or its role changes), at each
// reporting time (for the `messages` count of the interval), and before a fork changes the
// prospecting parameters. The draws integrate the actual step history of S and A since i's
// last update: the platform keeps K(t) = integral of mu S / A, stamped at each change of S, A
// or mu; a window's count is Poisson(K(now) - K(since)) and each message lies where K reaches
// a uniform point of [K(since), K(now)], so each message's decay is exact. The result is the
// process with one event per message, in distribution (tests/models/essay/test_essay_messages.cpp
// compares the two), at a cost per message of a uniform, a segment lookup and an exponential
// instead of an event.
//
// Each reporting time delivers every active member's messages, so the stamps only go back to
// the last reporting time and are restarted there. Who is active, and whether as a salesperson,
// is read from the platform's active pools (PlatformState), not kept twice.
#include <cstdint>
#include <vector>

#include "netadopt/core/pool_family.hpp"
#include "netadopt/core/random.hpp"
#include "netadopt/core/state_archive.hpp"

namespace netadopt::models::essay {

// The prospecting parameters a platform's pending messages were sent under.
struct MessageParams {
  double rate_per_day = 0;   // messages per active salesperson per day (mu)
  double amount = 0;         // annoyance per message
  double decay_per_day = 0;  // annoyance decay rate
  bool operator==(const MessageParams&) const = default;
};

class MessageStreams {
 public:
  MessageStreams(std::size_t agents, double start);

  // The platform's active salespeople or members, or mu, changed at `now`: a new segment of K.
  void restamp(double now, double rate_per_day, std::size_t salespeople, std::size_t active);
  // i became active at `now`: its stream starts there (its old annoyance decayed to `now`).
  void open(std::uint32_t i, double now, double decay_per_day);
  // Draws the messages active member i received since its stream's last update and adds their
  // annoyance; returns how many were sent to i (its own included). The stream goes on from
  // `now`. `active`: the platform's active pools, i still in its pool (a salesperson's own
  // messages are told apart by it).
  std::uint64_t deliver(std::uint32_t i, double now, const core::PoolFamily& active,
                        const MessageParams& params, core::Stream& stream);
  // Every active member's stream delivered to `now`, in agent order; the stamps before `now`
  // are dropped. Returns the messages sent.
  std::uint64_t deliver_all(double now, const core::PoolFamily& active, const MessageParams& params,
                            core::Stream& stream);
  // i's annoyance at `now`, of the messages delivered so far.
  double annoyance(std::uint32_t i, double now, double decay_per_day) const;

  void persist(core::StateArchive& archive);  // checkpoints (essay_checkpoint.cpp)

 private:
  // A segment of K: from time t, K = k + slope (time - t), with `salespeople` active.
  struct Stamp {
    double t;
    double k;
    double slope;
    double salespeople;
  };
  std::size_t segment_at(double t) const;  // the last stamp at or before t
  double integral(double t) const;
  double time_of(double k, std::size_t& segment) const;  // inverse of K, from `segment` on
  std::uint64_t draw(std::uint32_t i, bool salesperson, double now, double k_now,
                     double none_from_first, bool advance, const MessageParams& params,
                     core::Stream& stream);
  void fill_buckets(double k_end);
  void check_loaded() const;  // after a load: throws core::StateError

  std::vector<Stamp> stamps_;
  // Per agent: the annoyance `value_` at day `at_`, the day of the last delivery with a
  // message, or of the stream's opening. An active member's messages are drawn from max(at,
  // the first stamp's day): deliver_all delivers every active member at each restart, most
  // without a message, and leaves those as they were.
  std::vector<double> at_;
  std::vector<float> value_;
  std::vector<std::uint32_t> bucket_;  // during deliver_all: see fill_buckets
  double per_bucket_ = 0;
};

}  // namespace netadopt::models::essay
