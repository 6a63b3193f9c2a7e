// netadopt_bench: the performance figures of the README (issues 6 and 14), one case per forked
// child.
//   netadopt_bench [--quick] [--large] [--full] [--scaling [--max-agents N]
//                  [--max-essay-agents N]] [--graph EDGE_LIST N] [--csv PATH] [--only TEXT]
// --quick runs small sizes (a smoke test, not a measurement); --large adds the essay model at
// 10^7 agents; --full France at 30 million agents and the US at 140 million (refused up front
// where the resource guard says it cannot fit); --scaling runs only the scaling series, SIR and
// essay at 10^4, 3 x 10^4, ... up to --max-agents (and --max-essay-agents for the essay);
// --graph EDGE_LIST N runs only SIR (as above) on a network of N nodes read from a file.
// Columns: events processed by the run loop, wall seconds of the runs (the shared network's
// build is timed apart, build_s), events per second, runs (replications) per CPU second, peak
// resident memory (VmHWM) of the case's process, bytes per agent beyond the ties ((peak -
// resident at start - ties) / N) and bytes per tie (SIR: the tie array, 8 per tie; essay: 4 per
// tie end, counted at the end of the run). Not a pass/fail test.
#include <cstring>
#include <iostream>

#include "bench.hpp"

using namespace netadopt::bench;

namespace {
std::uint64_t agents(const std::string& flag, const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos ||
      std::stod(text) < 10000)
    throw std::invalid_argument(flag + ": expected a number of agents >= 10000, found '" + text +
                                "'");
  return std::stoull(text);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--quick")
      o.quick = true;
    else if (arg == "--large")
      o.large = true;
    else if (arg == "--full")
      o.full = true;
    else if (arg == "--scaling")
      o.scaling = true;
    else if (arg == "--max-agents" && i + 1 < argc)
      o.max_agents = agents(arg, argv[++i]);
    else if (arg == "--max-essay-agents" && i + 1 < argc)
      o.max_essay_agents = agents(arg, argv[++i]);
    else if (arg == "--graph" && i + 2 < argc) {
      o.graph_file = argv[++i];
      o.graph_nodes = agents(arg, argv[++i]);
    } else if (arg == "--csv" && i + 1 < argc)
      o.csv = argv[++i];
    else if (arg == "--only" && i + 1 < argc)
      o.only = argv[++i];
    else
      throw std::invalid_argument(
          "unknown argument '" + arg +
          "'; usage: netadopt_bench [--quick] [--large] [--full] [--scaling [--max-agents N] "
          "[--max-essay-agents N]] [--graph EDGE_LIST N] [--csv PATH] [--only TEXT]");
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
