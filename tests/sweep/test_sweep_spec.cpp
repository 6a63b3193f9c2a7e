// Sweep files: every problem reported with file, line and key; designs with the right points.
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "netadopt/sweep/design.hpp"
#include "netadopt/sweep/plan.hpp"
#include "sweep_fixtures.hpp"

using namespace netadopt;
using sweep_test::kGrid5x5;
using sweep_test::parse;

namespace {
// Every problem of a refused sweep, one per line.
std::string problems_of(const std::string& text, const std::string& base = sweep_test::kBase) {
  try {
    parse(text, base);
  } catch (const scenario::ScenarioError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("a 5 x 5 grid has 25 points, first axis slowest, ends exact", "[sweep][spec]") {
  const auto design = sweep::make_design(parse(kGrid5x5));
  REQUIRE(design.points == 25);
  CHECK(design.value(0, 0) == 0.01);
  CHECK(design.value(4, 0) == 0.01);
  CHECK(design.value(4, 1) == 0.6);
  CHECK(design.value(5, 0) == Approx(0.02));
  CHECK(design.value(24, 0) == 0.05);
  CHECK(design.value(24, 1) == 0.6);
}

TEST_CASE("a log range is geometric", "[sweep][spec]") {
  const auto spec = parse(
      "[sweep]\nbase = b.ini\n[axis.p]\nkey = bass.p\nfrom = 0.001\nto = 0.1\n"
      "steps = 3\nscale = log\n");
  const auto design = sweep::make_design(spec);
  CHECK(design.value(1, 0) == Approx(0.01));
  CHECK(design.value(2, 0) == 0.1);
}

TEST_CASE("errors name the file, the line, the key and what is allowed", "[sweep][spec]") {
  const std::string text =
      "[sweep]\nbase = base.ini\ndesign = grdi\nreplications = 0\n"  // lines 1-4
      "[axis.p]\nkey = bass.pp\nvalues = 0.1\n"                      // lines 5-7
      "[axis.q]\nkey = bass.q\nvalues = 0.2, -1\n"                   // lines 8-10
      "[axis.s]\nkey = run.seed\nvalues = 1\nstpes = 3\n";           // lines 11-14
  const std::string problems = problems_of(text);
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:3: key 'sweep.design': expected one of: "
                                       "grid, lhs, sobol, list, found 'grdi'"));
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:4: key 'sweep.replications': value 0 is "
                                       "out of range; allowed [1, 100000]"));
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:6: key 'axis.p.key': 'bass.pp' is not a "
                                       "scenario key; did you mean 'bass.p'?"));
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:10: key 'axis.q.values': for 'bass.q': "
                                       "value -1 is out of range; allowed [0, 100] per year"));
  CHECK_THAT(problems,
             Catch::Contains("dir/sweep.ini:12: key 'axis.s.key': 'run.seed' cannot be swept"));
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:14: key 'axis.s.stpes': unknown key; did "
                                       "you mean 'axis.s.steps'?"));
}

TEST_CASE("designs refuse keys that belong to another design", "[sweep][spec]") {
  CHECK_THAT(problems_of("[sweep]\nbase = b.ini\npoints = 4\n[axis.p]\nkey = bass.p\nvalues = 1\n"),
             Catch::Contains(":3: key 'sweep.points': a grid has one point per combination"));
  CHECK_THAT(problems_of(
                 "[sweep]\nbase = b.ini\ndesign = lhs\n[axis.p]\nkey = bass.p\nfrom = 0\nto = 1\n"),
             Catch::Contains("key 'sweep.points': missing; a lhs design needs sweep.points"));
  CHECK_THAT(
      problems_of("[sweep]\nbase = b.ini\ndesign = sobol\npoints = 8\n[axis.p]\nkey = bass.p\n"
                  "values = 0.1, 0.2\n"),
      Catch::Contains(":7: key 'axis.p.values': a sobol design draws values between from and to"));
  CHECK_THAT(problems_of("[sweep]\nbase = b.ini\n"), Catch::Contains("no axis"));
  CHECK_THAT(problems_of("[sweep]\nbase = b.ini\n[axis.p]\nkey = bass.p\nfrom = 0\nto = 1\nscale = "
                         "log\nsteps = 2\n"),
             Catch::Contains("key 'axis.p.scale': a log scale needs from and to > 0"));
}

