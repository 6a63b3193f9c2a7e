#pragma once
// Which of the essay's explanations accounts for how much of the France-US gap?
//
// The inputs that differ between two country scenarios fall into ten groups (input_groups()),
// the platforms among them. From scenario A (France), v(S) is the natural log of A's
// all-platform members per 1,000 workers with the groups in S set to B's (the US's) values, all
// else A's, at chosen dates; a count under half an agent is floored there, so that a run with
// no member has a finite log. v(all) - v({}) is then the log of the ratio v(all)/A, and B's own
// log minus v(all), the residual, is what the groups do not cover (keys in no group). We report:
//   * Shapley values phi_g, which sum to v(all) - v({}) (efficiency) and split an interaction
//     equally among the groups that make it. Exact over the 2^G coalitions
//     (permutations = 0), or estimated by permutation sampling: for each of P orders of the
//     groups, the chain {} -> {g1} -> {g1, g2} -> ... -> all gives each group its marginal
//     contribution v(prefix + g) - v(prefix); phi_g is their mean over the orders. Each order's
//     contributions sum to v(all) - v({}), so efficiency holds exactly for every order. The
//     orders come in antithetic pairs (a uniform random order, then its reverse), which makes
//     the estimate exact for any game of pairwise interactions and halves the noise of nearly
//     additive ones;
//   * one at a time, both ways: v({g}) - v({}) (A given B's group g), and B given A's group g
//     minus B; and the interaction share 1 - sum_g (v({g}) - v({})) / (v(all) - v({})), the part
//     of the log ratio that no group makes alone.
// Every coalition runs the same replications under common random numbers (streams keyed by A's
// run.seed and the replication index), so v(S) - v(T) is a paired difference, and everything
// above is computed per replication: its interval is a Student t interval over replications.
// Each replication draws its own orders (a stream keyed by A's run.seed, the replication and
// "decomposition.orders"), so the interval also covers the sampling of orders. All
// (coalition, replication) runs go through one OpenMP loop; each writes only its own slot, so
// the result does not depend on the thread count.
//
// The platforms group moves the donor's whole platform set (platforms.count and every
// platformN.* key: launch dates, home markets, languages, local-language dates, media rates,
// founders) with culture.country (the founders' home market), culture.language and
// culture.english_share (the language barrier). A donor key without a value (a platform with
// no local_language) is dropped from the recipient's text, since --set cannot unset a key;
// platforms beyond platforms.count keep whatever they hold and are not run.
//
// A derived key (the labour rates, mean tenure, initial unemployment, discretion, club
// closure) moves whole with its group: the donor's resolved value (set or derived) when its
// group moves, else the recipient's own, pinned so that moving another group does not move it
// through its derivation (France given the US's employment protection keeps France's mean
// tenure and separation rate; labour.job_to_job_rate moves with employment protection).
//
// Population shares include population.workforce_share. It does not change the dynamics, but
// it is part of the occupational structure: had France the US shares of executives,
// salespeople and middle managers, its modelled population would stand for the US share of
// the workforce. Leaving it out would put a pure accounting factor (0.481 / 0.527) in the
// residual.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "netadopt/compare/compare.hpp"

