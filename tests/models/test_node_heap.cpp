// NodeHeap (SIR's future-event set) against a plain top-down binary heap, the one it replaced:
// the bottom-up sift must leave every entry where the top-down one would, ties included, so
// that SIR runs are unchanged event for event. Times are drawn from a handful of values, so
// that equal times are common.
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "netadopt/core/random.hpp"
#include "netadopt/models/node_heap.hpp"

namespace {

using netadopt::models::NodeHeap;

// The former heap (arity 2, 0-based, sift down top-down, the right child only when smaller).
class Reference {
 public:
  explicit Reference(std::size_t nodes) : pos_(nodes, UINT32_MAX) {}
  bool empty() const { return heap_.empty(); }
  const NodeHeap::Entry& top() const { return heap_.front(); }
  bool contains(std::uint32_t node) const { return pos_[node] != UINT32_MAX; }
  double time_of(std::uint32_t node) const { return heap_[pos_[node]].time; }
  void push(std::uint32_t node, double time) {
    heap_.push_back({time, node});
    sift_up(heap_.size() - 1, {time, node});
  }
  void lower(std::uint32_t node, double time) { sift_up(pos_[node], {time, node}); }
  void replace_top(double later) { sift_down(0, {later, heap_.front().node}); }
  void pop() {
    pos_[heap_.front().node] = UINT32_MAX;
    const NodeHeap::Entry last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(0, last);
  }
  const std::vector<NodeHeap::Entry>& entries() const { return heap_; }

 private:
  void place(std::size_t i, NodeHeap::Entry e) {
    heap_[i] = e;
    pos_[e.node] = static_cast<std::uint32_t>(i);
  }
  void sift_up(std::size_t i, NodeHeap::Entry e) {
    for (; i > 0 && e.time < heap_[(i - 1) / 2].time; i = (i - 1) / 2) place(i, heap_[(i - 1) / 2]);
    place(i, e);
  }
  void sift_down(std::size_t i, NodeHeap::Entry e) {
    for (std::size_t c = 2 * i + 1; c < heap_.size(); c = 2 * i + 1) {
      if (c + 1 < heap_.size() && heap_[c + 1].time < heap_[c].time) ++c;
      if (!(heap_[c].time < e.time)) break;
      place(i, heap_[c]);
      i = c;
    }
    place(i, e);
  }
  std::vector<NodeHeap::Entry> heap_;
  std::vector<std::uint32_t> pos_;
};

bool same(const NodeHeap& heap, const Reference& reference) {
  if (heap.size() != reference.entries().size()) return false;
  for (std::size_t i = 0; i < heap.size(); ++i)
    if (heap.at(i + 1).node != reference.entries()[i].node ||
        heap.at(i + 1).time != reference.entries()[i].time)
      return false;
  return true;
}

}  // namespace

TEST_CASE("NodeHeap: the same layout as a top-down binary heap, ties included", "[node_heap]") {
  for (std::uint32_t nodes : {1u, 2u, 3u, 7u, 64u, 1000u}) {
    netadopt::core::Stream stream(42, nodes, 7);
    NodeHeap heap(nodes);
    Reference reference(nodes);
    for (int step = 0; step < 20000; ++step) {
      const auto node = static_cast<std::uint32_t>(stream.uniform_index(nodes));
      const double time = static_cast<double>(stream.uniform_index(8));
      const auto op = stream.uniform_index(4);
      if (op == 0 && !heap.empty()) {
        heap.pop();
        reference.pop();
      } else if (op == 1 && !heap.empty()) {
        const double later = heap.top().time + static_cast<double>(stream.uniform_index(4));
        heap.replace_top(later);
        reference.replace_top(later);
      } else if (!heap.contains(node)) {
        heap.push(node, time);
        reference.push(node, time);
      } else if (time < heap.time_of(node)) {
        heap.lower(node, time);
        reference.lower(node, time);
      }
      REQUIRE(heap.contains(node) == reference.contains(node));
      REQUIRE(same(heap, reference));
    }
    while (!heap.empty()) {  // and it empties in the same order
      REQUIRE(heap.top().node == reference.top().node);
      heap.pop();
      reference.pop();
    }
    REQUIRE(reference.empty());
  }
}

TEST_CASE("NodeHeap: at() past the last entry is the sentinel", "[node_heap]") {
  NodeHeap heap(3);
  REQUIRE(heap.at(1).node == NodeHeap::kAbsent);
  heap.push(2, 5.0);
  REQUIRE(heap.at(1).node == 2);
  REQUIRE(heap.at(2).node == NodeHeap::kAbsent);
  REQUIRE(heap.at(3).node == NodeHeap::kAbsent);
  heap.push(0, 1.0);
  heap.push(1, 3.0);
  REQUIRE(heap.top().node == 0);
  heap.replace_top(4.0);
  REQUIRE(heap.top().node == 1);
  heap.pop();
  heap.pop();
  REQUIRE(heap.top().node == 2);
  heap.pop();
  REQUIRE(heap.empty());
}
