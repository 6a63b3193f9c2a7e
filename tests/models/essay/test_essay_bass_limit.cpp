// The essay model in its Bass limit (MODEL.md, "What the model must reproduce").
//
// Why the limit is exactly Bass. Take one platform launched at time 0 with no founders, media
// rate p with every occupation's media factor 1, invitation rate q for every role, well-mixed
// invitations, all utility weights and costs 0, theta = -50 and beta = 3, no labour market and
// no prospecting. Then:
//  * media: the clock of occupation o fires at rate p x (unaware agents of o) and picks a
//    uniform one of them, so each unaware agent becomes aware at rate p;
//  * invitations: the clock of role r fires at rate q x (active members of r) and targets a
//    uniform agent of the whole population (possibly an active member or the inviter: then
//    nothing happens), so each unaware agent is invited at rate sum_r q A_r / N = q A / N;
//  * awareness is followed at once by an evaluation, U = 0 (every term is exactly 0), and the
//    agent joins with probability 1 / (1 + e^{-3 x 50}) = 1 - 7e-66: in double precision
//    the draw uniform01() < 1 / (1 + e^{-150}) = 1.0 always succeeds. So an unaware agent
//    becomes active at rate p + q A/N, and every aware agent is active at once: no agent ever
//    sits in "aware" to be evaluated again;
//  * a member re-evaluates at rate 1 and leaves only if U = 0 < theta - margin = -50: never.
// Hence A(t) is exactly the Bass birth process, jumping +1 at rate (N - A)(p + q A/N).
//
// Tolerance. As in tests/models/test_bass_validation.cpp (bass_reference.hpp derives it): the
// mean of x = A/N over R replications has expectation F(t) + m(t)/N and standard error
// sqrt(S(t) / (N R)) by the linear noise approximation; we accept |difference| < 4 se. With
// 2 pairs x 8 yearly checks, the chance of a false alarm is at most 16 x 6.3e-5 = 0.1%
// (Bonferroni). Power: at N = 50,000 and R = 20, se is at most ~3e-4 (it is printed on
// failure), so 4 se ~ 1e-3; a 5% error in q shifts x by ~5e-3 near the inflection, and
// invitations aimed at non-members only (rate q A/(N - A) per unaware agent) far more.
#include "../bass_reference.hpp"
#include "test_essay_helpers.hpp"
#include "validation_scale.hpp"

using namespace essay_validation;

namespace {
const int kN = static_cast<int>(validation_scaled(50000, 5000));  // agents
constexpr int kReplications = 20;
constexpr int kYears = 8;  // 2003-01-01 to 2011-01-01 is 2922 days = 8 x 365.25

Keys bass_limit(double p, double q) {
  const std::string ps = std::to_string(p), qs = std::to_string(q);
  return plain_choice({{"run.model", "essay"},
                       {"run.seed", "1969"},
                       {"run.replications", std::to_string(kReplications)},
                       {"run.start", "2003-01-01"},
                       {"run.end", "2011-01-01"},
                       {"output.interval_days", "365.25"},
                       {"population.size", std::to_string(kN)},
                       {"platforms.count", "1"},
                       {"platform1.launch", "2003-01-01"},
                       {"platform1.founders", "0"},
                       {"platform1.media_rate", ps},
                       {"awareness.media_executive", "1"},
                       {"awareness.media_salesperson", "1"},
                       {"awareness.media_middle_manager", "1"},
                       {"invitations.rate_executive", qs},
                       {"invitations.rate_salesperson", qs},
                       {"invitations.rate_middle_manager", qs},
                       {"invitations.rate_job_seeker", qs},
                       {"invitations.well_mixed", "1"},
                       {"utility.w_net", "0"},
                       {"utility.w_career", "0"},
                       {"utility.w_opp", "0"},
                       {"utility.c_vis", "0"},
                       {"utility.c_boss", "0"},
                       {"utility.c_club", "0"},
                       {"utility.c_spam", "0"},
                       {"utility.c_loyal", "0"},
                       {"adoption.threshold_base", "-50"},
                       {"adoption.threshold_uncertainty", "0"},
                       {"adoption.leave_margin", "0"},
                       {"labour.separation_rate", "0"},
                       {"labour.job_finding_rate", "0"},
                       {"labour.job_to_job_rate", "0"},
                       {"prospecting.message_rate", "0"},
                       // The network plays no part here; a sparse one builds faster.
                       {"network.colleague_degree", "0"},
                       {"network.club_degree", "0"},
                       {"network.outside_degree_executive", "0"},
                       {"network.outside_degree_salesperson", "0"},
                       {"network.outside_degree_middle_manager", "0"}});
}

void check_bass_limit(double p, double q) {
  const auto result = run(bass_limit(p, q));
  const View v{result};
  REQUIRE(v.times() == kYears + 1);
  for (int year = 1; year <= kYears; ++year) {
    const auto t = static_cast<std::size_t>(year);
    REQUIRE(result.times[t] / kDaysPerYear == Approx(year));
    std::vector<double> x;
    for (std::size_t rep = 0; rep < v.reps(); ++rep) {
      double active = 0;
      for (std::size_t r = 0; r < kRoles; ++r) {
        active += v.members(rep, t, r, kActive);
        // Nobody waits in "aware" (joining is certain) or goes dormant.
        REQUIRE(v.members(rep, t, r, kAware) == 0);
        REQUIRE(v.members(rep, t, r, kDormant) == 0);
      }
      x.push_back(active / kN);
    }
    const auto ref = netadopt::testing::bass_moments(p, q, year);
    REQUIRE(ref.phi == Approx(netadopt::testing::bass_F(p, q, year)).epsilon(1e-9));
    const double expected = ref.phi + ref.bias / kN;
    const double se = std::sqrt(ref.variance / (double(kN) * kReplications));
    INFO("p = " << p << ", q = " << q << ", year " << year << ": F = " << ref.phi << ", mean "
                << mean(x) << ", standard error " << se);
    CHECK(std::abs(mean(x) - expected) < 4 * se);
  }
  // Every join follows an awareness event, and no evaluation ever refused.
  CHECK(v.total_count("joins") ==
        v.total_count("aware_from_media") + v.total_count("aware_from_invitation"));
}
}  // namespace

TEST_CASE("essay Bass limit: p = 0.03, q = 0.38 (Sultan, Farley and Lehmann medians)",
          "[essay][bass]") {
  check_bass_limit(0.03, 0.38);
}

TEST_CASE("essay Bass limit: p = 0.1, q = 0.6", "[essay][bass]") { check_bass_limit(0.1, 0.6); }
