#include <catch2/catch.hpp>
#include <vector>

#include "netadopt/core/event_queue.hpp"

using netadopt::core::EventQueue;

namespace {
std::vector<std::uint64_t> drain_subjects(EventQueue& q) {
  std::vector<std::uint64_t> out;
  while (!q.empty()) out.push_back(q.pop().subject);
  return out;
}
}  // namespace

TEST_CASE("events come out in time order", "[core][queue]") {
  EventQueue q;
  const double times[] = {5.0, 1.0, 3.0, 4.0, 2.0, 0.5};
  for (std::uint64_t i = 0; i < 6; ++i) q.schedule(times[i], 0, i);
  CHECK(drain_subjects(q) == std::vector<std::uint64_t>{5, 1, 4, 2, 3, 0});
}

TEST_CASE("ties break by priority, then insertion order", "[core][queue]") {
  EventQueue q;
  q.schedule(1.0, 0, 10, 2);
  q.schedule(1.0, 0, 11, 1);
  q.schedule(1.0, 0, 12, 1);
  q.schedule(1.0, 0, 13, 0);
  q.schedule(0.5, 0, 14, 9);
  CHECK(drain_subjects(q) == std::vector<std::uint64_t>{14, 13, 11, 12, 10});
}

TEST_CASE("insertion order holds among many equal events", "[core][queue]") {
  EventQueue q;
  for (std::uint64_t i = 0; i < 1000; ++i) q.schedule(7.0, 0, i);
  const auto out = drain_subjects(q);
  for (std::uint64_t i = 0; i < 1000; ++i) REQUIRE(out[i] == i);
}

TEST_CASE("cancel removes exactly the event, and stale handles are refused", "[core][queue]") {
  EventQueue q;
  auto a = q.schedule(1.0, 0, 1);
  auto b = q.schedule(2.0, 0, 2);
  auto c = q.schedule(3.0, 0, 3);
  CHECK(q.cancel(b));
  CHECK_FALSE(q.cancel(b));
  CHECK_FALSE(q.contains(b));
  auto d = q.schedule(2.5, 0, 4);  // may reuse b's slot: b must stay stale
  CHECK(d.slot == b.slot);
  CHECK_FALSE(q.cancel(b));
  CHECK(q.contains(d));
  CHECK(q.contains(a));
  CHECK(q.contains(c));
  CHECK(drain_subjects(q) == std::vector<std::uint64_t>{1, 4, 3});
  CHECK_FALSE(q.cancel(a));                          // already run
  CHECK_FALSE(q.cancel(netadopt::core::EventId{}));  // never scheduled
}

TEST_CASE("reschedule moves an event both ways and counts as a new insertion", "[core][queue]") {
  EventQueue q;
  auto a = q.schedule(1.0, 0, 1);
  q.schedule(2.0, 0, 2);
  auto c = q.schedule(3.0, 0, 3);
  CHECK(q.reschedule(c, 0.5));
  CHECK(q.reschedule(a, 2.0));  // ties with subject 2, but now inserted after it
  CHECK(drain_subjects(q) == std::vector<std::uint64_t>{3, 2, 1});
  CHECK_FALSE(q.reschedule(a, 9.0));
}

TEST_CASE("the heap stays ordered under random operations", "[core][queue]") {
  EventQueue q;
  std::vector<netadopt::core::EventId> ids;
  std::uint64_t x = 12345;
  auto next = [&x] { return (x = x * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  for (int i = 0; i < 5000; ++i) {
    const double t = static_cast<double>(next() % 1000);
    if (next() % 4 == 0 && !ids.empty())
      q.cancel(ids[next() % ids.size()]);
    else if (next() % 4 == 0 && !ids.empty())
      q.reschedule(ids[next() % ids.size()], t);
    else
      ids.push_back(q.schedule(t, 0, static_cast<std::uint64_t>(i)));
  }
  netadopt::core::Event previous = q.pop();
  while (!q.empty()) {
    const auto e = q.pop();
    REQUIRE(netadopt::core::runs_before(previous, e));
    previous = e;
  }
}

TEST_CASE("popping an empty queue is an error, not undefined behaviour", "[core][queue]") {
  EventQueue q;
  CHECK_THROWS_AS(q.pop(), std::logic_error);
}
