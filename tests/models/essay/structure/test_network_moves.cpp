#include "../essay_fixtures.hpp"

using namespace essay_test;

namespace {
std::uint32_t employed_with_colleagues(const Population& population, const Network& network) {
  for (std::uint32_t i = 0; i < population.size(); ++i)
    if (population.agent(i).employed && count_kind(network, i, TieKind::Colleague) >= 3) return i;
  FAIL("no agent with colleagues");
  return 0;
}

std::int32_t firm_larger_than(const Population& population, std::size_t size, std::int32_t except) {
  for (std::size_t f = 0; f < population.firm_count(); ++f)
    if (population.firm_members(static_cast<std::int32_t>(f)).size() > size &&
        static_cast<std::int32_t>(f) != except)
      return static_cast<std::int32_t>(f);
  FAIL("no firm that large");
  return kNone;
}
}  // namespace

TEST_CASE("a leaver's colleague ties become outside ties at both ends", "[essay][network]") {
  auto s = stream();
  Population population(population_of(5000), s);
  Network network(population, NetworkParams{}, s);
  const std::uint32_t i = employed_with_colleagues(population, network);
  const std::vector<Tie> before(network.ties(i).begin(), network.ties(i).end());  // a copy
  const std::size_t ties = network.tie_count();
  network.colleagues_become_outside(i);
  REQUIRE(network.ties(i).size() == before.size());
  for (std::size_t k = 0; k < before.size(); ++k) {
    const Tie& now = network.ties(i)[k];
    CHECK(now.other() == before[k].other());
    CHECK(now.kind() ==
          (before[k].kind() == TieKind::Colleague ? TieKind::Outside : before[k].kind()));
  }
  CHECK(network.tie_count() == ties);
  check_network_simple(network, population.size());  // the far ends changed kind too
}

TEST_CASE("a newcomer's colleague ties go to members of the new firm", "[essay][network]") {
  auto s = stream();
  Population population(population_of(20000), s);
  Network network(population, NetworkParams{}, s);
  const std::uint32_t i = employed_with_colleagues(population, network);
  const std::int32_t old_firm = population.agent(i).firm;
  const std::int32_t big = firm_larger_than(population, 100, old_firm);
  network.colleagues_become_outside(i);
  population.separate(i);
  population.hire(i, big, 10.0);
  const std::size_t outside_before = count_kind(network, i, TieKind::Outside);
  network.form_colleague_ties(i, population, s);
  CHECK(count_kind(network, i, TieKind::Colleague) == 10);  // k = 10 exactly, no fraction
  CHECK(count_kind(network, i, TieKind::Outside) == outside_before);
  for (const Tie& tie : network.ties(i))
    if (tie.kind() == TieKind::Colleague) CHECK(population.agent(tie.other()).firm == big);
  check_network_simple(network, population.size());
}

TEST_CASE("a newcomer to a small firm is tied to all its members", "[essay][network]") {
  auto s = stream();
  Population population(population_of(20000), s);
  Network network(population, NetworkParams{}, s);
  std::int32_t small = kNone;
  for (std::size_t f = 0; f < population.firm_count() && small == kNone; ++f)
    if (population.firm_members(static_cast<std::int32_t>(f)).size() == 5)
      small = static_cast<std::int32_t>(f);
  REQUIRE(small != kNone);
  std::uint32_t i = 0;
  while (population.agent(i).employed) ++i;
  population.hire(i, small, 0.0);
  network.form_colleague_ties(i, population, s);
  for (std::uint32_t member : population.firm_members(small))
    if (member != i)
      CHECK(std::any_of(network.ties(i).begin(), network.ties(i).end(),
                        [member](const Tie& t) { return t.other() == member; }));
}

TEST_CASE("job moves keep the network simple and the population consistent", "[essay][network]") {
  auto s = stream();
  Population population(population_of(3000), s);
  Network network(population, NetworkParams{}, s);
  auto moves = stream(8);
  for (int step = 0; step < 3000; ++step) {
    const auto i = static_cast<std::uint32_t>(moves.uniform_index(population.size()));
    std::int32_t left = kNone;
    if (population.agent(i).employed) {
      left = population.agent(i).firm;
      network.colleagues_become_outside(i);
      population.separate(i);
    }
    population.hire(i, population.draw_hiring_firm(moves, left), step);
    network.form_colleague_ties(i, population, moves);
  }
  check_network_simple(network, population.size());
  check_population_consistent(population);
}

TEST_CASE("form_colleague_ties needs a firm", "[essay][network]") {
  auto s = stream();
  Population population(population_of(1000), s);
  Network network(population, NetworkParams{}, s);
  std::uint32_t i = 0;
  while (population.agent(i).employed) ++i;
  CHECK_THROWS_AS(network.form_colleague_ties(i, population, s), std::logic_error);
}

TEST_CASE("former colleagues not kept are dropped at both ends, the rest become outside ties",
          "[essay][network]") {
  auto s = stream(3);
  Population population(population_of(5000), s);
  Network network(population, NetworkParams{}, s);
  const std::uint32_t i = employed_with_colleagues(population, network);
  const std::size_t colleagues = count_kind(network, i, TieKind::Colleague);
  const std::size_t others = network.ties(i).size() - colleagues;
  const std::size_t outside = count_kind(network, i, TieKind::Outside);
  const std::size_t ties = network.tie_count();
  SECTION("keep 0 drops every colleague") {
    const auto dropped = network.keep_former_colleagues(i, 0.0, s);
    CHECK(dropped.size() == colleagues);
    CHECK(network.ties(i).size() == others);
    CHECK(count_kind(network, i, TieKind::Outside) == outside);
    CHECK(network.tie_count() == ties - colleagues);
    for (const std::uint32_t j : dropped)
      for (const Tie& t : network.ties(j)) CHECK(t.other() != i);
  }
  SECTION("keep 1 is colleagues_become_outside") {
    CHECK(network.keep_former_colleagues(i, 1.0, s).empty());
    CHECK(count_kind(network, i, TieKind::Outside) == outside + colleagues);
    CHECK(network.tie_count() == ties);
  }
  check_network_simple(network, population.size());
}
