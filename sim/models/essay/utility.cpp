#include "netadopt/models/essay/utility.hpp"

#include <cmath>

namespace netadopt::models::essay {

const std::array<std::string, kTerms>& term_names() {
  static const std::array<std::string, kTerms> names = {"network",    "career",       "opportunity",
                                                        "visibility", "hostile_boss", "closed_club",
                                                        "annoyance",  "loyalty",      "propensity"};
  return names;
}

namespace {
double opportunity(const UtilityParams& p, const Evaluator& a) {
  if (a.role == Role::Executive) return p.opportunity_executive;
  if (a.role == Role::Salesperson) return p.prospect_value * std::log1p(100.0 * a.member_share);
  return 0.0;
}

double loyalty(const UtilityParams& p, double career_orientation, const Evaluator& a) {
  if (a.role == Role::JobSeeker) return 0.0;
  return a.tenure_years / (a.tenure_years + p.loyalty_tenure_years) * (1.0 - career_orientation);
}
}  // namespace

std::array<double, kTerms> utility_terms(const UtilityParams& p, const Culture& c,
                                         double career_orientation, const Evaluator& a) {
  std::array<double, kTerms> t{};
  const auto role = static_cast<std::size_t>(a.role);
  t[kNetwork] = p.w_net * std::log1p(a.contact_value);
  t[kCareer] = p.w_career * (a.role == Role::JobSeeker ? p.job_seeker_need : career_orientation);
  t[kOpportunity] = p.w_opp * opportunity(p, a);
  t[kVisibility] = -p.c_vis * c.discretion * p.visibility[role] * a.caution;
  t[kBoss] = a.hostile_boss ? -p.c_boss * c.power_distance / 100.0 : 0.0;
  t[kClub] = a.in_club ? -p.c_club * c.club_closure * a.caution : 0.0;
  t[kAnnoyance] = -p.c_spam * a.annoyance;
  t[kLoyalty] = -p.c_loyal * loyalty(p, career_orientation, a);
  t[kPropensity] = a.propensity;
  return t;
}

double caution_discount(double social_proof, std::size_t member_contacts) {
  return 1.0 / (1.0 + social_proof * static_cast<double>(member_contacts));
}

}  // namespace netadopt::models::essay
