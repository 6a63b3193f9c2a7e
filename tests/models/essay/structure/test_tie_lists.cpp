// The network's tie lists: 4-byte ties that keep the other agent and the kind exactly, lists
// that behave as vectors (append, swap-with-last removal: the order results depend on), and a
// checkpoint round trip.
#include <catch2/catch.hpp>
#include <random>

#include "netadopt/models/essay/structure/tie_lists.hpp"

using netadopt::core::StateArchive;
using netadopt::models::essay::Tie;
using netadopt::models::essay::TieKind;
using netadopt::models::essay::TieLists;

TEST_CASE("a tie keeps its agent and kind, up to 2^30 - 1 agents", "[essay][ties]") {
  for (const TieKind kind : {TieKind::Colleague, TieKind::Club, TieKind::Outside})
    for (const std::uint32_t other : {0u, 1u, 12345u, Tie::kMaxAgents}) {
      Tie tie(other, kind);
      CHECK(tie.other() == other);
      CHECK(tie.kind() == kind);
      tie.set_kind(TieKind::Outside);
      CHECK(tie.other() == other);
      CHECK(tie.kind() == TieKind::Outside);
    }
  CHECK_THROWS_AS(TieLists(std::size_t{Tie::kMaxAgents} + 1), std::invalid_argument);
}

TEST_CASE("tie lists append and remove exactly as vectors do", "[essay][ties]") {
  TieLists lists(50);
  std::vector<std::vector<Tie>> mirror(50);
  lists.reserve_all(std::vector<std::uint32_t>(50, 3));
  std::mt19937 random(7);
  for (int step = 0; step < 20000; ++step) {
    const auto i = static_cast<std::uint32_t>(random() % 50);
    if (mirror[i].empty() || random() % 3 != 0) {
      const Tie tie(static_cast<std::uint32_t>(random() % 1000),
                    static_cast<TieKind>(random() % 3));
      lists.push_back(i, tie);
      mirror[i].push_back(tie);
    } else {
      const std::size_t k = random() % mirror[i].size();
      lists.remove_at(i, k);
      mirror[i][k] = mirror[i].back();
      mirror[i].pop_back();
    }
    if (step == 10000) lists.trim();
  }
  std::size_t ends = 0;
  for (std::uint32_t i = 0; i < 50; ++i) {
    const auto list = lists[i];
    CHECK(std::vector<Tie>(list.begin(), list.end()) == mirror[i]);
    ends += mirror[i].size();
  }
  CHECK(lists.tie_ends() == ends);

  auto saving = StateArchive::saving();
  lists.persist(saving);
  TieLists loaded(50);
  auto loading = StateArchive::loading(saving.take_image());
  loaded.persist(loading);
  CHECK(loaded.tie_ends() == ends);
  for (std::uint32_t i = 0; i < 50; ++i)
    CHECK(std::equal(loaded[i].begin(), loaded[i].end(), mirror[i].begin(), mirror[i].end()));
  TieLists other_size(49);
  auto again = StateArchive::loading(loading.take_image());
  CHECK_THROWS_AS(other_size.persist(again), netadopt::core::StateError);
}
