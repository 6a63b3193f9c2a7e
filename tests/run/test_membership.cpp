// Members per 1,000 workers at dates: interpolation at and between reporting times, the
// per-worker scaling, all platforms and roles, and the date a share is first reached.
#include <catch2/catch.hpp>

#include "../models/essay/country_inputs.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/membership.hpp"
#include "netadopt/scenario/loader.hpp"

using namespace netadopt;

namespace {

scenario::Scenario essay(const std::string& extra = "") {
  const std::string ini =
      "[run]\nmodel = essay\nstart = 2003-01-01\nend = 2004-01-01\n"
      "[population]\nsize = 1000\nworkforce_share = 0.5\n" +
      extra;
  return scenario::parse_scenario(run::full_schema(), essay_inputs::with_france_inputs(ini),
                                  "membership");
}

scenario::Date date(const char* text) { return *scenario::parse_date(text); }

run::Dimension dim(const std::string& name, std::vector<std::string> labels) {
  return {name, std::move(labels), ""};
}

// One replication, times 0 and 10 days, one platform, two roles, statuses of the essay model:
// members (active + dormant) of role 0 go 10 -> 30, of role 1 4 -> 4; members_any likewise.
run::RunResult constructed() {
  run::RunResult r;
  r.start = date("2003-01-01");
  r.times = {0.0, 10.0};
  r.replications = 1;
  const auto platform = dim("platform", {"P"}), role = dim("role", {"a", "b"});
  const auto status = dim("status", {"unaware", "aware", "active", "dormant"});
  r.variables.push_back(
      {{"members", "1", "", {platform, role, status}, true, false},
       {80, 10, 6, 4, 46, 50, 3, 1,       // t = 0: role a 10 members of 100, role b 4 of 100
        60, 10, 20, 10, 46, 50, 2, 2}});  // t = 10: role a 30, role b 4
  r.variables.push_back({{"members_any", "1", "", {role}, true, false}, {10, 4, 30, 4}});
  r.events = {0};
  r.fingerprints = {0};
  return r;
}

}  // namespace

TEST_CASE("interpolation is exact at reporting times and linear between", "[run][membership]") {
  const std::vector<double> times{0, 30, 60, 65}, series{0, 3, 9, 10};
  CHECK(run::interpolate(times, series, 0) == 0);
  CHECK(run::interpolate(times, series, 30) == 3);
  CHECK(run::interpolate(times, series, 65) == 10);
  CHECK(run::interpolate(times, series, 15) == Approx(1.5));
  CHECK(run::interpolate(times, series, 50) == Approx(7));
  CHECK(run::interpolate(times, series, 64) == Approx(9.8));
  CHECK_THROWS_AS(run::interpolate(times, series, -1), std::out_of_range);
  CHECK_THROWS_AS(run::interpolate(times, series, 65.5), std::out_of_range);
}

TEST_CASE("members per 1,000 workers scale by workforce share over population",
          "[run][membership]") {
  const auto s = essay();
  CHECK(run::per_1000_workers(s) == Approx(1000 * 0.5 / 1000));
  const auto m =
      run::members_per_1000_workers(constructed(), s, {date("2003-01-01"), date("2003-01-06")});
  REQUIRE(m.platforms == std::vector<std::string>{"P", "any"});
  REQUIRE(m.roles == std::vector<std::string>{"a", "b", "all"});
  CHECK(m.at(0, 0, 0, 0) == Approx(10 * 0.5));  // active + dormant, not the other statuses
  CHECK(m.at(0, 1, 0, 0) == Approx(20 * 0.5));  // halfway from 10 to 30
  CHECK(m.at(0, 1, 0, 1) == Approx(4 * 0.5));
  CHECK(m.at(0, 1, 0, m.all_roles()) == Approx(24 * 0.5));
  CHECK(m.at(0, 1, m.any_platform(), m.all_roles()) == Approx(24 * 0.5));
}

TEST_CASE("a date outside the run is an error that names it", "[run][membership]") {
  const auto s = essay();
  CHECK_THROWS_WITH(run::check_dates_within(s, {date("2003-06-01"), date("2004-01-02")}),
                    Catch::Contains("2004-01-02") && Catch::Contains("2003-01-01 to 2004-01-01"));
  CHECK_THROWS_AS(run::check_dates_within(s, {date("2002-12-31")}), run::DateOutsideRun);
  CHECK_NOTHROW(run::check_dates_within(s, {date("2003-01-01"), date("2004-01-01")}));
}

TEST_CASE("the date a share is first reached is interpolated, or never", "[run][membership]") {
  const std::vector<double> times{0, 10, 20, 30};
  CHECK(*run::first_reaching(times, {0.0, 0.05, 0.15, 0.3}, 0.1) == Approx(15));
  CHECK(*run::first_reaching(times, {0.0, 0.1, 0.05, 0.3}, 0.1) == Approx(10));  // first time
  CHECK(*run::first_reaching(times, {0.2, 0.3, 0.4, 0.5}, 0.1) == 0);
  CHECK_FALSE(run::first_reaching(times, {0.0, 0.05, 0.09, 0.099}, 0.1));
}

TEST_CASE("share dates use members on any platform over the role's agents", "[run][membership]") {
  const auto dates = run::dates_reaching_share(constructed(), 0.2);
  const double start = date("2003-01-01").days;
  REQUIRE(dates.size() == 3);
  CHECK(*dates[0] == Approx(start + 5));  // role a: 10% -> 30% of 100 agents
  CHECK_FALSE(dates[1]);                  // role b: 4%
  CHECK_FALSE(dates[2]);                  // all: 7% -> 17%
  CHECK(*run::dates_reaching_share(constructed(), 0.1)[2] == Approx(start + 3));
}
