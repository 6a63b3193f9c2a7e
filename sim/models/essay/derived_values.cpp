#include "netadopt/models/essay/derived_values.hpp"

#include "netadopt/models/essay/culture.hpp"
#include "netadopt/models/essay/structure/population.hpp"

namespace netadopt::models::essay {

namespace {
std::optional<double> derived_labour_rate(const scenario::Scenario& s, const std::string& key) {
  const LabourRates rates = labour_rates(s);
  if (key == "labour.separation_rate") return rates.separation;
  if (key == "labour.job_finding_rate") return rates.job_finding;
  if (key == "labour.job_to_job_rate") return rates.job_to_job;
  return std::nullopt;
}
}  // namespace

double steady_state_tenure_years(const scenario::Scenario& s) {
  const double leaving = labour_rates(s).leaving();
  return leaving > 1.0 / 60.0 ? 1.0 / leaving : 60.0;
}

std::optional<double> derived_value(const scenario::Scenario& s, const std::string& key) {
  if (key.starts_with("labour.") && key.ends_with("_rate")) return derived_labour_rate(s, key);
  if (key == "population.mean_tenure_years") return steady_state_tenure_years(s);
  if (key == "population.initial_unemployment") return initial_unemployment(s);
  if (key == "culture.discretion") return culture(s).discretion;
  if (key == "culture.club_closure") return culture(s).club_closure;
  return std::nullopt;
}

}  // namespace netadopt::models::essay
