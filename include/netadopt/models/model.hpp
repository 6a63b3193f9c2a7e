#pragma once
// What every model provides to the runner: it is the event handler of one replication, it
// schedules its first events, and it records its state into the output variables its catalog
// entry declares (catalog/catalog.hpp: the layout follows from the scenario alone) at each
// reporting time. For checkpoints it saves and loads its state, and for forks it adapts a loaded
// state to changed parameters.
#include <vector>

#include "netadopt/core/simulator.hpp"
#include "netadopt/core/state_archive.hpp"
#include "netadopt/models/recorder.hpp"
#include "netadopt/models/variables.hpp"

namespace netadopt::models {

class Model : public core::EventHandler {
 public:
  virtual void start(core::Simulator& sim) = 0;  // schedule the initial events
  // Not const: a model may report counts since the previous reporting time, and reset them, or
  // bring state it updates lazily up to `time`, the reporting time (days).
  virtual void record(Recorder& recorder, std::size_t time_index, double time) = 0;

  // Checkpoints: saves, or loads, every field that can change during a run (agents, network,
  // random streams, accumulators), so that a loaded model continues exactly as the saved one
  // would have. Loading happens into a model freshly built from a scenario with the same
  // structural keys; it throws core::StateError when the saved state does not fit it.
  virtual void persist(core::StateArchive& archive) = 0;
  // Forks: the state was loaded into a model built from changed (non-structural) keys. Bring
  // rates, clocks and scheduled events in line with the new parameters from sim.now(); draws
  // may be spent (the branch diverges from the base run from here on).
  virtual void reconfigure(core::Simulator& sim) = 0;
};

}  // namespace netadopt::models
