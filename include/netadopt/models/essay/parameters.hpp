#pragma once
// The behavioural parameters of the essay model: platforms, awareness, invitations,
// prospecting, and the utility of MODEL.md with its weights. Every hypothesis has a parameter
// that switches it off (a weight or a rate of 0); `netadopt describe` names the hypothesis of
// each key in its group.
#include <array>
#include <string>
#include <vector>

#include "netadopt/models/essay/structure/roles.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::models::essay {

constexpr int kMaxPlatforms = 8;  // keys platform1.* to platform8.*

constexpr double kNever = 1e300;  // a day that never comes

struct PlatformParams {
  std::string name;
  std::string home_market;
  double launch_day = 0;        // days since run.start (may be negative: launched before)
  std::uint32_t founders = 0;   // executives who are members at launch
  double media_rate = 0;        // per year, awareness from media for an executive-weight agent
  std::string language = "en";  // interface language at launch (ISO 639-1)
  double local_language_day = kNever;  // days since run.start when it speaks the country's language
};

struct UtilityParams {
  double w_net = 0, w_career = 0, w_opp = 0;                          // benefits
  double c_vis = 0, c_boss = 0, c_club = 0, c_spam = 0, c_loyal = 0;  // costs
  std::array<double, kRoles> contact_value{};                         // V[role of contact]
  std::array<double, kTieKinds> tie_value{};  // weight of a contact by tie kind (colleague: H5)
  std::array<double, kRoles> visibility{};    // H7: how much a profile exposes ambition
  double opportunity_executive = 0;           // H1: lobbying and joint opportunities
  double prospect_value = 0;                  // H2: salespeople's value of the member base
  double loyalty_tenure_years = 0;            // H5: tenure at which loyalty is half its maximum
  double job_seeker_need = 1;                 // H3: career need of a job seeker
};

struct EssayParams {
  std::vector<PlatformParams> platforms;
  std::array<double, kOccupations> media_factor{};  // by occupation
  std::array<double, kRoles> invitation_rate{};     // per active member per year, by role
  bool well_mixed_invitations = false;              // invite anyone (Bass limit), not contacts
  double message_rate = 0;                          // H2/H4: per active salesperson per year
  double annoyance_per_message = 0;
  double annoyance_decay = 0;  // per year
  double evaluation_rate = 0;  // per year, re-evaluation of aware agents
  double beta = 1, threshold_base = 0, threshold_uncertainty = 0, leave_margin = 0;
  std::array<double, kRoles> signup_share{};  // share of contacts invited at sign-up, by role
  double signup_discretion = 0;  // H7: the sign-up share is scaled by 1 - this x discretion
  double response_days = 0;      // mean delay before an invited agent evaluates; 0: at once
  double social_proof = 0;       // caution x 1 / (1 + social_proof x member contacts)
  double propensity_sd = 0;      // sd of each agent's own propensity term in U
  double referral_boost = 0;     // H3: job finding is (1 + boost) times faster with referrals
  double referral_contacts = 1;  // member contacts at which the boost is full
  UtilityParams utility;
};

void declare_essay_keys(scenario::Schema& schema);  // [platforms], [platformN], [awareness], ...
EssayParams essay_params(const scenario::Scenario& scenario);

}  // namespace netadopt::models::essay
