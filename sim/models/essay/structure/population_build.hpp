#pragma once
// The steps that build a Population, each a function of its inputs and the stream. The
// constructor calls them in a fixed order, so the stream's draws (and so the population) are
// fixed by the seed.
#include <cstdint>
#include <vector>

#include "netadopt/core/random.hpp"
#include "netadopt/models/essay/structure/population.hpp"

namespace netadopt::models::essay {

// Exactly largest-remainder(share * size) agents of each occupation, in shuffled order.
std::vector<Occupation> shuffled_occupations(const PopulationParams& params, core::Stream& stream);

// Power-law firm sizes (see draw_power_law_size) drawn until they hold `employed` agents; the
// last firm is truncated so that the sizes sum to `employed` exactly.
std::vector<std::uint32_t> draw_firm_sizes(std::size_t employed, const PopulationParams& params,
                                           core::Stream& stream);

// Member lists of firms of the given sizes, filled from `employed` (in random order). Executives
// at the top: taking firms from the largest down, each firm's first member is an executive while
// executives remain; the other places are filled in the order of `employed`.
std::vector<std::vector<std::uint32_t>> staff_firms(const std::vector<std::uint32_t>& employed,
                                                    const std::vector<Agent>& agents,
                                                    const std::vector<std::uint32_t>& sizes);

// Each agent joins a club with a probability set by its occupation; the joiners, shuffled, fill
// clubs of club_mean_size one after another (so there are ceil(joiners / mean size) clubs).
std::vector<std::vector<std::uint32_t>> form_clubs(const std::vector<Agent>& agents,
                                                   const PopulationParams& params,
                                                   core::Stream& stream);

}  // namespace netadopt::models::essay
