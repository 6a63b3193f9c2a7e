// The essay model against its own mean-field equations (essay_mean_field.hpp) in the
// well-mixed limit, with four roles that differ in media reach, invitation rate and utility,
// a finite beta (so 0 < P(join) < 1 and differs by role), re-evaluation, a salespeople's
// opportunity that grows with the member share (state-dependent P(join)), and middle managers
// whose utility is below the leave threshold (they join, go dormant, and may join again).
//
// Parameters (theta = 0, beta = 2, discretion 0.8, visibility at its defaults):
//   executives      U = w_opp opportunity_executive - c_vis 0.8 x 0.5 = 1 - 0.4 = 0.6
//   salespeople     U = 0.5 log(1 + 100 x) - 0.8 x 0.2               (from -0.16 upward)
//   middle managers U = -0.8 x 1 = -0.8 < theta - leave_margin = -0.5: members go dormant
//   job seekers     U = w_career - 0.8 x 0.3 = 1.26
//   (employed agents' career term is w_career x orientation = 0: no job-to-job moves.)
//
// Tolerance. For role r, status s and year t, let y_k be the share of role r in status s in
// replication k (k = 1..R). Replications are independent, so (mean(y) - E y) / (sd(y)/sqrt(R))
// is Student t with R - 1 degrees of freedom (y is a sum of many weakly dependent agents, close
// to Gaussian by the linear noise approximation). E y differs from the ODE value by O(1/N): the
// second-order (LNA) bias of the mean, m_r / N_r, where N_r is the role's size; for the Bass
// process bass_reference.hpp gives |m| <= 2.5 over wide ranges of p and q, and the class shares
// used by the ODE (averaged over the replications' populations) differ from each replication's
// by O(N^-1/2), which moves the mean by O(1/N) again. We allow 5 / N_r for both.
// So we accept |mean(y) - ode| < t* sd(y)/sqrt(R) + 5 / N_r, where t* is the Student quantile
// that makes the family-wise false-alarm probability of all K checks at most 1% (Bonferroni:
// each check two-sided at 0.01 / K).
// Power: the standard errors are 1e-5 to 2e-3 and t* ~ 5.2, so tolerances are ~1e-3 to 1e-2
// where shares move by 0.1 to 0.5 a year. Leaving out of the ODE the evaluation that an
// invitation to an aware or dormant agent triggers moves the middle managers' active share by
// 0.04 at year 2 and 0.2 at year 6 (checked when writing this test): tens of tolerances.
#include <boost/math/distributions/students_t.hpp>

#include "essay_mean_field.hpp"
#include "test_essay_helpers.hpp"
#include "validation_scale.hpp"

using namespace essay_validation;

namespace {
const int kN = static_cast<int>(validation_scaled(50000, 5000));  // agents
constexpr int kReplications = 16;
constexpr int kYears = 6;  // 2003-01-01 to 2009-01-01: 2192 days; reports every 365.25 days

Keys mean_field_keys() {
  return plain_choice({{"run.model", "essay"},
                       {"run.seed", "424242"},
                       {"run.replications", std::to_string(kReplications)},
                       {"run.start", "2003-01-01"},
                       {"run.end", "2009-01-01"},
                       {"output.interval_days", "365.25"},
                       {"population.size", std::to_string(kN)},
                       {"population.initial_unemployment", "0.1"},
                       {"platforms.count", "1"},
                       {"platform1.launch", "2003-01-01"},
                       {"platform1.founders", "0"},
                       {"platform1.media_rate", "0.15"},
                       {"awareness.media_executive", "1"},
                       {"awareness.media_salesperson", "0.7"},
                       {"awareness.media_middle_manager", "0.4"},
                       {"invitations.rate_executive", "2"},
                       {"invitations.rate_salesperson", "6"},
                       {"invitations.rate_middle_manager", "1"},
                       {"invitations.rate_job_seeker", "3"},
                       {"invitations.well_mixed", "1"},
                       {"adoption.evaluation_rate", "1"},
                       {"adoption.beta", "2"},
                       {"adoption.threshold_base", "0"},
                       {"adoption.threshold_uncertainty", "0"},
                       {"adoption.leave_margin", "0.5"},
                       {"utility.w_net", "0"},
                       {"utility.w_career", "1.5"},
                       {"utility.job_seeker_need", "1"},
                       {"utility.w_opp", "1"},
                       {"utility.opportunity_executive", "1"},
                       {"utility.prospect_value", "0.5"},
                       {"utility.c_vis", "1"},
                       {"culture.discretion", "0.8"},
                       {"utility.visibility_executive", "0.5"},
                       {"utility.visibility_salesperson", "0.2"},
                       {"utility.visibility_middle_manager", "1"},
                       {"utility.visibility_job_seeker", "0.3"},
                       {"utility.c_boss", "1"},
                       {"firms.hostile_share", "0"},
                       {"utility.c_club", "1.5"},
                       {"clubs.executive_membership", "0"},
                       {"clubs.other_membership", "0"},
                       {"utility.c_spam", "0.3"},
                       {"prospecting.message_rate", "0"},
                       {"utility.c_loyal", "0"},
                       {"labour.separation_rate", "0"},
                       {"labour.job_finding_rate", "0"},
                       {"labour.job_to_job_rate", "0"},
                       {"labour.referral_boost", "0"},
                       {"network.colleague_degree", "0"},
                       {"network.club_degree", "0"},
                       {"network.outside_degree_executive", "0"},
                       {"network.outside_degree_salesperson", "0"},
                       {"network.outside_degree_middle_manager", "0"}});
}

// Class shares n_c (occupation x employed), averaged over the replications' populations.
std::array<double, kClasses> class_shares(const Keys& keys) {
  const auto s = scenario_of(keys);
  std::array<double, kClasses> share{};
  for (int rep = 0; rep < kReplications; ++rep) {
    const netadopt::models::essay::EssayModel model(s, static_cast<std::uint64_t>(rep));
    const auto& population = model.population();
    for (std::uint32_t i = 0; i < population.size(); ++i) {
      const auto& a = population.agent(i);
      share[static_cast<int>(a.occupation) + (a.employed ? 0 : 3)] += 1.0;
    }
  }
  for (double& x : share) x /= double(kN) * kReplications;
  return share;
}

MeanFieldParams mean_field_params(const std::array<double, kClasses>& share) {
  MeanFieldParams p;
  p.share = share;
  p.media_rate = 0.15;
  p.media_factor = {1.0, 0.7, 0.4};
  p.invitation_rate = {2, 6, 1, 3};
  p.evaluation_rate = 1;
  p.beta = 2;
  p.theta = 0;
  p.leave_margin = 0.5;
  p.base_utility = {1.0 - 0.8 * 0.5, -0.8 * 0.2, -0.8 * 1.0, 1.5 - 0.8 * 0.3};
  p.prospect_weight = 1.0 * 0.5;
  return p;
}

// The ODE's share of role r in state offset `state` (kU, kA, kD, kM).
double ode_role_share(const MeanFieldParams& p, const MeanFieldState& y, std::size_t role,
                      int state) {
  double in = 0, all = 0;
  for (int c = 0; c < kClasses; ++c) {
    if (role_of_class(c) != static_cast<int>(role)) continue;
    in += p.share[c] * y[4 * c + state];
    all += p.share[c];
  }
  return in / all;
}
}  // namespace

