#pragma once
// Culture: the published inputs of a country (Hofstede's six dimensions, OECD employment
// protection, the unemployment rate and the share of long-term unemployment, English
// proficiency, the country's language) and the documented functions that turn them into model
// rates and norms. Every input that differs between countries is one of these keys; each must
// be set in the scenario (no country's values are defaults), and `country_input_keys()` lists
// them, so that a scenario that forgets one is refused rather than silently becoming France.
//
// Mappings (rates per year). A scenario may set the derived key itself, which then wins:
//  * job finding f = -ln(culture.long_term_unemployment_share): with exponential spells the
//    stationary share of ongoing spells older than 12 months is exp(-f x 1 year);
//  * separation s = u f / (1 - u), u = culture.unemployment_rate / 100: the inflow that makes
//    the published rate the stationary unemployment of the model, s / (s + f);
//  * job-to-job moves m = labour.job_to_job_base x exp(-labour.job_to_job_epl_elasticity x
//    culture.employment_protection) x (culture.individualism / 50)^labour.job_to_job_individualism.
//    The two shared coefficients are fitted so that s + m, each country's rate of leaving a
//    firm, reproduces the observed share of workers with under a year of tenure in France and
//    the US (scenarios/data/country_inputs.csv; the fit is in culture.cpp's key help);
//  * career orientation of the employed (H9), in [0, 1): (individualism / 100) x m / (m + k);
//  * discretion (H7) = 1 - masculinity / 100: Hofstede's masculinity measures how much a
//    society admires visible achievement and material success; its complement is the essay's
//    culture of discretion about money and ambition;
//  * club closure (H6) = uncertainty_avoidance / 100: high uncertainty avoidance goes with
//    closed, rule-bound in-groups wary of outsiders, the essay's clubs that will not share;
//  * the join threshold theta = adoption.threshold_base + adoption.threshold_uncertainty x
//    uncertainty_avoidance / 100: cautious cultures need more utility to try something new.
#include <string>
#include <vector>

#include "netadopt/scenario/scenario.hpp"

namespace netadopt::models::essay {

struct Culture {  // every field comes from the scenario (culture()); no country is a default
  std::string country, language;
  double power_distance = 0, individualism = 0, masculinity = 0;
  double uncertainty_avoidance = 0, long_term_orientation = 0, indulgence = 0;
  double employment_protection = 0;         // OECD EPL, 0-6
  double unemployment_rate = 0;             // percent
  double long_term_unemployment_share = 0;  // of the unemployed, jobless 12 months or more
  double english_share = 0;                 // share who can use an English-only platform
  double discretion = 0;                    // H7 norm, 0-1 (derived from masculinity)
  double club_closure = 0;                  // H6 norm, 0-1 (derived from uncertainty avoidance)
};

struct LabourRates {
  double separation = 0, job_finding = 0, job_to_job = 0;     // per year
  double career_orientation = 0;                              // of the employed, 0-1
  double leaving() const { return separation + job_to_job; }  // an employed agent leaves its firm
};

void declare_culture_keys(scenario::Schema& schema);   // [culture] and [labour]
const std::vector<std::string>& country_input_keys();  // required for the essay model
Culture culture(const scenario::Scenario& scenario);
LabourRates labour_rates(const scenario::Scenario& scenario);  // derived unless set

}  // namespace netadopt::models::essay
