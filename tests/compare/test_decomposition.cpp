// The decomposition: the Shapley arithmetic on synthetic games (exact: additivity, an
// interaction split equally, symmetry, efficiency; sampled: the orders, efficiency along every
// order, exact over all orders, exact for pairwise interactions with antithetic pairs, and
// convergence to the exact values), the ten groups and their keys, the scenarios a coalition
// gets (the platform group both ways, the labour split pinning derived keys), and runs on a
// tiny population: a scenario against itself gives zero everywhere, France given all the US's
// groups is the US, one at a time matches v({g}) - v({}), and the thread count does not matter.
#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <numeric>
#include <set>

#include "../models/essay/country_inputs.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/compare/decomposition.hpp"
#include "netadopt/core/random.hpp"
#include "netadopt/models/essay/culture.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/replication.hpp"
#include "netadopt/scenario/loader.hpp"

using namespace netadopt;

namespace {

std::vector<double> game(std::size_t n, const std::function<double(std::size_t mask)>& v) {
  std::vector<double> values(std::size_t{1} << n);
  for (std::size_t mask = 0; mask < values.size(); ++mask) values[mask] = v(mask);
  return values;
}

run::Game as_game(const std::vector<double>& values) {
  return [&values](unsigned coalition) { return values.at(coalition); };
}

// A game with interactions of every order: v(S) pseudo-random in [0, 10).
std::vector<double> rough_game(std::size_t n) {
  core::Stream stream(7, 0, core::purpose_id("test.rough_game"));
  return game(n, [&](std::size_t) { return 10 * stream.uniform01(); });
}

double max_difference(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
  return worst;
}

std::vector<run::Order> all_orders(std::size_t n) {
  run::Order order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<run::Order> orders;
  do orders.push_back(order);
  while (std::next_permutation(order.begin(), order.end()));
  return orders;
}

std::size_t group_index(const std::string& name) {
  const auto& groups = run::input_groups();
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (groups[g].name == name) return g;
  FAIL("no group " << name);
  return 0;
}

unsigned group_bit(const std::string& name) { return 1u << group_index(name); }

bool holds(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

scenario::Scenario parsed(const std::string& ini) {
  return scenario::parse_scenario(
      run::full_schema(), essay_inputs::with_france_inputs("[run]\nmodel = essay\n" + ini), "test");
}

std::string scenario_path(const char* name) {
  return std::string(NETADOPT_SOURCE_DIR) + "/scenarios/" + name;
}

run::ScenarioPair tiny_pair(const char* a, const char* b) {
  return run::load_pair(scenario_path(a), scenario_path(b), {"run.end=2006-01-01"});
}

const run::ScenarioPair& france_us() {
  static const run::ScenarioPair pair =
      run::load_pair(scenario_path("france.ini"), scenario_path("us.ini"), {});
  return pair;
}

const std::vector<scenario::Date> kDates = {*scenario::parse_date("2005-01-01"),
                                            *scenario::parse_date("2006-01-01")};

run::DecompositionOptions tiny(int threads, std::size_t permutations = 4) {
  run::DecompositionOptions o;
  o.population_size = 300;
  o.replications = 2;
  o.permutations = permutations;
  o.threads = threads;
  return o;
}

std::vector<std::string> platform_names(const scenario::Scenario& s) {
  for (const run::VariableSpec& spec : run::output_specs(s))
    for (const run::Dimension& dim : spec.dims)
      if (dim.name == "platform") return dim.labels;
  return {};
}

// `s` at 200 agents until mid-2004: runs in a moment.
scenario::Scenario small(const scenario::Scenario& s) {
  return scenario::parse_scenario(run::full_schema(), s.resolved_ini(), "test",
                                  {"population.size=200", "run.end=2004-07-01"});
}

}  // namespace

// ---- exact Shapley values -----------------------------------------------------------------------

TEST_CASE("decomposition: an additive game gives each group its own effect",
          "[run][decomposition]") {
  const std::vector<double> w{1.5, -2, 0, 7, 0.25, 3, -1};
  const auto v = game(7, [&](std::size_t mask) {
    double sum = 10;  // v({}) does not matter
    for (std::size_t g = 0; g < 7; ++g)
      if (mask & (std::size_t{1} << g)) sum += w[g];
    return sum;
  });
  const auto phi = run::shapley_values(v, 7);
  for (std::size_t g = 0; g < 7; ++g) CHECK(phi[g] == Approx(w[g]).margin(1e-12));
}

TEST_CASE("decomposition: an interaction is split equally between the groups that make it",
          "[run][decomposition]") {
  const auto v = game(3, [](std::size_t mask) { return (mask & 3) == 3 ? 6.0 : 0.0; });
  const auto phi = run::shapley_values(v, 3);
  CHECK(phi[0] == Approx(3));
  CHECK(phi[1] == Approx(3));
  CHECK(phi[2] == Approx(0).margin(1e-12));
}

TEST_CASE("decomposition: symmetric groups get equal shares, and the shares add up",
          "[run][decomposition]") {
  const auto v = game(7, [](std::size_t mask) { return std::pow(std::popcount(mask), 2.0); });
  const auto phi = run::shapley_values(v, 7);
  for (const double p : phi) CHECK(p == Approx(49.0 / 7));
  const auto odd =
      game(7, [](std::size_t mask) { return std::sin(double(mask)) * double(mask & 5); });
  const auto split = run::shapley_values(odd, 7);
  CHECK(std::accumulate(split.begin(), split.end(), 0.0) == Approx(odd.back() - odd.front()));
  CHECK_THROWS_AS(run::shapley_values(odd, 6), std::invalid_argument);
}

// ---- sampled orders ---------------------------------------------------------------------------

TEST_CASE("decomposition: orders come in pairs of a random permutation and its reverse",
          "[run][decomposition]") {
  const auto orders = run::antithetic_orders(10, 16, 20050815, 0);
  REQUIRE(orders.size() == 16);
  run::Order identity(10);
  std::iota(identity.begin(), identity.end(), std::size_t{0});
  for (std::size_t k = 0; k < orders.size(); k += 2) {
    auto sorted = orders[k];
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted == identity);
    CHECK(orders[k + 1] == run::Order(orders[k].rbegin(), orders[k].rend()));
  }
  CHECK(std::set<run::Order>(orders.begin(), orders.end()).size() == 16);
  CHECK(run::antithetic_orders(10, 16, 20050815, 0) == orders);  // a pure function of its key
  CHECK(run::antithetic_orders(10, 16, 20050815, 1) != orders);  // each replication its own
  CHECK(run::antithetic_orders(10, 16, 1, 0) != orders);
  CHECK_THROWS_AS(run::antithetic_orders(10, 5, 1, 0), std::invalid_argument);
  CHECK(run::chain({2, 0, 1}) == std::vector<unsigned>{0, 4, 5, 7});
}

