#pragma once
// The future-event set: an indexed binary heap. Events live in slots that are reused; the heap
// holds slot numbers, and each slot remembers its heap position, so cancel and reschedule cost
// O(log n) without searching. Ties are broken by (time, priority, insertion order); a
// rescheduled event counts as inserted anew.
#include <cstddef>
#include <vector>

#include "netadopt/core/event.hpp"

namespace netadopt::core {

class StateArchive;

class EventQueue {
 public:
  EventId schedule(Time time, std::uint32_t kind, std::uint64_t subject, std::int32_t priority = 0);
  bool cancel(EventId id);
  bool reschedule(EventId id, Time time);
  bool contains(EventId id) const;
  const Event* find(EventId id) const { return contains(id) ? &slots_[id.slot].event : nullptr; }

  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const Event& top() const { return slots_[heap_.front()].event; }
  Event pop();

  void persist(StateArchive& archive);  // checkpoints: the whole set, handles stay valid

 private:
  struct Slot {
    Event event;
    std::uint32_t heap_pos = 0;
    std::uint32_t generation = 0;
  };
  bool before(std::uint32_t a, std::uint32_t b) const;
  void place(std::size_t pos, std::uint32_t slot);
  void sift_up(std::size_t pos);
  void sift_down(std::size_t pos);
  void restore(std::size_t pos);
  void remove_at(std::size_t pos);
  std::uint32_t take_slot();

  std::vector<Slot> slots_;
  std::vector<std::uint32_t> heap_;
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace netadopt::core
