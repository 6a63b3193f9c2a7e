#include "population_build.hpp"
#include "sampling.hpp"

namespace netadopt::models::essay {

namespace {
double club_probability(Occupation occupation, const PopulationParams& params) {
  return occupation == Occupation::Executive ? params.club_share_executive
                                             : params.club_share_other;
}

std::vector<std::uint32_t> club_joiners(const std::vector<Agent>& agents,
                                        const PopulationParams& params, core::Stream& stream) {
  std::vector<std::uint32_t> joiners;
  for (std::uint32_t i = 0; i < agents.size(); ++i)
    if (stream.bernoulli(club_probability(agents[i].occupation, params))) joiners.push_back(i);
  shuffle(joiners, stream);
  return joiners;
}
}  // namespace

std::vector<std::vector<std::uint32_t>> form_clubs(const std::vector<Agent>& agents,
                                                   const PopulationParams& params,
                                                   core::Stream& stream) {
  std::vector<std::vector<std::uint32_t>> clubs;
  for (std::uint32_t joiner : club_joiners(agents, params, stream)) {
    if (clubs.empty() || clubs.back().size() == params.club_mean_size) clubs.emplace_back();
    clubs.back().push_back(joiner);
  }
  return clubs;
}

}  // namespace netadopt::models::essay
