// Each hypothesis of MODEL.md (H1..H9) has a switch that removes its mechanism. Each test
// case runs the model once with the switch off and checks that the mechanism's trace (its
// utility term, or the events it causes) is exactly zero at every role, time and replication,
// and once with it on, to check that the trace is then present: a switch that did nothing, or
// a term that was always zero, would fail the contrast.
//
// These are exact checks, not statistical ones: a term switched off is 0 (0.0 or -0.0) at each
// evaluation, so its mean over the evaluations of an interval is exactly 0. The "on" side only
// asks for a nonzero trace in runs where thousands of evaluations happen, or for the exact
// constant value that the term takes when it does not depend on the agent.
#include <cmath>

#include "netadopt/core/simulator.hpp"
#include "test_essay_helpers.hpp"

using namespace essay_validation;

namespace {

// Every mechanism on, with enough media to give a few thousand members in 3 years.
Keys on() { return essay_base(); }

void require_some_evaluations(std::size_t evaluated) { REQUIRE(evaluated > 20); }

// All roles' terms `term` are 0 in the run of `keys`, and some evaluations happened.
void check_off(const Keys& keys, std::size_t term) {
  const auto result = run(keys);
  require_some_evaluations(check_term_zero(View{result}, term));
}

}  // namespace

TEST_CASE("essay H1: founders and media off, nobody ever becomes aware", "[essay][mechanisms]") {
  const auto off = run(with(on(), {{"platform1.founders", "0"}, {"platform1.media_rate", "0"}}));
  const View v{off};
  for (std::size_t rep = 0; rep < v.reps(); ++rep)
    for (std::size_t t = 0; t < v.times(); ++t)
      for (std::size_t r = 0; r < kRoles; ++r) {
        REQUIRE(v.members(rep, t, r, kAware) == 0);
        REQUIRE(v.members(rep, t, r, kActive) == 0);
        REQUIRE(v.members(rep, t, r, kDormant) == 0);
      }
  for (const char* kind : {"aware_from_media", "aware_from_invitation", "evaluations", "joins",
                           "invitations", "messages"})
    REQUIRE(v.total_count(kind) == 0);

  // Founders alone (no media) seed the platform: 20 agents active at launch (an employed
  // executive and its contacts, breadth first), and their invitations spread it. Invitations
  // are answered after a delay, so nobody else is active at time 0.
  const auto seeded =
      run(with(on(), {{"platform1.founders", "20"}, {"platform1.media_rate", "0"}}));
  const View s{seeded};
  for (std::size_t rep = 0; rep < s.reps(); ++rep) {
    double active = 0;
    for (std::size_t r = 0; r < kRoles; ++r) active += s.members(rep, 0, r, kActive);
    REQUIRE(active == 20);
    REQUIRE(s.members(rep, 0, kExecutive, kActive) >= 1);
  }
  REQUIRE(s.total_count("aware_from_media") == 0);
  REQUIRE(s.total_count("aware_from_invitation") > 0);
}

TEST_CASE("essay H1: w_opp = 0 removes the opportunity term", "[essay][mechanisms]") {
  check_off(with(on(), {{"utility.w_opp", "0"}}), kOpportunity);
  // On: executives' opportunity is the constant w_opp x opportunity_executive.
  const auto result = run(with(on(), {{"utility.w_opp", "0.7"}}));
  const auto exec = term_range(View{result}, kOpportunity, kExecutive);
  REQUIRE(exec.n > 0);
  CHECK(exec.lo == Approx(0.7).epsilon(1e-12));
  CHECK(exec.hi == Approx(0.7).epsilon(1e-12));
}

