#include "netadopt/compare/decomposition.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/core/random.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/parallel_jobs.hpp"
#include "netadopt/run/replication.hpp"
#include "netadopt/scenario/loader.hpp"

namespace netadopt::run {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The value a scenario derives for a key it does not set, as its model derives it (the essay
// model: the labour rates, the labour market's initial state, and the culture's norms).
std::optional<double> derived_value(const scenario::Scenario& s, const std::string& key) {
  return models::descriptor(s).derived_value(s, key);
}

// `key` as `from` resolves it (set, or derived), as an override; nothing if it has no value.
void add_override(std::vector<std::string>& out, const scenario::Scenario& from,
                  const std::string& key) {
  if (from.has(key)) {
    out.push_back(key + "=" + scenario::format_value(from.value(key)));
  } else if (const auto derived = derived_value(from, key)) {
    out.push_back(key + "=" + scenario::format_value(*derived));
  }
}

bool in_some_group(const std::vector<InputGroup>& groups, const std::string& key) {
  for (const InputGroup& group : groups)
    if (std::find(group.keys.begin(), group.keys.end(), key) != group.keys.end()) return true;
  return false;
}

bool outside_the_inputs(const scenario::KeySpec& spec) {
  const std::string section = spec.section();
  return section == "run" || section == "output" || spec.name == "population.size";
}

bool same_value(const scenario::Scenario& a, const scenario::Scenario& b, const std::string& key) {
  if (a.has(key) != b.has(key)) return false;
  return !a.has(key) ||
         scenario::format_value(a.value(key)) == scenario::format_value(b.value(key));
}

// "platform3" for platform3.launch; "" for platforms.count and every other key.
std::string platform_section(const std::string& key) {
  const std::string section = key.substr(0, key.find('.'));
  const bool numbered = section.size() > 8 && section.starts_with("platform") &&
                        std::all_of(section.begin() + 8, section.end(),
                                    [](unsigned char c) { return std::isdigit(c) != 0; });
  return numbered ? section : "";
}

// `ini` (a resolved scenario) with the lines of `keys` turned into comments.
std::string without_keys(const std::string& ini, const std::vector<std::string>& keys) {
  std::istringstream in(ini);
  std::string out, section;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("[")) section = line.substr(1, line.find(']') - 1);
    const std::string key = section + "." + line.substr(0, line.find(" = "));
    const bool dropped = !line.starts_with("#") && line.find(" = ") != std::string::npos &&
                         std::find(keys.begin(), keys.end(), key) != keys.end();
    out += (dropped ? "# dropped by the decomposition: " : "") + line + "\n";
  }
  return out;
}

// Founders' seed members scaled with the population, so that a smaller decomposition
// population starts from the same share of members as the full run (at least one founder).
void scale_founders(const scenario::Scenario& base, std::int64_t size,
                    std::vector<std::string>& overrides) {
  const double factor =
      static_cast<double>(size) / static_cast<double>(base.integer("population.size"));
  for (std::int64_t n = 1; n <= base.integer("platforms.count"); ++n) {
    const std::string key = "platform" + std::to_string(n) + ".founders";
    const std::int64_t founders = base.integer(key);
    if (founders == 0) continue;
    const auto scaled =
        std::max<std::int64_t>(1, std::llround(static_cast<double>(founders) * factor));
    overrides.push_back(key + "=" + std::to_string(scaled));
  }
}

// `s` at the decomposition's population size (founders of its platforms scaled alike) and
// replications.
scenario::Scenario at_decomposition_size(const scenario::Scenario& s,
                                         const DecompositionOptions& options) {
  std::vector<std::string> overrides;
  scale_founders(s, options.population_size, overrides);
  overrides.push_back("population.size=" + std::to_string(options.population_size));
  overrides.push_back("run.replications=" + std::to_string(options.replications));
  return scenario::parse_scenario(run::full_schema(), s.resolved_ini(), s.source(), overrides);
}

