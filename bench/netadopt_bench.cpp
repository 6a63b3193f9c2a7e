// netadopt_bench: the performance figures of issue 6, one case per forked child.
//   netadopt_bench [--quick] [--large] [--csv PATH] [--only TEXT]
// --quick runs small sizes (a smoke test, not a measurement); --large adds the essay model at
// 10^7 agents. Columns: events processed by the run loop, wall seconds of the runs (the shared
// network's build is timed apart, build_s), events per second, peak resident memory (VmHWM) of
// the case's process, bytes per agent beyond the ties ((peak - resident at start - tie array)
// / N) and bytes per tie of the network's tie array. Not a pass/fail test.
#include <cstring>
#include <iostream>

#include "bench.hpp"

using namespace netadopt::bench;

namespace {
Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--quick")
      o.quick = true;
    else if (arg == "--large")
      o.large = true;
    else if (arg == "--csv" && i + 1 < argc)
      o.csv = argv[++i];
    else if (arg == "--only" && i + 1 < argc)
      o.only = argv[++i];
    else
      throw std::invalid_argument(
          "unknown argument '" + arg +
          "'; usage: netadopt_bench [--quick] [--large] [--csv PATH] [--only TEXT]");
  }
  return o;
}
}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse(argc, argv);
    print_header();
    std::vector<Measure> rows;
    int failures = 0;
    for (const auto& c : all_cases(options)) {
      if (!options.only.empty() && c.name.find(options.only) == std::string::npos) continue;
      Measure m;
      if (!run_isolated(c, m)) {
        std::cerr << "netadopt_bench: case " << c.name << " failed\n";
        ++failures;
        continue;
      }
      print_row(m);
      rows.push_back(m);
    }
    if (!options.csv.empty()) write_csv(options.csv, rows);
    return failures == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "netadopt_bench: " << e.what() << '\n';
    return 64;
  }
}
