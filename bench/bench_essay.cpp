// The essay model's cases: France at 10^5 and 10^6 agents (memory per agent and per tie end,
// the tie ends counted at the end of the run, job moves' ties included), replication
// throughput at 20,000 agents (plain and inside the Shapley decomposition, the calibration's
// and compare's workloads), and the full-scale rows: France at 30 million agents, and the US at
// 140 million workers, which runs when the resource guard says it fits and otherwise prints
// the guard's refusal, as `netadopt run` would.
#include <chrono>
#include <cstdio>
#include <string>

#include <map>

#include "bench.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/compare/decomposition.hpp"
#include "netadopt/models/essay/essay_model.hpp"
#include "netadopt/models/recorder.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/replication.hpp"
#include "netadopt/run/resources.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/loader.hpp"

namespace netadopt::bench {

namespace {
using scenario::Scenario;

std::string scenario_path(const std::string& country) {
  return std::string(NETADOPT_SOURCE_DIR) + "/scenarios/" + country + ".ini";
}

Scenario country(const std::string& name, std::uint64_t n, int replications) {
  return scenario::load_scenario(
      netadopt::run::full_schema(), scenario_path(name),
      {"population.size=" + std::to_string(n), "run.replications=" + std::to_string(replications)});
}

class Sampler : public core::Observer {
 public:
  Sampler(models::Model& model, models::Recorder& recorder) : model_(model), recorder_(recorder) {}
  void sample(std::size_t index, core::Time time) override {
    model_.record(recorder_, index, time);
  }

 private:
  models::Model& model_;
  models::Recorder& recorder_;
};

// Counts the events a model handles, by kind, for the events-by-type table.
class CountingHandler : public core::EventHandler {
 public:
  explicit CountingHandler(models::Model& model) : model_(model) {}
  void handle(const core::Event& event, core::Simulator& sim) override {
    if (event.kind >= by_kind.size()) by_kind.resize(event.kind + 1, 0);
    ++by_kind[event.kind];
    model_.handle(event, sim);
  }
  std::vector<std::uint64_t> by_kind;

