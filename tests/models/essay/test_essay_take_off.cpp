// The take-off mechanisms of the essay model: the sign-up burst of invitations, their delayed
// answers, discretion holding the burst back (H7), social proof discounting caution (culture as
// delay), each agent's own propensity, the language barrier of a foreign platform, founders in
// the home market only, and the refusal of a scenario without its country inputs.
//
// The burst tests are exact or binomial. With every answer delayed far beyond the run, the
// invitations at time 0 are the founders' sign-up invitations alone: with a share of 1 every
// contact of a founder who is not a founder is invited (a number I_1 fixed by the structure,
// which the share does not change), and with a share s each of those is invited independently
// with probability s, so the count is Binomial(I_1, s).
#include <cmath>

#include "netadopt/models/essay/utility.hpp"
#include "test_essay_helpers.hpp"

using namespace essay_validation;

namespace {

// The founders launch the platform at time 0; nobody answers an invitation before the end.
Keys burst(const std::string& share, const Keys& more = {}) {
  Keys keys = with(essay_base(), {{"run.end", "2003-02-01"},
                                  {"run.replications", "4"},
                                  {"platform1.founders", "40"},
                                  {"platform1.media_rate", "0"},
                                  {"invitations.response_days", "3650"},
                                  {"invitations.signup_discretion", "0"}});
  for (const char* role : {"executive", "salesperson", "middle_manager", "job_seeker"})
    keys["invitations.signup_share_" + std::string(role)] = share;
  return with(keys, more);
}

// Invitations sent at time 0, per replication.
std::vector<double> invitations_at_launch(const Keys& keys) {
  const auto result = run(keys);
  const View v{result};
  std::vector<double> out;
  for (std::size_t rep = 0; rep < v.reps(); ++rep) out.push_back(v.count("invitations", rep, 0));
  return out;
}

double sum(const std::vector<double>& x) {
  double s = 0;
  for (double v : x) s += v;
  return s;
}

}  // namespace

TEST_CASE("sign-up burst: share 0 sends nothing, share 1 invites every contact once",
          "[essay][take-off]") {
  CHECK(sum(invitations_at_launch(burst("0"))) == 0);
  const auto all = invitations_at_launch(burst("1"));
  for (double n : all) CHECK(n > 40);  // 40 founders with tens of contacts each
  // Answers wait, so every invited agent is aware and nobody but the founders is active.
  const auto result = run(burst("1"));
  const View v{result};
  for (std::size_t rep = 0; rep < v.reps(); ++rep) {
    double active = 0, aware = 0;
    for (std::size_t r = 0; r < kRoles; ++r) {
      active += v.members(rep, 0, r, kActive);
      aware += v.members(rep, 0, r, kAware);
    }
    CHECK(active == 40);
    CHECK(aware > 0);
    CHECK(aware <= all[rep]);  // a contact of two founders is invited twice, aware once
  }
}

TEST_CASE("sign-up burst: a share s invites Binomial(I_1, s) contacts", "[essay][take-off]") {
  const double i1 = sum(invitations_at_launch(burst("1")));
  const double half = sum(invitations_at_launch(burst("0.5")));
  // Sum of independent binomials: mean i1/2, sd sqrt(i1/4); 4 sd.
  CHECK(std::abs(half - i1 / 2) < 4 * std::sqrt(i1 / 4));
  CHECK(half > 0);
}

TEST_CASE("sign-up burst: discretion holds it back by 1 - signup_discretion x discretion",
          "[essay][take-off]") {
  const double i1 = sum(invitations_at_launch(burst("1")));
  // discretion 0.5, fully weighted: the share of 1 becomes 0.5.
  const double held = sum(invitations_at_launch(
      burst("1", {{"culture.discretion", "0.5"}, {"invitations.signup_discretion", "1"}})));
  CHECK(std::abs(held - i1 / 2) < 4 * std::sqrt(i1 / 4));
  // Weight 0: discretion changes nothing, exactly.
  CHECK(sum(invitations_at_launch(burst("1", {{"culture.discretion", "0.5"}}))) == i1);
}

TEST_CASE("founders start only in the platform's home market", "[essay][take-off]") {
  const auto abroad = run(burst("0", {{"platform1.home_market", "us"}}));
  const View v{abroad};
  for (std::size_t rep = 0; rep < v.reps(); ++rep)
    for (std::size_t r = 0; r < kRoles; ++r) CHECK(v.members(rep, 0, r, kActive) == 0);
}

