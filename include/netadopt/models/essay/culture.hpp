#pragma once
// Culture: the published indices of a country (Hofstede's six dimensions, OECD employment
// protection, the unemployment rate and its duration) and the essay's norms (discretion, club
// closure), and the documented functions that turn them into model rates. A scenario sets an
// index and lets the rate be derived, or sets the rate itself (`labour.*` keys), which wins.
//
// Mappings (rates per year):
//  * job finding f = 12 / culture.unemployment_duration_months (expected spell, in months);
//  * separation s = u f / (1 - u), u = culture.unemployment_rate / 100: the inflow that makes
//    the published rate the stationary unemployment of the model, s / (s + f). (The data show
//    similar inflow rates in France and the US in 2003-2007; protection acts through
//    job-to-job mobility and the length of unemployment spells.)
//  * job-to-job moves m = labour.job_to_job_base x exp(-labour.job_to_job_epl_elasticity x
//    culture.employment_protection) x (culture.individualism / 50)^labour.job_to_job_individualism;
//    defaults fitted to 0.24/year in the US (Fallick and Fleischman: 2% a month) and 0.06/year
//    in France (INSEE: 26% changed firm in 5 years, -ln(0.74)/5).
//  * career orientation of the employed (H9), in [0, 1): (individualism / 100) x m / (m + k),
//    k = labour.career_orientation_scale: Americans keep an eye on the next job.
//  * the join threshold theta = adoption.threshold_base + adoption.threshold_uncertainty x
//    uncertainty_avoidance / 100: cautious cultures need more utility to try something new.
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::models::essay {

struct Culture {
  double power_distance = 68, individualism = 71, masculinity = 43;
  double uncertainty_avoidance = 86, long_term_orientation = 63, indulgence = 48;
  double employment_protection = 3.05;  // OECD EPL, 0-6
  double unemployment_rate = 8.9;       // percent
  double unemployment_duration_months = 7.5;
  double discretion = 0.8;              // H7 norm, 0-1
  double club_closure = 0.8;            // H6 norm, 0-1
};

struct LabourRates {
  double separation = 0, job_finding = 0, job_to_job = 0;  // per year
  double career_orientation = 0;                           // of the employed, 0-1
};

void declare_culture_keys(scenario::Schema& schema);  // [culture] and [labour]
Culture culture(const scenario::Scenario& scenario);
LabourRates labour_rates(const scenario::Scenario& scenario);  // derived unless set

}  // namespace netadopt::models::essay
