// Runs small versions of three shipped scenarios (bass.ini; the essay model's france.ini and
// us.ini at 3,000 agents) and compares every replication's trajectory fingerprint, event count
// and final state with tests/regression/fingerprints.txt. germany.ini is not pinned.
// `--approve` rewrites that file: the explicit step that accepts a change of results.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/loader.hpp"

namespace {
struct Case {
  std::string scenario;
  std::vector<std::string> overrides;
  std::string final_variable;  // "final=" is its last row, summed over its cells
};

// The essay runs keep the scenarios' full date range and shrink the population, so that the
// whole file runs in about a second.
const std::vector<Case> kCases = {
    {"scenarios/bass.ini", {"run.replications=4"}, "members"},
    {"scenarios/france.ini", {"population.size=3000", "run.replications=2"}, "members_any"},
    {"scenarios/us.ini", {"population.size=3000", "run.replications=2"}, "members_any"},
};

// Sum of `variable` over its cells at the last reporting time of replication `rep`.
double final_total(const netadopt::run::RunResult& r, const std::string& variable,
                   std::size_t rep) {
  const auto& v = r.variable(variable);
  const std::size_t cells = v.spec.cell_count();
  const auto last_row =
      v.values.begin() + static_cast<std::ptrdiff_t>(((rep + 1) * r.times.size() - 1) * cells);
  return std::accumulate(last_row, last_row + static_cast<std::ptrdiff_t>(cells), 0.0);
}

std::vector<std::string> current_lines() {
  std::vector<std::string> lines;
  for (const auto& c : kCases) {
    const auto s =
        netadopt::scenario::load_scenario(netadopt::run::full_schema(), c.scenario, c.overrides);
    const auto r = netadopt::run::run_scenario(s);
    for (std::size_t rep = 0; rep < r.replications; ++rep) {
      char line[256];
      std::snprintf(line, sizeof line, "%s rep=%zu fingerprint=%016llx events=%llu final=%.0f",
                    c.scenario.c_str(), rep, static_cast<unsigned long long>(r.fingerprints[rep]),
                    static_cast<unsigned long long>(r.events[rep]),
                    final_total(r, c.final_variable, rep));
      lines.emplace_back(line);
    }
  }
  return lines;
}

std::vector<std::string> stored_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  return lines;
}

int approve(const std::string& path) {
  std::ofstream out(path);
  out << "# Golden trajectory fingerprints of small runs of bass.ini, france.ini and us.ini\n"
         "# (the cases in tests/regression/regression_fingerprints.cpp).\n"
         "# Change only on purpose: cmake --build --preset release --target approve-fingerprints\n";
  for (const auto& line : current_lines()) out << line << '\n';
  std::cout << "approved " << path << '\n';
  return out ? 0 : 1;
}

int check(const std::string& path) {
  const auto expected = stored_lines(path), actual = current_lines();
  int failures = expected.size() == actual.size() ? 0 : 1;
  for (std::size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
    const std::string e = i < expected.size() ? expected[i] : "(none)";
    const std::string a = i < actual.size() ? actual[i] : "(none)";
    if (e != a) {
      std::cerr << "expected: " << e << "\n   found: " << a << '\n';
      ++failures;
    }
  }
  if (failures)
    std::cerr << "results changed; if on purpose, run the approve-fingerprints target\n";
  return failures ? 1 : 0;
}
}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc == 3 ? argv[1] : "";
  if (mode == "--approve") return approve(argv[2]);
  if (mode == "--check") return check(argv[2]);
  std::cerr << "usage: regression_fingerprints --check|--approve FILE\n";
  return 64;
}
