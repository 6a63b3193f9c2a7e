#include "netadopt/core/simulator.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "netadopt/core/state_archive.hpp"

namespace netadopt::core {

std::size_t RunWindow::report_count() const {
  if (!(report_interval > 0.0) || !(horizon >= 0.0))
    throw std::invalid_argument("RunWindow: need horizon >= 0 and report_interval > 0");
  // Multiples of the interval strictly before the horizon (a relative slack of 1e-9 treats a
  // horizon within rounding of a multiple as that multiple), then the horizon.
  const double steps = horizon / report_interval;
  const auto below = static_cast<std::size_t>(std::ceil(steps - 1e-9 * std::max(1.0, steps)));
  return std::max<std::size_t>(below, 1) + (horizon > 0.0 ? 1 : 0);
}

Time RunWindow::report_time(std::size_t k) const {
  return k + 1 == report_count() ? horizon : static_cast<double>(k) * report_interval;
}

void Simulator::report_before(Time time, Observer& observer, const RunWindow& window) {
  while (next_report_ < report_count_) {
    const Time t = next_report_ + 1 == report_count_
                       ? window.horizon
                       : static_cast<double>(next_report_) * window.report_interval;
    if (!(t < time)) break;
    observer.sample(next_report_++, t);
  }
}

void Simulator::report_through(Time time, Observer& observer, const RunWindow& window) {
  report_count_ = window.report_count();
  report_before(std::nextafter(time, INFINITY), observer, window);
  now_ = std::max(now_, time);
}

void Simulator::persist(StateArchive& archive) {
  archive.value("now", now_);
  archive.value("events", events_);
  archive.value("next_report", next_report_);
  std::uint64_t hash = fingerprint_.value();
  archive.value("fingerprint", hash);
  fingerprint_.restore(hash);
  StateArchive::Scope scope(archive, "queue");
  queue_.persist(archive);
}

bool Simulator::run(EventHandler& handler, Observer& observer, const RunWindow& window,
                    PauseCheck* pause) {
  report_count_ = window.report_count();
  while (!queue_.empty() && queue_.top().time <= window.horizon) {
    if (pause && pause->pause_before(queue_.top(), *this)) return false;
    const Event event = queue_.pop();
    report_before(event.time, observer, window);
    now_ = event.time;
    fingerprint_.add(event);
    ++events_;
    handler.handle(event, *this);
  }
  report_before(std::nextafter(window.horizon, INFINITY), observer, window);
  now_ = window.horizon;
  return true;
}

}  // namespace netadopt::core