TEST_CASE("essay mean field: well-mixed model with roles and costs follows its ODE",
          "[essay][mean_field]") {
  const Keys keys = mean_field_keys();
  const auto params = mean_field_params(class_shares(keys));
  const auto ode = solve_mean_field(params, kYears);
  // The parameters keep delta constant: the salespeople never fall below the leave threshold.
  REQUIRE(utility_of_role(params, 1, 0.0) > params.theta - params.leave_margin);
  REQUIRE(utility_of_role(params, 2, 0.0) < params.theta - params.leave_margin);

  const auto result = run(keys);
  const View v{result};
  REQUIRE(v.times() >= kYears + 1);  // whole years, then the horizon (half a day later)

  // Checks: active and aware shares of every role, and middle managers' dormant share.
  const std::pair<std::size_t, int> statuses[] = {{kActive, kM}, {kAware, kA}};
  const int checks = kYears * (kRoles * 2 + 1);
  const boost::math::students_t student(kReplications - 1);
  const double t_star = boost::math::quantile(student, 1.0 - 0.01 / (2.0 * checks));
  INFO("Student quantile for " << checks << " checks: " << t_star);
  REQUIRE(t_star < 6.0);

  for (int year = 1; year <= kYears; ++year) {
    const auto t = static_cast<std::size_t>(year);
    REQUIRE(result.times[t] / kDaysPerYear == Approx(year));
    for (std::size_t r = 0; r < kRoles; ++r) {
      auto compare = [&](std::size_t status, int state) {
        std::vector<double> y;
        double size = 0;
        for (std::size_t rep = 0; rep < v.reps(); ++rep) {
          const double n = v.role_count(rep, t, r);
          REQUIRE(n == v.role_count(rep, 0, r));  // roles are fixed in time
          y.push_back(v.members(rep, t, r, status) / n);
          size += n / static_cast<double>(v.reps());
        }
        const double expected = ode_role_share(params, ode[t], r, state);
        const double se = std::sqrt(sample_variance(y) / static_cast<double>(y.size()));
        INFO("year " << year << ", role " << r << ", status " << status << ": ODE " << expected
                     << ", mean " << mean(y) << ", standard error " << se);
        CHECK(std::abs(mean(y) - expected) < t_star * se + 5.0 / size);
      };
      for (const auto& [status, state] : statuses) compare(status, state);
      if (r == kMiddleManager) {
        compare(kDormant, kD);
      } else {
        // Nobody else ever leaves: exactly zero dormant in every replication.
        for (std::size_t rep = 0; rep < v.reps(); ++rep)
          REQUIRE(v.members(rep, t, r, kDormant) == 0);
      }
    }
  }
  // The roles really differ: the ODE's active shares at year 2 are spread out (so the checks
  // above test per-role P(join) and media factors, not one common curve).
  const double exec = ode_role_share(params, ode[2], kExecutive, kM);
  const double middle = ode_role_share(params, ode[2], kMiddleManager, kM);
  CHECK(exec - middle > 0.2);
}
