#pragma once
// A Poisson process whose rate changes with the state, kept as one event in the future-event
// set (next-reaction style). When the rate changes, the pending firing is redrawn from now with
// the new rate: exact, because the exponential waiting time is memoryless. With one clock per
// aggregated process this is Gillespie's direct method; with several it is Gibson and Bruck's
// next-reaction method with redrawn (rather than rescaled) times.
#include "netadopt/core/random.hpp"
#include "netadopt/core/simulator.hpp"

namespace netadopt::core {

class StateArchive;

class PoissonClock {
 public:
  PoissonClock(std::uint32_t kind, std::uint64_t subject) : kind_(kind), subject_(subject) {}

  // Sets the rate (>= 0) from the simulator's current time; rate 0 stops the clock. A clock
  // whose rate is unchanged and whose firing is still pending keeps it (no draw is spent).
  void set_rate(Simulator& sim, Stream& stream, double rate);
  double rate() const { return rate_; }

  void persist(StateArchive& archive, std::string_view name);  // rate and pending event

 private:
  std::uint32_t kind_;
  std::uint64_t subject_;
  double rate_ = 0.0;
  EventId pending_;
};

}  // namespace netadopt::core