TEST_CASE("essay H2: prospect_value = 0 removes salespeople's opportunity only",
          "[essay][mechanisms]") {
  const auto off = run(with(on(), {{"utility.prospect_value", "0"}}));
  const View v{off};
  const auto sales_off = term_range(v, kOpportunity, kSalesperson);
  REQUIRE(sales_off.n > 0);
  CHECK(sales_off.lo == 0.0);
  CHECK(sales_off.hi == 0.0);
  CHECK(term_range(v, kOpportunity, kExecutive).lo == Approx(1.0));  // H1's part stays
  // On: salespeople's opportunity is prospect_value log(1 + 100 M/N) > 0 once members exist,
  // and at most prospect_value log(101) (everybody a member).
  const auto on_result = run(on());
  const auto sales_on = term_range(View{on_result}, kOpportunity, kSalesperson);
  REQUIRE(sales_on.n > 0);
  CHECK(sales_on.hi > 0.0);
  CHECK(sales_on.hi <= 0.5 * std::log(101.0));
  // Middle managers and job seekers never have an opportunity term.
  for (std::size_t r : {kMiddleManager, kJobSeeker}) {
    const auto range = term_range(View{on_result}, kOpportunity, r);
    REQUIRE(range.n > 0);
    CHECK(range.lo == 0.0);
    CHECK(range.hi == 0.0);
  }
}

TEST_CASE("essay H3: referral_boost = 0 removes referral hires, w_career = 0 the career term",
          "[essay][mechanisms]") {
  // Many job seekers who join (w_career high) with member contacts, and a strong boost.
  const Keys jobs = with(on(), {{"population.initial_unemployment", "0.2"},
                                {"utility.w_career", "4"},
                                {"utility.job_seeker_need", "1"},
                                {"labour.referral_contacts", "1"}});
  const auto off = run(with(jobs, {{"labour.referral_boost", "0"}}));
  CHECK(View{off}.total_count("referral_hires") == 0);
  CHECK(View{off}.total_count("hires") > 0);
  const auto boosted = run(with(jobs, {{"labour.referral_boost", "5"}}));
  CHECK(View{boosted}.total_count("referral_hires") > 0);

  check_off(with(on(), {{"utility.w_career", "0"}}), kCareer);
  // utility.job_seeker_need = 0 removes only the job seekers' need (H3): their career term is
  // 0 while the employed keep w_career x career orientation (H9), a positive constant.
  const auto no_need = run(with(jobs, {{"utility.job_seeker_need", "0"}}));
  const auto js_off = term_range(View{no_need}, kCareer, kJobSeeker);
  REQUIRE(js_off.n > 0);
  CHECK(js_off.lo == 0.0);
  CHECK(js_off.hi == 0.0);
  const auto exec_on = term_range(View{no_need}, kCareer, kExecutive);
  REQUIRE(exec_on.n > 0);
  CHECK(exec_on.lo > 0.0);
  CHECK(exec_on.lo == Approx(exec_on.hi).epsilon(1e-12));
  // On: a job seeker's need is 1, so the career term is w_career at every evaluation.
  const auto js = term_range(View{boosted}, kCareer, kJobSeeker);
  REQUIRE(js.n > 0);
  CHECK(js.lo == Approx(4.0).epsilon(1e-12));
  CHECK(js.hi == Approx(4.0).epsilon(1e-12));
}

TEST_CASE("essay H4: message_rate = 0 removes messages and annoyance", "[essay][mechanisms]") {
  const auto off = run(with(on(), {{"prospecting.message_rate", "0"}}));
  CHECK(View{off}.total_count("messages") == 0);
  require_some_evaluations(check_term_zero(View{off}, kAnnoyance));
  // c_spam = 0: messages are sent, but they cost nothing.
  const auto free = run(with(on(), {{"utility.c_spam", "0"}}));
  CHECK(View{free}.total_count("messages") > 0);
  require_some_evaluations(check_term_zero(View{free}, kAnnoyance));
  // On: annoyance is negative for somebody, and never positive.
  const auto annoyed = run(with(on(), {{"prospecting.message_rate", "200"}}));
  const View a{annoyed};
  CHECK(a.total_count("messages") > 0);
  double lowest = 0.0;
  for (std::size_t r = 0; r < kRoles; ++r) {
    const auto range = term_range(a, kAnnoyance, r);
    if (range.n == 0) continue;
    CHECK(range.hi <= 0.0);
    lowest = std::min(lowest, range.lo);
  }
  CHECK(lowest < 0.0);
}

