#pragma once
// The population of the essay model: agents with an occupation and a job, firms with
// heavy-tailed (Zipf-like) sizes and an executive at the top, closed clubs (elite alumni and
// business networks) made mostly of executives. It also performs the labour market's moves
// (separation, hiring), keeping each firm's member list consistent in O(1).
#include <cstdint>
#include <vector>

#include "netadopt/core/random.hpp"
#include "netadopt/core/state_archive.hpp"
#include "netadopt/models/essay/structure/roles.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::models::essay {

constexpr std::int32_t kNone = -1;

// Defaults equal the scenario keys' defaults (population_keys.cpp says why).
struct PopulationParams {
  std::uint32_t size = 100000;
  std::array<double, kOccupations> occupation_share = {0.15, 0.25, 0.60};  // sums to 1
  double unemployment = 0.089;         // share unemployed at time 0
  double firm_size_exponent = 2.06;    // P(size = s) ~ s^-exponent, s >= 1 (Axtell 2001: ~2.06)
  std::uint32_t firm_max_size = 5000;  // sizes are capped here
  double hostile_firm_share = 0.3;     // share of firms whose management is hostile (H8)
  double club_share_executive = 0.3;   // probability an executive belongs to a club (H6)
  double club_share_other = 0.03;      // probability a salesperson or middle manager does
  std::uint32_t club_mean_size = 50;
  double mean_tenure_years = 11.0;  // initial tenure ~ exponential with this mean
};

PopulationParams population_params(const scenario::Scenario& scenario);
// Shares of the three occupations (set, or derived from the country's cadres and sales shares),
// and the share of the employed workforce the population stands for.
std::array<double, kOccupations> occupation_shares(const scenario::Scenario& scenario);
double workforce_share(const scenario::Scenario& scenario);
// population.initial_unemployment, set or derived from culture.unemployment_rate.
double initial_unemployment(const scenario::Scenario& scenario);
void declare_population_keys(scenario::Schema& schema);  // [population], [firms], [clubs]

struct Agent {
  Occupation occupation = Occupation::MiddleManager;
  bool employed = true;
  std::int32_t firm = kNone;
  std::int32_t club = kNone;
  float hired_at =
      0.0f;  // day the current job began (negative: before the run); tenure = now - hired_at
};

class Population {
 public:
  Population(const PopulationParams& params, core::Stream& stream);  // builds it

  std::size_t size() const { return agents_.size(); }
  const Agent& agent(std::uint32_t i) const { return agents_[i]; }
  Role role(std::uint32_t i) const { return role_of(agents_[i].occupation, agents_[i].employed); }
  std::size_t firm_count() const { return firm_members_.size(); }
  const std::vector<std::uint32_t>& firm_members(std::int32_t firm) const;
  bool firm_hostile(std::int32_t firm) const { return firm_hostile_[firm]; }
  std::size_t club_count() const { return club_members_.size(); }
  const std::vector<std::uint32_t>& club_members(std::int32_t club) const;
  std::size_t count(Role role) const;  // agents in a role now

  // Labour market moves. Each keeps firm member lists and role counts consistent.
  void separate(std::uint32_t i);                             // employed -> unemployed
  void hire(std::uint32_t i, std::int32_t firm, double now);  // unemployed -> employed at firm
  std::int32_t draw_hiring_firm(core::Stream& stream, std::int32_t except) const;  // ~ firm size

  void persist(core::StateArchive& archive);  // checkpoints

 private:
  std::vector<Agent> agents_;
  std::vector<std::vector<std::uint32_t>> firm_members_;
  std::vector<std::uint32_t> position_in_firm_;
  std::vector<bool> firm_hostile_;
  std::vector<double> firm_size_at_start_;  // hiring weights (cumulative), fixed over the run
  std::vector<std::vector<std::uint32_t>> club_members_;
  std::array<std::size_t, kRoles> role_count_{};
};

}  // namespace netadopt::models::essay
