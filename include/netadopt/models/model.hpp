#pragma once
// What every model provides to the runner: it is the event handler of one replication, it
// schedules its first events, and it records its state into the declared output variables at
// each reporting time.
#include <vector>

#include "netadopt/core/simulator.hpp"
#include "netadopt/models/recorder.hpp"
#include "netadopt/run/result.hpp"

namespace netadopt::models {

class Model : public core::EventHandler {
 public:
  virtual std::vector<run::VariableSpec> outputs() const = 0;
  virtual void start(core::Simulator& sim) = 0;            // schedule the initial events
  // Not const: a model may report counts since the previous reporting time, and reset them.
  virtual void record(Recorder& recorder, std::size_t time_index) = 0;
};

}  // namespace netadopt::models
