#include "netadopt/run/decomposition.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "netadopt/models/catalog.hpp"
#include "netadopt/models/essay/culture.hpp"
#include "netadopt/run/parallel_jobs.hpp"
#include "netadopt/run/replication.hpp"
#include "netadopt/scenario/loader.hpp"

namespace netadopt::run {

namespace {

// The value a scenario derives for a key it does not set, for the derived keys that the
// decomposition moves between scenarios: the labour rates and the culture's norms.
std::optional<double> derived_value(const scenario::Scenario& s, const std::string& key) {
  if (key.starts_with("labour.") && key.ends_with("_rate")) {
    const models::essay::LabourRates rates = models::essay::labour_rates(s);
    if (key == "labour.separation_rate") return rates.separation;
    if (key == "labour.job_finding_rate") return rates.job_finding;
    if (key == "labour.job_to_job_rate") return rates.job_to_job;
  }
  if (key == "culture.discretion") return models::essay::culture(s).discretion;
  if (key == "culture.club_closure") return models::essay::culture(s).club_closure;
  return std::nullopt;
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
  // The country's name goes with its platforms: it says where their founders start.
  return section == "run" || section == "output" || section.starts_with("platform") ||
         spec.name == "population.size" || spec.name == "culture.country";
}

bool same_value(const scenario::Scenario& a, const scenario::Scenario& b, const std::string& key) {
  if (a.has(key) != b.has(key)) return false;
  return !a.has(key) || scenario::format_value(a.value(key)) == scenario::format_value(b.value(key));
}

// Founders' seed members scaled with the population, so that a smaller decomposition
// population starts from the same share of members as the full run (at least one founder).
void scale_founders(const scenario::Scenario& base, std::int64_t size,
                    std::vector<std::string>& overrides) {
  const double factor = static_cast<double>(size) / static_cast<double>(base.integer("population.size"));
  for (std::int64_t n = 1; n <= base.integer("platforms.count"); ++n) {
    const std::string key = "platform" + std::to_string(n) + ".founders";
    const std::int64_t founders = base.integer(key);
    if (founders == 0) continue;
    const auto scaled = std::max<std::int64_t>(1, std::llround(static_cast<double>(founders) * factor));
    overrides.push_back(key + "=" + std::to_string(scaled));
  }
}

// `base` (its resolved text, so that its own --set overrides stay) with `overrides`, at the
// decomposition's population size (founders scaled alike) and replications.
scenario::Scenario variant(const scenario::Scenario& base, std::vector<std::string> overrides,
                           const DecompositionOptions& options) {
  scale_founders(base, options.population_size, overrides);
  overrides.push_back("population.size=" + std::to_string(options.population_size));
  overrides.push_back("run.replications=" + std::to_string(options.replications));
  return scenario::parse_scenario(models::full_schema(), base.resolved_ini(), base.source(),
                                  overrides);
}

// The 2^n combinations from A, then B and B given each of A's groups.
std::vector<scenario::Scenario> all_variants(const ScenarioPair& pair,
                                             const std::vector<InputGroup>& groups,
                                             const DecompositionOptions& options) {
  std::vector<scenario::Scenario> out;
  for (unsigned mask = 0; mask < (1u << groups.size()); ++mask)
    out.push_back(variant(pair.a, group_overrides(pair.b, pair.a, groups, mask), options));
  out.push_back(variant(pair.b, {}, options));
  for (std::size_t g = 0; g < groups.size(); ++g)
    out.push_back(variant(pair.b, group_overrides(pair.a, pair.b, groups, 1u << g), options));
  return out;
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

// One replication of one variant: all-platform members per 1,000 workers at the dates.
std::vector<double> outcome(const scenario::Scenario& s, std::uint64_t replication,
                            const std::vector<scenario::Date>& dates) {
  const ReplicationOutput out = run_replication(s, replication);
  return all_members_per_1000_workers(report_times(s), out.series[variable_index(s, "members_any")],
                                      per_1000_workers(s), days_since_start(s, dates));
}

// Runs every (variant, replication) pair in parallel; the result is [variant][replication][date].
std::vector<double> run_all(const std::vector<scenario::Scenario>& variants,
                            const std::vector<scenario::Date>& dates,
                            const DecompositionOptions& options) {
  const std::size_t reps = static_cast<std::size_t>(options.replications), d = dates.size();
  const std::size_t jobs = variants.size() * reps;
  std::vector<double> values(jobs * d, 0.0);
  std::size_t done = 0;
  parallel_jobs(
      jobs, options.threads,
      [&](std::size_t job) {
        const auto v = outcome(variants[job / reps], job % reps, dates);
        std::copy(v.begin(), v.end(), values.begin() + static_cast<long>(job * d));
      },
      [&](std::size_t) {
        if (options.on_progress) options.on_progress(++done, jobs);
      });
  return values;
}

// phi[group][replication][date] from v[combination][replication][date].
std::vector<double> shapley_per_replication(const std::vector<double>& combinations,
                                            std::size_t groups, std::size_t reps, std::size_t d) {
  const std::size_t count = std::size_t{1} << groups;
  std::vector<double> phi(groups * reps * d), v(count);
  for (std::size_t r = 0; r < reps; ++r)
    for (std::size_t t = 0; t < d; ++t) {
      for (std::size_t c = 0; c < count; ++c) v[c] = combinations[(c * reps + r) * d + t];
      const std::vector<double> values = shapley_values(v, groups);
      for (std::size_t g = 0; g < groups; ++g) phi[(g * reps + r) * d + t] = values[g];
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

}  // namespace

const std::vector<InputGroup>& input_groups() {
  static const std::vector<InputGroup> groups = {
      {"labour_market", "H3 H5 H9",
       {"culture.employment_protection", "culture.unemployment_rate",
        "culture.long_term_unemployment_share", "population.initial_unemployment",
        "population.mean_tenure_years", "labour.separation_rate", "labour.job_finding_rate",
        "labour.job_to_job_rate"}},
      {"individualism", "H9", {"culture.individualism"}},
      {"discretion", "H7", {"culture.masculinity", "culture.discretion"}},
      {"club_closure", "H6", {"culture.club_closure"}},
      {"employer_hostility", "H8", {"firms.hostile_share", "culture.power_distance"}},
      {"uncertainty_avoidance", "theta", {"culture.uncertainty_avoidance"}},
      {"population_shares", "H1 H2 H5",
       {"population.cadres_share", "population.sales_share", "population.share_executive",
        "population.share_salesperson", "population.share_middle_manager",
        "population.workforce_share"}},
      {"platform_access", "platforms", {"culture.language", "culture.english_share"}},
  };
  return groups;
}

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

std::vector<std::string> group_overrides(const scenario::Scenario& donor,
                                         const scenario::Scenario& recipient,
                                         const std::vector<InputGroup>& groups, unsigned mask) {
  // A derived key of a group left out keeps the recipient's own value, so that moving another
  // group (uncertainty avoidance, say) does not move it through its derivation (club closure).
  std::vector<std::string> out;
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (const std::string& key : groups[g].keys) {
      if (mask & (1u << g)) add_override(out, donor, key);
      else if (!recipient.has(key) && derived_value(recipient, key)) add_override(out, recipient, key);
    }
  return out;
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

std::vector<double> Decomposition::value(std::size_t combination, std::size_t date) const {
  return slice(combinations, combination, replications, dates.size(), date);
}

std::vector<double> Decomposition::reverse_value(std::size_t k, std::size_t date) const {
  return slice(reverse, k, replications, dates.size(), date);
}

std::vector<double> Decomposition::shapley_of(std::size_t group, std::size_t date) const {
  return slice(shapley, group, replications, dates.size(), date);
}

std::vector<double> Decomposition::a_given_b(std::size_t group, std::size_t date) const {
  return difference(value(std::size_t{1} << group, date), value(0, date));
}

std::vector<double> Decomposition::b_given_a(std::size_t group, std::size_t date) const {
  return difference(reverse_value(group + 1, date), reverse_value(0, date));
}

std::vector<double> Decomposition::residual(std::size_t date) const {
  return difference(reverse_value(0, date), value(all_groups(), date));
}

double Decomposition::efficiency_error() const {
  double worst = 0.0;
  for (std::size_t d = 0; d < dates.size(); ++d) {
    std::vector<double> gap = difference(value(all_groups(), d), value(0, d));
    for (std::size_t g = 0; g < groups.size(); ++g) gap = difference(gap, shapley_of(g, d));
    for (const double e : gap) worst = std::max(worst, std::abs(e));
  }
  return worst;
}

Decomposition decompose(const ScenarioPair& pair, const std::vector<scenario::Date>& dates,
                        const DecompositionOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  check_dates_within(pair.a, dates);
  check_dates_within(pair.b, dates);
  Decomposition out{input_groups(), dates, static_cast<std::size_t>(options.replications),
                    options.population_size, {}, {}, {}, {}, 0.0};
  const std::vector<double> values = run_all(all_variants(pair, out.groups, options), dates, options);
  const auto split = values.begin() + static_cast<long>(out.combination_count() * out.replications * dates.size());
  out.combinations.assign(values.begin(), split);
  out.reverse.assign(split, values.end());
  out.shapley = shapley_per_replication(out.combinations, out.groups.size(), out.replications, dates.size());
  out.uncovered_keys = uncovered_differences(pair.a, pair.b, out.groups);
  out.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace netadopt::run
