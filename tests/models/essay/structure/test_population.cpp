#include <cmath>

#include "../essay_fixtures.hpp"

using namespace essay_test;

namespace {
std::array<std::size_t, kOccupations> occupation_counts(const Population& population) {
  std::array<std::size_t, kOccupations> counts{};
  for (std::uint32_t i = 0; i < population.size(); ++i)
    ++counts[static_cast<int>(population.agent(i).occupation)];
  return counts;
}

std::vector<std::size_t> firm_sizes(const Population& population) {
  std::vector<std::size_t> sizes;
  for (std::size_t f = 0; f < population.firm_count(); ++f)
    sizes.push_back(population.firm_members(static_cast<std::int32_t>(f)).size());
  return sizes;
}

bool headed_by_executive(const Population& population, std::size_t firm) {
  const auto& members = population.firm_members(static_cast<std::int32_t>(firm));
  return population.agent(members.front()).occupation == Occupation::Executive;
}
}  // namespace

TEST_CASE("occupations are counted exactly, by largest remainders", "[essay][population]") {
  auto s = stream();
  const Population population(population_of(1001), s);  // 150.15, 250.25, 600.6
  CHECK(occupation_counts(population) == std::array<std::size_t, 3>{150, 250, 601});
  CHECK(population.size() == 1001);
}

TEST_CASE("exactly round(u N) agents are unemployed, with no firm", "[essay][population]") {
  auto params = population_of(1001);
  params.unemployment = 0.089;  // 89.089 -> 89
  auto s = stream();
  const Population population(params, s);
  CHECK(population.count(Role::JobSeeker) == 89);
  std::size_t employed = 0;
  for (std::size_t size : firm_sizes(population)) employed += size;
  CHECK(employed == 1001 - 89);
  check_population_consistent(population);
}

// With a = 2.06, P(S = 1) = 1 - 2^-1.06 and P(S >= 64) = 64^-1.06. About 28,000 firms are drawn,
// so the binomial standard errors are about 0.003 and 0.0007; 4 SE bounds a correct
// implementation's failure rate below 1e-4, while an exponent off by 0.1 moves P(S = 1) by 0.03.
TEST_CASE("firm sizes follow the power law, body and tail", "[essay][population]") {
  const double a = GENERATE(2.06, 3.0);
  auto params = population_of(200000);
  params.unemployment = 0.0;
  params.firm_size_exponent = a;
  params.firm_max_size = 1000000;
  auto s = stream(7);
  const auto sizes = firm_sizes(Population(params, s));
  const auto n = static_cast<double>(sizes.size());
  const auto share = [&](auto predicate) {
    return static_cast<double>(std::count_if(sizes.begin(), sizes.end(), predicate)) / n;
  };
  const auto within_4_se = [&](double observed, double p) {
    CHECK(std::abs(observed - p) < 4.0 * std::sqrt(p * (1.0 - p) / n));
  };
  within_4_se(share([](std::size_t x) { return x == 1; }), 1.0 - std::pow(2.0, -(a - 1.0)));
  within_4_se(share([](std::size_t x) { return x == 2; }),
              std::pow(2.0, -(a - 1.0)) - std::pow(3.0, -(a - 1.0)));
  within_4_se(share([](std::size_t x) { return x >= 64; }), std::pow(64.0, -(a - 1.0)));
}

TEST_CASE("firm sizes are capped at firms.max_size", "[essay][population]") {
  auto params = population_of(20000);
  params.firm_max_size = 30;
  auto s = stream();
  const auto sizes = firm_sizes(Population(params, s));
  CHECK(*std::max_element(sizes.begin(), sizes.end()) == 30);
}

TEST_CASE("every firm is headed by an executive when executives suffice", "[essay][population]") {
  auto params = population_of(20000);
  params.occupation_share = {0.3, 0.2, 0.5};
  auto s = stream();
  const Population population(params, s);
  REQUIRE(population.firm_count() < population.count(Role::Executive));
  for (std::size_t f = 0; f < population.firm_count(); ++f)
    CHECK(headed_by_executive(population, f));
}