TEST_CASE("essay H5: w_net = 0 removes the network term, c_loyal = 0 the loyalty term",
          "[essay][mechanisms]") {
  check_off(with(on(), {{"utility.w_net", "0"}}), kNetwork);
  check_off(with(on(), {{"utility.c_loyal", "0"}}), kLoyalty);
  const auto result = run(on());
  const View v{result};
  // On: members' contacts give a positive network term to somebody; loyalty costs every
  // employed role (tenure > 0, career orientation < 1) and never a job seeker.
  double highest = 0.0;
  for (std::size_t r = 0; r < kRoles; ++r)
    highest = std::max(highest, term_range(v, kNetwork, r).hi);
  CHECK(highest > 0.0);
  for (std::size_t r : {kExecutive, kSalesperson, kMiddleManager}) {
    const auto loyalty = term_range(v, kLoyalty, r);
    REQUIRE(loyalty.n > 0);
    CHECK(loyalty.hi < 0.0);
    CHECK(loyalty.lo >= -1.0);  // c_loyal x t/(t + tau) x (1 - orientation) <= c_loyal = 1
  }
  const auto js = term_range(v, kLoyalty, kJobSeeker);
  REQUIRE(js.n > 0);
  CHECK(js.lo == 0.0);
  CHECK(js.hi == 0.0);
}

TEST_CASE("essay H6: c_club, club_closure or club membership = 0 removes the club term",
          "[essay][mechanisms]") {
  check_off(with(on(), {{"utility.c_club", "0"}}), kClub);
  check_off(with(on(), {{"culture.club_closure", "0"}}), kClub);
  check_off(with(on(), {{"clubs.executive_membership", "0"}, {"clubs.other_membership", "0"}}),
            kClub);
  // On: the mean over executives is -c_club closure x (share in a club): negative, and no lower
  // than -c_club closure = -1.2.
  const auto result = run(on());
  const auto exec = term_range(View{result}, kClub, kExecutive);
  REQUIRE(exec.n > 0);
  CHECK(exec.lo < 0.0);
  CHECK(exec.lo >= -1.2 - 1e-12);
}

TEST_CASE("essay H7: discretion = 0 or c_vis = 0 removes the visibility cost",
          "[essay][mechanisms]") {
  check_off(with(on(), {{"culture.discretion", "0"}}), kVisibility);
  check_off(with(on(), {{"utility.c_vis", "0"}}), kVisibility);
  // On: the term is the constant -c_vis discretion visibility[role] for every role.
  // (Without social proof, which would scale it by each agent's member contacts.)
  const auto result = run(with(
      on(),
      {{"utility.c_vis", "2"}, {"culture.discretion", "0.5"}, {"adoption.social_proof", "0"}}));
  const double visibility[] = {0.5, 0.2, 1.0, 0.3};  // the keys' defaults
  for (std::size_t r = 0; r < kRoles; ++r) {
    const auto range = term_range(View{result}, kVisibility, r);
    REQUIRE(range.n > 0);
    CHECK(range.lo == Approx(-visibility[r]).epsilon(1e-12));
    CHECK(range.hi == Approx(-visibility[r]).epsilon(1e-12));
  }
}

TEST_CASE("essay H8: c_boss = 0 or hostile_share = 0 removes the hostile-boss cost",
          "[essay][mechanisms]") {
  check_off(with(on(), {{"utility.c_boss", "0"}}), kBoss);
  check_off(with(on(), {{"firms.hostile_share", "0"}}), kBoss);
  // On: employed non-executives of hostile firms pay c_boss power_distance / 100 = 0.68;
  // executives and job seekers never do.
  const auto result = run(with(on(), {{"firms.hostile_share", "0.5"}}));
  const View v{result};
  double lowest = 0.0;
  for (std::size_t r : {kSalesperson, kMiddleManager}) {
    const auto range = term_range(v, kBoss, r);
    if (range.n == 0) continue;
    CHECK(range.lo >= -0.68 - 1e-12);
    lowest = std::min(lowest, range.lo);
  }
  CHECK(lowest < 0.0);
  for (std::size_t r : {kExecutive, kJobSeeker}) {
    const auto range = term_range(v, kBoss, r);
    REQUIRE(range.n > 0);
    CHECK(range.lo == 0.0);
    CHECK(range.hi == 0.0);
  }
}

