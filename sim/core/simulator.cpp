#include "netadopt/core/simulator.hpp"

#include <cmath>
#include <stdexcept>

namespace netadopt::core {

std::size_t RunWindow::report_count() const {
  if (!(report_interval > 0.0) || !(horizon >= 0.0))
    throw std::invalid_argument("RunWindow: need horizon >= 0 and report_interval > 0");
  // A relative slack of 1e-9 keeps a horizon that is an exact multiple of the interval in.
  return static_cast<std::size_t>(std::floor(horizon / report_interval * (1.0 + 1e-12) + 1e-9)) + 1;
}

void Simulator::report_before(Time time, Observer& observer, const RunWindow& window) {
  const std::size_t count = window.report_count();
  while (next_report_ < count) {
    const Time t = static_cast<double>(next_report_) * window.report_interval;
    if (!(t < time)) break;
    observer.sample(next_report_++, t);
  }
}

void Simulator::run(EventHandler& handler, Observer& observer, const RunWindow& window) {
  while (!queue_.empty() && queue_.top().time <= window.horizon) {
    const Event event = queue_.pop();
    report_before(event.time, observer, window);
    now_ = event.time;
    fingerprint_.add(event);
    ++events_;
    handler.handle(event, *this);
  }
  report_before(std::nextafter(window.horizon, INFINITY), observer, window);
  now_ = window.horizon;
}

}  // namespace netadopt::core
