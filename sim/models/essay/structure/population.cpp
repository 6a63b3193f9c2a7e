#include "netadopt/models/essay/structure/population.hpp"

#include <cmath>
#include <stdexcept>

#include "netadopt/core/stop.hpp"
#include "netadopt/scenario/date.hpp"
#include "population_build.hpp"
#include "sampling.hpp"

namespace netadopt::models::essay {

namespace {
using scenario::kDaysPerYear;

std::vector<Agent> agents_with(const std::vector<Occupation>& occupations) {
  std::vector<Agent> agents(occupations.size());
  for (std::size_t i = 0; i < agents.size(); ++i) agents[i].occupation = occupations[i];
  return agents;
}

// A uniformly shuffled list of all agents; the first round(u * size) lose their job.
std::vector<std::uint32_t> employed_after_unemployment(std::vector<Agent>& agents, double share,
                                                       core::Stream& stream) {
  std::vector<std::uint32_t> order(agents.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  shuffle(order, stream);
  const auto unemployed =
      static_cast<std::size_t>(std::llround(share * static_cast<double>(agents.size())));
  for (std::size_t k = 0; k < unemployed; ++k) agents[order[k]].employed = false;
  return {order.begin() + static_cast<std::ptrdiff_t>(unemployed), order.end()};
}

std::vector<double> cumulative_sizes(const std::vector<std::vector<std::uint32_t>>& members) {
  std::vector<double> cumulative(members.size());
  double total = 0.0;
  for (std::size_t f = 0; f < members.size(); ++f)
    cumulative[f] = total += static_cast<double>(members[f].size());
  return cumulative;
}
// Records each member's firm, place in its list, and a start date drawn from the tenure law.
void enrol_in_firms(const std::vector<std::vector<std::uint32_t>>& members,
                    std::vector<Agent>& agents, std::vector<std::uint32_t>& position,
                    double mean_tenure_days, core::Stream& stream) {
  for (std::size_t f = 0; f < members.size(); ++f) {
    for (std::uint32_t k = 0; k < members[f].size(); ++k) {
      Agent& agent = agents[members[f][k]];
      agent.firm = static_cast<std::int32_t>(f);
      agent.hired_at = -static_cast<float>(stream.exponential(1.0 / mean_tenure_days));
      position[members[f][k]] = k;
    }
  }
}

void enrol_in_clubs(const std::vector<std::vector<std::uint32_t>>& members,
                    std::vector<Agent>& agents) {
  for (std::size_t c = 0; c < members.size(); ++c)
    for (std::uint32_t i : members[c]) agents[i].club = static_cast<std::int32_t>(c);
}

std::vector<bool> draw_hostile(std::size_t firms, double share, core::Stream& stream) {
  std::vector<bool> hostile(firms);
  for (std::size_t f = 0; f < firms; ++f) hostile[f] = stream.bernoulli(share);
  return hostile;
}
}  // namespace

// The order of the steps fixes the order of the stream's draws: do not reorder them.
Population::Population(const PopulationParams& params, core::Stream& stream)
    : agents_(agents_with(shuffled_occupations(params, stream))),
      position_in_firm_(agents_.size(), 0) {
  constexpr const char* kDuring = "building the population";
  core::throw_if_stopped(kDuring);
  const auto employed = employed_after_unemployment(agents_, params.unemployment, stream);
  firm_members_ = staff_firms(employed, agents_, draw_firm_sizes(employed.size(), params, stream));
  core::throw_if_stopped(kDuring);
  firm_hostile_ = draw_hostile(firm_members_.size(), params.hostile_firm_share, stream);
  firm_size_at_start_ = cumulative_sizes(firm_members_);
  enrol_in_firms(firm_members_, agents_, position_in_firm_, params.mean_tenure_years * kDaysPerYear,
                 stream);
  core::throw_if_stopped(kDuring);
  club_members_ = form_clubs(agents_, params, stream);
  enrol_in_clubs(club_members_, agents_);
  core::throw_if_stopped(kDuring);
  for (std::uint32_t i = 0; i < agents_.size(); ++i) ++role_count_[static_cast<int>(role(i))];
}

const std::vector<std::uint32_t>& Population::firm_members(std::int32_t firm) const {
  return firm_members_.at(static_cast<std::size_t>(firm));
}

const std::vector<std::uint32_t>& Population::club_members(std::int32_t club) const {
  return club_members_.at(static_cast<std::size_t>(club));
}

std::size_t Population::count(Role role) const { return role_count_[static_cast<int>(role)]; }

}  // namespace netadopt::models::essay