InputGroup platforms_group() {
  InputGroup group{"platforms", "platforms", {"platforms.count"}};
  for (const scenario::KeySpec& spec : run::full_schema().keys())
    if (!platform_section(spec.name).empty()) group.keys.push_back(spec.name);
  for (const char* key : {"culture.country", "culture.language", "culture.english_share"})
    group.keys.push_back(key);
  return group;
}

// ---- running ---------------------------------------------------------------------------------

// The coalitions one replication runs from A: every one when exact; else {}, all, each group
// alone (one at a time) and the chain of every order. Ascending.
std::vector<unsigned> coalitions_of(std::size_t groups, const std::vector<Order>& orders,
                                    bool exact) {
  const unsigned all = (1u << groups) - 1;
  std::vector<unsigned> out;
  if (exact) {
    out.resize(std::size_t{all} + 1);
    std::iota(out.begin(), out.end(), 0u);
    return out;
  }
  out = {0u, all};
  for (std::size_t g = 0; g < groups; ++g) out.push_back(1u << g);
  for (const Order& order : orders)
    for (const unsigned c : chain(order)) out.push_back(c);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The scenarios to run: A given each coalition run in some replication (variant_of: coalition
// to index), then B and B given each of A's groups; and the (variant, replication) jobs.
struct Plan {
  std::vector<scenario::Scenario> variants;
  std::map<unsigned, std::size_t> variant_of;
  std::vector<std::pair<std::size_t, std::size_t>> jobs;
};

Plan plan(const ScenarioPair& pair, const Decomposition& d, const DecompositionOptions& options) {
  Plan p;
  for (const auto& coalitions : d.coalitions)
    for (const unsigned c : coalitions)
      if (p.variant_of.emplace(c, p.variants.size()).second)
        p.variants.push_back(
            at_decomposition_size(given_groups(pair.b, pair.a, d.groups, c), options));
  p.variants.push_back(at_decomposition_size(pair.b, options));
  for (std::size_t g = 0; g < d.groups.size(); ++g)
    p.variants.push_back(
        at_decomposition_size(given_groups(pair.a, pair.b, d.groups, 1u << g), options));
  for (std::size_t r = 0; r < d.replications; ++r)
    for (const unsigned c : d.coalitions[r]) p.jobs.emplace_back(p.variant_of.at(c), r);
  for (std::size_t k = 0; k <= d.groups.size(); ++k)
    for (std::size_t r = 0; r < d.replications; ++r)
      p.jobs.emplace_back(p.variant_of.size() + k, r);
  return p;
}

std::size_t variable_index(const scenario::Scenario& s, const std::string& name) {
  const auto specs = output_specs(s);
  for (std::size_t v = 0; v < specs.size(); ++v)
    if (specs[v].name == name) return v;
  throw std::invalid_argument("model '" + s.choice("run.model") + "' has no output '" + name + "'");
}

std::vector<double> report_times(const scenario::Scenario& s) {
  const core::RunWindow window = run_window(s);
  std::vector<double> times;
  for (std::size_t k = 0; k < window.report_count(); ++k) times.push_back(window.report_time(k));
  return times;
}

// One replication of one variant: all-platform members per 1,000 workers at the dates
// (`members_any`: the index of that output, the same for every variant of the model).
std::vector<double> members_at(const scenario::Scenario& s, std::uint64_t replication,
                               const std::vector<scenario::Date>& dates, std::size_t members_any) {
  const ReplicationOutput out = run_replication(s, replication);
  return all_members_per_1000_workers(report_times(s), out.series[members_any], per_1000_workers(s),
                                      days_since_start(s, dates));
}

struct JobValues {
  std::vector<double> members, logs;  // [job][date]
};

JobValues run_all(const Plan& p, const std::vector<scenario::Date>& dates,
                  const DecompositionOptions& options) {
  const std::size_t d = dates.size(),
                    members_any = variable_index(p.variants.front(), "members_any");
  JobValues values{std::vector<double>(p.jobs.size() * d), std::vector<double>(p.jobs.size() * d)};
  std::size_t done = 0;
  parallel_jobs(
      p.jobs.size(), options.threads,
      [&](std::size_t job) {
        const scenario::Scenario& s = p.variants[p.jobs[job].first];
        const auto m = members_at(s, p.jobs[job].second, dates, members_any);
        for (std::size_t t = 0; t < d; ++t) {
          values.members[job * d + t] = m[t];
          values.logs[job * d + t] = log_outcome(m[t], per_1000_workers(s));
        }
      },
      [&](std::size_t) {
        if (options.on_progress) options.on_progress(++done, p.jobs.size());
      });
  return values;
}

// Spreads the job values, in the plan's job order, over A's coalitions per replication and B's
// runs [k][replication][date].
void store(Decomposition& d, const JobValues& values) {
  const std::size_t n = d.dates.size();
  std::size_t at = 0;
  for (std::size_t r = 0; r < d.replications; ++r) {
    const std::size_t count = d.coalitions[r].size() * n;
    d.members[r].assign(values.members.begin() + long(at),
                        values.members.begin() + long(at + count));
    d.outcomes[r].assign(values.logs.begin() + long(at), values.logs.begin() + long(at + count));
    at += count;
  }
  d.reverse_members.assign(values.members.begin() + long(at), values.members.end());
  d.reverse.assign(values.logs.begin() + long(at), values.logs.end());
}

// v over coalitions of replication r at date t.
Game game_of(const Decomposition& d, std::size_t r, std::size_t t) {
  return [&d, r, t](unsigned coalition) {
    const auto& c = d.coalitions[r];
    const auto it = std::lower_bound(c.begin(), c.end(), coalition);
    if (it == c.end() || *it != coalition)
      throw std::out_of_range("decomposition: coalition " + std::to_string(coalition) +
                              " was not run in replication " + std::to_string(r));
    return d.outcomes[r][static_cast<std::size_t>(it - c.begin()) * d.dates.size() + t];
  };
}

std::vector<double> shapley_at(const Decomposition& d, std::size_t r, std::size_t t) {
  if (!d.exact()) return permutation_shapley(game_of(d, r, t), d.orders[r], d.groups.size());
  std::vector<double> v(std::size_t{d.all_groups()} + 1);
  for (std::size_t c = 0; c < v.size(); ++c) v[c] = d.outcomes[r][c * d.dates.size() + t];
  return shapley_values(v, d.groups.size());
}

// phi[group][replication][date].
std::vector<double> shapley_per_replication(const Decomposition& d) {
  const std::size_t n = d.dates.size(), reps = d.replications;
  std::vector<double> phi(d.groups.size() * reps * n);
  for (std::size_t r = 0; r < reps; ++r)
    for (std::size_t t = 0; t < n; ++t) {
      const std::vector<double> values = shapley_at(d, r, t);
      for (std::size_t g = 0; g < d.groups.size(); ++g) phi[(g * reps + r) * n + t] = values[g];
    }
  return phi;
}

std::vector<double> slice(const std::vector<double>& values, std::size_t block, std::size_t reps,
                          std::size_t d, std::size_t date) {
  std::vector<double> x(reps);
  for (std::size_t r = 0; r < reps; ++r) x[r] = values[(block * reps + r) * d + date];
  return x;
}

std::vector<double> difference(std::vector<double> a, const std::vector<double>& b) {
  for (std::size_t i = 0; i < a.size(); ++i) a[i] -= b[i];
  return a;
}

double factorial(std::size_t n) { return std::tgamma(static_cast<double>(n) + 1.0); }

void require_permutation(const Order& order, std::size_t groups) {
  std::vector<bool> seen(groups, false);
  for (const std::size_t g : order) {
    if (g >= groups || seen[g])
      throw std::invalid_argument("Shapley orders: an order is not a permutation of the " +
                                  std::to_string(groups) + " groups");
    seen[g] = true;
  }
  if (order.size() != groups)
    throw std::invalid_argument("Shapley orders: expected orders of " + std::to_string(groups) +
                                " groups, found one of " + std::to_string(order.size()));
}

}  // namespace

// ---- groups ------------------------------------------------------------------------------------

const std::vector<InputGroup>& input_groups() {
  static const std::vector<InputGroup> groups = {
      platforms_group(),
      {"employment_protection", "H9", {"culture.employment_protection", "labour.job_to_job_rate"}},
      {"unemployment",
       "H3",
       {"culture.unemployment_rate", "culture.long_term_unemployment_share",
        "population.initial_unemployment", "labour.separation_rate", "labour.job_finding_rate"}},
      {"tenure", "H5", {"population.mean_tenure_years"}},
      {"individualism", "H9", {"culture.individualism"}},
      {"discretion", "H7", {"culture.masculinity", "culture.discretion"}},
      {"club_closure", "H6", {"culture.club_closure"}},
      {"employer_hostility", "H8", {"firms.hostile_share", "culture.power_distance"}},
      {"uncertainty_avoidance", "theta", {"culture.uncertainty_avoidance"}},
      {"population_shares",
       "H1 H2 H5",
       {"population.cadres_share", "population.sales_share", "population.share_executive",
        "population.share_salesperson", "population.share_middle_manager",
        "population.workforce_share"}},
  };
  return groups;
}

std::string keys_text(const InputGroup& group) {
  std::string text, first, last;
  const auto flush = [&] {
    if (first.empty()) return;
    text += (text.empty() ? "" : ", ") + first + ".*" + (last == first ? "" : " to " + last + ".*");
    first.clear();
  };
  for (const std::string& key : group.keys) {
    const std::string section = platform_section(key);
    if (!section.empty()) {
      if (first.empty()) first = section;
      last = section;
      continue;
    }
    flush();
    text += (text.empty() ? "" : ", ") + key;
  }
  flush();
  return text;
}

// ---- Shapley arithmetic ------------------------------------------------------------------------

std::vector<double> shapley_values(const std::vector<double>& v, std::size_t groups) {
  if (v.size() != (std::size_t{1} << groups))
    throw std::invalid_argument("shapley_values: expected 2^" + std::to_string(groups) +
                                " values, found " + std::to_string(v.size()));
  std::vector<double> phi(groups, 0.0);
  for (std::size_t g = 0; g < groups; ++g)
    for (std::size_t mask = 0; mask < v.size(); ++mask) {
      if (mask & (std::size_t{1} << g)) continue;
      const auto s = static_cast<std::size_t>(std::popcount(mask));
      const double weight = factorial(s) * factorial(groups - s - 1) / factorial(groups);
      phi[g] += weight * (v[mask | (std::size_t{1} << g)] - v[mask]);
    }
  return phi;
}

std::vector<Order> antithetic_orders(std::size_t groups, std::size_t count, std::uint64_t seed,
                                     std::uint64_t replication) {
  if (count % 2 != 0)
    throw std::invalid_argument(
        "antithetic_orders: expected an even number of orders (pairs of "
        "an order and its reverse), found " +
        std::to_string(count));
  core::Stream stream(seed, replication, core::purpose_id("decomposition.orders"));
  std::vector<Order> orders;
  while (orders.size() < count) {
    Order order(groups);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = groups; i > 1; --i)
      std::swap(order[i - 1], order[stream.uniform_index(i)]);
    orders.push_back(order);
    orders.emplace_back(order.rbegin(), order.rend());
  }
  return orders;
}

