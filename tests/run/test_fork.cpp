// Forks' provenance and problems (issue 15): plan_fork marks each key the fork file changes
// `# fork: was OLD` (a --set key stays `# --set`), records where the fork comes from, and a
// fork's own checkpoint gives the same plan back (run --resume); replications past the fork's
// date, or finished, are one problem whatever their number. The checkpoints here hold only
// each replication's stage and time: plan_fork reads no state.
#include <catch2/catch.hpp>
#include <filesystem>

#include "netadopt/run/fork.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/scenario/loader.hpp"

namespace {
using namespace netadopt;
using run::Stage;

const char* kBase =
    "[run]\nmodel = bass\nstart = 2002-01-01\nend = 2010-01-01\nreplications = 4\n"
    "[bass]\np = 0.01\n";

scenario::Scenario parse(const std::string& ini, const std::string& name,
                         const std::vector<std::string>& overrides = {}) {
  return scenario::parse_scenario(run::full_schema(), ini, name, overrides);
}

// The base's checkpoint: replication r at `times[r]` days, or finished where `finished[r]`.
run::Checkpoint checkpoint(const std::vector<double>& times,
                           const std::vector<bool>& finished = {}) {
  run::Checkpoint cp;
  cp.scenario_text = parse(kBase, "base.ini").resolved_ini();
  cp.scenario_file = "base.ini";
  cp.replication_count = times.size();
  for (std::size_t r = 0; r < times.size(); ++r) {
    run::ReplicationCheckpoint rep;
    rep.stage = r < finished.size() && finished[r] ? Stage::Finished : Stage::Paused;
    rep.time = times[r];
    cp.replications.push_back(rep);
  }
  return cp;
}

scenario::Scenario fork_file(const std::string& extra, const std::vector<std::string>& set = {}) {
  return parse("[fork]\ncheckpoint = base.checkpoint\n" + extra, "fork.ini", set);
}

std::vector<std::string> problems(const std::string& extra, const run::Checkpoint& cp) {
  try {
    run::plan_fork(fork_file(extra), cp);
  } catch (const scenario::ScenarioError& e) {
    std::vector<std::string> all;
    for (const auto& p : e.problems()) all.push_back(p.to_string());
    return all;
  }
  return {};
}

std::string before(const std::string& key) {
  return scenario::format_value(parse(kBase, "base.ini").value(key));
}
}  // namespace

TEST_CASE("a fork marks each key it changes with its value before the fork", "[run][fork]") {
  const auto plan = run::plan_fork(fork_file("[bass]\nq = 0.5\n"), checkpoint({730, 730}));
  CHECK(plan.fork.origin("bass.q") == scenario::Origin::Fork);
  CHECK_THAT(plan.fork.resolved_ini(), Catch::Contains("q = 0.5 # fork: was " + before("bass.q")));
  CHECK(plan.origin.changes == std::vector<std::string>{"bass.q: " + before("bass.q") + " -> 0.5"});
  CHECK(plan.origin.file == "fork.ini");
  CHECK(plan.origin.date == "2004-01-01");  // run.start 2002-01-01 + 730 days
  CHECK(std::filesystem::path(plan.origin.checkpoint).is_absolute());
  CHECK(std::filesystem::path(plan.origin.checkpoint).filename() == "base.checkpoint");
  const std::string text = run::fork_text(plan.fork, plan.origin);
  CHECK_THAT(text, Catch::StartsWith("# fork of the checkpoint " + plan.origin.checkpoint + "\n"));
  CHECK_THAT(text, Catch::Contains("# from 2004-01-01"));
}

TEST_CASE("a key a fork's --set also gives stays marked --set", "[run][fork]") {
  const auto plan =
      run::plan_fork(fork_file("[bass]\nq = 0.5\np = 0.02\n", {"bass.p=0.03"}), checkpoint({730}));
  CHECK(plan.fork.origin("bass.p") == scenario::Origin::Override);
  CHECK_THAT(plan.fork.resolved_ini(), Catch::Contains("p = 0.03 # --set\n"));
  CHECK(plan.origin.changes == std::vector<std::string>{"bass.p: 0.01 -> 0.03",
                                                        "bass.q: " + before("bass.q") + " -> 0.5"});
}

TEST_CASE("a fork's own checkpoint gives its plan back", "[run][fork]") {
  const auto plan =
      run::plan_fork(fork_file("[bass]\nq = 0.5\n", {"bass.p=0.03"}), checkpoint({730, 730}));
  run::Checkpoint own = checkpoint({800, 900});
  own.fork_scenario_text = run::fork_text(plan.fork, plan.origin);
  own.fork_scenario_file = "fork.ini";
  own.fork_day = plan.fork_day;
  const auto again = run::replan_fork(own);
  CHECK(again.fork.resolved_ini() == plan.fork.resolved_ini());
  CHECK(run::fork_text(again.fork, again.origin) == own.fork_scenario_text);
  CHECK(again.origin.checkpoint == plan.origin.checkpoint);
  CHECK(again.origin.date == plan.origin.date);
  CHECK(again.origin.file == plan.origin.file);
  CHECK(again.origin.changes == plan.origin.changes);
  CHECK(again.changed == plan.changed);
}

TEST_CASE("replications past the fork's date are one problem", "[run][fork]") {
  SECTION("all at one date") {
    const auto found = problems("date = 2003-01-01\n", checkpoint({730, 730, 730, 730}));
    REQUIRE(found.size() == 1);
    CHECK_THAT(found[0], Catch::Contains("replications 0-3 of the checkpoint are already at "
                                         "2004-01-01, after the fork's date 2003-01-01"));
  }
  SECTION("at different dates: the earliest and the latest") {
    const auto found = problems("date = 2003-01-01\n", checkpoint({700, 300, 730, 720}));
    REQUIRE(found.size() == 1);
    CHECK_THAT(found[0], Catch::Contains("replications 0, 2-3 of the checkpoint are already at "
                                         "2003-12-02 to 2004-01-01") &&
                             Catch::Contains("set fork.date to 2004-01-01 or later"));
  }
  SECTION("no fork.date, and the replications at different dates") {
    const auto found = problems("", checkpoint({700, 730}));
    REQUIRE(found.size() == 1);
    CHECK_THAT(found[0], Catch::Contains("replication 1 of the checkpoint is already at") &&
                             Catch::Contains("(set fork.date to 2004-01-01 or later)"));
  }
}

TEST_CASE("finished replications are one problem", "[run][fork]") {
  const auto found = problems("", checkpoint({730, 2922, 730, 2922}, {false, true, false, true}));
  REQUIRE(found.size() == 1);
  CHECK_THAT(found[0], Catch::Contains("fork.checkpoint") &&
                           Catch::Contains("replications 1, 3 have finished in"));
}
