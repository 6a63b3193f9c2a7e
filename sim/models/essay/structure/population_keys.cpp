// Keys of the essay model's population: [population], [firms], [clubs]. Defaults are France
// around 2005 where data exist (shared/data/culture.csv), otherwise stated guesses.
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "netadopt/models/essay/structure/population.hpp"

namespace netadopt::models::essay {

namespace {
using scenario::KeySpec;
using scenario::KeyType;

const std::string kShareKeys[kOccupations] = {"population.share_executive",
                                              "population.share_salesperson",
                                              "population.share_middle_manager"};

std::optional<std::string> shares_sum_to_one(const scenario::Scenario& s) {
  for (const auto& key : kShareKeys)
    if (!s.has(key)) return std::nullopt;  // derived from the cadres and sales shares
  double sum = 0.0;
  for (const auto& key : kShareKeys) sum += s.real(key);
  if (std::abs(sum - 1.0) <= 1e-9) return std::nullopt;
  char found[32];
  std::snprintf(found, sizeof found, "%.12g", sum);
  return kShareKeys[0] + ", " + kShareKeys[1] + " and " + kShareKeys[2] +
         " must sum to 1; they sum to " + found;
}

const char* kRequired =
    "nothing: a country input, required for the essay model (a published "
    "figure of the country, with its source in a comment)";

// The modelled population is the essay's white-collar workforce: "cadres" (executives and the
// middle managers below them) and salespeople. Each country gives two published shares of its
// employment; how cadres split between the top and the middle is one shared parameter.
void declare_occupation_keys(scenario::Schema& schema) {
  schema.add({"population.cadres_share",
              KeyType::Real,
              "",
              "",
              {0, 1, true, false},
              {},
              "Share of all employed who are managers and business professionals: the essay's "
              "'cadres', executives and middle managers together.",
              "France: INSEE cadres; US: BLS CPS management, business and financial "
              "occupations (scenarios/data/country_inputs.csv)",
              "H1 H5",
              kRequired});
  schema.add({"population.sales_share",
              KeyType::Real,
              "",
              "",
              {0, 1, true, false},
              {},
              "Share of all employed in sales occupations.",
              "scenarios/data/country_inputs.csv",
              "H2",
              kRequired});
  schema.add({"population.executive_share_of_cadres",
              KeyType::Real,
              "0.3",
              "",
              {0, 1},
              {},
              "Share of the cadres who are executives (top managers, heads of departments); the "
              "rest are middle managers. Shared by every country: a stated guess to calibrate.",
              "",
              "H1 H5",
              ""});
  const std::string from =
      "population.cadres_share, population.sales_share and "
      "population.executive_share_of_cadres: ";
  schema.add({kShareKeys[0],
              KeyType::Real,
              "",
              "",
              {0, 1},
              {},
              "Share of agents who are executives: top managers and heads of departments (H1).",
              "",
              "H1",
              from + "cadres x executive share / (cadres + sales)"});
  schema.add({kShareKeys[1],
              KeyType::Real,
              "",
              "",
              {0, 1},
              {},
              "Share of agents who are salespeople (H2).",
              "",
              "H2",
              from + "sales / (cadres + sales)"});
  schema.add({kShareKeys[2],
              KeyType::Real,
              "",
              "",
              {0, 1},
              {},
              "Share of agents who are middle managers (H5), the essay's 'cadres moyens'.",
              "",
              "H5",
              from + "cadres x (1 - executive share) / (cadres + sales)"});
  schema.add_check({{kShareKeys[0], kShareKeys[1], kShareKeys[2]}, shares_sum_to_one});
}

void declare_employment_keys(scenario::Schema& schema) {
  schema.add({"population.workforce_share",
              KeyType::Real,
              "",
              "",
              {0, 1, true, false},
              {},
              "Share of the whole employed workforce that the modelled population stands for "
              "(executives + salespeople + middle managers); members per 1,000 workers = "
              "members / agents x workforce_share x 1000. Not used by the dynamics.",
              "",
              "",
              "population.cadres_share + population.sales_share"});
  schema.add({"population.initial_unemployment",
              KeyType::Real,
              "",
              "",
              {0, 0.9},
              {},
              "Share of agents unemployed (job seekers, H3) at time 0, chosen uniformly.",
              "",
              "",
              "culture.unemployment_rate / 100, the labour market's stationary rate"});
  schema.add({"population.mean_tenure_years",
              KeyType::Real,
              "",
              "years",
              {0, 60, true, false},
              {},
              "Mean tenure in the current job at time 0; each employed agent's start date is "
              "drawn from an exponential law with this mean. Long tenure means loyalty (H5).",
              "",
              "H5",
              "the labour market's steady state, 1 / (labour.separation_rate + "
              "labour.job_to_job_rate): tenure in the current job is then exponential"});
}

void declare_firm_keys(scenario::Schema& schema) {
  schema.add({"firms.size_exponent",
              KeyType::Real,
              "2.06",
              "",
              {1, 4, true, false},
              {},
              "Exponent a of the firm size law, Zipf-like P(s) ~ s^-a for sizes s >= 1 "
              "(floor of a Pareto draw).",
              "Axtell 2001 Science 293:1818, a ~ 2.06 for US firms",
              ""});
  schema.add({"firms.max_size",
              KeyType::Integer,
              "5000",
              "agents",
              {1, 1e7},
              {},
              "Largest firm size; larger draws are capped. It keeps one firm from taking a "
              "large share of a sampled population: raise it with population.size.",
              "",
              ""});
  schema.add({"firms.hostile_share",
              KeyType::Real,
              "0.3",
              "",
              {0, 1},
              {},
              "Share of firms whose management is hostile to the platforms, fearing poaching "
              "(H8). A behavioural parameter shared by every country (no published index exists); "
              "culture enters H8 through power distance, which scales the cost.",
              "",
              "H8"});
}

void declare_club_keys(scenario::Schema& schema) {
  schema.add({"clubs.executive_membership",
              KeyType::Real,
              "0.3",
              "",
              {0, 1},
              {},
              "Probability that an executive belongs to a closed club (grandes ecoles alumni "
              "network, business club) (H6). A stated guess: such networks recruit mostly "
              "among executives.",
              "",
              "H6"});
  schema.add({"clubs.other_membership",
              KeyType::Real,
              "0.03",
              "",
              {0, 1},
              {},
              "Probability that a salesperson or middle manager belongs to a closed club (H6), "
              "a tenth of the executives' rate.",
              "",
              "H6"});
  schema.add({"clubs.mean_size",
              KeyType::Integer,
              "50",
              "agents",
              {2, 1e5},
              {},
              "Members per club (the last club may be smaller): the size of a local business "
              "club or an alumni class whose members know each other.",
              "",
              "H6"});
}
}  // namespace

std::array<double, kOccupations> occupation_shares(const scenario::Scenario& s) {
  std::array<double, kOccupations> shares{};
  if (s.has(kShareKeys[0]) && s.has(kShareKeys[1]) && s.has(kShareKeys[2])) {
    for (int k = 0; k < kOccupations; ++k) shares[k] = s.real(kShareKeys[k]);
    return shares;
  }
  const double cadres = s.real("population.cadres_share"), sales = s.real("population.sales_share");
  const double executives = s.real("population.executive_share_of_cadres");
  shares[static_cast<int>(Occupation::Executive)] = cadres * executives / (cadres + sales);
  shares[static_cast<int>(Occupation::Salesperson)] = sales / (cadres + sales);
  shares[static_cast<int>(Occupation::MiddleManager)] =
      cadres * (1 - executives) / (cadres + sales);
  return shares;
}

double workforce_share(const scenario::Scenario& s) {
  if (s.has("population.workforce_share")) return s.real("population.workforce_share");
  return s.real("population.cadres_share") + s.real("population.sales_share");
}

double initial_unemployment(const scenario::Scenario& s) {
  if (s.has("population.initial_unemployment")) return s.real("population.initial_unemployment");
  return s.real("culture.unemployment_rate") / 100.0;
}

void declare_population_keys(scenario::Schema& schema) {
  declare_occupation_keys(schema);
  declare_employment_keys(schema);
  declare_firm_keys(schema);
  declare_club_keys(schema);
  schema.declare_structural("firms.", "firms were built at the start");
  schema.declare_structural("clubs.", "clubs were built at the start");
}

PopulationParams population_params(const scenario::Scenario& s) {
  PopulationParams p;
  p.size = static_cast<std::uint32_t>(s.integer("population.size"));
  p.occupation_share = occupation_shares(s);
  p.unemployment = initial_unemployment(s);
  p.firm_size_exponent = s.real("firms.size_exponent");
  p.firm_max_size = static_cast<std::uint32_t>(s.integer("firms.max_size"));
  p.hostile_firm_share = s.real("firms.hostile_share");
  p.club_share_executive = s.real("clubs.executive_membership");
  p.club_share_other = s.real("clubs.other_membership");
  p.club_mean_size = static_cast<std::uint32_t>(s.integer("clubs.mean_size"));
  // Without the key, the essay model sets the labour market's steady state (essay_model.cpp).
  if (s.has("population.mean_tenure_years"))
    p.mean_tenure_years = s.real("population.mean_tenure_years");
  return p;
}

}  // namespace netadopt::models::essay
