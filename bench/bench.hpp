#pragma once
// netadopt_bench: shared declarations. A case runs in its own forked child, so that the peak
// memory (VmHWM) measured at its end is its own and not the largest of the cases before it.
#include <chrono>
#include <cstdint>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

namespace netadopt::bench {

struct Measure {
  std::string name;
  std::uint64_t agents = 0;
  std::uint64_t ties = 0;  // 0: not known (the essay model's network is internal)
  int threads = 1;
  int replications = 1;         // runs measured (0: refused, nothing ran)
  std::uint64_t events = 0;     // 0: not counted (the decomposition's runs)
  double wall_seconds = 0.0;    // the runs, without building a shared network
  double cpu_seconds = 0.0;     // CPU time of the runs, all threads (robust to a busy machine)
  double build_seconds = -1.0;  // building the network; < 0: not separable
  double base_bytes = 0.0;      // resident memory when the case started
  double peak_bytes = 0.0;      // VmHWM at its end
  double tie_bytes = 0.0;       // memory of the network's ties (4 bytes per tie end)
};

struct Case {
  std::string name;
  std::function<void()> prepare;  // optional; runs in a child of its own, not measured
  std::function<Measure()> run;
};

struct Options {
  bool quick = false;
  bool large = false;    // the essay model at 10^7 agents
  bool full = false;     // France at 30 million agents, the US at 140 million
  bool scaling = false;  // only the scaling series: SIR and essay from 10^4 agents up
  std::uint64_t max_agents = 30000000;        // the series' largest N
  std::uint64_t max_essay_agents = 30000000;  // the essay's, when smaller
  std::string graph_file;                     // only SIR on this edge list (of graph_nodes nodes)
  std::uint64_t graph_nodes = 0;
  std::string csv;
  std::string only;  // run only the cases whose name contains this
};

std::vector<Case> all_cases(const Options& options);
std::vector<Case> essay_cases(const Options& options);
Case essay_at(std::uint64_t agents);  // one France replication, a point of the scaling series

using Clock = std::chrono::steady_clock;
inline double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}
inline double cpu_now() {  // CPU time of the process, all threads
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

double resident_bytes(const char* field);  // "VmRSS" or "VmHWM" of this process, in bytes
// Runs `c` in a forked child; false if the child failed (its message went to stderr).
bool run_isolated(const Case& c, Measure& out);

void print_header();
void print_row(const Measure& m);
void write_csv(const std::string& path, const std::vector<Measure>& rows);

}  // namespace netadopt::bench
