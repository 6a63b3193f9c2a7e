#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "netadopt/core/poisson_clock.hpp"
#include "netadopt/core/simulator.hpp"

using namespace netadopt::core;

namespace {
// Counts events; the state reported is that count.
struct Counter : EventHandler, Observer {
  std::uint64_t count = 0;
  std::vector<std::pair<double, std::uint64_t>> samples;
  void handle(const Event&, Simulator&) override { ++count; }
  void sample(std::size_t, Time t) override { samples.emplace_back(t, count); }
};
}  // namespace

TEST_CASE("reports sample the state after every event at or before the reporting time",
          "[core][simulator]") {
  Simulator sim;
  for (double t : {0.0, 0.5, 1.0, 1.0, 2.5, 3.0, 3.5}) sim.queue().schedule(t, 0, 0);
  Counter c;
  sim.run(c, c, RunWindow{3.0, 1.0});
  REQUIRE(c.samples.size() == 4);  // t = 0, 1, 2, 3
  CHECK(c.samples[0] == std::pair<double, std::uint64_t>{0.0, 1});
  CHECK(c.samples[1] == std::pair<double, std::uint64_t>{1.0, 4});
  CHECK(c.samples[2] == std::pair<double, std::uint64_t>{2.0, 4});
  CHECK(c.samples[3] == std::pair<double, std::uint64_t>{3.0, 6});
  CHECK(sim.events_processed() == 6);  // the event at 3.5 is past the horizon
  CHECK(sim.queue().size() == 1);
}

TEST_CASE("reports continue to the horizon when events run out", "[core][simulator]") {
  Simulator sim;
  sim.queue().schedule(0.2, 0, 0);
  Counter c;
  sim.run(c, c, RunWindow{10.0, 2.5});
  REQUIRE(c.samples.size() == 5);
  CHECK(c.samples.back() == std::pair<double, std::uint64_t>{10.0, 1});
  CHECK(sim.now() == 10.0);
}

TEST_CASE("reporting times are multiples of the interval, then the horizon", "[core][simulator]") {
  const RunWindow uneven{3652.0, 30.0};  // 2003-01-01 to 2013-01-01, monthly
  CHECK(uneven.report_count() == 123);
  CHECK(uneven.report_time(121) == 3630.0);
  CHECK(uneven.report_time(122) == 3652.0);
  const RunWindow even{0.3, 0.1};  // the horizon is a multiple (within rounding): no extra time
  CHECK(even.report_count() == 4);
  CHECK(even.report_time(3) == 0.3);
  CHECK(RunWindow{0.0, 1.0}.report_count() == 1);
  CHECK(RunWindow{0.5, 1.0}.report_count() == 2);
  CHECK_THROWS(RunWindow{1.0, 0.0}.report_count());
}

TEST_CASE("the last report, at an uneven horizon, sees every event before it",
          "[core][simulator]") {
  Simulator sim;
  for (double t : {0.5, 2.2, 2.5, 2.6}) sim.queue().schedule(t, 0, 0);
  Counter c;
  sim.run(c, c, RunWindow{2.5, 1.0});
  REQUIRE(c.samples.size() == 4);  // t = 0, 1, 2, 2.5
  CHECK(c.samples[3] == std::pair<double, std::uint64_t>{2.5, 3});
}

TEST_CASE("the fingerprint tells trajectories apart", "[core][simulator]") {
  auto run = [](double second, std::uint64_t note) {
    Simulator sim;
    sim.queue().schedule(1.0, 1, 7);
    sim.queue().schedule(second, 1, 8);
    Counter c;
    sim.run(c, c, RunWindow{5.0, 1.0});
    sim.note(note);
    return sim.fingerprint();
  };
  CHECK(run(2.0, 0) == run(2.0, 0));
  CHECK(run(2.0, 0) != run(2.0000000001, 0));
  CHECK(run(2.0, 0) != run(2.0, 1));
}

namespace {
// A Poisson process of rate `rate` driven by a PoissonClock that is reset at every firing.
struct ClockedProcess : EventHandler, Observer {
  PoissonClock clock{1, 0};
  Stream stream{11, 0, purpose_id("clock")};
  double rate;
  std::uint64_t fired = 0;
  explicit ClockedProcess(double r) : rate(r) {}
  void handle(const Event&, Simulator& sim) override {
    ++fired;
    clock.set_rate(sim, stream, rate);
  }
  void sample(std::size_t, Time) override {}
};
}  // namespace

TEST_CASE("a PoissonClock fires at its rate", "[core][simulator]") {
  ClockedProcess p(3.0);
  Simulator sim;
  p.clock.set_rate(sim, p.stream, p.rate);
  const double horizon = 20000.0;
  sim.run(p, p, RunWindow{horizon, horizon});
  // Poisson count: mean = variance = rate * horizon = 60000; 5 standard deviations.
  const double mean = p.rate * horizon;
  CHECK(static_cast<double>(p.fired) == Approx(mean).margin(5 * std::sqrt(mean)));
}

TEST_CASE("a PoissonClock with rate 0 is stopped, and bad rates are refused", "[core][simulator]") {
  ClockedProcess p(1.0);
  Simulator sim;
  p.clock.set_rate(sim, p.stream, 1.0);
  CHECK(sim.queue().size() == 1);
  p.clock.set_rate(sim, p.stream, 2.0);
  CHECK(sim.queue().size() == 1);  // rescheduled, not duplicated
  p.clock.set_rate(sim, p.stream, 0.0);
  CHECK(sim.queue().empty());
  CHECK_THROWS(p.clock.set_rate(sim, p.stream, -1.0));
  CHECK_THROWS(p.clock.set_rate(sim, p.stream, std::nan("")));
}
