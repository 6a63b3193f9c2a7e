// Comparing two scenarios: the ratio's interval over paired replications, common random
// numbers (a scenario compared with itself gives a ratio of exactly 1), and loading the pair.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "../models/essay/country_inputs.hpp"
#include "netadopt/compare/compare.hpp"
#include "netadopt/scenario/loader.hpp"

using namespace netadopt;
namespace fs = std::filesystem;

namespace {

fs::path write_file(const std::string& name, const std::string& text) {
  const fs::path dir = fs::path(NETADOPT_BINARY_DIR) / "tests" / "run" / "compare_inputs";
  fs::create_directories(dir);
  std::ofstream(dir / name) << text;
  return dir / name;
}

const std::string kSmallEssay = essay_inputs::with_france_inputs(
    "[run]\nmodel = essay\nseed = 11\nreplications = 3\nend = 2006-01-01\n"
    "[population]\nsize = 600\n");

std::vector<scenario::Date> dates(std::initializer_list<const char*> texts) {
  std::vector<scenario::Date> out;
  for (const char* text : texts) out.push_back(*scenario::parse_date(text));
  return out;
}

}  // namespace

TEST_CASE("mean interval is Student t over replications", "[run][compare]") {
  const run::MeanInterval m = run::mean_interval({1, 2, 3});
  CHECK(m.mean == Approx(2));
  CHECK(m.upper - m.mean == Approx(4.302653 / std::sqrt(3.0)).epsilon(1e-6));
  CHECK(m.mean - m.lower == Approx(m.upper - m.mean));
  const run::MeanInterval one = run::mean_interval({5});
  CHECK((one.lower == 5 && one.upper == 5));
}

TEST_CASE("the ratio is the exponentiated mean log ratio with a t interval", "[run][compare]") {
  const auto exact = run::log_ratio_interval({1, 2, 4}, {3, 6, 12});
  CHECK(exact.ratio == Approx(3));
  CHECK(exact.lower == Approx(3));
  CHECK(exact.upper == Approx(3));
  const auto spread =
      run::log_ratio_interval({1, 1, 1}, {std::exp(0.0), std::exp(0.1), std::exp(0.2)});
  CHECK(spread.ratio == Approx(std::exp(0.1)));
  CHECK(std::log(spread.upper) - 0.1 == Approx(4.302653 * 0.1 / std::sqrt(3.0)).epsilon(1e-6));
  CHECK(std::log(spread.lower) == Approx(0.2 - std::log(spread.upper)));
}

TEST_CASE("replications with no member are left out of the ratio and named", "[run][compare]") {
  const auto r = run::log_ratio_interval({0, 2, 4, 1}, {5, 4, 8, 0});
  CHECK(r.zero_replications == std::vector<std::size_t>{0, 3});
  CHECK(r.ratio == Approx(2));
  CHECK(std::isnan(run::log_ratio_interval({0}, {1}).ratio));
}

TEST_CASE("the second scenario takes the first's seed and replications", "[run][compare]") {
  const auto a = write_file("seeded_a.ini", kSmallEssay);
  const auto b = write_file(
      "seeded_b.ini",
      essay_inputs::with_france_inputs("[run]\nmodel = essay\nseed = 99\nreplications = 7\n"));
  const auto pair = run::load_pair(a, b, {"run.replications=2"});
  CHECK(pair.b.integer("run.seed") == 11);
  CHECK(pair.b.integer("run.replications") == 2);
  CHECK(pair.a.integer("run.replications") == 2);
  CHECK_THAT(pair.common_random_numbers,
             Catch::Contains("seeded_b.ini ran with seeded_a.ini's run.seed 11"));
}

TEST_CASE("comparing needs the essay model", "[run][compare]") {
  const auto a = write_file("bass.ini", "[run]\nmodel = bass\n");
  CHECK_THROWS_AS(run::load_pair(a, a, {}), scenario::ScenarioError);
}

TEST_CASE("a scenario compared with itself: ratio exactly 1, zero-width interval",
          "[run][compare]") {
  const auto file = write_file("self.ini", kSmallEssay);
  const auto pair = run::load_pair(file, file, {});
  const auto a = run::run_scenario(pair.a), b = run::run_scenario(pair.b);
  const auto c =
      run::compare_results(pair, a, b, dates({"2004-06-01", "2005-08-15", "2006-01-01"}));
  CHECK(c.names == std::vector<std::string>{"self", "self_2"});
  for (const run::RatioInterval& r : c.ratio) {
    CHECK(r.ratio == 1.0);
    CHECK(r.lower == 1.0);
    CHECK(r.upper == 1.0);
  }
  CHECK(c.membership[0].values == c.membership[1].values);
  CHECK(c.share_dates[0] == c.share_dates[1]);
}

TEST_CASE("France and US compare on a tiny population", "[run][compare]") {
  const std::string dir = std::string(NETADOPT_SOURCE_DIR) + "/scenarios/";
  const auto pair = run::load_pair(dir + "france.ini", dir + "us.ini",
                                   {"population.size=800", "run.replications=2"});
  const auto c = run::compare_results(pair, run::run_scenario(pair.a), run::run_scenario(pair.b),
                                      dates({"2005-08-15", "2010-01-01"}));
  CHECK(c.names == std::vector<std::string>{"france", "us"});
  CHECK(c.membership[0].platforms ==
        std::vector<std::string>{"LinkedIn", "Viaduc", "openBC", "6nergies", "any"});
  CHECK(c.membership[1].platforms == std::vector<std::string>{"LinkedIn", "any"});
  CHECK(c.ratio.size() == 2);
  CHECK(c.share_dates[1].size() == 5);
}
