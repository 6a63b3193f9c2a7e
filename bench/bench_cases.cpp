// The model-free cases: SIR on Erdos-Renyi graphs (generated, and read back from a file), Bass,
// and replication throughput on 1 and 2 threads; the essay model's are in bench_essay.cpp. The
// list of cases, and the scaling series (SIR and essay from 10^4 agents up), are here.
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "bench.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/core/random.hpp"
#include "netadopt/models/graph/graph.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/loader.hpp"

namespace netadopt::bench {

namespace {
using scenario::Scenario;

std::string edge_file(std::uint64_t n) {
  return "/tmp/netadopt_bench_" + std::to_string(getpid()) + "_er_" + std::to_string(n) + ".txt";
}

// SIR as issue 6 states it: k = 10, beta 0.5, gamma 1.0 (per year here), 10 seeds infected,
// run until the epidemic is over.
Scenario sir_scenario(std::uint64_t n, int replications, const std::string& file) {
  std::ostringstream ini;
  ini << "[run]\nmodel = sir\nseed = 6\nreplications = " << replications
      << "\nstart = 2000-01-01\nend = 2150-01-01\n[output]\ninterval_days = 365.25\n"
      << "[population]\nsize = " << n << "\n[graph]\nmean_degree = 10\n"
      << (file.empty() ? "" : "source = file\nfile = " + file + "\n")
      << "[sir]\nbeta = 0.5\ngamma = 1.0\ninitial_infected = 10\n";
  return scenario::parse_scenario(netadopt::run::full_schema(), ini.str(), "bench-sir");
}

std::uint64_t total(const std::vector<std::uint64_t>& events) {
  std::uint64_t sum = 0;
  for (auto e : events) sum += e;
  return sum;
}

// Builds (and caches) the scenario's network, then times the runs alone.
Measure run_on_graph(const std::string& name, const Scenario& s, int threads) {
  Measure m{name, static_cast<std::uint64_t>(s.integer("population.size"))};
  const auto t0 = Clock::now();
  const auto graph = models::shared_graph(s);
  m.build_seconds = seconds_since(t0);
  m.ties = graph->ties();
  m.tie_bytes = 4.0 * 2.0 * static_cast<double>(graph->ties());
  m.threads = threads;
  m.replications = static_cast<int>(s.integer("run.replications"));
  const auto t1 = Clock::now();
  const double c1 = cpu_now();
  const auto result = run::run_scenario(s, {threads, {}});
  m.wall_seconds = seconds_since(t1);
  m.cpu_seconds = cpu_now() - c1;
  m.events = total(result.events);
  return m;
}

Measure run_plain(const std::string& name, const Scenario& s) {
  Measure m{name, static_cast<std::uint64_t>(s.integer("population.size"))};
  m.replications = static_cast<int>(s.integer("run.replications"));
  const auto t0 = Clock::now();
  const double c0 = cpu_now();
  const auto result = run::run_scenario(s, {1, {}});
  m.wall_seconds = seconds_since(t0);
  m.cpu_seconds = cpu_now() - c0;
  m.events = total(result.events);
  return m;
}

Case sir_generated(std::uint64_t n) {
  return {"sir_er_k10_generated", {}, [n] {
            return run_on_graph("sir_er_k10_generated", sir_scenario(n, 10, ""), 1);
          }};
}

Case sir_from_file(std::uint64_t n) {
  const std::string file = edge_file(n);
  auto prepare = [n, file] {
    models::write_edge_list(*models::build_graph(sir_scenario(n, 10, "")), file);
  };
  auto run = [n, file] {
    Measure m = run_on_graph("sir_er_k10_file", sir_scenario(n, 10, file), 1);
    std::remove(file.c_str());
    return m;
  };
  return {"sir_er_k10_file", prepare, run};
}

// SIR on a network the user gives (an edge list of `n` nodes), as on the generated one.
Case sir_on_file(const std::string& file, std::uint64_t n) {
  return {"sir_user_file", {}, [file, n] {
            return run_on_graph("sir_user_file", sir_scenario(n, 10, file), 1);
          }};
}

Case sir_throughput(std::uint64_t n, int threads) {
  const std::string name = "sir_throughput_" + std::to_string(threads) + "thr";
  return {name, {}, [n, threads, name] {
            return run_on_graph(name, sir_scenario(n, 20, ""), threads);
          }};
}

Case bass(std::uint64_t n) {
  return {"bass", {}, [n] {
            const auto s = scenario::parse_scenario(
                netadopt::run::full_schema(),
                "[run]\nmodel = bass\nreplications = 10\nend = 2013-01-01\n[population]\nsize = " +
                    std::to_string(n) + "\n",
                "bench-bass");
            return run_plain("bass", s);
          }};
}

// A point of the scaling series: enough replications for about 2 million events, so that the
// per-event time of small networks is not the cost of building them.
Case sir_at(std::uint64_t n) {
  const int replications = static_cast<int>(std::max<std::uint64_t>(1, 1000000 / n));
  return {"sir_scaling", {}, [n, replications] {
            return run_on_graph("sir_scaling", sir_scenario(n, replications, ""), 1);
          }};
}

// 10^4, 3 x 10^4, 10^5, ... up to `largest`.
std::vector<std::uint64_t> sizes_up_to(std::uint64_t largest) {
  std::vector<std::uint64_t> sizes;
  for (std::uint64_t decade = 10000; decade <= largest; decade *= 10) {
    sizes.push_back(decade);
    if (3 * decade <= largest) sizes.push_back(3 * decade);
  }
  return sizes;
}
}  // namespace

std::vector<Case> all_cases(const Options& o) {
  if (!o.graph_file.empty()) return {sir_on_file(o.graph_file, o.graph_nodes)};
  if (o.scaling) {
    std::vector<Case> cases;
    for (const auto n : sizes_up_to(o.max_agents)) cases.push_back(sir_at(n));
    for (const auto n : sizes_up_to(std::min(o.max_agents, o.max_essay_agents)))
      cases.push_back(essay_at(n));
    return cases;
  }
  const std::uint64_t small = o.quick ? 2000 : 100000, big = o.quick ? 10000 : 1000000;
  std::vector<Case> cases = {sir_generated(small), sir_from_file(small), sir_generated(big),
                             sir_from_file(big), bass(big)};
  for (auto& c : essay_cases(o)) cases.push_back(std::move(c));
  cases.push_back(sir_throughput(small, 1));
  cases.push_back(sir_throughput(small, 2));
  return cases;
}

}  // namespace netadopt::bench
