#pragma once
// Shared set-up of the essay model's validation tests (test_essay_model): scenarios written as
// key -> value maps, runs through the public runner, and indexing into the result's variables
// (laid out [replication][time][extra dims...]).
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "country_inputs.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/models/essay/essay_model.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/loader.hpp"

namespace essay_validation {

using Keys = std::map<std::string, std::string>;  // "section.key" -> value
using netadopt::scenario::kDaysPerYear;
constexpr std::size_t kRoles = 4, kStatuses = 4, kTerms = 9;
enum RoleIndex : std::size_t { kExecutive, kSalesperson, kMiddleManager, kJobSeeker };
enum StatusIndex : std::size_t { kUnaware, kAware, kActive, kDormant };
enum TermIndex : std::size_t {
  kNetwork,
  kCareer,
  kOpportunity,
  kVisibility,
  kBoss,
  kClub,
  kAnnoyance,
  kLoyalty,
  kPropensity
};

// `base` with the keys of `more` added or replaced.
inline Keys with(Keys base, const Keys& more) {
  for (const auto& [k, v] : more) base[k] = v;
  return base;
}

// INI text: the map is sorted by key, so each section's keys are contiguous.
inline std::string ini_text(const Keys& keys) {
  std::ostringstream out;
  std::string section;
  for (const auto& [key, value] : keys) {
    const auto dot = key.find('.');
    const std::string s = key.substr(0, dot);
    if (s != section) out << "[" << (section = s) << "]\n";
    out << key.substr(dot + 1) << " = " << value << "\n";
  }
  return out.str();
}

inline netadopt::scenario::Scenario scenario_of(const Keys& keys) {
  return netadopt::scenario::parse_scenario(netadopt::run::full_schema(), ini_text(keys),
                                            "essay-validation");
}

inline netadopt::run::RunResult run(const Keys& keys, int threads = 0) {
  netadopt::run::RunOptions options;
  options.threads = threads;
  return netadopt::run::run_scenario(scenario_of(keys), options);
}

// The essay model with one platform launched at run.start, every mechanism at its default,
// France's country inputs.
inline Keys essay_base() {
  return with(essay_inputs::france(), {{"run.model", "essay"},
                                       {"run.seed", "20050801"},
                                       {"run.replications", "2"},
                                       {"run.start", "2003-01-01"},
                                       {"run.end", "2006-01-01"},
                                       {"output.interval_days", "91.3125"},
                                       {"population.size", "10000"},
                                       {"platforms.count", "1"},
                                       {"platform1.launch", "2003-01-01"},
                                       {"platform1.media_rate", "0.3"},
                                       {"platform1.home_market", "france"},
                                       {"platform1.language", "fr"}});
}

// The choice rule of the first version, for the analytic limits (Bass, mean field): no
// sign-up burst, invitations answered at once, no social proof, no spread of propensities,
// one platform in the country's language, and France's country inputs.
inline Keys plain_choice(const Keys& keys) {
  return with(with(essay_inputs::france(), keys), {{"invitations.signup_share_executive", "0"},
                                                   {"invitations.signup_share_salesperson", "0"},
                                                   {"invitations.signup_share_middle_manager", "0"},
                                                   {"invitations.signup_share_job_seeker", "0"},
                                                   {"invitations.response_days", "0"},
                                                   {"adoption.social_proof", "0"},
                                                   {"adoption.propensity_sd", "0"},
                                                   {"platform1.language", "fr"}});
}

// Read access to a result by variable, replication, time index and cell.
struct View {
  const netadopt::run::RunResult& result;

  std::size_t times() const { return result.times.size(); }
  std::size_t reps() const { return result.replications; }
  double at(const std::string& name, std::size_t rep, std::size_t t, std::size_t cell) const {
    const auto& v = result.variable(name);
    const std::size_t cells = v.spec.cell_count();
    const std::size_t tt = v.spec.timeless ? 1 : times();
    return v.values.at((rep * tt + t) * cells + cell);
  }
  double members(std::size_t rep, std::size_t t, std::size_t role, std::size_t status,
                 std::size_t platform = 0) const {
    return at("members", rep, t, (platform * kRoles + role) * kStatuses + status);
  }
  double role_count(std::size_t rep, std::size_t t, std::size_t role) const {
    double n = 0;
    for (std::size_t s = 0; s < kStatuses; ++s) n += members(rep, t, role, s);
    return n;
  }
  double term(std::size_t rep, std::size_t t, std::size_t role, std::size_t term,
              std::size_t platform = 0) const {
    return at("utility_terms", rep, t, (platform * kRoles + role) * kTerms + term);
  }
  // Events of a kind (by its output name) summed over every replication and interval.
  double total_count(const std::string& kind) const {
    const auto& names = netadopt::models::essay::count_names();
    std::size_t k = 0;
    while (k < names.size() && names[k] != kind) ++k;
    REQUIRE(k < names.size());
    double sum = 0;
    for (std::size_t r = 0; r < reps(); ++r)
      for (std::size_t t = 0; t < times(); ++t) sum += at("event_counts", r, t, k);
    return sum;
  }
  double count(const std::string& kind, std::size_t rep, std::size_t t) const {
    const auto& names = netadopt::models::essay::count_names();
    std::size_t k = 0;
    while (k < names.size() && names[k] != kind) ++k;
    REQUIRE(k < names.size());
    return at("event_counts", rep, t, k);
  }
};

// Every reported mean of `term` (all roles, times, replications) is NaN (nobody evaluated) or
// exactly 0; returns how many were not NaN, so a caller can require that some evaluations
// happened (otherwise "always 0" would hold vacuously).
inline std::size_t check_term_zero(const View& v, std::size_t term) {
  std::size_t evaluated = 0;
  for (std::size_t rep = 0; rep < v.reps(); ++rep)
    for (std::size_t t = 0; t < v.times(); ++t)
      for (std::size_t r = 0; r < kRoles; ++r) {
        const double x = v.term(rep, t, r, term);
        if (std::isnan(x)) continue;
        ++evaluated;
        INFO("term " << term << " role " << r << " rep " << rep << " time " << t);
        REQUIRE(x == 0.0);
      }
  return evaluated;
}

// The smallest (most negative) and largest reported mean of `term` for `role`, NaN skipped.
struct Range {
  double lo = INFINITY, hi = -INFINITY;
  std::size_t n = 0;
};
inline Range term_range(const View& v, std::size_t term, std::size_t role) {
  Range out;
  for (std::size_t rep = 0; rep < v.reps(); ++rep)
    for (std::size_t t = 0; t < v.times(); ++t) {
      const double x = v.term(rep, t, role, term);
      if (std::isnan(x)) continue;
      out.lo = std::min(out.lo, x);
      out.hi = std::max(out.hi, x);
      ++out.n;
    }
  return out;
}

inline double mean(const std::vector<double>& x) {
  double s = 0;
  for (double v : x) s += v;
  return s / static_cast<double>(x.size());
}

inline double sample_variance(const std::vector<double>& x) {
  const double m = mean(x);
  double ss = 0;
  for (double v : x) ss += (v - m) * (v - m);
  return ss / static_cast<double>(x.size() - 1);
}

}  // namespace essay_validation
