#pragma once
// Internal to netadopt_sweep: a sweep file's lines, read like a scenario's (the scenario
// module's line scan for line numbers, Boost.Program_options for the parse), each checked
// against the sweep keys: unknown keys (with a suggestion), duplicates, syntax.
#include <map>
#include <string>
#include <vector>

#include "netadopt/scenario/loader.hpp"

namespace netadopt::sweep::detail {

struct Entry {
  std::string value;
  int line = 0;
};

struct SweepLines {
  std::map<std::string, Entry> entries;  // by full name, "axis.p.key"
  std::vector<std::string> axes;         // axis names, in file order
  std::vector<scenario::Problem> problems;
};

SweepLines read_sweep_lines(const std::string& text, const std::string& name);

}  // namespace netadopt::sweep::detail
