#pragma once
// netadopt_bench: shared declarations. A case runs in its own forked child, so that the peak
// memory (VmHWM) measured at its end is its own and not the largest of the cases before it.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace netadopt::bench {

struct Measure {
  std::string name;
  std::uint64_t agents = 0;
  std::uint64_t ties = 0;  // 0: not known (the essay model's network is internal)
  int threads = 1;
  int replications = 1;
  std::uint64_t events = 0;
  double wall_seconds = 0.0;    // the runs, without building a shared network
  double cpu_seconds = 0.0;     // CPU time of the runs, all threads (robust to a busy machine)
  double build_seconds = -1.0;  // building the network; < 0: not separable
  double base_bytes = 0.0;      // resident memory when the case started
  double peak_bytes = 0.0;      // VmHWM at its end
  double tie_bytes = 0.0;       // memory of the network's tie array
};

struct Case {
  std::string name;
  std::function<void()> prepare;  // optional; runs in a child of its own, not measured
  std::function<Measure()> run;
};

struct Options {
  bool quick = false;
  bool large = false;
  std::string csv;
  std::string only;  // run only the cases whose name contains this
};

std::vector<Case> all_cases(const Options& options);

double resident_bytes(const char* field);  // "VmRSS" or "VmHWM" of this process, in bytes
// Runs `c` in a forked child; false if the child failed (its message went to stderr).
bool run_isolated(const Case& c, Measure& out);

void print_header();
void print_row(const Measure& m);
void write_csv(const std::string& path, const std::vector<Measure>& rows);

}  // namespace netadopt::bench
