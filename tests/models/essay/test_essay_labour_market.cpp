// The essay model's labour market (H3, H9) with the platform never launched: unemployment's
// stationary level and its relaxation, and job-to-job moves that leave unemployment alone.
//
// Theory. An employed agent separates at rate s (the separate-or-move clock fires at rate
// (s + m) E and picks a uniform employed agent, who separates with probability s / (s + m));
// a job seeker finds a job at rate f (referrals are off). So each agent's employment is an
// independent two-state Markov chain with relaxation rate k = s + f and stationary
// unemployment u* = s / (s + f); job-to-job moves take an employed agent to another firm and
// never touch the chain.
//  * From U0 = u0 N job seekers at t = 0, a job seeker at 0 is unemployed at t with
//    probability a(t) = u* + (1 - u*) e^{-kt}, an employed one with b(t) = u* (1 - e^{-kt}).
//    So U(t) is a sum of two independent binomials: E[U(t)/N] = u0 a + (1 - u0) b, and
//    Var[U(t)/N] = (u0 a (1 - a) + (1 - u0) b (1 - b)) / N (exact, not asymptotic).
//  * Starting at u0 = u* the mean stays u*; in the stationary regime Cov(u(t_i), u(t_j)) =
//    u*(1 - u*) rho^|i - j| / N with rho = e^{-k dt} between samples dt apart (Ornstein-
//    Uhlenbeck-like, exactly, for independent two-state chains). The time average of n samples
//    then has variance u*(1 - u*) / (N n^2) sum_ij rho^|i-j|. Starting from exactly u* N job
//    seekers the early variance is smaller than the stationary one, so this overestimates it:
//    the test is conservative. The mean's only bias is the rounding of u* N: at most 1/(2N).
// Tolerance: 4 standard errors (sums of tens of thousands of independent agents: Gaussian to
// high accuracy). Over the 2 x (1 + 8 + 1) checks of this file, the chance of a false alarm
// is at most 20 x 6.3e-5 = 0.13% (Bonferroni). Power: the time average's standard error is
// ~4e-4 (s = 0.1, f = 0.9), so a 5% error in s or f (a shift of ~4.5e-3 in u*) fails by far.
#include <cmath>

#include "test_essay_helpers.hpp"
#include "validation_scale.hpp"

using namespace essay_validation;

