#pragma once
// Internal to the run module: when a resumable replication pauses. Before each event it asks,
// in order: was a stop requested (a signal)? does the next event lie beyond the next pause day
// (a stop day, a fork's day, a multiple of the simulated checkpoint interval)? has the
// wall-clock checkpoint interval elapsed (looked at every 1024 events: a clock read costs
// about as much as an event)?
#include <chrono>
#include <cstdint>
#include <optional>

#include "netadopt/core/simulator.hpp"
#include "netadopt/run/resumable.hpp"

namespace netadopt::run {

struct PauseReasons {
  bool signal = false;      // stop: SIGTERM or SIGINT
  bool stop_day = false;    // stop: the policy's stop day
  bool fork = false;        // switch to the fork's scenario
  bool checkpoint = false;  // store a checkpoint, then go on
  bool at_day = false;      // a pause day was reached (not the wall clock, not a signal)
  bool stops() const { return signal || stop_day; }
};

class Pauses : public core::PauseCheck {
 public:
  // `fork_day`: the day to switch to a fork, unless already switched (nullopt).
  Pauses(const CheckpointPolicy& policy, std::optional<double> fork_day, double now);

  bool pause_before(const core::Event& next, const core::Simulator& sim) override;
  const PauseReasons& reasons() const { return reasons_; }
  double day() const { return day_; }  // the pause day just reached (when reasons().at_day)
  void resume();  // after handling the reasons: plans the next pause day, restarts the clock

  using Clock = std::chrono::steady_clock;

 private:
  void plan_from(double from);

  const CheckpointPolicy& policy_;
  std::optional<double> fork_day_;
  double stop_day_ = 0.0, interval_day_ = 0.0, day_ = 0.0;
  Clock::time_point due_;
  std::uint32_t countdown_ = 1024;
  PauseReasons reasons_;
};

}  // namespace netadopt::run
