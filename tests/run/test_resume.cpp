// Checkpoints and forks (issue 7): a run stopped anywhere and resumed from its checkpoint gives
// the result of a run never stopped, for every model; a fork that changes nothing is the base
// run; a fork that changes something follows the base exactly until its date, and differs after.
#include <catch2/catch.hpp>
#include <cmath>
#include <csignal>
#include <map>
#include <mutex>

#include "../models/essay/country_inputs.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/fork.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/resumable.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/loader.hpp"

namespace {
using namespace netadopt;
using run::Stage;

scenario::Scenario parse(const std::string& ini, const std::string& name = "resume") {
  return scenario::parse_scenario(run::full_schema(), ini, name);
}

std::string model_ini(const std::string& model, int size = 4000) {
  std::string ini = "[run]\nmodel = " + model + "\nseed = 11\nreplications = 4\n";
  if (model == "essay")
    return essay_inputs::with_france_inputs(
        ini + "end = 2008-01-01\n[population]\nsize = " + std::to_string(size) + "\n");
  if (model == "bass")
    return ini + "end = 2004-01-01\n[population]\nsize = 20000\n[bass]\np = 0.01\nq = 0.4\n";
  // sir and threshold: fast processes, so a short run; a low threshold for a cascade
  ini += "end = 2003-03-01\n[output]\ninterval_days = 1\n[population]\nsize = 5000\n";
  return model == "threshold" ? ini + "[threshold]\nphi = 0.08\nrate = 100\n" : ini;
}

// Checkpoints kept in memory, as the CLI keeps them in files.
struct MemoryStore {
  std::mutex mutex;
  std::map<std::size_t, run::ReplicationCheckpoint> latest;
  std::size_t calls = 0;
  std::function<void()> on_store;  // e.g. a stop request
  run::CheckpointPolicy policy() {
    run::CheckpointPolicy p;
    p.store = [this](std::size_t r, const run::ReplicationCheckpoint& cp) {
      std::lock_guard<std::mutex> lock(mutex);
      latest[r] = cp;
      ++calls;
      if (on_store) on_store();
    };
    return p;
  }
  std::vector<run::ReplicationCheckpoint> all(std::size_t reps) const {
    std::vector<run::ReplicationCheckpoint> out(reps);
    for (const auto& [r, cp] : latest) out[r] = cp;
    return out;
  }
};

run::RunOptions threads(int n) {
  run::RunOptions o;
  o.threads = n;
  return o;
}

// Equal values, NaN included (a mean over no agents is NaN in both runs).
bool same_values(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

void require_same(const run::RunResult& a, const run::RunResult& b) {
  REQUIRE(a.fingerprints == b.fingerprints);
  REQUIRE(a.events == b.events);
  REQUIRE(a.variables.size() == b.variables.size());
  for (std::size_t v = 0; v < a.variables.size(); ++v) {
    INFO(a.variables[v].spec.name);
    CHECK(same_values(a.variables[v].values, b.variables[v].values));
  }
}

run::ResumableOutcome resume(const scenario::Scenario& s, const MemoryStore& store,
                             run::CheckpointPolicy policy = {}) {
  const auto reps = static_cast<std::size_t>(s.integer("run.replications"));
  return run::run_resumable({&s, nullptr, 0.0, store.all(reps)}, policy, threads(2));
}
}  // namespace

TEST_CASE("a run stopped at a date and resumed equals the run never stopped", "[run][checkpoint]") {
  for (const std::string model : {"bass", "essay", "sir", "threshold"}) {
    INFO("model " << model);
    const auto s = parse(model_ini(model));
    const run::RunResult whole = run::run_scenario(s, threads(2));
    MemoryStore store;
    auto policy = store.policy();
    const double horizon = s.date("run.end").days - s.date("run.start").days;
    // Within the epidemic or cascade (a few days) for sir and threshold.
    policy.stop_day = model == "essay" || model == "bass" ? std::floor(horizon * 0.45) : 20.0;
    const auto stopped = run::run_resumable({&s, nullptr, 0.0, {}}, policy, threads(2));
    REQUIRE_FALSE(stopped.result);
    for (auto stage : stopped.stages) CHECK(stage == Stage::Paused);
    for (const auto& [r, cp] : store.latest) CHECK(cp.time <= *policy.stop_day);
    const auto resumed = resume(s, store);
    REQUIRE(resumed.result);
    require_same(*resumed.result, whole);
  }
}

TEST_CASE("periodic checkpoints leave the result unchanged, and any of them resumes it",
          "[run][checkpoint]") {
  const auto s = parse(model_ini("essay"));
  const run::RunResult whole = run::run_scenario(s, threads(2));
  MemoryStore store;
  auto policy = store.policy();
  policy.every_days = 400.0;
  const auto checkpointed = run::run_resumable({&s, nullptr, 0.0, {}}, policy, threads(2));
  REQUIRE(checkpointed.result);
  require_same(*checkpointed.result, whole);
  CHECK(store.calls >= 4 * 4);  // 4 replications x (4 or more intervals + their finish)

  // A stop request while the first replication stores its first checkpoint: the others stop
  // where they are, or never start; the folder still resumes to the same result.
  MemoryStore interrupted;
  auto stop_policy = interrupted.policy();
  stop_policy.every_days = 400.0;
  interrupted.on_store = [] { run::request_stop(SIGTERM); };
  const auto stopped = run::run_resumable({&s, nullptr, 0.0, {}}, stop_policy, threads(1));
  run::clear_stop_request();
  REQUIRE_FALSE(stopped.result);
  CHECK(stopped.signal == SIGTERM);
  CHECK(stopped.stages.front() == Stage::Paused);
  CHECK(stopped.stages.back() == Stage::NotStarted);
  const auto resumed = resume(s, interrupted);
  REQUIRE(resumed.result);
  require_same(*resumed.result, whole);
}

TEST_CASE("a checkpoint refuses a model of another size", "[run][checkpoint]") {
  const auto s = parse(model_ini("essay"));
  MemoryStore store;
  auto policy = store.policy();
  policy.stop_day = 300.0;
  run::run_resumable({&s, nullptr, 0.0, {}}, policy, threads(2));
  const auto bigger = parse(model_ini("essay", 4001));
  CHECK_THROWS_AS(resume(bigger, store), core::StateError);
}

namespace {
struct Forked {
  run::RunResult base, fork;
  double day;
};

// The base run (`base_extra` added to the essay scenario) stopped at 2005-01-01, then the fork
// file `changes` run from its checkpoint.
Forked fork_of(const std::string& changes, const std::string& date = "",
               const std::string& base_extra = "") {
  const auto s = parse(model_ini("essay") + base_extra);
  Forked out{run::run_scenario(s, threads(2)), {}, 0.0};
  MemoryStore store;
  auto policy = store.policy();
  policy.stop_day = scenario::parse_date("2005-01-01")->days - s.date("run.start").days;
  run::run_resumable({&s, nullptr, 0.0, {}}, policy, threads(2));
  run::Checkpoint cp;
  cp.scenario_text = s.resolved_ini();
  cp.scenario_file = "base";
  cp.replication_count = 4;
  cp.replications = store.all(4);
  const auto file = parse("[fork]\ncheckpoint = base.checkpoint\n" +
                              (date.empty() ? "" : "date = " + date + "\n") + changes,
                          "fork.ini");
  const run::ForkPlan plan = run::plan_fork(file, cp);
  out.day = plan.fork_day;
  const auto done =
      run::run_resumable({&plan.base, &plan.fork, plan.fork_day, cp.replications}, {}, threads(2));
  REQUIRE(done.result);
  out.fork = *done.result;
  return out;
}

// The number of reporting times at or before `day`.
std::size_t reports_through(const run::RunResult& r, double day) {
  std::size_t k = 0;
  while (k < r.times.size() && r.times[k] <= day) ++k;
  return k;
}
}  // namespace

TEST_CASE("a fork that changes nothing is the base run", "[run][fork]") {
  const Forked f = fork_of("");
  require_same(f.fork, f.base);
}

TEST_CASE("a fork follows the base until its date and differs after it", "[run][fork]") {
  // Halved employment protection from 2006: more job-to-job moves, so the branch's labour
  // market (and its trajectory) changes from that date.
  const Forked f = fork_of("[culture]\nemployment_protection = 1.5\n", "2006-01-01");
  const auto& base = f.base.variable("members");
  const auto& fork = f.fork.variable("members");
  const std::size_t times = f.base.times.size(), cells = base.spec.cell_count();
  const std::size_t shared = reports_through(f.base, f.day);
  REQUIRE(shared > 2);
  REQUIRE(shared < times);
  for (std::size_t r = 0; r < 4; ++r) {
    const auto begin = r * times * cells;
    CHECK(std::equal(base.values.begin() + begin, base.values.begin() + begin + shared * cells,
                     fork.values.begin() + begin));
    CHECK(f.fork.fingerprints[r] != f.base.fingerprints[r]);
  }
  const auto& moves_base = f.base.variable("event_counts");
  const auto& moves_fork = f.fork.variable("event_counts");
  CHECK_FALSE(same_values(moves_base.values, moves_fork.values));
}

TEST_CASE("a fork can launch a platform the base declared for after its end", "[run][fork]") {
  // "A new platform launches in 2007": the base declares it with a launch after run.end (it
  // never launches there); the fork moves the launch to 2007-01-01.
  const Forked f = fork_of("[platform2]\nlaunch = 2007-01-01\n", "2006-01-01",
                           "[platforms]\ncount = 2\n[platform2]\nlaunch = 2009-06-01\n");
  const auto active_on_second = [](const run::RunResult& r, std::size_t rep, std::size_t t) {
    const auto& members = r.variable("members");
    const std::size_t platform_cells = members.spec.cell_count() / 2;  // (role, status)
    const std::size_t statuses = members.spec.dims[2].labels.size();
    const std::size_t row = (rep * r.times.size() + t) * members.spec.cell_count();
    double active = 0.0;
    for (std::size_t cell = 0; cell < platform_cells; cell += statuses)
      active += members.values[row + platform_cells + cell + 2];  // status 2: active
    return active;
  };
  const double launch =
      scenario::parse_date("2007-01-01")->days - scenario::parse_date("2003-01-01")->days;
  for (std::size_t r = 0; r < 4; ++r)
    for (std::size_t t = 0; t < f.base.times.size(); ++t) {
      CHECK(active_on_second(f.base, r, t) == 0.0);
      if (f.fork.times[t] < launch) CHECK(active_on_second(f.fork, r, t) == 0.0);
    }
  for (std::size_t r = 0; r < 4; ++r)
    CHECK(active_on_second(f.fork, r, f.fork.times.size() - 1) > 0.0);
}

TEST_CASE("a fork refuses keys that shape the state, and dates it cannot reach", "[run][fork]") {
  const auto s = parse(model_ini("essay"));
  MemoryStore store;
  auto policy = store.policy();
  policy.stop_day = 700.0;
  run::run_resumable({&s, nullptr, 0.0, {}}, policy, threads(2));
  run::Checkpoint cp;
  cp.scenario_text = s.resolved_ini();
  cp.replication_count = 4;
  cp.replications = store.all(4);
  const auto plan = [&](const std::string& ini) {
    return run::plan_fork(parse("[fork]\ncheckpoint = x\n" + ini, "fork.ini"), cp);
  };
  const auto message = [&](const std::string& ini) {
    try {
      plan(ini);
    } catch (const scenario::ScenarioError& e) {
      std::string all;
      for (const auto& p : e.problems()) all += p.to_string() + "\n";
      return all;
    }
    return std::string("no error");
  };
  CHECK_THAT(message("[population]\nsize = 5000\n"),
             Catch::Contains("population.size") && Catch::Contains("cannot change in a fork"));
  CHECK_THAT(message("[network]\ncolleague_degree = 4\n"),
             Catch::Contains("network.colleague_degree"));
  CHECK_THAT(message("[run]\nseed = 3\n"), Catch::Contains("run.seed"));
  CHECK_THAT(message("[fork]\ndate = 2004-01-01\n"),
             Catch::Contains("fork.date") && Catch::Contains("after the fork's date"));
  CHECK_THAT(message("[fork]\ndate = 2009-01-01\n"), Catch::Contains("not before the run's end"));
  CHECK(plan("[network]\nformer_colleague_keep = 0.5\n").changed ==
        std::vector<std::string>{"network.former_colleague_keep"});
  CHECK(plan("").fork_day == Approx(700.0).margin(0));
}
