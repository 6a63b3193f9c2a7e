// Keys of the essay model's population: [population], [firms], [clubs]. Defaults are France
// around 2005 where data exist (shared/data/culture.csv), otherwise stated guesses.
#include <cmath>
#include <optional>
#include <cstdio>
#include <string>

#include "netadopt/models/essay/population.hpp"

namespace netadopt::models::essay {

namespace {
using scenario::KeySpec;
using scenario::KeyType;

const std::string kShareKeys[kOccupations] = {"population.share_executive",
                                              "population.share_salesperson",
                                              "population.share_middle_manager"};

std::optional<std::string> shares_sum_to_one(const scenario::Scenario& s) {
  double sum = 0.0;
  for (const auto& key : kShareKeys) sum += s.real(key);
  if (std::abs(sum - 1.0) <= 1e-9) return std::nullopt;
  char found[32];
  std::snprintf(found, sizeof found, "%.12g", sum);
  return kShareKeys[0] + ", " + kShareKeys[1] + " and " + kShareKeys[2] +
         " must sum to 1; they sum to " + found;
}

void declare_occupation_keys(scenario::Schema& schema) {
  schema.add({kShareKeys[0], KeyType::Real, "0.15", "", {0, 1}, {},
              "Share of agents who are executives or department heads (H1). The population "
              "stands for the white-collar workforce the platforms address, so the three shares "
              "cover it; 0.15 is close to France's 'cadres' share of employment around 2005.",
              "INSEE enquete Emploi: cadres et professions intellectuelles superieures, about 15% "
              "of employment in the mid-2000s (approximate)", ""});
  schema.add({kShareKeys[1], KeyType::Real, "0.25", "", {0, 1}, {},
              "Share of agents who are salespeople (H2): sales, business development and "
              "account staff. A stated guess: sales occupations are about a quarter of the "
              "white-collar workforce outside management.", "", ""});
  schema.add({kShareKeys[2], KeyType::Real, "0.60", "", {0, 1}, {},
              "Share of agents who are middle managers (H5), the essay's critical mass: the "
              "rest of the professional workforce.", "", ""});
  schema.add_check({{kShareKeys[0], kShareKeys[1], kShareKeys[2]}, shares_sum_to_one});
}

void declare_employment_keys(scenario::Schema& schema) {
  schema.add({"population.initial_unemployment", KeyType::Real, "0.089", "", {0, 0.9}, {},
              "Share of agents unemployed (job seekers, H3) at time 0, chosen uniformly.",
              "INSEE, France unemployment rate 8.9% (2005)", ""});
  schema.add({"population.mean_tenure_years", KeyType::Real, "11", "years",
              {0, 60, true, false}, {},
              "Mean tenure in the current job at time 0; each employed agent's start date is "
              "drawn from an exponential law with this mean. Long tenure means loyalty (H5).",
              "OECD mean tenure France 11 years (2019); BLS median tenure US 4.0 years (2004)",
              "H5"});
}

void declare_firm_keys(scenario::Schema& schema) {
  schema.add({"firms.size_exponent", KeyType::Real, "2.06", "", {1, 4, true, false}, {},
              "Exponent a of the firm size law, Zipf-like P(s) ~ s^-a for sizes s >= 1 "
              "(floor of a Pareto draw).", "Axtell 2001 Science 293:1818, a ~ 2.06 for US firms",
              ""});
  schema.add({"firms.max_size", KeyType::Integer, "5000", "agents", {1, 1e7}, {},
              "Largest firm size; larger draws are capped. It keeps one firm from taking a "
              "large share of a sampled population: raise it with population.size.", "", ""});
  schema.add({"firms.hostile_share", KeyType::Real, "0.3", "", {0, 1}, {},
              "Share of firms whose management is hostile to the platforms, fearing poaching "
              "(H8). A modelling assumption with no published index: each country scenario sets it.", "", "H8"});
}

void declare_club_keys(scenario::Schema& schema) {
  schema.add({"clubs.executive_membership", KeyType::Real, "0.3", "", {0, 1}, {},
              "Probability that an executive belongs to a closed club (grandes ecoles alumni "
              "network, business club) (H6). A stated guess: such networks recruit mostly "
              "among executives.", "", "H6"});
  schema.add({"clubs.other_membership", KeyType::Real, "0.03", "", {0, 1}, {},
              "Probability that a salesperson or middle manager belongs to a closed club (H6), "
              "a tenth of the executives' rate.", "", "H6"});
  schema.add({"clubs.mean_size", KeyType::Integer, "50", "agents", {2, 1e5}, {},
              "Members per club (the last club may be smaller): the size of a local business "
              "club or an alumni class whose members know each other.", "", "H6"});
}
}  // namespace

void declare_population_keys(scenario::Schema& schema) {
  declare_occupation_keys(schema);
  declare_employment_keys(schema);
  declare_firm_keys(schema);
  declare_club_keys(schema);
}

PopulationParams population_params(const scenario::Scenario& s) {
  PopulationParams p;
  p.size = static_cast<std::uint32_t>(s.integer("population.size"));
  for (int k = 0; k < kOccupations; ++k) p.occupation_share[k] = s.real(kShareKeys[k]);
  p.unemployment = s.real("population.initial_unemployment");
  p.firm_size_exponent = s.real("firms.size_exponent");
  p.firm_max_size = static_cast<std::uint32_t>(s.integer("firms.max_size"));
  p.hostile_firm_share = s.real("firms.hostile_share");
  p.club_share_executive = s.real("clubs.executive_membership");
  p.club_share_other = s.real("clubs.other_membership");
  p.club_mean_size = static_cast<std::uint32_t>(s.integer("clubs.mean_size"));
  p.mean_tenure_years = s.real("population.mean_tenure_years");
  return p;
}

}  // namespace netadopt::models::essay
