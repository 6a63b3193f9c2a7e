#include "netadopt/core/poisson_clock.hpp"

#include <cmath>
#include <stdexcept>

#include "netadopt/core/state_archive.hpp"

namespace netadopt::core {

void PoissonClock::set_rate(Simulator& sim, Stream& stream, double rate) {
  if (!(rate >= 0.0) || rate == INFINITY)
    throw std::invalid_argument("PoissonClock: rate must be finite and >= 0");
  EventQueue& queue = sim.queue();
  // Memorylessness: a pending firing at an unchanged rate is still a valid draw.
  if (rate == rate_ && queue.contains(pending_)) return;
  rate_ = rate;
  if (rate == 0.0) {
    queue.cancel(pending_);
    return;
  }
  const Time when = sim.now() + stream.exponential(rate);
  if (!queue.reschedule(pending_, when)) pending_ = queue.schedule(when, kind_, subject_);
}

void PoissonClock::persist(StateArchive& archive, std::string_view name) {
  StateArchive::Scope scope(archive, name);
  archive.value("rate", rate_);
  archive.value("pending", pending_);
}

}  // namespace netadopt::core