std::vector<unsigned> chain(const Order& order) {
  std::vector<unsigned> out{0u};
  for (const std::size_t g : order) out.push_back(out.back() | (1u << g));
  return out;
}

std::vector<double> order_contributions(const Game& v, const Order& order) {
  require_permutation(order, order.size());
  std::vector<double> phi(order.size(), 0.0);
  unsigned prefix = 0;
  double before = v(prefix);
  for (const std::size_t g : order) {
    prefix |= 1u << g;
    const double after = v(prefix);
    phi[g] = after - before;
    before = after;
  }
  return phi;
}

std::vector<double> permutation_shapley(const Game& v, const std::vector<Order>& orders,
                                        std::size_t groups) {
  if (orders.empty())
    throw std::invalid_argument("permutation_shapley: expected at least one order");
  std::vector<double> phi(groups, 0.0);
  for (const Order& order : orders) {
    require_permutation(order, groups);
    const std::vector<double> contributions = order_contributions(v, order);
    for (std::size_t g = 0; g < groups; ++g) phi[g] += contributions[g];
  }
  for (double& p : phi) p /= static_cast<double>(orders.size());
  return phi;
}

// ---- scenarios
// -----------------------------------------------------------------------------------

std::vector<std::string> group_overrides(const scenario::Scenario& donor,
                                         const scenario::Scenario& recipient,
                                         const std::vector<InputGroup>& groups, unsigned mask) {
  // A derived key of a group left out keeps the recipient's own value, so that moving another
  // group (uncertainty avoidance, say) does not move it through its derivation (club closure).
  std::vector<std::string> out;
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (const std::string& key : groups[g].keys) {
      if (mask & (1u << g))
        add_override(out, donor, key);
      else if (!recipient.has(key) && derived_value(recipient, key))
        add_override(out, recipient, key);
    }
  return out;
}

