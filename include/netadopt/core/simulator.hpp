#pragma once
// The run loop. It pops events in order, hands each to the model, and asks an observer to
// sample the state at fixed reporting times t_k = k * interval (k = 0, 1, ...) before the
// horizon, and at the horizon itself (so the last interval may be shorter). Sampling never moves
// the dynamics onto a grid: the sample at t_k is the state after every event with time <= t_k,
// which is the exact state of the continuous-time process at t_k.
#include <cstdint>

#include "netadopt/core/event_queue.hpp"
#include "netadopt/core/fingerprint.hpp"

namespace netadopt::core {

class Simulator;

// What the model implements: the effect of one event (it may schedule, cancel and reschedule).
class EventHandler {
 public:
  virtual ~EventHandler() = default;
  virtual void handle(const Event& event, Simulator& sim) = 0;
};

// What output implements: record the state at the `index`-th reporting time.
class Observer {
 public:
  virtual ~Observer() = default;
  virtual void sample(std::size_t index, Time time) = 0;
};

struct RunWindow {
  Time horizon = 0.0;                // the run stops after the last event at or before this time
  Time report_interval = 1.0;        // > 0
  std::size_t report_count() const;  // reporting times: k * interval < horizon, and horizon
  Time report_time(std::size_t k) const;  // the k-th reporting time
};

// Asked before each event whether the run should stop there (to write a checkpoint, or at a
// fork's date). A paused run resumes exactly where it stopped: nothing of the next event has
// been done, not even the reports due before it.
class PauseCheck {
 public:
  virtual ~PauseCheck() = default;
  virtual bool pause_before(const Event& next, const Simulator& sim) = 0;
};

class StateArchive;

class Simulator {
 public:
  EventQueue& queue() { return queue_; }
  Time now() const { return now_; }
  std::uint64_t events_processed() const { return events_; }
  std::uint64_t fingerprint() const { return fingerprint_.value(); }
  // Lets a handler add what an event decided (the agent it picked) to the fingerprint.
  void note(std::uint64_t decision) { fingerprint_.note(decision); }

  // Runs to the horizon and returns true, or returns false when `pause` asked to stop first;
  // calling run again continues from there.
  bool run(EventHandler& handler, Observer& observer, const RunWindow& window,
           PauseCheck* pause = nullptr);
  // A fork's branch point, between the last event and the next (which lies after `time`):
  // takes the samples due at reporting times <= `time` and moves the clock to `time`, so that
  // what is drawn next is drawn from there.
  void report_through(Time time, Observer& observer, const RunWindow& window);

  void persist(StateArchive& archive);  // clock, counters, fingerprint and event set

 private:
  void report_before(Time time, Observer& observer, const RunWindow& window);

  EventQueue queue_;
  Time now_ = 0.0;
  std::uint64_t events_ = 0;
  std::size_t next_report_ = 0;
  std::size_t report_count_ = 0;
  Fingerprint fingerprint_;
};

}  // namespace netadopt::core