TEST_CASE("social proof: the caution discount is 1 at zero member contacts and falls",
          "[essay][take-off]") {
  using netadopt::models::essay::caution_discount;
  CHECK(caution_discount(0.2, 0) == 1.0);
  CHECK(caution_discount(0.0, 50) == 1.0);
  CHECK(caution_discount(0.2, 5) == Approx(0.5));
  CHECK(caution_discount(0.2, 10) < caution_discount(0.2, 5));
}

TEST_CASE("social proof: the visibility cost is its constant when off and shrinks when on",
          "[essay][take-off]") {
  // c_vis 2, discretion 0.5: the constant cost of an executive is 2 x 0.5 x 0.5 = 0.5.
  const Keys base = with(essay_base(), {{"utility.c_vis", "2"}, {"culture.discretion", "0.5"}});
  const auto off = run(with(base, {{"adoption.social_proof", "0"}}));
  const Range r_off = term_range(View{off}, kVisibility, kExecutive);
  REQUIRE(r_off.n > 0);
  CHECK(r_off.lo == Approx(-0.5));
  CHECK(r_off.hi == Approx(-0.5));
  const auto on = run(with(base, {{"adoption.social_proof", "1"}}));
  const Range r_on = term_range(View{on}, kVisibility, kExecutive);
  REQUIRE(r_on.n > 0);
  CHECK(r_on.hi > -0.5 + 1e-6);  // some evaluators had member contacts
  CHECK(r_on.lo >= -0.5 - 1e-12);
}

TEST_CASE("propensity: sd 0 removes the term, sd > 0 spreads it", "[essay][take-off]") {
  const auto off = run(with(essay_base(), {{"adoption.propensity_sd", "0"}}));
  REQUIRE(check_term_zero(View{off}, kPropensity) > 20);
  const auto on = run(with(essay_base(), {{"adoption.propensity_sd", "1"}}));
  const Range r = term_range(View{on}, kPropensity, kMiddleManager);
  REQUIRE(r.n > 0);
  CHECK(r.hi - r.lo > 0);
}

TEST_CASE(
    "language: an English-only platform is joined by English users only, by everyone "
    "once it speaks the country's language",
    "[essay][take-off]") {
  const Keys english = with(
      essay_base(),
      {{"platform1.language", "en"}, {"platform1.founders", "0"}, {"culture.english_share", "0"}});
  const auto closed = run(english);
  CHECK(View{closed}.total_count("evaluations") > 0);
  CHECK(View{closed}.total_count("joins") == 0);
  const auto opened = run(with(english, {{"platform1.local_language", "2004-01-01"}}));
  const View v{opened};
  for (std::size_t rep = 0; rep < v.reps(); ++rep)
    for (std::size_t t = 0; t < v.times() && v.result.times[t] < 365; ++t)
      CHECK(v.count("joins", rep, t) == 0);
  CHECK(v.total_count("joins") > 0);
  const auto speakers = run(with(english, {{"culture.english_share", "1"}}));
  CHECK(View{speakers}.total_count("joins") > 0);
}

TEST_CASE("an essay scenario without its country inputs is refused, naming each missing key",
          "[essay][take-off]") {
  Keys keys = essay_base();
  keys.erase("culture.masculinity");
  keys.erase("population.cadres_share");
  try {
    scenario_of(keys);
    FAIL("the scenario was accepted");
  } catch (const std::exception& e) {
    CHECK_THAT(e.what(), Catch::Contains("culture.masculinity") &&
                             Catch::Contains("population.cadres_share") &&
                             Catch::Contains("country input"));
  }
}

TEST_CASE("answers: delayed ones wait, and at once the invited evaluate at time 0",
          "[essay][take-off]") {
  const auto delayed = run(burst("1"));
  const auto at_once = run(burst("1", {{"invitations.response_days", "0"}}));
  for (std::size_t rep = 0; rep < View{delayed}.reps(); ++rep) {
    CHECK(View{delayed}.count("evaluations", rep, 0) == 0);
    CHECK(View{at_once}.count("evaluations", rep, 0) > 0);
  }
}