TEST_CASE("the base scenario's own problems name its file", "[sweep][spec]") {
  const std::string problems =
      problems_of("[sweep]\nbase = base.ini\n[axis.p]\nkey = bass.p\nvalues = 0.1\n",
                  "[population]\nsize = -3\n");
  CHECK_THAT(problems, Catch::Contains("dir/base.ini:2: key 'population.size'"));
}

TEST_CASE("summary dates must fall within the base run", "[sweep][spec]") {
  CHECK_THAT(problems_of("[sweep]\nbase = b.ini\n[axis.p]\nkey = bass.p\nvalues = 0.1\n"
                         "[output]\ndates = 2001-01-01\n"),
             Catch::Contains(":7: key 'output.dates': 2001-01-01 is outside the base run"));
}

TEST_CASE("a Latin hypercube puts one point in each stratum of each axis", "[sweep][spec]") {
  const auto spec = parse(
      "[sweep]\nbase = b.ini\ndesign = lhs\npoints = 20\nseed = 3\n"
      "[axis.p]\nkey = bass.p\nfrom = 0\nto = 1\n[axis.q]\nkey = bass.q\nfrom = 0\nto = 2\n");
  const auto design = sweep::make_design(spec);
  REQUIRE(design.points == 20);
  for (std::size_t axis = 0; axis < 2; ++axis) {
    std::set<long> strata;
    for (std::size_t p = 0; p < 20; ++p)
      strata.insert(
          std::lround(std::floor(design.value(p, axis) / static_cast<double>(axis + 1) * 20)));
    CHECK(strata.size() == 20);
  }
  CHECK(sweep::make_design(spec).values == design.values);  // the seed fixes it
}

TEST_CASE("a sobol design holds Saltelli's matrices A, B and A_B^i", "[sweep][spec]") {
  const auto spec = parse(
      "[sweep]\nbase = b.ini\ndesign = sobol\npoints = 8\n"
      "[axis.p]\nkey = bass.p\nfrom = 0\nto = 1\n[axis.q]\nkey = bass.q\nfrom = 0\nto = 1\n");
  const auto d = sweep::make_design(spec);
  REQUIRE(d.points == 8 * 4);
  for (std::size_t row = 0; row < 8; ++row) {
    const std::size_t a = row, b = 8 + row, ab1 = 16 + row, ab2 = 24 + row;
    CHECK(d.block[b] == 1);
    CHECK(d.row[ab2] == static_cast<int>(row));
    CHECK(d.value(ab1, 0) == d.value(b, 0));  // A_B^1: axis 1 from B,
    CHECK(d.value(ab1, 1) == d.value(a, 1));  // the others from A
    CHECK(d.value(ab2, 0) == d.value(a, 0));
    CHECK(d.value(ab2, 1) == d.value(b, 1));
    CHECK(d.value(a, 0) != d.value(b, 0));
  }
}

TEST_CASE("a list design gives exactly the listed points, in order, one per value",
          "[sweep][spec][list]") {
  const auto spec = parse(
      "[sweep]\nbase = b.ini\ndesign = list\n"
      "[axis.p]\nkey = bass.p\nvalues = 0.05, 0.01, 0.03, 0.02\n"
      "[axis.n]\nkey = population.size\nvalues = 300, 100, 400, 200\n");
  const auto design = sweep::make_design(spec);
  REQUIRE(design.points == 4);  // a zip of the lists, not their 16-point product
  const std::vector<double> expected{0.05, 300, 0.01, 100, 0.03, 400, 0.02, 200};
  CHECK(design.values == expected);
  CHECK(sweep::design_name(spec.design) == std::string("list"));
  CHECK(sweep::estimate_sweep_memory(spec, 1, 1).points == 4);  // the plan's point count
  const auto plan = sweep::make_plan(spec);
  REQUIRE(plan.points() == 4);
  CHECK(plan.scenarios[2]->real("bass.p") == 0.03);
  CHECK(plan.scenarios[2]->integer("population.size") == 400);
}

