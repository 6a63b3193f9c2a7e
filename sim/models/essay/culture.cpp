#include "netadopt/models/essay/culture.hpp"

#include <cmath>

namespace netadopt::models::essay {

namespace {
using scenario::KeySpec;
using scenario::KeyType;

const char* kHofstede = "Hofstede country scores (shared/data/culture.csv); default: France";

KeySpec index_key(const std::string& name, const std::string& value, const std::string& help,
                  const std::string& group) {
  return {"culture." + name, KeyType::Real, value, "index 0-100", {0, 100}, {}, help, kHofstede,
          group, ""};
}

KeySpec rate_key(const std::string& name, const std::string& help, const std::string& from) {
  return {"labour." + name, KeyType::Real, "", "per year", {0, 100}, {}, help, "", "", from};
}

void declare_indices(scenario::Schema& schema) {
  schema.add(index_key("power_distance", "68", "Hofstede power distance; scales the cost of a "
                       "hostile boss (H8).", "H8"));
  schema.add(index_key("individualism", "71", "Hofstede individualism; drives career "
                       "orientation and job-to-job mobility (H9).", "H9"));
  schema.add(index_key("masculinity", "43", "Hofstede masculinity; recorded, not used by a "
                       "mechanism.", ""));
  schema.add(index_key("uncertainty_avoidance", "86", "Hofstede uncertainty avoidance; raises "
                       "the utility needed to join.", ""));
  schema.add(index_key("long_term_orientation", "63", "Hofstede long-term orientation; "
                       "recorded, not used by a mechanism.", ""));
  schema.add(index_key("indulgence", "48", "Hofstede indulgence; recorded, not used by a "
                       "mechanism.", ""));
}

void declare_labour_indices(scenario::Schema& schema) {
  schema.add({"culture.employment_protection", KeyType::Real, "3.05", "OECD index 0-6", {0, 6},
              {}, "Employment protection legislation; lowers job-to-job mobility (H9).",
              "OECD EPL overall, version 1, 2008; default: France", "H9", ""});
  schema.add({"culture.unemployment_rate", KeyType::Real, "8.9", "percent", {0.1, 50}, {},
              "Unemployment rate; with the spell duration it sets the separation rate.",
              "INSEE 2005; default: France", "H3", ""});
  schema.add({"culture.unemployment_duration_months", KeyType::Real, "7.5", "months",
              {0.1, 120}, {}, "Expected length of an unemployment spell; sets job finding.",
              "Pole emploi indicator 2007; default: France", "H3", ""});
}

void declare_norms(scenario::Schema& schema) {
  schema.add({"culture.discretion", KeyType::Real, "0.8", "", {0, 1}, {},
              "Norm of discretion about success and ambition; scales the visibility cost (H7). "
              "0 switches H7 off.", "essay (H7); a modelling assumption to calibrate", "H7", ""});
  schema.add({"culture.club_closure", KeyType::Real, "0.8", "", {0, 1}, {},
              "How much closed clubs (alumni, business clubs) guard their contacts; scales the "
              "club cost (H6). 0 switches H6 off.", "essay (H6); a modelling assumption to "
              "calibrate", "H6", ""});
}

void declare_labour(scenario::Schema& schema) {
  schema.add(rate_key("separation_rate", "Rate at which an employed agent loses its job.",
                      "culture.unemployment_rate and culture.unemployment_duration_months: "
                      "s = u f / (1 - u)"));
  schema.add(rate_key("job_finding_rate", "Rate at which a job seeker finds a job, before "
                      "referrals.", "culture.unemployment_duration_months: f = 12 / months"));
  schema.add(rate_key("job_to_job_rate", "Rate of direct moves between firms (H9).",
                      "culture.employment_protection and culture.individualism"));
  schema.add({"labour.job_to_job_base", KeyType::Real, "0.266", "per year", {0, 100}, {},
              "Job-to-job rate at zero employment protection and individualism 50.",
              "fitted: 0.24/year US (Fallick and Fleischman), 0.06/year France (INSEE)", "H9", ""});
  schema.add({"labour.job_to_job_epl_elasticity", KeyType::Real, "0.488", "per EPL point",
              {0, 10}, {}, "How fast job-to-job mobility falls with employment protection.",
              "fitted as job_to_job_base", "H9", ""});
  schema.add({"labour.job_to_job_individualism", KeyType::Real, "0", "", {0, 10}, {},
              "Exponent of (individualism / 50) in the job-to-job rate; 0: no direct effect.",
              "", "H9", ""});
  schema.add({"labour.career_orientation_scale", KeyType::Real, "0.25", "per year",
              {0.0, 100.0, true, false}, {}, "k in the career orientation (individualism/100) m/(m+k).",
              "", "H9", ""});
  schema.add({"labour.referral_boost", KeyType::Real, "1", "", {0, 100}, {},
              "Co-optation (H3): an active member with enough member contacts finds jobs "
              "(1 + boost) times faster. 0 switches H3 off.", "", "H3", ""});
  schema.add({"labour.referral_contacts", KeyType::Real, "5", "contacts", {0, 1e6, true, false},
              {}, "Member contacts at which the referral boost is full (it grows linearly up "
              "to there).", "", "H3", ""});
}

double derived_or_set(const scenario::Scenario& s, const std::string& key, double derived) {
  return s.has(key) ? s.real(key) : derived;
}
}  // namespace

void declare_culture_keys(scenario::Schema& schema) {
  declare_indices(schema);
  declare_labour_indices(schema);
  declare_norms(schema);
  declare_labour(schema);
}

Culture culture(const scenario::Scenario& s) {
  return Culture{s.real("culture.power_distance"), s.real("culture.individualism"),
                 s.real("culture.masculinity"), s.real("culture.uncertainty_avoidance"),
                 s.real("culture.long_term_orientation"), s.real("culture.indulgence"),
                 s.real("culture.employment_protection"), s.real("culture.unemployment_rate"),
                 s.real("culture.unemployment_duration_months"), s.real("culture.discretion"),
                 s.real("culture.club_closure")};
}

LabourRates labour_rates(const scenario::Scenario& s) {
  const Culture c = culture(s);
  const double u = c.unemployment_rate / 100.0;
  LabourRates r;
  r.job_finding = derived_or_set(s, "labour.job_finding_rate",
                                 12.0 / c.unemployment_duration_months);
  r.separation = derived_or_set(s, "labour.separation_rate", u * r.job_finding / (1.0 - u));
  const double mobility = s.real("labour.job_to_job_base") *
                          std::exp(-s.real("labour.job_to_job_epl_elasticity") *
                                   c.employment_protection) *
                          std::pow(c.individualism / 50.0, s.real("labour.job_to_job_individualism"));
  r.job_to_job = derived_or_set(s, "labour.job_to_job_rate", mobility);
  r.career_orientation = c.individualism / 100.0 * r.job_to_job /
                         (r.job_to_job + s.real("labour.career_orientation_scale"));
  return r;
}

}  // namespace netadopt::models::essay