TEST_CASE("when executives are scarce, the largest firms get them", "[essay][population]") {
  auto params = population_of(20000);
  params.occupation_share = {0.02, 0.38, 0.6};
  auto s = stream();
  const Population population(params, s);
  std::size_t smallest_headed = SIZE_MAX, largest_unheaded = 0, headed = 0;
  for (std::size_t f = 0; f < population.firm_count(); ++f) {
    const std::size_t size = population.firm_members(static_cast<std::int32_t>(f)).size();
    if (headed_by_executive(population, f)) {
      smallest_headed = std::min(smallest_headed, size);
      ++headed;
    } else {
      largest_unheaded = std::max(largest_unheaded, size);
    }
  }
  CHECK(headed == population.count(Role::Executive));  // all employed executives head a firm
  CHECK(smallest_headed >= largest_unheaded);
}

// Tenure is exponential: the mean of n draws has standard error mean / sqrt(n).
TEST_CASE("start dates are in the past, with the mean tenure", "[essay][population]") {
  auto s = stream();
  const Population population(population_of(20000), s);
  double sum = 0.0;
  std::size_t n = 0;
  for (std::uint32_t i = 0; i < population.size(); ++i) {
    if (!population.agent(i).employed) continue;
    REQUIRE(population.agent(i).hired_at <= 0.0f);
    sum -= population.agent(i).hired_at;
    ++n;
  }
  const double mean = 11.0 * 365.25;
  CHECK(std::abs(sum / static_cast<double>(n) - mean) < 4.0 * mean / std::sqrt(n));
}

TEST_CASE("clubs fill to their mean size, mostly with executives", "[essay][population]") {
  auto s = stream();
  const Population population(population_of(20000), s);
  std::size_t members = 0, executives = 0;
  for (std::size_t c = 0; c < population.club_count(); ++c) {
    const auto& club = population.club_members(static_cast<std::int32_t>(c));
    if (c + 1 < population.club_count()) CHECK(club.size() == 50);
    for (std::uint32_t i : club) {
      REQUIRE(population.agent(i).club == static_cast<std::int32_t>(c));
      executives += population.agent(i).occupation == Occupation::Executive ? 1 : 0;
    }
    members += club.size();
  }
  CHECK(population.club_count() == (members + 49) / 50);
  // Executives: Binomial(3000, 0.3), mean 900, SD 25; others: Binomial(17000, 0.03), mean 510,
  // SD 22. 4 SD bounds.
  CHECK(std::abs(static_cast<double>(executives) - 900.0) < 100.0);
  CHECK(std::abs(static_cast<double>(members - executives) - 510.0) < 88.0);
}

TEST_CASE("the hostile share of firms is firms.hostile_share", "[essay][population]") {
  auto params = population_of(100000);
  params.hostile_firm_share = 0.3;
  auto s = stream();
  const Population population(params, s);
  std::size_t hostile = 0;
  for (std::size_t f = 0; f < population.firm_count(); ++f)
    hostile += population.firm_hostile(static_cast<std::int32_t>(f)) ? 1 : 0;
  const auto n = static_cast<double>(population.firm_count());
  CHECK(std::abs(static_cast<double>(hostile) / n - 0.3) < 4.0 * std::sqrt(0.21 / n));
}

TEST_CASE("a population is a pure function of the stream", "[essay][population]") {
  auto s1 = stream(3), s2 = stream(3), s3 = stream(4);
  const Population a(population_of(5000), s1), b(population_of(5000), s2),
      c(population_of(5000), s3);
  bool same = true, differs = false;
  for (std::uint32_t i = 0; i < a.size(); ++i) {
    same = same && a.agent(i).firm == b.agent(i).firm && a.agent(i).club == b.agent(i).club &&
           a.agent(i).occupation == b.agent(i).occupation &&
           a.agent(i).hired_at == b.agent(i).hired_at;
    differs = differs || a.agent(i).firm != c.agent(i).firm;
  }
  CHECK(same);
  CHECK(differs);
}
