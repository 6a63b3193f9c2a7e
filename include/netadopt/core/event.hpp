#pragma once
// An event of the simulation: when it happens, how it is ordered against events at the same
// time, and what it is about. The core never interprets `kind` or `subject`: they belong to the
// model that scheduled the event (an event kind, and an agent or other entity index).
#include <cstdint>

namespace netadopt::core {

using Time = double;  // simulated time; the models use days since the scenario's start date

struct Event {
  Time time = 0.0;
  std::int32_t priority = 0;   // lower runs first among events at the same time
  std::uint64_t sequence = 0;  // insertion order: the last tie-breaker
  std::uint32_t kind = 0;
  std::uint64_t subject = 0;
};

// Strict weak order of the future-event set: time, then priority, then insertion order.
inline bool runs_before(const Event& a, const Event& b) {
  if (a.time != b.time) return a.time < b.time;
  if (a.priority != b.priority) return a.priority < b.priority;
  return a.sequence < b.sequence;
}

// A handle on a scheduled event. It goes stale once the event runs or is cancelled; stale
// handles are recognised (cancel returns false) instead of touching another event.
struct EventId {
  std::uint32_t slot = UINT32_MAX;
  std::uint32_t generation = 0;
  bool valid() const { return slot != UINT32_MAX; }
};

}  // namespace netadopt::core
