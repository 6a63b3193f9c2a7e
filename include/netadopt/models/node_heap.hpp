#pragma once
// A binary min-heap of (time, node) with at most one entry per node and a position index, so a
// node's entry is found, lowered or replaced in O(log n) without search. It is the SIR model's
// own future-event set (see sir.hpp): entries are 16 bytes and compared directly, where the
// core's EventQueue compares 40-byte events through an indirection.
//
// Layout and speed. The entries are 1-based in a 64-byte aligned array, so a node's two
// children (2i, 2i + 1) share half a cache line and its eight great-grandchildren (8i to
// 8i + 7) fill two lines, which a sift down from i prefetches, two levels ahead. One slot past
// the last entry holds a +infinity sentinel, so the smaller of two children is picked without
// a bounds test, by a conditional move: which child is smaller is a coin flip that a branch
// mispredicts half the time. A sift down from the root (replace_top, pop) is bottom-up (Floyd;
// Wegener): the hole descends along the smaller children to a leaf, then the entry climbs
// back, because a new recovery time or the former last entry belongs near the leaves and this
// skips one compare per level. The climb stops below any entry with time >= the sifted one,
// which leaves every entry where the top-down sift would, ties included (same child choice: the
// right child only when strictly smaller), so runs are unchanged event for event
// (test_node_heap.cpp checks this against the former heap).
// Measured (SIR, ER k = 10, N = 10^5, alternated runs on a loaded 2-core VM, medians): the
// branchless sift alone was 19% slower than the former branchy one (each level now waits for
// the last), prefetching one level ahead 7% faster, two levels ahead 27% faster. Earlier,
// with branchy code, arity 2 beat 4 by 4-8%; 4-ary was not tried again.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <vector>

#ifdef __linux__
#include <sys/mman.h>
#endif

#include "netadopt/core/state_archive.hpp"

namespace netadopt::models {

class NodeHeap {
 public:
  struct Entry {
    double time;
    std::uint32_t node;
  };
  static constexpr std::uint32_t kAbsent = UINT32_MAX;

  // The entries are reserved up to their bound, one per node (plus the unused slot 0 and the
  // sentinel), so the array never grows by copying: growing by doubling left the old arrays'
  // pages resident (freed but kept by malloc) beside the new one, about 1.6 times the entries'
  // own size at SIR's peak (ER k = 10, N = 10^6). Only the pages the entries reach become
  // resident; the rest is address space.
  explicit NodeHeap(std::size_t nodes)
      : nodes_(nodes),
        capacity_(nodes + 2),
        heap_(allocate<Entry>(capacity_)),
        pos_(allocate<std::uint32_t>(nodes)) {
    std::fill(pos_.get(), pos_.get() + nodes_, kAbsent);
    heap_[1] = kSentinel;
  }

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  const Entry& top() const { return heap_[1]; }
  // The entry at 1-based position i (the top is 1, its children 2 and 3, its grandchildren 4
  // to 7), or the sentinel (time +infinity, node kAbsent) past the last: for prefetching what
  // the next events will touch.
  const Entry& at(std::size_t i) const { return i <= size_ ? heap_[i] : kSentinel; }
  bool contains(std::uint32_t node) const { return pos_[node] != kAbsent; }
  double time_of(std::uint32_t node) const { return heap_[pos_[node]].time; }
  const std::uint32_t* position_of(std::uint32_t node) const { return &pos_[node]; }  // prefetch
  std::size_t memory_bytes() const {  // reserved, not resident: 20 bytes per node
    return capacity_ * sizeof(Entry) + nodes_ * sizeof(std::uint32_t);
  }

  void push(std::uint32_t node, double time) {
    ++size_;
    heap_[size_ + 1] = kSentinel;
    sift_up(size_, {time, node});
  }
  void lower(std::uint32_t node, double time) { sift_up(pos_[node], {time, node}); }
  void replace_top(double later) { sift_down_from_top({later, heap_[1].node}); }
  void pop() {
    pos_[heap_[1].node] = kAbsent;
    const Entry last = heap_[size_];
    heap_[size_] = kSentinel;
    if (--size_ > 0) sift_down_from_top(last);
  }

