#include "population_build.hpp"
#include "sampling.hpp"

namespace netadopt::models::essay {

std::vector<Occupation> shuffled_occupations(const PopulationParams& params, core::Stream& stream) {
  const auto counts = largest_remainder_counts(params.occupation_share, params.size);
  std::vector<Occupation> occupations;
  occupations.reserve(params.size);
  for (std::size_t k = 0; k < counts.size(); ++k)
    occupations.insert(occupations.end(), counts[k], static_cast<Occupation>(k));
  shuffle(occupations, stream);
  return occupations;
}

}  // namespace netadopt::models::essay