TEST_CASE("decomposition: every order's contributions add up to v(all) - v({})",
          "[run][decomposition]") {
  const auto v = rough_game(10);
  for (const run::Order& order : run::antithetic_orders(10, 16, 3, 0)) {
    const auto phi = run::order_contributions(as_game(v), order);
    CHECK(std::accumulate(phi.begin(), phi.end(), 0.0) ==
          Approx(v.back() - v.front()).margin(1e-12));
  }
  const auto phi = run::permutation_shapley(as_game(v), run::antithetic_orders(10, 4, 3, 0), 10);
  CHECK(std::accumulate(phi.begin(), phi.end(), 0.0) == Approx(v.back() - v.front()).margin(1e-12));
}

TEST_CASE("decomposition: over every order, the permutation estimate is the exact Shapley value",
          "[run][decomposition]") {
  const auto v = rough_game(5);
  const auto sampled = run::permutation_shapley(as_game(v), all_orders(5), 5);
  CHECK(max_difference(sampled, run::shapley_values(v, 5)) < 1e-12);
  CHECK_THROWS_AS(run::permutation_shapley(as_game(v), {{0, 1, 2, 3}}, 5), std::invalid_argument);
  CHECK_THROWS_AS(run::permutation_shapley(as_game(v), {{0, 1, 2, 3, 3}}, 5),
                  std::invalid_argument);
  CHECK_THROWS_AS(run::permutation_shapley(as_game(v), {}, 5), std::invalid_argument);
}