TEST_CASE("a list design refuses axes of unequal length, naming both", "[sweep][spec][list]") {
  const std::string problems = problems_of(
      "[sweep]\nbase = b.ini\ndesign = list\n"                      // lines 1-3
      "[axis.a]\nkey = bass.p\nvalues = 0.1, 0.2, 0.3, 0.4, 0.5\n"  // lines 4-6
      "[axis.b]\nkey = bass.q\nvalues = 0.1, 0.2, 0.3\n");          // lines 7-9
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:9: key 'axis.b.values': axis 'b' lists 3 "
                                       "values but axis 'a' lists 5; design = list needs one "
                                       "value per point on every axis"));
  CHECK_THAT(problems, !Catch::Contains("axis.a.values"));
}

TEST_CASE("a list design refuses ranges and sweep.points", "[sweep][spec][list]") {
  const std::string problems = problems_of(
      "[sweep]\nbase = b.ini\ndesign = list\npoints = 3\n"  // lines 1-4
      "[axis.p]\nkey = bass.p\nvalues = 0.1, 0.2\n"         // lines 5-7
      "[axis.q]\nkey = bass.q\nfrom = 0.1\nto = 0.5\n"      // lines 8-11
      "[axis.n]\nkey = population.size\n");                 // lines 12-13
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:4: key 'sweep.points': a list design has "
                                       "one point per value"));
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:10: key 'axis.q.from': design = list "
                                       "needs values = ..., not from/to"));
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:13: key 'axis.n.values': missing; design "
                                       "= list needs values = ... on every axis"));
}

TEST_CASE(
    "the base section's overrides apply to the base scenario and every point, before the axes",
    "[sweep][spec][base]") {
  const auto spec = parse(
      "[sweep]\nbase = b.ini\n"
      "[base]\npopulation.size = 500\nrun.end = 2014-01-01\n"
      "[axis.p]\nkey = bass.p\nvalues = 0.01, 0.02\n"
      "[output]\ndates = 2013-06-01\n");  // past the base file's run.end
  CHECK(spec.base_overrides ==
        std::vector<std::string>{"population.size=500", "run.end=2014-01-01"});
  const auto plan = sweep::make_plan(spec);
  REQUIRE(plan.points() == 2);
  for (std::size_t p = 0; p < 2; ++p) {
    CHECK(plan.errors[p].empty());
    CHECK(plan.scenarios[p]->integer("population.size") == 500);
    CHECK(scenario::format_date(plan.scenarios[p]->date("run.end")) == "2014-01-01");
  }
  CHECK(plan.scenarios[1]->real("bass.p") == 0.02);
  CHECK(plan.times.back() > 3650);  // the reporting times run to the overridden end
  const auto overrides = sweep::point_overrides(plan, 1);
  REQUIRE(overrides.size() == 5);
  CHECK(overrides[0] == "population.size=500");
  CHECK(overrides[2] == "bass.p=0.02");
}