std::vector<std::string> group_cleared_keys(const scenario::Scenario& donor,
                                            const scenario::Scenario& recipient,
                                            const std::vector<InputGroup>& groups, unsigned mask) {
  std::vector<std::string> keys;
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (const std::string& key : groups[g].keys)
      if ((mask & (1u << g)) && recipient.has(key) && !donor.has(key) && !derived_value(donor, key))
        keys.push_back(key);
  return keys;
}

scenario::Scenario given_groups(const scenario::Scenario& donor,
                                const scenario::Scenario& recipient,
                                const std::vector<InputGroup>& groups, unsigned mask) {
  const std::string text =
      without_keys(recipient.resolved_ini(), group_cleared_keys(donor, recipient, groups, mask));
  return scenario::parse_scenario(run::full_schema(), text, recipient.source(),
                                  group_overrides(donor, recipient, groups, mask));
}

std::vector<std::string> uncovered_differences(const scenario::Scenario& a,
                                               const scenario::Scenario& b,
                                               const std::vector<InputGroup>& groups) {
  std::vector<std::string> keys;
  for (const scenario::KeySpec& spec : a.schema().keys())
    if (!outside_the_inputs(spec) && !in_some_group(groups, spec.name) &&
        !same_value(a, b, spec.name))
      keys.push_back(spec.name);
  return keys;
}

