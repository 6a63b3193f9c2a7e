#pragma once
// Which of the essay's explanations accounts for how much of the France-US gap?
//
// The inputs that differ between two country scenarios fall into eight groups (input_groups()).
// From scenario A (France), v(S) is the outcome of A with the groups in S set to B's (the
// US's) values, all else A's, including A's platforms. The outcome is all-platform members per
// 1,000 workers at chosen dates. We report:
//   * one at a time: v({g}) - v({}) (A given B's group g), and B given A's group g minus B;
//   * the exact Shapley split of v(all) - v({}) over the 2^8 = 256 combinations:
//       phi_g = sum over S not holding g of |S|! (n - |S| - 1)! / n! (v(S + g) - v(S)),
//     which sums to v(all) - v({}) (efficiency) and splits an interaction equally;
//   * B's own value beside v(all): their difference is what the groups do not cover, chiefly
//     the platforms (France has Viaduc and LinkedIn, the US LinkedIn alone).
// Every combination runs the same replications under common random numbers (streams keyed by
// A's run.seed and the replication index), so v(S) - v(T) is a paired difference. The Shapley
// value is linear in v, so it is computed per replication and its interval is a t interval
// over replications. All (combination, replication) pairs run in one OpenMP loop; each writes
// only its own slot, so the result does not depend on the thread count.
//
// Population shares include population.workforce_share. It does not change the dynamics, but
// it is part of the occupational structure: had France the US shares of executives,
// salespeople and middle managers, its modelled population would stand for the US share of
// the workforce. Leaving it out would put a pure accounting factor (0.481 / 0.527) in the
// residual, which is meant to hold the platforms.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "netadopt/run/compare.hpp"

namespace netadopt::run {

struct InputGroup {
  std::string name;        // "labour_market"
  std::string hypotheses;  // "H3 H5 H9"
  std::vector<std::string> keys;
};

const std::vector<InputGroup>& input_groups();  // the eight groups, in a fixed order

// Shapley values of `groups` players for a game given by v over bitmasks (v.size() ==
// 2^groups; bit g of the index set: group g is in the coalition). Pure arithmetic.
std::vector<double> shapley_values(const std::vector<double>& v, std::size_t groups);

// "key=value" overrides giving `recipient` the `donor`'s values of the groups in `mask`. A
// derived labour rate set in the recipient but not in the donor takes the donor's derived
// value, so the recipient's own setting does not survive the swap.
std::vector<std::string> group_overrides(const scenario::Scenario& donor,
                                         const scenario::Scenario& recipient,
                                         const std::vector<InputGroup>& groups, unsigned mask);

// Keys whose values differ between a and b and that no group holds, leaving out [run],
// [output], population.size and the platforms: their effect is in the residual.
std::vector<std::string> uncovered_differences(const scenario::Scenario& a,
                                               const scenario::Scenario& b,
                                               const std::vector<InputGroup>& groups);

struct DecompositionOptions {
  std::int64_t population_size = 20000;
  std::int64_t replications = 8;
  int threads = 0;  // 0: OpenMP's default
  std::function<void(std::size_t done, std::size_t total)> on_progress;  // one thread at a time
};

struct Decomposition {
  std::vector<InputGroup> groups;
  std::vector<scenario::Date> dates;
  std::size_t replications = 0;
  std::int64_t population_size = 0;
  // [combination][replication][date]: v(S), S the bitmask of groups given B's values.
  std::vector<double> combinations;
  // [k][replication][date]: k = 0 B itself, k = g + 1 B given A's group g.
  std::vector<double> reverse;
  std::vector<double> shapley;  // [group][replication][date]
  std::vector<std::string> uncovered_keys;
  double wall_seconds = 0;

  std::size_t combination_count() const { return std::size_t{1} << groups.size(); }
  std::size_t all_groups() const { return combination_count() - 1; }
  // Per replication, at a date:
  std::vector<double> value(std::size_t combination, std::size_t date) const;  // v(S)
  std::vector<double> reverse_value(std::size_t k, std::size_t date) const;
  std::vector<double> shapley_of(std::size_t group, std::size_t date) const;
  std::vector<double> a_given_b(std::size_t group, std::size_t date) const;  // v({g}) - v({})
  std::vector<double> b_given_a(std::size_t group, std::size_t date) const;
  std::vector<double> residual(std::size_t date) const;  // B - v(all)
  double efficiency_error() const;  // max |sum phi - (v(all) - v({}))| over replications, dates
};

// Runs the 2^8 combinations from pair.a, pair.b itself and the 8 reverse runs from pair.b
// (one per group), each with options.replications replications of options.population_size
// agents.
Decomposition decompose(const ScenarioPair& pair, const std::vector<scenario::Date>& dates,
                        const DecompositionOptions& options = {});

}  // namespace netadopt::run