TEST_CASE("decomposition: antithetic pairs split a pairwise interaction equally, exactly",
          "[run][decomposition]") {
  // Additive effects plus an interaction of groups 0 and 1 worth 6: Shapley gives each 3.
  const std::vector<double> w{1, -2, 0.5, 0, 0, 3, 0, 0, -1, 0};
  const auto v = game(10, [&](std::size_t mask) {
    double sum = (mask & 3) == 3 ? 6.0 : 0.0;
    for (std::size_t g = 0; g < 10; ++g)
      if (mask & (std::size_t{1} << g)) sum += w[g];
    return sum;
  });
  const auto exact = run::shapley_values(v, 10);
  CHECK(exact[0] == Approx(w[0] + 3));
  CHECK(exact[1] == Approx(w[1] + 3));
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    const auto sampled =
        run::permutation_shapley(as_game(v), run::antithetic_orders(10, 2, seed, 0), 10);
    CHECK(max_difference(sampled, exact) < 1e-12);
  }
  // One order alone gives the whole interaction to whichever of the two comes second.
  const auto one = run::order_contributions(as_game(v), run::antithetic_orders(10, 2, 1, 0)[0]);
  CHECK(std::abs((one[0] - w[0]) - (one[1] - w[1])) == Approx(6));
}

TEST_CASE("decomposition: the permutation estimate converges to the exact Shapley values",
          "[run][decomposition]") {
  const auto v = rough_game(8);  // interactions of every order
  const auto exact = run::shapley_values(v, 8);
  const auto orders = run::antithetic_orders(8, 20000, 11, 0);
  const auto many = run::permutation_shapley(as_game(v), orders, 8);
  // Each estimate within 4 standard errors, from the spread of the pairs' means.
  std::vector<double> sum(8, 0.0), squares(8, 0.0);
  for (std::size_t k = 0; k < orders.size(); k += 2) {
    const auto a = run::order_contributions(as_game(v), orders[k]);
    const auto b = run::order_contributions(as_game(v), orders[k + 1]);
    for (std::size_t g = 0; g < 8; ++g) {
      sum[g] += (a[g] + b[g]) / 2;
      squares[g] += (a[g] + b[g]) * (a[g] + b[g]) / 4;
    }
  }
  const double pairs = static_cast<double>(orders.size() / 2);
  for (std::size_t g = 0; g < 8; ++g) {
    const double sd = std::sqrt((squares[g] - sum[g] * sum[g] / pairs) / (pairs - 1));
    CHECK(many[g] == Approx(sum[g] / pairs).margin(1e-9));
    CHECK(std::abs(many[g] - exact[g]) < 4 * sd / std::sqrt(pairs));
    CHECK(sd / std::sqrt(pairs) < 0.05);
  }
  const auto few = run::permutation_shapley(as_game(v), run::antithetic_orders(8, 8, 11, 0), 8);
  CHECK(max_difference(many, exact) < max_difference(few, exact) / 4);
}

// ---- groups and the scenarios a coalition gets ------------------------------------------------

TEST_CASE("decomposition: ten groups, each key a real scenario key in one group only",
          "[run][decomposition]") {
  const auto& groups = run::input_groups();
  std::vector<std::string> names;
  for (const auto& g : groups) names.push_back(g.name);
  CHECK(names == std::vector<std::string>{"platforms", "employment_protection", "unemployment",
                                          "tenure", "individualism", "discretion", "club_closure",
                                          "employer_hostility", "uncertainty_avoidance",
                                          "population_shares"});
  std::set<std::string> seen;
  for (const auto& g : groups)
    for (const auto& key : g.keys) {
      CHECK(run::full_schema().find(key) != nullptr);
      CHECK(seen.insert(key).second);
    }
  CHECK(seen.count("population.workforce_share") == 1);
  const auto& platforms = groups[group_index("platforms")].keys;
  for (const char* key :
       {"platforms.count", "platform1.launch", "platform1.local_language", "platform4.media_rate",
        "platform8.founders", "culture.country", "culture.language", "culture.english_share"})
    CHECK(holds(platforms, key));
  CHECK(run::keys_text(groups[group_index("platforms")]) ==
        "platforms.count, platform1.* to platform8.*, culture.country, culture.language, "
        "culture.english_share");
}

