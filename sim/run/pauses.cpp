#include "pauses.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace netadopt::run {

namespace {
constexpr double kNever = std::numeric_limits<double>::infinity();

Pauses::Clock::time_point after(double seconds) {
  return Pauses::Clock::now() + std::chrono::duration_cast<Pauses::Clock::duration>(
                                    std::chrono::duration<double>(seconds));
}
}  // namespace

Pauses::Pauses(const CheckpointPolicy& policy, std::optional<double> fork_day, double now)
    : policy_(policy), fork_day_(fork_day), due_(after(policy.every_wall_seconds)) {
  plan_from(now);
}

// The pause days at or after `from` (a day equal to the current time still pauses: nothing
// after it has run yet).
void Pauses::plan_from(double from) {
  stop_day_ = policy_.stop_day && *policy_.stop_day >= from ? *policy_.stop_day : kNever;
  if (fork_day_ && *fork_day_ < from) fork_day_.reset();
  interval_day_ = kNever;
  if (policy_.every_days > 0.0) {
    double k = std::max(1.0, std::ceil(from / policy_.every_days));
    while (k * policy_.every_days < from) k += 1.0;
    interval_day_ = k * policy_.every_days;
  }
  day_ = std::min({stop_day_, fork_day_.value_or(kNever), interval_day_});
}

bool Pauses::pause_before(const core::Event& next, const core::Simulator&) {
  reasons_ = {};
  if (stop_requested() != 0) {
    reasons_.signal = true;
    return true;
  }
  if (next.time > day_) {
    reasons_.at_day = true;
    reasons_.stop_day = stop_day_ == day_;
    reasons_.fork = fork_day_ && *fork_day_ == day_;
    reasons_.checkpoint = interval_day_ == day_;
    return true;
  }
  if (policy_.every_wall_seconds > 0.0 && --countdown_ == 0) {
    countdown_ = 1024;
    if (Clock::now() >= due_) {
      reasons_.checkpoint = true;
      return true;
    }
  }
  return false;
}

void Pauses::resume() {
  if (reasons_.fork) fork_day_.reset();
  if (reasons_.checkpoint && policy_.every_wall_seconds > 0.0)
    due_ = after(policy_.every_wall_seconds);
  if (reasons_.at_day) plan_from(std::nextafter(day_, kNever));  // strictly after this day
  reasons_ = {};
}

}  // namespace netadopt::run