 private:
  models::Model& model_;
};

// A run's events by type (platforms not told apart), and the prospecting messages drawn.
struct EventTypes {
  std::map<std::string, std::uint64_t> events;
  double messages = 0;
};

// One replication as run_replication runs it, keeping the model to count its tie ends at the
// end (the network only grows: job moves keep former colleagues), and, if `types` is given,
// its events by type.
Measure one_replication(const std::string& name, const Scenario& s, EventTypes* types = nullptr) {
  Measure m{name, static_cast<std::uint64_t>(s.integer("population.size"))};
  const auto t0 = Clock::now();
  const double c0 = cpu_now();
  const auto model = models::make_model(s, 0);
  const core::RunWindow window = run::run_window(s);
  models::Recorder recorder(run::output_specs(s), window.report_count());
  Sampler sampler(*model, recorder);
  CountingHandler counting(*model);
  core::Simulator sim;
  model->start(sim);
  sim.run(counting, sampler, window);
  m.wall_seconds = seconds_since(t0);
  m.cpu_seconds = cpu_now() - c0;
  m.events = sim.events_processed();
  const auto& essay = dynamic_cast<const models::essay::EssayModel&>(*model);
  m.ties = essay.network().tie_count();
  m.tie_bytes = 4.0 * 2.0 * static_cast<double>(m.ties);  // a Tie is 4 bytes, at both ends
  if (types == nullptr) return m;
  for (std::uint32_t k = 0; k < counting.by_kind.size(); ++k)
    types->events[essay.event_name(k)] += counting.by_kind[k];
  const auto series = recorder.series(1);  // event_counts: [time][kind]
  for (std::size_t t = 0; t < window.report_count(); ++t)
    types->messages += series[t * models::essay::kCounts + models::essay::kMessages];
  return m;
}

Case france(std::uint64_t n, const std::string& name = "essay_france") {
  return {name, {}, [n, name] { return one_replication(name, country("france", n, 1)); }};
}

// One France replication at `n` agents with its events counted by type (summed over
// platforms), and the prospecting messages drawn, which are not events.
Case france_event_types(std::uint64_t n) {
  return {"essay_event_types", {}, [n] {
            EventTypes types;
            const Measure m = one_replication("essay_event_types", country("france", n, 1), &types);
            std::printf("essay_event_types: events per run by type (France, %llu agents)\n",
                        static_cast<unsigned long long>(n));
            for (const auto& [name, count] : types.events)
              std::printf("  %-26s %10llu  %5.1f%%\n", name.c_str(),
                          static_cast<unsigned long long>(count),
                          100.0 * static_cast<double>(count) / static_cast<double>(m.events));
            std::printf("  %-26s %10.0f  (drawn at deliveries, not events)\n", "messages",
                        types.messages);
            return m;
          }};
}

// The calibration's simulator at its settings (scenarios/history_matching.ini: 10,000 agents,
// runs to the end of 2007, France and the US alternately) on two threads, as runs per hour.
Case calibration_throughput(std::uint64_t n, int replications) {
  return {"essay_calibration", {}, [n, replications] {
            Measure m{"essay_calibration", n};
            m.threads = 2;
            m.replications = 2 * replications;
            const auto t0 = Clock::now();
            const double c0 = cpu_now();
            for (const char* name : {"france", "us"}) {
              const Scenario s = scenario::load_scenario(
                  netadopt::run::full_schema(), scenario_path(name),
                  {"population.size=" + std::to_string(n),
                   "run.replications=" + std::to_string(replications), "run.end=2008-01-01"});
              for (const auto e : run::run_scenario(s, {2, {}}).events) m.events += e;
            }
            m.wall_seconds = seconds_since(t0);
            m.cpu_seconds = cpu_now() - c0;
            std::printf(
                "essay_calibration: %.0f runs per hour on 2 threads (%llu agents, to "
                "2008-01-01)\n",
                3600.0 * m.replications / m.wall_seconds, static_cast<unsigned long long>(n));
            return m;
          }};
}

// Replications per CPU second on one thread: the calibration's workload.
Case france_throughput(std::uint64_t n, int replications) {
  return {"essay_runs", {}, [n, replications] {
            Measure m{"essay_runs", n};
            m.replications = replications;
            const auto t0 = Clock::now();
            const double c0 = cpu_now();
            const auto result = run::run_scenario(country("france", n, replications), {1, {}});
            m.wall_seconds = seconds_since(t0);
            m.cpu_seconds = cpu_now() - c0;
            for (const auto e : result.events) m.events += e;
            return m;
          }};
}

// The Shapley decomposition of the France-US gap on one thread, sampled with one antithetic
// pair of orders: its runs (coalitions from France, the US and the US given each group) per CPU
// second, building each scenario and model included.
Case decomposition_throughput(std::uint64_t n) {
  return {"essay_decomposition", {}, [n] {
            const auto pair = run::load_pair(scenario_path("france"), scenario_path("us"), {});
            Measure m{"essay_decomposition", n};
            const auto t0 = Clock::now();
            const double c0 = cpu_now();
            const auto d = run::decompose(pair, {*scenario::parse_date("2005-08-15")},
                                          {static_cast<std::int64_t>(n), 1, 2, 1, {}});
            m.wall_seconds = seconds_since(t0);
            m.cpu_seconds = cpu_now() - c0;
            m.replications = static_cast<int>(d.runs());
            return m;
          }};
}

// Runs one replication of `name` at `n` agents if the resource guard lets it, as `netadopt run`
// would; otherwise prints the refusal (the estimate and the way to run it) and measures nothing.
Case full_scale(const std::string& name, std::uint64_t n) {
  const std::string label = name + "_full";
  return {label, {}, [name, n, label] {
            const Scenario s = country(name, n, 1);
            const auto estimate = run::estimate_memory(s, 1);
            const auto available = run::available_memory();
            std::printf("%s: the resource guard estimates %s\n", label.c_str(),
                        run::human_bytes(static_cast<double>(estimate.total())).c_str());
            if (available)
              if (const auto refusal = run::memory_refusal(estimate, *available)) {
                std::printf("%s: refused up front, as netadopt run refuses it:\n  %s\n",
                            label.c_str(), refusal->c_str());
                Measure m{label, n};
                m.replications = 0;
                return m;
              }
            return one_replication(label, s);
          }};
}
}  // namespace

std::vector<Case> essay_cases(const Options& o) {
  std::vector<Case> cases = {france(o.quick ? 10000 : 100000)};
  if (!o.quick) cases.push_back(france(1000000));
  if (o.large) cases.push_back(france(10000000));
  cases.push_back(france_throughput(o.quick ? 2000 : 20000, o.quick ? 2 : 8));
  cases.push_back(france_event_types(o.quick ? 2000 : 20000));
  cases.push_back(calibration_throughput(o.quick ? 2000 : 10000, o.quick ? 2 : 8));
  cases.push_back(decomposition_throughput(o.quick ? 2000 : 20000));
  if (o.full) {
    cases.push_back(full_scale("france", 30000000));
    cases.push_back(full_scale("us", 140000000));
  }
  return cases;
}

Case essay_at(std::uint64_t n) { return france(n, "essay_scaling"); }

}  // namespace netadopt::bench