TEST_CASE("base section keys are checked as with --set, named by the sweep file's line",
          "[sweep][spec][base]") {
  const std::string problems = problems_of(
      "[sweep]\nbase = b.ini\n[base]\n"  // lines 1-3
      "populaton.size = 300\n"           // line 4
      "bass.q = many\n"                  // line 5
      "output.interval_days = 0\n"       // line 6
      "bass.initial_adopters = 3000\n"   // line 7
      "run.seed = 4\n"                   // line 8
      "[axis.p]\nkey = bass.p\nvalues = 0.01\n");
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:4: key 'base.populaton.size': unknown key; "
                                       "did you mean 'population.size'?"));
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:5: key 'base.bass.q': expected a real "
                                       "number, found 'many'"));
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:6: key 'base.output.interval_days': value 0 "
                                       "is out of range; allowed (0, 36525] days"));
  // A cross-check of the scenario: 3000 initial adopters among the base's 2000 agents.
  CHECK_THAT(problems,
             Catch::Contains("dir/sweep.ini:7: key 'base.bass.initial_adopters': "
                             "bass.initial_adopters (3000) exceeds population.size (2000)"));
  CHECK_THAT(problems,
             Catch::Contains("dir/sweep.ini:8: key 'base.run.seed': cannot be set in [base]"));
  CHECK_THAT(problems, !Catch::Contains("--set"));
}

TEST_CASE("a base section key that is also an axis is refused", "[sweep][spec][base]") {
  const std::string problems = problems_of(
      "[sweep]\nbase = b.ini\n[base]\nbass.p = 0.02\n"  // lines 1-4
      "[axis.p]\nkey = bass.p\nvalues = 0.01, 0.03\n");
  CHECK_THAT(problems, Catch::Contains("dir/sweep.ini:4: key 'base.bass.p': 'bass.p' is swept by "
                                       "[axis.p]; a key is either fixed in [base] or swept by an "
                                       "axis, not both"));
}

namespace {
// Every problem of a sweep refused with `sets`, one per line.
std::string set_problems(const std::string& text, const std::vector<std::string>& sets) {
  try {
    sweep_test::parse_with_sets(text, sets);
  } catch (const scenario::ScenarioError& e) {
    return e.what();
  }
  return "";
}

const std::string kWithBase = kGrid5x5 + "[base]\npopulation.size = 700\n";
}  // namespace

TEST_CASE("a sweep's --set overrides the base for every point, over the [base] section",
          "[sweep][spec][set]") {
  const auto spec = sweep_test::parse_with_sets(kWithBase, {"population.size=5000"});
  CHECK(spec.set_overrides == std::vector<std::string>{"population.size=5000"});
  CHECK(spec.base_overrides == std::vector<std::string>{"population.size=5000"});
  CHECK(sweep::base_scenario(spec).integer("population.size") == 5000);
  const auto plain = parse(kWithBase);
  CHECK(sweep::base_scenario(plain).integer("population.size") == 700);
  CHECK(sweep::sweep_hash(spec) != sweep::sweep_hash(plain));  // another sweep
  const auto plan = sweep::make_plan(spec);
  CHECK(plan.scenarios[24]->integer("population.size") == 5000);
}

TEST_CASE("a sweep's --set is checked as run --set checks it, naming --set and the key",
          "[sweep][spec][set]") {
  CHECK_THAT(
      set_problems(kGrid5x5, {"bass.p=0.2"}),
      Catch::Contains("--set: key 'bass.p': 'bass.p' is swept by [axis.p] of dir/sweep.ini"));
  CHECK_THAT(set_problems(kGrid5x5, {"population.sise=10"}),
             Catch::Contains("--set: key 'population.sise': unknown key; did you mean "
                             "'population.size'?"));
  CHECK_THAT(set_problems(kGrid5x5, {"population.size=0"}),
             Catch::Contains("--set: key 'population.size': value 0 is out of range; allowed "
                             "[1, 2000000000] agents"));
  CHECK_THAT(set_problems(kGrid5x5, {"run.seed=3"}),
             Catch::Contains("--set: key 'run.seed': cannot be set with --set on a sweep"));
  CHECK_THAT(set_problems(kGrid5x5, {"population.size"}),
             Catch::Contains("--set: expected section.key=value, found 'population.size'"));
  CHECK_THAT(set_problems(kGrid5x5, {"population.size=10", "population.size=20"}),
             Catch::Contains("--set: key 'population.size': given twice in --set"));
}

TEST_CASE("a sweep's pairs are counted without building it", "[sweep][spec]") {
  CHECK(sweep::pair_count(parse(kGrid5x5)) == 100);
}
