#pragma once
// Steps of building the network, on its adjacency lists. A pair holds at most one tie and no
// agent is tied to itself: every addition goes through try_tie.
#include <array>
#include <cstdint>
#include <vector>

#include "netadopt/core/random.hpp"
#include "netadopt/models/essay/structure/network.hpp"

namespace netadopt::models::essay {

using Adjacency = TieLists;

// Draws per tie before a tie that keeps hitting self-ties or repeats is dropped.
constexpr int kMaxTieAttempts = 16;

bool tied(const Adjacency& adjacency, std::uint32_t a, std::uint32_t b);  // scans the shorter
bool try_tie(Adjacency& adjacency, std::uint32_t a, std::uint32_t b, TieKind kind);

// Ties among a firm's or club's members with mean degree `degree`: a clique when the group has
// at most degree + 1 members, otherwise round(size * degree / 2) ties between uniform pairs.
void tie_group(Adjacency& adjacency, const std::vector<std::uint32_t>& members, double degree,
               TieKind kind, core::Stream& stream);

// Outside ties between the occupations, E_ab ties between a and b (E_aa / 2 within a), rounded.
void tie_outside(Adjacency& adjacency,
                 const std::array<std::vector<std::uint32_t>, kOccupations>& by_occupation,
                 const Eigen::Matrix3d& expected, core::Stream& stream);

// Reserves each list to its expected degree plus two standard deviations, so that building
// rarely reallocates and the lists' spare capacity stays small.
void reserve_expected_degrees(Adjacency& adjacency, const Population& population,
                              const NetworkParams& params,
                              const std::array<double, kOccupations>& outside_mean);

}  // namespace netadopt::models::essay
