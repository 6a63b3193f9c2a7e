#include "netadopt/models/essay/culture.hpp"

#include <cmath>

namespace netadopt::models::essay {

namespace {
using scenario::KeySpec;
using scenario::KeyType;

const char* kRequired =
    "nothing: a country input, required for the essay model (a published "
    "figure of the country, with its source in a comment)";
const char* kHofstede = "Hofstede country scores (scenarios/data/culture.csv)";

KeySpec country_key(const std::string& name, KeyType type, const std::string& unit,
                    scenario::Range range, const std::string& help, const std::string& source,
                    const std::string& group) {
  return {name, type, "", unit, range, {}, help, source, group, kRequired};
}

KeySpec index_key(const std::string& name, const std::string& help, const std::string& group) {
  return country_key("culture." + name, KeyType::Real, "index 0-100", {0, 100}, help, kHofstede,
                     group);
}

KeySpec rate_key(const std::string& name, const std::string& help, const std::string& from) {
  return {"labour." + name, KeyType::Real, "", "per year", {0, 100}, {}, help, "", "", from};
}

void declare_identity(scenario::Schema& schema) {
  schema.add(country_key("culture.country", KeyType::Text, "", {},
                         "The country the scenario "
                         "models (france, us, germany, ...): a platform's founders start in its "
                         "home_market only.",
                         "", ""));
  schema.add(country_key("culture.language", KeyType::Text, "", {},
                         "The country's language "
                         "(ISO 639-1: fr, en, de): a platform whose interface is in another "
                         "language reaches only those who can use that language.",
                         "", ""));
  schema.add(country_key("culture.english_share", KeyType::Real, "", {0, 1},
                         "Share of the "
                         "workforce able to use an English-language platform; 1 where English "
                         "is the country's language. Each agent is drawn able or not once.",
                         "Special Eurobarometer 243 (2006): can hold a conversation in English",
                         ""));
}

void declare_indices(scenario::Schema& schema) {
  schema.add(index_key("power_distance",
                       "Hofstede power distance; scales the cost of a hostile "
                       "boss (H8).",
                       "H8"));
  schema.add(index_key("individualism",
                       "Hofstede individualism; drives career orientation "
                       "and job-to-job mobility (H9).",
                       "H9"));
  schema.add(index_key("masculinity",
                       "Hofstede masculinity: admiration of visible success; "
                       "discretion (H7) is 1 - masculinity/100.",
                       "H7"));
  schema.add(index_key("uncertainty_avoidance",
                       "Hofstede uncertainty avoidance; raises the "
                       "utility needed to join, and sets club closure (H6) = UAI/100.",
                       "H6"));
  schema.add(index_key("long_term_orientation",
                       "Hofstede long-term orientation; recorded, not "
                       "used by a mechanism.",
                       ""));
  schema.add(
      index_key("indulgence", "Hofstede indulgence; recorded, not used by a mechanism.", ""));
}

void declare_labour_indices(scenario::Schema& schema) {
  schema.add(country_key("culture.employment_protection", KeyType::Real, "OECD index 0-6", {0, 6},
                         "Employment protection legislation; lowers job-to-job mobility "
                         "(H9).",
                         "OECD EPL overall, version 1, 2008", "H9"));
  schema.add(country_key("culture.unemployment_rate", KeyType::Real, "percent", {0.1, 50},
                         "Unemployment rate; with the long-term share it sets separations.",
                         "INSEE, BLS, Eurostat (harmonised), 2005", "H3"));
  schema.add(country_key("culture.long_term_unemployment_share", KeyType::Real, "", {0.001, 0.999},
                         "Share of the unemployed jobless for 12 months or "
                         "more; sets job finding f = -ln(share) per year.",
                         "OECD Employment Outlook", "H3"));
}

void declare_norms(scenario::Schema& schema) {
  schema.add({"culture.discretion",
              KeyType::Real,
              "",
              "",
              {0, 1},
              {},
              "Norm of discretion about success and ambition; scales the visibility cost and "
              "the share of contacts one dares to invite (H7). 0 switches H7 off.",
              "",
              "H7",
              "culture.masculinity: 1 - masculinity / 100"});
  schema.add({"culture.club_closure",
              KeyType::Real,
              "",
              "",
              {0, 1},
              {},
              "How much closed clubs (alumni, business clubs) guard their contacts; scales the "
              "club cost (H6). 0 switches H6 off.",
              "",
              "H6",
              "culture.uncertainty_avoidance: uncertainty_avoidance / 100"});
}

void declare_mobility(scenario::Schema& schema) {
  schema.add({"labour.job_to_job_base",
              KeyType::Real,
              "0.172",
              "per year",
              {0, 100},
              {},
              "Job-to-job rate at zero employment protection and individualism 50.",
              "fitted with the elasticity so that separations plus moves reproduce the share of "
              "workers with under one year of tenure in the US and France "
              "(scenarios/data/country_inputs.csv)",
              "H9",
              ""});
  schema.add({"labour.job_to_job_epl_elasticity",
              KeyType::Real,
              "0.676",
              "per EPL point",
              {0, 10},
              {},
              "How fast job-to-job mobility falls with employment protection.",
              "fitted as job_to_job_base",
              "H9",
              ""});
  schema.add({"labour.job_to_job_individualism",
              KeyType::Real,
              "0",
              "",
              {0, 10},
              {},
              "Exponent of (individualism / 50) in the job-to-job rate; 0: no direct effect.",
              "",
              "H9",
              ""});
  schema.add({"labour.career_orientation_scale",
              KeyType::Real,
              "0.25",
              "per year",
              {0.0, 100.0, true, false},
              {},
              "k in the career orientation (individualism/100) m/(m+k).",
              "",
              "H9",
              ""});
}

void declare_labour(scenario::Schema& schema) {
  schema.add(rate_key("separation_rate", "Rate at which an employed agent loses its job.",
                      "culture.unemployment_rate and culture.long_term_unemployment_share: "
                      "s = u f / (1 - u)"));
  schema.add(rate_key("job_finding_rate",
                      "Rate at which a job seeker finds a job, before "
                      "referrals.",
                      "culture.long_term_unemployment_share: f = -ln(share)"));
  schema.add(rate_key("job_to_job_rate", "Rate of direct moves between firms (H9).",
                      "culture.employment_protection and culture.individualism"));
  declare_mobility(schema);
  schema.add({"labour.referral_boost",
              KeyType::Real,
              "1",
              "",
              {0, 100},
              {},
              "Co-optation (H3): an active member with enough member contacts finds jobs "
              "(1 + boost) times faster. 0 switches H3 off.",
              "",
              "H3",
              ""});
  schema.add({"labour.referral_contacts",
              KeyType::Real,
              "5",
              "contacts",
              {0, 1e6, true, false},
              {},
              "Member contacts at which the referral boost is full (it grows linearly up "
              "to there).",
              "",
              "H3",
              ""});
}

double derived_or_set(const scenario::Scenario& s, const std::string& key, double derived) {
  return s.has(key) ? s.real(key) : derived;
}
}  // namespace

void declare_culture_keys(scenario::Schema& schema) {
  declare_identity(schema);
  declare_indices(schema);
  declare_labour_indices(schema);
  declare_norms(schema);
  declare_labour(schema);
}

const std::vector<std::string>& country_input_keys() {
  static const std::vector<std::string> keys = {"culture.country",
                                                "culture.language",
                                                "culture.english_share",
                                                "culture.power_distance",
                                                "culture.individualism",
                                                "culture.masculinity",
                                                "culture.uncertainty_avoidance",
                                                "culture.long_term_orientation",
                                                "culture.indulgence",
                                                "culture.employment_protection",
                                                "culture.unemployment_rate",
                                                "culture.long_term_unemployment_share",
                                                "population.cadres_share",
                                                "population.sales_share"};
  return keys;
}

Culture culture(const scenario::Scenario& s) {
  Culture c;
  c.country = s.text("culture.country");
  c.language = s.text("culture.language");
  c.english_share = s.real("culture.english_share");
  c.power_distance = s.real("culture.power_distance");
  c.individualism = s.real("culture.individualism");
  c.masculinity = s.real("culture.masculinity");
  c.uncertainty_avoidance = s.real("culture.uncertainty_avoidance");
  c.long_term_orientation = s.real("culture.long_term_orientation");
  c.indulgence = s.real("culture.indulgence");
  c.employment_protection = s.real("culture.employment_protection");
  c.unemployment_rate = s.real("culture.unemployment_rate");
  c.long_term_unemployment_share = s.real("culture.long_term_unemployment_share");
  c.discretion = derived_or_set(s, "culture.discretion", 1.0 - c.masculinity / 100.0);
  c.club_closure = derived_or_set(s, "culture.club_closure", c.uncertainty_avoidance / 100.0);
  return c;
}

LabourRates labour_rates(const scenario::Scenario& s) {
  const Culture c = culture(s);
  const double u = c.unemployment_rate / 100.0;
  LabourRates r;
  r.job_finding =
      derived_or_set(s, "labour.job_finding_rate", -std::log(c.long_term_unemployment_share));
  r.separation = derived_or_set(s, "labour.separation_rate", u * r.job_finding / (1.0 - u));
  const double mobility =
      s.real("labour.job_to_job_base") *
      std::exp(-s.real("labour.job_to_job_epl_elasticity") * c.employment_protection) *
      std::pow(c.individualism / 50.0, s.real("labour.job_to_job_individualism"));
  r.job_to_job = derived_or_set(s, "labour.job_to_job_rate", mobility);
  r.career_orientation = c.individualism / 100.0 * r.job_to_job /
                         (r.job_to_job + s.real("labour.career_orientation_scale"));
  return r;
}

}  // namespace netadopt::models::essay
