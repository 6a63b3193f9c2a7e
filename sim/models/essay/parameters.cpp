#include "netadopt/models/essay/parameters.hpp"
#include "netadopt/scenario/date.hpp"

#include <cmath>

namespace netadopt::models::essay {

namespace {
using scenario::KeySpec;
using scenario::KeyType;
using scenario::Range;

void real(scenario::Schema& s, const std::string& name, const std::string& value,
          const std::string& unit, Range range, const std::string& help,
          const std::string& group = "", const std::string& source = "") {
  s.add({name, KeyType::Real, value, unit, range, {}, help, source, group, ""});
}

void declare_platform(scenario::Schema& s, int n, const std::string& name,
                      const std::string& launch, const std::string& home,
                      const std::string& language) {
  const std::string p = "platform" + std::to_string(n) + ".";
  s.add({p + "name",
         KeyType::Text,
         name,
         "",
         {},
         {},
         "Name of platform " + std::to_string(n) + " (used for the output's platform labels).",
         "",
         "",
         ""});
  s.add({p + "home_market",
         KeyType::Text,
         home,
         "",
         {},
         {},
         "Country the platform comes from: "
         "its founders start there (they join only when it equals culture.country).",
         "",
         "",
         ""});
  s.add({p + "launch",
         KeyType::Date,
         launch,
         "",
         scenario::kDateRange,
         {},
         "Launch date: its founders join, media coverage starts.",
         "",
         "",
         ""});
  s.add({p + "founders",
         KeyType::Integer,
         "20",
         "agents",
         {0, 1e9},
         {},
         "Founders' circle in the home market: an executive and its nearest contacts, who join "
         "at launch (H1). A count of agents whatever population.size (20 is 0.2 per 1,000 "
         "agents at the default 100,000 agents, 1 per 1,000 at 20,000); founders_share scales "
         "it with the population instead.",
         "",
         "H1",
         ""});
  s.add({p + "founders_share",
         KeyType::Real,
         "",
         "share of agents",
         {0, 0.01},
         {},
         "Founders' circle as a share of population.size (rounded to the nearest agent); "
         "0.0002 is the default count of 20 at 100,000 agents. Set it, not founders, for "
         "results that do not depend on population.size through the founders.",
         "",
         "H1",
         "platformN.founders, a count of agents whatever population.size"});
  s.add_check({{p + "founders", p + "founders_share"},
               [p](const scenario::Scenario& sc) -> std::optional<std::string> {
                 if (sc.origin(p + "founders") == scenario::Origin::Default) return std::nullopt;
                 return "set " + p + "founders (a count) or " + p +
                        "founders_share (a share of population.size), not both";
               }});
  s.add({p + "language",
         KeyType::Text,
         language,
         "",
         {},
         {},
         "Language of the interface at "
         "launch (ISO 639-1). Where it is not the country's language, only agents able to use "
         "it can join (culture.english_share for English) until local_language.",
         "",
         "",
         ""});
  s.add({p + "local_language",
         KeyType::Date,
         "",
         "",
         scenario::kDateRange,
         {},
         "Date the interface opened in the country's language (a dated platform event, "
         "scenarios/data/platform-events.csv).",
         "",
         "",
         "nothing: without it the interface stays in platformN.language"});
  s.add({p + "media_rate",
         KeyType::Real,
         "",
         "per year",
         {0, 100},
         {},
         "Awareness from media: rate at which an unaware executive hears of the platform; other "
         "occupations are scaled by awareness.media_*.",
         "",
         "",
         "awareness.media_rate, shared by every platform and country"});
}

void declare_platforms(scenario::Schema& s) {
  s.add({"platforms.count",
         KeyType::Integer,
         "1",
         "",
         {1, kMaxPlatforms},
         {},
         "Number of platforms in the scenario (keys platform1.* to platform" +
             std::to_string(kMaxPlatforms) + ".*).",
         "",
         "",
         ""});
  declare_platform(s, 1, "LinkedIn", "2003-05-05", "us", "en");
  declare_platform(s, 2, "Viaduc", "2004-04-01", "france", "fr");
  declare_platform(s, 3, "openBC", "2003-11-01", "germany", "de");
  for (int n = 4; n <= kMaxPlatforms; ++n)
    declare_platform(s, n, "Platform" + std::to_string(n), "2004-01-01", "us", "en");
}

// Sign-up invitations: a new member imports its address book and invites a share of its
// contacts at once. 97% of LinkedIn's first million members joined by invitation
// (data/membership.csv, 2004-08-31). The shares are stated guesses for the calibration to fit:
// an executive with its ~40 contacts invites about 4 of them, a salesperson about 6 (H2).
void declare_signup(scenario::Schema& s) {
  for (const auto& [role, share] : {std::pair{"executive", "0.1"},
                                    {"salesperson", "0.15"},
                                    {"middle_manager", "0.05"},
                                    {"job_seeker", "0.1"}})
    real(s, std::string("invitations.signup_share_") + role, share, "", {0, 1},
         std::string("Share of its contacts a new ") + role +
             " member invites at once when "
             "it joins (an address-book import); each contact who is not an active member is "
             "invited with this probability. 0 switches the sign-up burst off.",
         "", "LinkedIn: 97% of early members joined by invitation (membership.csv, 2004-08-31)");
  real(s, "invitations.signup_discretion", "1", "", {0, 1},
       "How much discretion (H7) holds "
       "back the sign-up burst: the shares are scaled by 1 - this x culture.discretion.",
       "H7");
  real(s, "invitations.response_days", "30", "days", {0, 3650},
       "Mean delay before an invited "
       "agent looks at the invitation and evaluates the platform (exponential); 0: at once.");
}

void declare_awareness(scenario::Schema& s) {
  real(s, "awareness.media_rate", "0.05", "per year", {0, 100},
       "Awareness from media of "
       "every platform in every country: rate at which an unaware executive hears of it "
       "(platformN.media_rate overrides it).");
  real(s, "awareness.media_executive", "1", "", {0, 100},
       "Media awareness factor of executives: "
       "they read the business press first (H1).",
       "H1");
  real(s, "awareness.media_salesperson", "0.7", "", {0, 100},
       "Media awareness factor of "
       "salespeople.",
       "H2");
  real(s, "awareness.media_middle_manager", "0.4", "", {0, 100},
       "Media awareness factor of "
       "middle managers.",
       "H5");
  // Salespeople invite most (H2), job seekers next (H3); rates set so that the US scenario
  // grows about as fast as LinkedIn did (roughly tripling a year in 2004-2006).
  for (const auto& [role, rate] : {std::pair{"executive", "0.6"},
                                   {"salesperson", "1.5"},
                                   {"middle_manager", "0.3"},
                                   {"job_seeker", "0.8"}})
    real(s, std::string("invitations.rate_") + role, rate, "per year", {0, 1000},
         std::string("Invitations an active ") + role +
             " sends per year, each to a random "
             "contact (wasted on a contact who is already an active member).",
         role == std::string("salesperson") ? "H2" : "");
  declare_signup(s);
  s.add({"invitations.well_mixed",
         KeyType::Integer,
         "0",
         "",
         {0, 1},
         {},
         "1: invitations go to anyone (the Bass limit), not to contacts.",
         "",
         "",
         ""});
}

void declare_prospecting(scenario::Schema& s) {
  real(s, "prospecting.message_rate", "20", "per year", {0, 1e5},
       "Prospecting messages an "
       "active salesperson sends to random members (H2). 0 switches prospecting off.",
       "H2 H4");
  real(s, "prospecting.annoyance_per_message", "1", "", {0, 1e3},
       "Annoyance a message leaves "
       "in its recipient (H4).",
       "H4");
  real(s, "prospecting.annoyance_decay", "2", "per year", {0, 1e3}, "Decay rate of annoyance.",
       "H4");
}

void declare_choice_rule(scenario::Schema& s) {
  real(s, "adoption.evaluation_rate", "1", "per year", {0, 1e3},
       "Rate at which an aware agent "
       "or a member re-evaluates a platform (a first evaluation follows awareness at once).");
  real(s, "adoption.beta", "3", "per utility unit", {0, 1e3},
       "Logistic choice: P(join) = "
       "1/(1+exp(-beta (U - theta))).");
  real(s, "adoption.threshold_base", "0.5", "utility", {-100, 100},
       "theta at zero uncertainty "
       "avoidance.");
  real(s, "adoption.threshold_uncertainty", "1", "utility", {-100, 100},
       "theta rises by this "
       "times uncertainty_avoidance / 100.");
  real(s, "adoption.social_proof", "0.2", "per member contact", {0, 1e3},
       "Culture as delay: "
       "the caution terms (the uncertainty part of theta, visibility H7, closed club H6) are "
       "multiplied by 1 / (1 + social_proof x k), k the agent's contacts active on the "
       "platform. 0: caution weighs the same whatever one's contacts do.");
  real(s, "adoption.propensity_sd", "1", "utility", {0, 100},
       "Standard deviation of each "
       "agent's own propensity to join networking sites, a normal term of U drawn once per "
       "agent: some never join, so adoption saturates below the whole population.");
  real(s, "adoption.leave_margin", "1", "utility", {0, 1e3},
       "A member goes dormant when U < "
       "theta - leave_margin (annoyance, H4, is one way U falls).");
}

void declare_weights(scenario::Schema& s) {
  real(s, "utility.w_net", "0.6", "utility", {0, 100}, "Weight of the network benefit.", "H1 H5");
  real(s, "utility.w_career", "1.5", "utility", {0, 100}, "Weight of career need.", "H3 H9");
  real(s, "utility.w_opp", "1", "utility", {0, 100}, "Weight of opportunities.", "H1 H2");
  real(s, "utility.c_vis", "1", "utility", {0, 100}, "Visibility cost (H7).", "H7");
  real(s, "utility.c_boss", "1", "utility", {0, 100}, "Hostile-boss cost (H8).", "H8");
  real(s, "utility.c_club", "1.5", "utility", {0, 100}, "Closed-club cost (H6).", "H6");
  real(s, "utility.c_spam", "0.3", "utility per annoyance", {0, 100}, "Annoyance cost (H4).", "H4");
  real(s, "utility.c_loyal", "1", "utility", {0, 100}, "Loyalty cost (H5).", "H5");
}

void declare_terms(scenario::Schema& s) {
  const std::pair<const char*, const char*> values[] = {
      {"executive", "1"}, {"salesperson", "0.3"}, {"middle_manager", "0.6"}, {"job_seeker", "0.2"}};
  for (const auto& [role, v] : values)
    real(s, std::string("utility.contact_value_") + role, v, "", {0, 100},
         std::string("Value V of a member contact who is a ") + role + ".", "H1");
  real(s, "utility.tie_value_colleague", "0.2", "", {0, 100},
       "Weight of a colleague contact: "
       "networks confined to colleagues bring little (H5).",
       "H5");
  real(s, "utility.tie_value_club", "1", "", {0, 100}, "Weight of a club contact.");
  real(s, "utility.tie_value_outside", "1", "", {0, 100}, "Weight of an outside contact.");
  const std::pair<const char*, const char*> vis[] = {
      {"executive", "0.5"}, {"salesperson", "0.2"}, {"middle_manager", "1"}, {"job_seeker", "0.3"}};
  for (const auto& [role, v] : vis)
    real(s, std::string("utility.visibility_") + role, v, "", {0, 100},
         std::string("How much a profile exposes a ") + role + "'s ambitions (H7).", "H7");
  real(s, "utility.opportunity_executive", "1", "", {0, 100},
       "Executives' value of lobbying "
       "and joint opportunities (H1).",
       "H1");
  real(s, "utility.prospect_value", "0.5", "", {0, 100},
       "Salespeople's value of the member "
       "base: prospect_value x log(1 + 100 members/agents) (H2).",
       "H2");
  real(s, "utility.job_seeker_need", "1", "", {0, 100},
       "Career need of a job seeker: they "
       "treat the site as a hiring fair (H3). 0 removes it, leaving H9's career orientation of "
       "the employed.",
       "H3");
  real(s, "utility.loyalty_tenure_years", "5", "years", {0, 100, true, false},
       "Tenure at which "
       "loyalty is half its maximum (H5).",
       "H5");
}

// platformN.founders, or founders_share x population.size rounded to the nearest agent.
std::uint32_t founders(const scenario::Scenario& s, const std::string& p) {
  if (!s.has(p + "founders_share")) return static_cast<std::uint32_t>(s.integer(p + "founders"));
  const double count =
      s.real(p + "founders_share") * static_cast<double>(s.integer("population.size"));
  return static_cast<std::uint32_t>(std::llround(count));
}

PlatformParams platform(const scenario::Scenario& s, int n) {
  const std::string p = "platform" + std::to_string(n) + ".";
  const auto start = s.date("run.start").days;
  PlatformParams params{
      s.text(p + "name"),
      s.text(p + "home_market"),
      static_cast<double>(s.date(p + "launch").days - start),
      founders(s, p),
      s.has(p + "media_rate") ? s.real(p + "media_rate") : s.real("awareness.media_rate"),
      s.text(p + "language"),
      kNever};
  if (s.has(p + "local_language"))
    params.local_language_day = static_cast<double>(s.date(p + "local_language").days - start);
  return params;
}

UtilityParams utility(const scenario::Scenario& s) {
  UtilityParams u;
  u.w_net = s.real("utility.w_net");
  u.w_career = s.real("utility.w_career");
  u.w_opp = s.real("utility.w_opp");
  u.c_vis = s.real("utility.c_vis");
  u.c_boss = s.real("utility.c_boss");
  u.c_club = s.real("utility.c_club");
  u.c_spam = s.real("utility.c_spam");
  u.c_loyal = s.real("utility.c_loyal");
  for (int r = 0; r < kRoles; ++r) {
    u.contact_value[r] = s.real("utility.contact_value_" + role_names()[r]);
    u.visibility[r] = s.real("utility.visibility_" + role_names()[r]);
  }
  for (int k = 0; k < kTieKinds; ++k)
    u.tie_value[k] = s.real("utility.tie_value_" + tie_kind_names()[k]);
  u.opportunity_executive = s.real("utility.opportunity_executive");
  u.prospect_value = s.real("utility.prospect_value");
  u.loyalty_tenure_years = s.real("utility.loyalty_tenure_years");
  u.job_seeker_need = s.real("utility.job_seeker_need");
  return u;
}
}  // namespace

void declare_essay_keys(scenario::Schema& schema) {
  declare_platforms(schema);
  declare_awareness(schema);
  declare_prospecting(schema);
  declare_choice_rule(schema);
  declare_weights(schema);
  declare_terms(schema);
  schema.declare_structural("platforms.count",
                            "the platforms are the checkpoint's (declare a platform in the base "
                            "scenario with a late launch, and move its launch in the fork)");
}

EssayParams essay_params(const scenario::Scenario& s) {
  EssayParams e;
  for (int n = 1; n <= s.integer("platforms.count"); ++n) e.platforms.push_back(platform(s, n));
  for (int o = 0; o < kOccupations; ++o)
    e.media_factor[o] = s.real("awareness.media_" + occupation_names()[o]);
  for (int r = 0; r < kRoles; ++r)
    e.invitation_rate[r] = s.real("invitations.rate_" + role_names()[r]);
  for (int r = 0; r < kRoles; ++r)
    e.signup_share[r] = s.real("invitations.signup_share_" + role_names()[r]);
  e.signup_discretion = s.real("invitations.signup_discretion");
  e.response_days = s.real("invitations.response_days");
  e.social_proof = s.real("adoption.social_proof");
  e.propensity_sd = s.real("adoption.propensity_sd");
  e.well_mixed_invitations = s.integer("invitations.well_mixed") == 1;
  e.message_rate = s.real("prospecting.message_rate");
  e.annoyance_per_message = s.real("prospecting.annoyance_per_message");
  e.annoyance_decay = s.real("prospecting.annoyance_decay");
  e.evaluation_rate = s.real("adoption.evaluation_rate");
  e.beta = s.real("adoption.beta");
  e.threshold_base = s.real("adoption.threshold_base");
  e.threshold_uncertainty = s.real("adoption.threshold_uncertainty");
  e.leave_margin = s.real("adoption.leave_margin");
  e.referral_boost = s.real("labour.referral_boost");
  e.referral_contacts = s.real("labour.referral_contacts");
  e.utility = utility(s);
  return e;
}

}  // namespace netadopt::models::essay