namespace {
const int kN = static_cast<int>(validation_scaled(20000, 5000));  // agents
constexpr int kReplications = 4;
// Job-to-job moves: each one adds about colleague_degree ties (old colleagues become outside
// ties, new colleagues come), so networks densify and later moves cost more; 0.2/year keeps the
// test fast while giving ~40,000 moves per replication.
constexpr double kMoves = 0.2;

Keys labour_keys(double s, double f, double u0, const std::string& end,
                 int replications = kReplications) {
  return plain_choice({{"run.model", "essay"},
                       {"run.seed", "1999"},
                       {"run.replications", std::to_string(replications)},
                       {"run.start", "2003-01-01"},
                       {"run.end", end},
                       {"output.interval_days", "91.3125"},
                       {"population.size", std::to_string(kN)},
                       {"population.initial_unemployment", std::to_string(u0)},
                       // The platform launches long after the run ends: no platform event at all.
                       {"platforms.count", "1"},
                       {"platform1.launch", "2199-01-01"},
                       {"platform1.founders", "0"},
                       {"platform1.media_rate", "0"},
                       {"labour.separation_rate", std::to_string(s)},
                       {"labour.job_finding_rate", std::to_string(f)},
                       {"labour.job_to_job_rate", std::to_string(kMoves)},
                       {"labour.referral_boost", "0"}});
}

// Share of job seekers in each replication at time index t (all statuses of platform 0).
std::vector<double> unemployment(const View& v, std::size_t t) {
  std::vector<double> u;
  for (std::size_t rep = 0; rep < v.reps(); ++rep)
    u.push_back(v.role_count(rep, t, kJobSeeker) / kN);
  return u;
}

// Every interval: the change in job seekers is separations - hires exactly (moves never change
// it), nobody joins the platform; and moves are the binomial share m / (s + m) of the
// separate-or-move events.
void check_accounting(const View& v, double s) {
  double moves = 0, separations = 0;
  for (std::size_t rep = 0; rep < v.reps(); ++rep)
    for (std::size_t t = 1; t < v.times(); ++t) {
      const double change = v.role_count(rep, t, kJobSeeker) - v.role_count(rep, t - 1, kJobSeeker);
      REQUIRE(change == v.count("separations", rep, t) - v.count("hires", rep, t) -
                            v.count("referral_hires", rep, t));
      double total = 0;
      for (std::size_t r = 0; r < kRoles; ++r) total += v.role_count(rep, t, r);
      REQUIRE(total == kN);
      REQUIRE(v.members(rep, t, kJobSeeker, kUnaware) == v.role_count(rep, t, kJobSeeker));
      moves += v.count("job_to_job_moves", rep, t);
      separations += v.count("separations", rep, t);
    }
  CHECK(v.total_count("referral_hires") == 0);
  CHECK(v.total_count("evaluations") == 0);
  REQUIRE(moves > 1000);
  const double n = moves + separations, share = kMoves / (s + kMoves);
  INFO("moves " << moves << " of " << n << " separate-or-move events, expected share " << share);
  CHECK(std::abs(moves - n * share) < 4 * std::sqrt(n * share * (1 - share)));
}

// Stationary start, long run: time average of the unemployment share.
void check_stationary(double s, double f) {
  const double k = s + f, u_star = s / k;
  // 2003-01-01 to 2015-01-01: 12 years (>= 12 relaxation times 1/k) = 4383 days, 48
  // quarterly samples after t = 0.
  const auto result = run(labour_keys(s, f, u_star, "2015-01-01"));
  const View v{result};
  REQUIRE(v.times() == 49);
  double sum = 0;
  const std::size_t n = v.times() - 1;
  for (std::size_t t = 1; t < v.times(); ++t) sum += mean(unemployment(v, t));
  const double average = sum / static_cast<double>(n);
  const double rho = std::exp(-k * 0.25);
  double correlation_sum = 0;  // sum_ij rho^|i - j|
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      correlation_sum += std::pow(rho, std::abs(double(i) - double(j)));
  const double se = std::sqrt(u_star * (1 - u_star) * correlation_sum /
                              (double(kN) * double(n * n) * kReplications));
  INFO("s = " << s << ", f = " << f << ": u* = " << u_star << ", time average " << average
              << ", standard error " << se);
  CHECK(std::abs(average - u_star) < 4 * se + 0.5 / kN);
  check_accounting(v, s);
}

// Far start (u0 = 0.5): the mean relaxes to u* as e^{-kt}, with the exact binomial variance.
void check_relaxation(double s, double f) {
  const double k = s + f, u_star = s / k, u0 = 0.5;
  // 731 days, 9 samples after t = 0; short runs, so more replications.
  const int replications = 3 * kReplications;
  const auto result = run(labour_keys(s, f, u0, "2005-01-01", replications));
  const View v{result};
  REQUIRE(v.times() == 10);
  for (std::size_t t = 1; t < v.times(); ++t) {
    const double years = result.times[t] / kDaysPerYear;
    const double decay = std::exp(-k * years);
    const double a = u_star + (1 - u_star) * decay, b = u_star * (1 - decay);
    const double expected = u0 * a + (1 - u0) * b;
    const double se =
        std::sqrt((u0 * a * (1 - a) + (1 - u0) * b * (1 - b)) / (double(kN) * replications));
    const auto u = unemployment(v, t);
    INFO("s = " << s << ", f = " << f << ", year " << years << ": expected " << expected
                << ", mean " << mean(u) << ", standard error " << se);
    CHECK(std::abs(mean(u) - expected) < 4 * se);
  }
  check_accounting(v, s);
}
}  // namespace

TEST_CASE("essay labour market: stationary unemployment s/(s+f), s = 0.1, f = 0.9",
          "[essay][labour]") {
  check_stationary(0.1, 0.9);
  check_relaxation(0.1, 0.9);
}

TEST_CASE("essay labour market: stationary unemployment s/(s+f), s = 0.3, f = 1.2",
          "[essay][labour]") {
  check_stationary(0.3, 1.2);
  check_relaxation(0.3, 1.2);
}