  // Checkpoints: the entries in heap order (so ties between equal times resolve as before), as
  // two arrays because an Entry's padding bytes are indeterminate. The position index is
  // rebuilt on load, which also checks the entries: nodes in range, no repeats, heap order.
  void persist(core::StateArchive& archive) {
    archive.expect("entities", nodes_);  // the network's nodes
    std::vector<double> times;
    std::vector<std::uint32_t> nodes;
    for (std::size_t i = 1; i <= size_; ++i)
      times.push_back(heap_[i].time), nodes.push_back(heap_[i].node);
    archive.vector("times", times);
    archive.vector("nodes", nodes);
    if (archive.is_loading()) restore(times, nodes);
  }

 private:
  static constexpr Entry kSentinel{std::numeric_limits<double>::infinity(), kAbsent};
  // Arrays aligned to a cache line, or to a huge page when they span one or more, and then
  // advised into transparent huge pages (granted on request under Linux's default "madvise"
  // policy): the heap's deep levels and the position index are touched at random, and with
  // 4 KiB pages most of those touches also missed the TLB (huge pages made SIR 8% faster at
  // N = 10^6, no faster at 10^5). Pages still become resident only when touched, 2 MiB at a
  // time, so the resident size can be up to 2 MiB above the entries' own.
  static constexpr std::size_t kHugePage = std::size_t{2} << 20;
  template <class T>
  struct Free {
    std::align_val_t alignment;
    void operator()(T* p) const { ::operator delete(p, alignment); }
  };
  template <class T>
  using Array = std::unique_ptr<T[], Free<T>>;
  template <class T>
  static Array<T> allocate(std::size_t n) {
    const std::size_t bytes = std::max<std::size_t>(n, 1) * sizeof(T);
    const std::align_val_t alignment{bytes >= kHugePage ? kHugePage : 64};
    T* p = static_cast<T*>(::operator new(bytes, alignment));
#ifdef MADV_HUGEPAGE
    if (bytes >= kHugePage)
      madvise(p, bytes / kHugePage * kHugePage, MADV_HUGEPAGE);  // whole pages inside
#endif
    return Array<T>(p, Free<T>{alignment});
  }

  void restore(const std::vector<double>& times, const std::vector<std::uint32_t>& nodes) {
    if (times.size() != nodes.size()) throw damaged("times and nodes differ in length");
    if (nodes.size() + 2 > capacity_) throw damaged("more entries than nodes");
    std::fill(pos_.get(), pos_.get() + nodes_, kAbsent);
    size_ = 0;
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      const std::size_t i = k + 1;
      if (nodes[k] >= nodes_ || pos_[nodes[k]] != kAbsent) throw damaged("bad node");
      if (i > 1 && times[k] < heap_[i / 2].time) throw damaged("not in heap order");
      heap_[i] = {times[k], nodes[k]};
      pos_[nodes[k]] = static_cast<std::uint32_t>(i);
      size_ = i;
    }
    heap_[size_ + 1] = kSentinel;
  }
  static core::StateError damaged(const std::string& what) {
    return core::StateError("checkpoint: a node heap is damaged (" + what + ")");
  }

  void place(std::size_t i, Entry e) {
    heap_[i] = e;
    pos_[e.node] = static_cast<std::uint32_t>(i);
  }
  void sift_up(std::size_t i, Entry e) {
    while (i > 1) {
      const std::size_t parent = i / 2;
      if (!(e.time < heap_[parent].time)) break;
      place(i, heap_[parent]);
      i = parent;
    }
    place(i, e);
  }
  // Bottom-up, from the root: see the note at the top.
  void sift_down_from_top(Entry e) {
    const Entry* h = heap_.get();
    const std::size_t last = capacity_ - 1;  // prefetches stay inside the array
    std::size_t i = 1;
    for (std::size_t c = 2; c <= size_; c = 2 * i) {
      __builtin_prefetch(h + std::min(8 * i, last));  // two levels down: 8i to 8i + 7
      __builtin_prefetch(h + std::min(8 * i + 4, last));
      c += h[c + 1].time < h[c].time;  // the sentinel is never smaller
      place(i, h[c]);
      i = c;
    }
    while (i > 1 && !(heap_[i / 2].time < e.time)) {
      place(i, heap_[i / 2]);
      i /= 2;
    }
    place(i, e);
  }

  std::size_t nodes_;
  std::size_t capacity_;
  Array<Entry> heap_;  // [0] unused, [1, size_] entries, [size_ + 1] sentinel
  std::size_t size_ = 0;
  Array<std::uint32_t> pos_;  // by node: its entry's position, or kAbsent
};

}  // namespace netadopt::models
