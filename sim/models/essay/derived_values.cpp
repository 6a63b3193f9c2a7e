#include "netadopt/models/essay/derived_values.hpp"

#include <array>

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
// population.share_<occupation>: the occupation shares, when the three are not all set.
std::optional<double> derived_occupation_share(const scenario::Scenario& s,
                                               const std::string& key) {
  constexpr std::array<const char*, kOccupations> kKeys = {"population.share_executive",
                                                           "population.share_salesperson",
                                                           "population.share_middle_manager"};
  for (std::size_t k = 0; k < kKeys.size(); ++k)
    if (key == kKeys[k]) return occupation_shares(s)[k];
  return std::nullopt;
}

// platformN.media_rate: awareness.media_rate unless the platform sets its own.
bool is_platform_media_rate(const std::string& key) {
  return key.size() == std::string("platform1.media_rate").size() && key.starts_with("platform") &&
         key.ends_with(".media_rate");
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
  if (key == "population.workforce_share") return workforce_share(s);
  if (key.starts_with("population.share_")) return derived_occupation_share(s, key);
  if (is_platform_media_rate(key)) return s.real("awareness.media_rate");
  return std::nullopt;
}

}  // namespace netadopt::models::essay
