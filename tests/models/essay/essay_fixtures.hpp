#pragma once
// Shared set-up of the essay structure tests: a schema with the structure's keys, small
// populations, and invariant checks used after builds and after moves alike.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <utility>

#include "netadopt/core/random.hpp"
#include "netadopt/models/essay/structure/network.hpp"
#include "netadopt/models/essay/structure/population.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace essay_test {

using namespace netadopt::models::essay;
using netadopt::core::Stream;

inline Stream stream(std::uint64_t seed = 1) {
  return Stream(seed, 0, netadopt::core::purpose_id("essay.structure.test"));
}

// population.size is declared by the catalog; the tests declare it alike.
inline netadopt::scenario::Schema structure_schema() {
  netadopt::scenario::Schema schema;
  schema.add({"population.size",
              netadopt::scenario::KeyType::Integer,
              "100000",
              "agents",
              {1, 2000000000},
              {},
              "Number of agents.",
              "",
              ""});
  declare_population_keys(schema);
  declare_network_keys(schema);
  return schema;
}

inline PopulationParams population_of(std::uint32_t size) {
  PopulationParams params;
  params.size = size;
  return params;
}

// Every employed agent is in its firm's list, every listed member is employed there, and the
// role counts equal a direct count.
inline void check_population_consistent(const Population& population) {
  std::size_t listed = 0;
  for (std::size_t f = 0; f < population.firm_count(); ++f)
    for (std::uint32_t i : population.firm_members(static_cast<std::int32_t>(f))) {
      REQUIRE(population.agent(i).employed);
      REQUIRE(population.agent(i).firm == static_cast<std::int32_t>(f));
      ++listed;
    }
  std::array<std::size_t, kRoles> roles{};
  std::size_t employed = 0;
  for (std::uint32_t i = 0; i < population.size(); ++i) {
    ++roles[static_cast<int>(population.role(i))];
    employed += population.agent(i).employed ? 1 : 0;
    REQUIRE((population.agent(i).firm == kNone) == !population.agent(i).employed);
  }
  REQUIRE(listed == employed);
  for (int r = 0; r < kRoles; ++r) REQUIRE(population.count(static_cast<Role>(r)) == roles[r]);
}

// Ties are symmetric with the same kind at both ends, no self-ties, no pair tied twice.
inline void check_network_simple(const Network& network, std::size_t agents) {
  for (std::uint32_t i = 0; i < agents; ++i) {
    std::set<std::uint32_t> seen;
    for (const Tie& tie : network.ties(i)) {
      REQUIRE(tie.other() != i);
      REQUIRE(seen.insert(tie.other()).second);
      const auto& back = network.ties(tie.other());
      const auto it =
          std::find_if(back.begin(), back.end(), [i](const Tie& t) { return t.other() == i; });
      REQUIRE(it != back.end());
      REQUIRE(it->kind() == tie.kind());
    }
  }
}

inline std::size_t count_kind(const Network& network, std::uint32_t i, TieKind kind) {
  const auto& ties = network.ties(i);
  return static_cast<std::size_t>(
      std::count_if(ties.begin(), ties.end(), [kind](const Tie& t) { return t.kind() == kind; }));
}

}  // namespace essay_test
