#pragma once
// Sweep files in memory for the tests, on the Bass model with 2,000 agents (fast), and a
// fresh folder per test case (tests run in random order, in parallel).
#include <unistd.h>
#include <filesystem>
#include <string>
#include <vector>

#include "netadopt/sweep/sweep_spec.hpp"

namespace sweep_test {

inline const std::string kBase =
    "[run]\nmodel = bass\nseed = 5\nstart = 2003-01-01\nend = 2008-01-01\n"
    "[output]\ninterval_days = 60\n[population]\nsize = 2000\n[bass]\np = 0.03\nq = 0.38\n";

inline const std::string kGrid5x5 =
    "[sweep]\nbase = base.ini\nreplications = 4\nseed = 11\n"
    "[axis.p]\nkey = bass.p\nfrom = 0.01\nto = 0.05\nsteps = 5\n"
    "[axis.q]\nkey = bass.q\nvalues = 0.2, 0.3, 0.4, 0.5, 0.6\n"
    "[output]\ndates = 2005-08-15, 2007-06-01\n";

// Parses `text` as "dir/sweep.ini" with `base` as its base scenario.
inline netadopt::sweep::SweepSpec parse(const std::string& text, const std::string& base = kBase) {
  return netadopt::sweep::parse_sweep(text, "dir/sweep.ini",
                                      [&](const std::filesystem::path&) { return base; });
}

// The same with the command line's --set overrides.
inline netadopt::sweep::SweepSpec parse_with_sets(const std::string& text,
                                                  const std::vector<std::string>& sets) {
  return netadopt::sweep::parse_sweep(
      text, "dir/sweep.ini", [&](const std::filesystem::path&) { return kBase; }, sets);
}

inline std::filesystem::path fresh_folder(const std::string& name) {
  const auto folder = std::filesystem::temp_directory_path() /
                      ("netadopt-sweep-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

}  // namespace sweep_test