namespace netadopt::run {

struct InputGroup {
  std::string name;        // "employment_protection"
  std::string hypotheses;  // "H9"
  std::vector<std::string> keys;
};

const std::vector<InputGroup>& input_groups();  // the ten groups, in a fixed order

// The group's keys for a reader: runs of platformN.* keys shown as "platform1.* to platform8.*".
std::string keys_text(const InputGroup& group);

// ---- Shapley arithmetic: pure functions of a game v over coalitions (bit g: group g) ----------

// Exact Shapley values of `groups` players for a game given by v over bitmasks (v.size() ==
// 2^groups).
std::vector<double> shapley_values(const std::vector<double>& v, std::size_t groups);

using Order = std::vector<std::size_t>;  // a permutation of 0 .. groups - 1
using Game = std::function<double(unsigned coalition)>;

// `count` orders of `groups` groups in antithetic pairs: a uniform random order (Fisher-Yates
// on the stream (seed, replication, "decomposition.orders")), then its reverse. Throws
// std::invalid_argument for an odd count.
std::vector<Order> antithetic_orders(std::size_t groups, std::size_t count, std::uint64_t seed,
                                     std::uint64_t replication);

// The G + 1 coalitions along an order, from {} to all groups.
std::vector<unsigned> chain(const Order& order);

// Marginal contribution of each group along one order, v(prefix + g) - v(prefix), indexed by
// group; they sum to v(all) - v({}).
std::vector<double> order_contributions(const Game& v, const Order& order);

// The permutation estimate: the mean of order_contributions over `orders`. Over all G! orders
// it is the exact Shapley value. Throws std::invalid_argument for an order that is not a
// permutation of the groups, or no order.
std::vector<double> permutation_shapley(const Game& v, const std::vector<Order>& orders,
                                        std::size_t groups);

// ---- scenarios of the decomposition ---------------------------------------------------------

// "key=value" overrides giving `recipient` the `donor`'s values of the groups in `mask`, and
// pinning the recipient's derived values of the groups left out (see the note above).
std::vector<std::string> group_overrides(const scenario::Scenario& donor,
                                         const scenario::Scenario& recipient,
                                         const std::vector<InputGroup>& groups, unsigned mask);

// Keys of the groups in `mask` that the recipient holds and the donor leaves without a value:
// they are dropped from the recipient's text (a platform's local_language, say).
std::vector<std::string> group_cleared_keys(const scenario::Scenario& donor,
                                            const scenario::Scenario& recipient,
                                            const std::vector<InputGroup>& groups, unsigned mask);

// The recipient (its resolved text, so that its own --set overrides stay) given the donor's
// values of the groups in `mask`: the cleared keys dropped, the overrides applied. Throws
// scenario::ScenarioError if the result is not a valid scenario.
scenario::Scenario given_groups(const scenario::Scenario& donor,
                                const scenario::Scenario& recipient,
                                const std::vector<InputGroup>& groups, unsigned mask);

// Keys whose values differ between a and b and that no group holds, leaving out [run],
// [output] and population.size: their effect is in the residual.
std::vector<std::string> uncovered_differences(const scenario::Scenario& a,
                                               const scenario::Scenario& b,
                                               const std::vector<InputGroup>& groups);

// The outcome: log of members per 1,000 workers, a count under half an agent floored there
// (`per_1000_workers`: members per 1,000 workers of one agent).
double log_outcome(double members_per_1000_workers, double per_1000_workers);

// Mean and 95% t interval of the finite values of x (NaN where none is finite).
MeanInterval finite_mean_interval(const std::vector<double>& x);

// ---- the decomposition ----------------------------------------------------------------------

struct DecompositionOptions {
  std::int64_t population_size = 20000;
  std::int64_t replications = 8;
  std::size_t permutations = 16;  // orders per replication, even; 0: exact over 2^G coalitions
  int threads = 0;                // 0: OpenMP's default
  std::function<void(std::size_t done, std::size_t total)> on_progress;  // one thread at a time
};

struct Decomposition {
  std::vector<InputGroup> groups;
  std::vector<scenario::Date> dates;
  std::size_t replications = 0;
  std::int64_t population_size = 0;
  std::size_t permutations = 0;  // orders per replication; 0: exact
  // Per replication: the coalitions run from A, ascending ({} first, all groups last), and
  // A's members per 1,000 workers and v(S) in each, [coalition * dates + date].
  std::vector<std::vector<unsigned>> coalitions;
  std::vector<std::vector<double>> members, outcomes;
  std::vector<std::vector<Order>> orders;  // [replication][order]; empty when exact
  // [k][replication][date]: k = 0 B itself, k = g + 1 B given A's group g; level and log.
  std::vector<double> reverse_members, reverse;
  std::vector<double> shapley;  // [group][replication][date]
  std::vector<std::string> uncovered_keys;
  double wall_seconds = 0;

  bool exact() const { return permutations == 0; }
  unsigned all_groups() const { return (1u << groups.size()) - 1; }
  std::size_t runs() const;  // (variant, replication) runs, A's coalitions and B's
  // Per replication, at a date (value() and members_of() throw std::out_of_range for a
  // coalition that was not run):
  std::vector<double> value(unsigned coalition, std::size_t date) const;  // v(S)
  double value_in(std::size_t replication, unsigned coalition, std::size_t date) const;
  std::vector<double> members_of(unsigned coalition, std::size_t date) const;
  std::vector<double> reverse_value(std::size_t k, std::size_t date) const;
  std::vector<double> reverse_members_of(std::size_t k, std::size_t date) const;
  std::vector<double> gap(std::size_t date) const;  // v(all) - v({}): log of v(all) / A
  std::vector<double> shapley_of(std::size_t group, std::size_t date) const;
  std::vector<double> shapley_share(std::size_t group, std::size_t date) const;  // phi / gap
  std::vector<double> a_given_b(std::size_t group, std::size_t date) const;      // v({g}) - v({})
  std::vector<double> b_given_a(std::size_t group, std::size_t date) const;
  std::vector<double> interaction_share(std::size_t date) const;  // 1 - sum OAT / gap (NaN: 0 gap)
  std::vector<double> residual(std::size_t date) const;           // log B - v(all)
  // Max over replications and dates of |sum phi - gap| and, sampled, of every order's
  // |sum of contributions - gap|.
  double efficiency_error() const;
};

// Runs, with options.replications replications of options.population_size agents each, the
// coalitions from pair.a (every one when exact; else {}, all, each group alone and the chains
// of the replication's orders), pair.b itself and pair.b given each of pair.a's groups.
Decomposition decompose(const ScenarioPair& pair, const std::vector<scenario::Date>& dates,
                        const DecompositionOptions& options = {});

}  // namespace netadopt::run