TEST_CASE("decomposition: a coalition takes the donor's values of its groups only",
          "[run][decomposition]") {
  const auto donor = parsed("[culture]\ndiscretion = 0.2\nclub_closure = 0.3\n");
  const auto recipient = parsed("[culture]\ndiscretion = 0.8\n");
  const auto& groups = run::input_groups();
  const auto overrides = run::group_overrides(donor, recipient, groups, group_bit("discretion"));
  CHECK(holds(overrides, "culture.discretion=0.2"));
  CHECK_FALSE(holds(overrides, "culture.club_closure=0.3"));
  // Without its group, a derived key the recipient leaves unset keeps the recipient's own
  // derivation (club closure = its uncertainty avoidance 86 / 100), whatever else moves.
  const auto none = run::group_overrides(donor, recipient, groups, 0);
  CHECK(holds(none, "culture.club_closure=0.86"));
  CHECK_FALSE(holds(none, "culture.discretion=0.2"));
}

TEST_CASE("decomposition: a derived rate the recipient sets takes the donor's derived value",
          "[run][decomposition]") {
  const auto donor = parsed("[culture]\nlong_term_unemployment_share = 0.25\n");
  const auto recipient = parsed("[labour]\njob_finding_rate = 5\n");
  const auto overrides =
      run::group_overrides(donor, recipient, run::input_groups(), group_bit("unemployment"));
  CHECK(holds(overrides, "labour.job_finding_rate=" + scenario::format_value(-std::log(0.25))));
  CHECK(holds(overrides, "culture.long_term_unemployment_share=0.25"));
}

TEST_CASE("decomposition: the labour split pins the derived keys of the groups left out",
          "[run][decomposition]") {
  const auto& [france, us, crn] = france_us();
  const auto& groups = run::input_groups();
  const auto fr = models::essay::labour_rates(france), usr = models::essay::labour_rates(us);
  REQUIRE(std::abs(1 / fr.leaving() - 1 / usr.leaving()) > 1);  // the tenures differ

  // France given the US's employment protection: the US job-to-job rate, France's separations,
  // job finding, initial unemployment and mean tenure (not 1 / (France's s + the US's m)).
  const auto ep = run::given_groups(us, france, groups, group_bit("employment_protection"));
  CHECK(ep.real("culture.employment_protection") == 0.21);
  CHECK(ep.real("labour.job_to_job_rate") == usr.job_to_job);
  CHECK(ep.real("labour.separation_rate") == fr.separation);
  CHECK(ep.real("labour.job_finding_rate") == fr.job_finding);
  CHECK(ep.real("population.mean_tenure_years") == Approx(1 / fr.leaving()).epsilon(1e-15));
  CHECK(ep.real("population.initial_unemployment") == Approx(0.089).epsilon(1e-15));

  // France given the US's unemployment: the US separations and job finding, France's moves and
  // tenure.
  const auto un = run::given_groups(us, france, groups, group_bit("unemployment"));
  CHECK(un.real("culture.unemployment_rate") == 5.1);
  CHECK(un.real("population.initial_unemployment") == Approx(0.051).epsilon(1e-15));
  CHECK(un.real("labour.separation_rate") == usr.separation);
  CHECK(un.real("labour.job_finding_rate") == usr.job_finding);
  CHECK(un.real("labour.job_to_job_rate") == fr.job_to_job);
  CHECK(un.real("population.mean_tenure_years") == Approx(1 / fr.leaving()).epsilon(1e-15));

  // France given the US's tenure: the US's initial tenure, France's flows.
  const auto tenure = run::given_groups(us, france, groups, group_bit("tenure"));
  CHECK(tenure.real("population.mean_tenure_years") == Approx(1 / usr.leaving()).epsilon(1e-15));
  CHECK(tenure.real("labour.job_to_job_rate") == fr.job_to_job);
  CHECK(tenure.real("culture.employment_protection") == 3.05);
}