double log_outcome(double members_per_1000_workers, double per_1000_workers) {
  return std::log(std::max(members_per_1000_workers, 0.5 * per_1000_workers));
}

MeanInterval finite_mean_interval(const std::vector<double>& x) {
  std::vector<double> finite;
  for (const double value : x)
    if (std::isfinite(value)) finite.push_back(value);
  if (finite.empty()) return {kNaN, kNaN, kNaN};
  return mean_interval(finite);
}

// ---- the decomposition's accessors
// ---------------------------------------------------------------

std::size_t Decomposition::runs() const {
  std::size_t count = (groups.size() + 1) * replications;
  for (const auto& c : coalitions) count += c.size();
  return count;
}

std::vector<double> Decomposition::value(unsigned coalition, std::size_t date) const {
  std::vector<double> x(replications);
  for (std::size_t r = 0; r < replications; ++r) x[r] = game_of(*this, r, date)(coalition);
  return x;
}

double Decomposition::value_in(std::size_t replication, unsigned coalition,
                               std::size_t date) const {
  return game_of(*this, replication, date)(coalition);
}

std::vector<double> Decomposition::members_of(unsigned coalition, std::size_t date) const {
  std::vector<double> x(replications);
  for (std::size_t r = 0; r < replications; ++r) {
    const auto& c = coalitions[r];
    const auto it = std::lower_bound(c.begin(), c.end(), coalition);
    if (it == c.end() || *it != coalition)
      throw std::out_of_range("decomposition: coalition " + std::to_string(coalition) +
                              " was not run");
    x[r] = members[r][static_cast<std::size_t>(it - c.begin()) * dates.size() + date];
  }
  return x;
}