namespace {
struct NoObserver : netadopt::core::Observer {
  void sample(std::size_t, netadopt::core::Time) override {}
};

// Runs the model of `keys`, replication 0, to its end; returns it with the network it started
// with (tie lists, as (other, kind) pairs).
struct Moved {
  std::vector<std::vector<std::pair<std::uint32_t, int>>> before, after;
  std::size_t hired_during_run = 0;
};
Moved run_labour_only(const Keys& keys) {
  const auto s = scenario_of(keys);
  netadopt::models::essay::EssayModel model(s, 0);
  auto snapshot = [&] {
    std::vector<std::vector<std::pair<std::uint32_t, int>>> ties(model.population().size());
    for (std::uint32_t i = 0; i < ties.size(); ++i)
      for (const auto& tie : model.network().ties(i))
        ties[i].emplace_back(tie.other(), static_cast<int>(tie.kind()));
    return ties;
  };
  Moved out;
  out.before = snapshot();
  netadopt::core::Simulator sim;
  NoObserver observer;
  model.start(sim);
  const double days = s.date("run.end").days - s.date("run.start").days;
  sim.run(model, observer, netadopt::core::RunWindow{days, s.real("output.interval_days")});
  out.after = snapshot();
  for (std::uint32_t i = 0; i < model.population().size(); ++i)
    if (model.population().agent(i).hired_at > 0.0f) ++out.hired_during_run;
  return out;
}

std::size_t outside_tie_ends(const std::vector<std::vector<std::pair<std::uint32_t, int>>>& t) {
  std::size_t n = 0;
  for (const auto& list : t)
    for (const auto& [other, kind] : list) n += kind == 2 ? 1 : 0;
  return n;
}
}  // namespace

TEST_CASE(
    "essay H9: job_to_job_rate = 0 removes moves, their new outside ties and career "
    "orientation",
    "[essay][mechanisms]") {
  // Only job-to-job moves can change the network: no separations, no job finding.
  const Keys labour = with(on(), {{"labour.separation_rate", "0"},
                                  {"labour.job_finding_rate", "0"},
                                  {"population.size", "5000"}});
  const auto still = run(with(labour, {{"labour.job_to_job_rate", "0"}}));
  CHECK(View{still}.total_count("job_to_job_moves") == 0);
  const Moved none = run_labour_only(with(labour, {{"labour.job_to_job_rate", "0"}}));
  CHECK(none.hired_during_run == 0);
  CHECK(none.after == none.before);  // not one tie gained, lost or retagged

  const auto mobile = run(with(labour, {{"labour.job_to_job_rate", "0.5"}}));
  CHECK(View{mobile}.total_count("job_to_job_moves") > 0);
  const Moved some = run_labour_only(with(labour, {{"labour.job_to_job_rate", "0.5"}}));
  // 5,000 x 0.91 employed x 0.5/year x 3 years: about 5,000 moves, each retagging the mover's
  // old colleague ties as outside ties.
  CHECK(some.hired_during_run > 1000);
  CHECK(outside_tie_ends(some.after) > outside_tie_ends(some.before));
  std::size_t grew = 0;
  for (std::size_t i = 0; i < some.before.size(); ++i) {
    std::size_t b = 0, a = 0;
    for (const auto& [o, k] : some.before[i]) b += k == 2;
    for (const auto& [o, k] : some.after[i]) a += k == 2;
    grew += a > b ? 1 : 0;
  }
  CHECK(grew > 1000);

  // Career orientation (H9) is (individualism/100) m/(m + k): 0 without moves, so the employed
  // have no career term while job seekers keep w_career; with moves it is positive.
  const View v{still};
  for (std::size_t r : {kExecutive, kSalesperson, kMiddleManager}) {
    const auto range = term_range(v, kCareer, r);
    REQUIRE(range.n > 0);
    CHECK(range.lo == 0.0);
    CHECK(range.hi == 0.0);
  }
  const auto js = term_range(v, kCareer, kJobSeeker);
  REQUIRE(js.n > 0);
  CHECK(js.lo == Approx(1.5));
  const double orientation = 0.71 * 0.5 / (0.5 + 0.25);
  const auto exec = term_range(View{mobile}, kCareer, kExecutive);
  REQUIRE(exec.n > 0);
  CHECK(exec.lo == Approx(1.5 * orientation).epsilon(1e-12));
  CHECK(exec.hi == Approx(1.5 * orientation).epsilon(1e-12));
}
