#pragma once
// The utility of MODEL.md, term by term. Benefits are positive and costs negative, so U is the
// sum of the terms; the output reports each term's mean by role, which is why a role joins or
// stays away. A weight of 0 removes a term, and with it its hypothesis.
//   network     w_net log(1 + sum_j V[role_j] w[kind_ij])  over member contacts j   (H1, H5)
//   career      w_career need_i: job_seeker_need for a job seeker, else the career
//               orientation of the employed                                      (H3, H9)
//   opportunity w_opp x (executives: lobbying; salespeople: log(1 + 100 M/N))       (H1, H2)
//   visibility  -c_vis discretion visibility[role] x caution                        (H7)
//   boss        -c_boss [hostile employer, not an executive] power_distance / 100   (H8)
//   club        -c_club [member of a closed club] club_closure x caution            (H6)
//   annoyance   -c_spam annoyance_i                                                 (H4)
//   loyalty     -c_loyal [employed] t/(t + tau) (1 - career orientation)            (H5)
//   propensity  the agent's own taste for networking sites, sd x z_i, z_i ~ N(0, 1) drawn once
// caution = 1 / (1 + adoption.social_proof x k), k the agent's contacts active on the platform:
// culture as delay. Caution weighs fully on an agent none of whose contacts are members, and
// less as they join (social proof), so a cautious country starts later but can catch up.
#include <array>
#include <string>

#include "netadopt/models/essay/culture.hpp"
#include "netadopt/models/essay/parameters.hpp"

namespace netadopt::models::essay {

enum Term : int {
  kNetwork,
  kCareer,
  kOpportunity,
  kVisibility,
  kBoss,
  kClub,
  kAnnoyance,
  kLoyalty,
  kPropensity,
  kTerms
};
const std::array<std::string, kTerms>& term_names();

struct Evaluator {  // what the utility needs to know of the agent who evaluates
  Role role = Role::MiddleManager;
  bool hostile_boss = false;  // employed by a hostile firm, and not an executive
  bool in_club = false;
  double tenure_years = 0;
  double annoyance = 0;
  double contact_value = 0;  // sum over member contacts of V[role_j] w[kind]
  double member_share = 0;   // active members of the platform / agents
  double caution = 1;        // social-proof discount of the caution terms, in (0, 1]
  double propensity = 0;     // the agent's own term, sd x z_i
};

// 1 / (1 + social_proof x member_contacts): 1 at zero member contacts, falling as they join.
double caution_discount(double social_proof, std::size_t member_contacts);

std::array<double, kTerms> utility_terms(const UtilityParams& params, const Culture& culture,
                                         double career_orientation, const Evaluator& agent);

}  // namespace netadopt::models::essay