std::vector<double> Decomposition::reverse_value(std::size_t k, std::size_t date) const {
  return slice(reverse, k, replications, dates.size(), date);
}

std::vector<double> Decomposition::reverse_members_of(std::size_t k, std::size_t date) const {
  return slice(reverse_members, k, replications, dates.size(), date);
}

std::vector<double> Decomposition::gap(std::size_t date) const {
  return difference(value(all_groups(), date), value(0, date));
}

std::vector<double> Decomposition::shapley_of(std::size_t group, std::size_t date) const {
  return slice(shapley, group, replications, dates.size(), date);
}

std::vector<double> Decomposition::shapley_share(std::size_t group, std::size_t date) const {
  std::vector<double> share = shapley_of(group, date);
  const std::vector<double> total = gap(date);
  for (std::size_t r = 0; r < share.size(); ++r)
    share[r] = total[r] == 0 ? kNaN : share[r] / total[r];
  return share;
}

std::vector<double> Decomposition::a_given_b(std::size_t group, std::size_t date) const {
  return difference(value(1u << group, date), value(0, date));
}

std::vector<double> Decomposition::b_given_a(std::size_t group, std::size_t date) const {
  return difference(reverse_value(group + 1, date), reverse_value(0, date));
}

std::vector<double> Decomposition::interaction_share(std::size_t date) const {
  std::vector<double> alone(replications, 0.0);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const std::vector<double> effect = a_given_b(g, date);
    for (std::size_t r = 0; r < replications; ++r) alone[r] += effect[r];
  }
  const std::vector<double> total = gap(date);
  for (std::size_t r = 0; r < replications; ++r)
    alone[r] = total[r] == 0 ? kNaN : 1.0 - alone[r] / total[r];
  return alone;
}

std::vector<double> Decomposition::residual(std::size_t date) const {
  return difference(reverse_value(0, date), value(all_groups(), date));
}

double Decomposition::efficiency_error() const {
  double worst = 0.0;
  const auto check = [&](const std::vector<double>& phi, double total) {
    worst = std::max(worst, std::abs(std::accumulate(phi.begin(), phi.end(), 0.0) - total));
  };
  for (std::size_t t = 0; t < dates.size(); ++t) {
    const std::vector<double> total = gap(t);
    for (std::size_t r = 0; r < replications; ++r) {
      std::vector<double> phi(groups.size());
      for (std::size_t g = 0; g < groups.size(); ++g)
        phi[g] = shapley[(g * replications + r) * dates.size() + t];
      check(phi, total[r]);
      if (!exact())
        for (const Order& order : orders[r])
          check(order_contributions(game_of(*this, r, t), order), total[r]);
    }
  }
  return worst;
}

// ---- running it
// ----------------------------------------------------------------------------------

Decomposition decompose(const ScenarioPair& pair, const std::vector<scenario::Date>& dates,
                        const DecompositionOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  check_dates_within(pair.a, dates);
  check_dates_within(pair.b, dates);
  Decomposition d;
  d.groups = input_groups();
  d.dates = dates;
  d.replications = static_cast<std::size_t>(options.replications);
  d.population_size = options.population_size;
  d.permutations = options.permutations;
  const auto seed = static_cast<std::uint64_t>(pair.a.integer("run.seed"));
  for (std::size_t r = 0; r < d.replications; ++r) {
    if (!d.exact()) d.orders.push_back(antithetic_orders(d.groups.size(), d.permutations, seed, r));
    d.coalitions.push_back(
        coalitions_of(d.groups.size(), d.exact() ? std::vector<Order>{} : d.orders[r], d.exact()));
  }
  d.members.resize(d.replications);
  d.outcomes.resize(d.replications);
  store(d, run_all(plan(pair, d, options), dates, options));
  d.shapley = shapley_per_replication(d);
  d.uncovered_keys = uncovered_differences(pair.a, pair.b, d.groups);
  d.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return d;
}

}  // namespace netadopt::run