TEST_CASE("decomposition: the platform group both ways validates and runs",
          "[run][decomposition]") {
  const auto& [france, us, crn] = france_us();
  const auto& groups = run::input_groups();
  const unsigned platforms = group_bit("platforms");
  // France given the US's single LinkedIn: France's local_language dates have no US value and
  // are dropped, since --set cannot unset a key.
  CHECK(run::group_cleared_keys(us, france, groups, platforms) ==
        std::vector<std::string>{"platform1.local_language", "platform3.local_language"});
  const auto fr = run::given_groups(us, france, groups, platforms);
  CHECK(fr.integer("platforms.count") == 1);
  CHECK_FALSE(fr.has("platform1.local_language"));
  CHECK(fr.text("culture.country") == "us");
  CHECK(fr.text("culture.language") == "en");
  CHECK(fr.real("culture.english_share") == 0.92);
  CHECK(fr.real("culture.masculinity") == 43);  // the rest stays French
  CHECK(platform_names(small(fr)) == std::vector<std::string>{"LinkedIn"});
  CHECK(run::run_replication(small(fr), 0).events > 0);

  // The US given France's four platforms.
  CHECK(run::group_cleared_keys(france, us, groups, platforms).empty());
  const auto u = run::given_groups(france, us, groups, platforms);
  CHECK(u.integer("platforms.count") == 4);
  CHECK(u.date("platform1.local_language") == *scenario::parse_date("2008-11-15"));
  CHECK(u.date("platform2.launch") == *scenario::parse_date("2004-06-01"));
  CHECK(u.text("culture.country") == "france");
  CHECK(u.real("culture.english_share") == 0.36);
  CHECK(u.real("culture.masculinity") == 62);
  CHECK(platform_names(small(u)) ==
        std::vector<std::string>{"LinkedIn", "Viaduc", "openBC", "6nergies"});
  CHECK(run::run_replication(small(u), 0).events > 0);

  // Given every group, France is the US key for key (but for the keys in no group).
  const auto all = run::given_groups(us, france, groups, (1u << groups.size()) - 1);
  for (const scenario::KeySpec& spec : run::full_schema().keys()) {
    if (spec.section() == "run" || spec.name == "culture.long_term_orientation" ||
        spec.name == "culture.indulgence" || !us.has(spec.name))
      continue;
    INFO(spec.name);
    CHECK(scenario::format_value(all.value(spec.name)) ==
          scenario::format_value(us.value(spec.name)));
  }
}

TEST_CASE("decomposition: differing keys outside every group are listed", "[run][decomposition]") {
  const auto a =
      parsed("[culture]\nindulgence = 40\ndiscretion = 0.1\n[platform1]\nmedia_rate = 1\n");
  const auto b = parsed("[culture]\nindulgence = 60\ndiscretion = 0.9\n");
  CHECK(run::uncovered_differences(a, b, run::input_groups()) ==
        std::vector<std::string>{"culture.indulgence"});
}

TEST_CASE("decomposition: the outcome is a log, a count under half an agent floored there",
          "[run][decomposition]") {
  CHECK(run::log_outcome(20, 0.1) == Approx(std::log(20.0)));
  CHECK(run::log_outcome(0, 0.1) == Approx(std::log(0.05)));
  CHECK(run::log_outcome(0.01, 0.1) == Approx(std::log(0.05)));
}

// ---- runs ---------------------------------------------------------------------------------

TEST_CASE(
    "decomposition: a scenario against itself gives every coalition equal and every effect zero",
    "[run][decomposition]") {
  const auto d = run::decompose(tiny_pair("france.ini", "france.ini"), kDates, tiny(2));
  for (std::size_t r = 0; r < d.replications; ++r)
    for (const unsigned c : d.coalitions[r]) CHECK(d.value_in(r, c, 1) == d.value_in(r, 0, 1));
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    CHECK(d.shapley_of(g, 1) == std::vector<double>(2, 0.0));
    CHECK(d.a_given_b(g, 1) == std::vector<double>(2, 0.0));
    CHECK(d.b_given_a(g, 1) == std::vector<double>(2, 0.0));
  }
  CHECK(d.residual(1) == std::vector<double>(2, 0.0));
  CHECK(std::isnan(d.interaction_share(1)[0]));  // no gap to share
}

