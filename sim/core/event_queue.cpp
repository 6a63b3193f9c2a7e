#include "netadopt/core/event_queue.hpp"

#include <stdexcept>

#include "netadopt/core/state_archive.hpp"

namespace netadopt::core {

bool EventQueue::before(std::uint32_t a, std::uint32_t b) const {
  return runs_before(slots_[a].event, slots_[b].event);
}

void EventQueue::place(std::size_t pos, std::uint32_t slot) {
  heap_[pos] = slot;
  slots_[slot].heap_pos = static_cast<std::uint32_t>(pos);
}

void EventQueue::sift_up(std::size_t pos) {
  const std::uint32_t moving = heap_[pos];
  while (pos > 0) {
    const std::size_t parent = (pos - 1) / 2;
    if (!before(moving, heap_[parent])) break;
    place(pos, heap_[parent]);
    pos = parent;
  }
  place(pos, moving);
}

void EventQueue::sift_down(std::size_t pos) {
  const std::uint32_t moving = heap_[pos];
  const std::size_t n = heap_.size();
  for (std::size_t child = 2 * pos + 1; child < n; child = 2 * pos + 1) {
    if (child + 1 < n && before(heap_[child + 1], heap_[child])) ++child;
    if (!before(heap_[child], moving)) break;
    place(pos, heap_[child]);
    pos = child;
  }
  place(pos, moving);
}

void EventQueue::restore(std::size_t pos) {
  if (pos > 0 && before(heap_[pos], heap_[(pos - 1) / 2]))
    sift_up(pos);
  else
    sift_down(pos);
}

std::uint32_t EventQueue::take_slot() {
  if (!free_slots_.empty()) {
    const std::uint32_t slot = free_slots_.back();
    free_slots_.pop_back();
    return slot;
  }
  if (slots_.size() >= UINT32_MAX - 1) throw std::length_error("event queue: too many events");
  slots_.emplace_back();
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

EventId EventQueue::schedule(Time time, std::uint32_t kind, std::uint64_t subject,
                             std::int32_t priority) {
  const std::uint32_t slot = take_slot();
  slots_[slot].event = Event{time, priority, next_sequence_++, kind, subject};
  heap_.push_back(slot);
  sift_up(heap_.size() - 1);
  return EventId{slot, slots_[slot].generation};
}

bool EventQueue::contains(EventId id) const {
  if (id.slot >= slots_.size()) return false;
  const Slot& s = slots_[id.slot];
  return s.generation == id.generation && s.heap_pos < heap_.size() && heap_[s.heap_pos] == id.slot;
}

void EventQueue::remove_at(std::size_t pos) {
  const std::uint32_t slot = heap_[pos];
  ++slots_[slot].generation;
  free_slots_.push_back(slot);
  const std::uint32_t last = heap_.back();
  heap_.pop_back();
  if (pos == heap_.size()) return;
  place(pos, last);
  restore(pos);
}

bool EventQueue::cancel(EventId id) {
  if (!contains(id)) return false;
  remove_at(slots_[id.slot].heap_pos);
  return true;
}

bool EventQueue::reschedule(EventId id, Time time) {
  if (!contains(id)) return false;
  Event& e = slots_[id.slot].event;
  e.time = time;
  e.sequence = next_sequence_++;
  restore(slots_[id.slot].heap_pos);
  return true;
}

Event EventQueue::pop() {
  if (heap_.empty()) throw std::logic_error("event queue: pop from an empty queue");
  const Event e = slots_[heap_.front()].event;
  remove_at(0);
  return e;
}

void EventQueue::persist(StateArchive& archive) {
  archive.vector("slots", slots_);
  archive.vector("heap", heap_);
  archive.vector("free_slots", free_slots_);
  archive.value("next_sequence", next_sequence_);
  if (!archive.is_loading()) return;
  for (std::size_t pos = 0; pos < heap_.size(); ++pos)
    if (heap_[pos] >= slots_.size() || slots_[heap_[pos]].heap_pos != pos)
      throw StateError("checkpoint: the event set is damaged (heap position " +
                       std::to_string(pos) + ")");
  for (const auto slot : free_slots_)
    if (slot >= slots_.size()) throw StateError("checkpoint: the event set is damaged (free slot)");
}

}  // namespace netadopt::core