TEST_CASE("decomposition: France and US on a tiny population, one at a time, efficiency, threads",
          "[run][decomposition]") {
  const auto pair = tiny_pair("france.ini", "us.ini");
  const auto one = run::decompose(pair, kDates, tiny(1));
  const auto two = run::decompose(pair, kDates, tiny(2));
  CHECK(one.orders == two.orders);
  CHECK(one.coalitions == two.coalitions);
  CHECK(one.outcomes == two.outcomes);
  CHECK(one.reverse == two.reverse);
  CHECK(one.shapley == two.shapley);
  CHECK(one.efficiency_error() < 1e-12);
  REQUIRE(one.orders.size() == 2);
  REQUIRE(one.orders[0].size() == 4);
  CHECK(one.orders[0] != one.orders[1]);  // each replication draws its own orders
  for (std::size_t r = 0; r < 2; ++r) {
    const auto& c = one.coalitions[r];
    CHECK(std::is_sorted(c.begin(), c.end()));
    CHECK(c.front() == 0u);
    CHECK(c.back() == one.all_groups());
    CHECK(c.size() <= 2 + 10 + 4 * 9);
    CHECK(one.outcomes[r].size() == c.size() * 2);
  }
  REQUIRE(one.reverse.size() == 11 * 2 * 2);
  const auto effect = one.a_given_b(5, 1), v5 = one.value(1u << 5, 1), v0 = one.value(0, 1);
  for (std::size_t r = 0; r < 2; ++r) CHECK(effect[r] == v5[r] - v0[r]);
  // The platform group closes the gap: France given all the US's groups is the US, exactly.
  CHECK(one.residual(0) == std::vector<double>(2, 0.0));
  CHECK(one.residual(1) == std::vector<double>(2, 0.0));
  CHECK(one.uncovered_keys ==
        std::vector<std::string>{"culture.long_term_orientation", "culture.indulgence"});
  // The outcome is the log of the members, floored at half an agent.
  const auto members = one.members_of(0, 1), logs = one.value(0, 1);
  for (std::size_t r = 0; r < 2; ++r)
    CHECK(logs[r] == Approx(std::log(std::max(members[r], 0.5 * 1000 * 0.267 / 300))));
  const auto share = one.interaction_share(1), gap = one.gap(1);
  for (std::size_t r = 0; r < 2; ++r) {
    double alone = 0;
    for (std::size_t g = 0; g < 10; ++g) alone += one.a_given_b(g, 1)[r];
    CHECK(share[r] == Approx(1 - alone / gap[r]));
  }
}

TEST_CASE("decomposition: exact and sampled Shapley values agree on the model's own game",
          "[run][decomposition]") {
  // One replication of 100 agents to mid-2004: all 1,024 coalitions, then 2 orders from them.
  const auto pair =
      run::load_pair(scenario_path("france.ini"), scenario_path("us.ini"), {"run.end=2004-07-01"});
  auto options = tiny(2, 0);
  options.population_size = 100;
  options.replications = 1;
  const std::vector<scenario::Date> date{*scenario::parse_date("2004-07-01")};
  const auto exact = run::decompose(pair, date, options);
  REQUIRE(exact.exact());
  REQUIRE(exact.coalitions[0].size() == 1024);
  CHECK(exact.efficiency_error() < 1e-12);
  options.permutations = 2;
  const auto sampled = run::decompose(pair, date, options);
  // Both ran v(S) under the same streams: every coalition the sample ran has the exact run's value.
  for (const unsigned c : sampled.coalitions[0])
    CHECK(sampled.value_in(0, c, 0) == exact.value_in(0, c, 0));
  std::vector<double> v(1024);
  for (unsigned c = 0; c < 1024; ++c) v[c] = exact.value_in(0, c, 0);
  const auto expected = run::permutation_shapley(as_game(v), sampled.orders[0], 10);
  for (std::size_t g = 0; g < 10; ++g)
    CHECK(sampled.shapley_of(g, 0)[0] == Approx(expected[g]).margin(1e-12));
  const auto over_all = run::shapley_values(v, 10);
  for (std::size_t g = 0; g < 10; ++g)
    CHECK(exact.shapley_of(g, 0)[0] == Approx(over_all[g]).margin(1e-12));
}
