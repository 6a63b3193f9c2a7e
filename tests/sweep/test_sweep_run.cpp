// Running sweeps: every pair done, the same numbers whatever the threads, shards or resumes,
// a bad point failed alone, and shards merged into the single-machine file.
#include <catch2/catch.hpp>
#include <fstream>

#include "netadopt/sweep/execute.hpp"
#include "netadopt/sweep/merge.hpp"
#include "netadopt/sweep/point_output.hpp"
#include "netadopt/sweep/summary.hpp"
#include "netadopt/sweep/sweep_output.hpp"
#include "sweep_fixtures.hpp"

using namespace netadopt;
namespace fs = std::filesystem;

namespace {
sweep::SweepData run_all(const sweep::SweepPlan& plan, const fs::path& out, int threads,
                         sweep::Shard shard = {}) {
  const sweep::Journal journal(out, plan.hash);
  auto data = sweep::execute(plan, journal, {threads, shard, {}, {}});
  journal.remove();
  return data;
}

// Pair by pair: the same pairs present, with the same series, events and trajectories.
void check_same(const sweep::SweepData& a, const sweep::SweepData& b) {
  REQUIRE(a.pairs.size() == b.pairs.size());
  for (std::size_t pair = 0; pair < a.pairs.size(); ++pair) {
    REQUIRE(a.pairs[pair].has_value() == b.pairs[pair].has_value());
    if (!a.pairs[pair]) continue;
    CHECK(a.pairs[pair]->failure == b.pairs[pair]->failure);
    CHECK(a.pairs[pair]->output.series == b.pairs[pair]->output.series);
    CHECK(a.pairs[pair]->output.fingerprint == b.pairs[pair]->output.fingerprint);
  }
}

std::vector<char> bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

sweep::SweepProvenance same_provenance(const std::string& shard = "all") {
  return {"v", "c", "cmd", "2000-01-01T00:00:00Z", 1.0, 1, shard};
}
}  // namespace

TEST_CASE("a 5 x 5 grid with 4 replications runs every pair", "[sweep][run]") {
  const auto folder = sweep_test::fresh_folder("grid");
  const auto plan = sweep::make_plan(sweep_test::parse(sweep_test::kGrid5x5));
  const auto data = run_all(plan, folder / "out.h5", 2);
  CHECK(data.done() == 100);
  for (std::size_t p = 0; p < 25; ++p) CHECK(sweep::point_done(plan, data, p));
  // More imitation, faster adoption: at a fixed p, members at the end grow with q.
  const auto end_members = [&](std::size_t point) {
    return data.pairs[point * 4]->output.series[0].back();
  };
  CHECK(end_members(0) < end_members(4));
}

TEST_CASE("a sweep's numbers do not depend on the thread count", "[sweep][run][determinism]") {
  const auto folder = sweep_test::fresh_folder("threads");
  const auto plan = sweep::make_plan(sweep_test::parse(sweep_test::kGrid5x5));
  check_same(run_all(plan, folder / "one.h5", 1), run_all(plan, folder / "two.h5", 2));
}

TEST_CASE("a pair's numbers come from (sweep seed, point, replication) alone", "[sweep][run]") {
  const auto plan = sweep::make_plan(sweep_test::parse(sweep_test::kGrid5x5));
  const auto folder = sweep_test::fresh_folder("seeds");
  const auto data = run_all(plan, folder / "out.h5", 2);
  const auto alone = run::run_replication(*plan.scenarios[7], 3);
  CHECK(alone.fingerprint == data.pairs[7 * 4 + 3]->output.fingerprint);
  CHECK(plan.scenarios[7]->integer("run.seed") ==
        static_cast<std::int64_t>(sweep::point_seed(11, 7)));
  CHECK(sweep::point_seed(11, 7) != sweep::point_seed(11, 8));
  CHECK(sweep::point_seed(11, 7) != sweep::point_seed(12, 7));
}

TEST_CASE("a point with an invalid scenario fails alone, with its message", "[sweep][run]") {
  const auto folder = sweep_test::fresh_folder("bad-point");
  const auto plan =
      sweep::make_plan(sweep_test::parse("[sweep]\nbase = base.ini\nreplications = "
                                         "2\n[axis.n]\nkey = population.size\nvalues = 100, 2000\n",
                                         sweep_test::kBase + "initial_adopters = 500\n"));
  CHECK_THAT(plan.errors[0], Catch::Contains("bass.initial_adopters (500)"));
  CHECK(plan.errors[1].empty());
  const auto data = run_all(plan, folder / "out.h5", 2);
  CHECK(!sweep::point_done(plan, data, 0));
  CHECK(sweep::point_done(plan, data, 1));
}

TEST_CASE("three shards merged hold the single-machine run's data", "[sweep][run][shard]") {
  const auto folder = sweep_test::fresh_folder("shards");
  const auto plan = sweep::make_plan(sweep_test::parse(sweep_test::kGrid5x5));
  sweep::write_sweep(folder / "whole.h5", plan, run_all(plan, folder / "whole.h5", 2),
                     same_provenance());
  std::vector<fs::path> shards;
  for (std::size_t i = 0; i < 3; ++i) {
    shards.push_back(folder / ("shard-" + std::to_string(i) + ".h5"));
    const auto data = run_all(plan, shards.back(), 1, {i, 3});
    CHECK(data.done() == (i == 0 ? 34u : 33u));
    sweep::write_sweep(shards.back(), plan, data, same_provenance());
  }
  const auto merged = sweep::merge_shards(shards);
  sweep::write_sweep(folder / "merged.h5", merged.plan, merged.data, same_provenance());
  // (The files differ only in HDF5's object timestamps; tests/sweep/same_data.py compares
  // every dataset bit for bit in the CLI test.)
  check_same(merged.data, sweep::read_sweep_data(folder / "whole.h5", plan));
  check_same(sweep::read_sweep_data(folder / "merged.h5", plan),
             sweep::read_sweep_data(folder / "whole.h5", plan));
}

TEST_CASE("a merge names the missing pairs and refuses another sweep", "[sweep][run][shard]") {
  const auto folder = sweep_test::fresh_folder("merge-refusals");
  const auto plan = sweep::make_plan(sweep_test::parse(sweep_test::kGrid5x5));
  sweep::write_sweep(folder / "a.h5", plan, run_all(plan, folder / "a.h5", 2, {0, 3}),
                     same_provenance());
  CHECK_THROWS_WITH(sweep::merge_shards({folder / "a.h5"}),
                    Catch::Contains("no shard holds 66 of the 100 pairs: point 0 replication 1, "
                                    "point 0 replication 2"));
  auto text = sweep_test::kGrid5x5;
  text.replace(text.find("seed = 11"), 9, "seed = 12");
  const auto other = sweep::make_plan(sweep_test::parse(text));
  sweep::write_sweep(folder / "b.h5", other, run_all(other, folder / "b.h5", 2, {1, 3}),
                     same_provenance());
  CHECK_THROWS_WITH(sweep::merge_shards({folder / "a.h5", folder / "b.h5"}),
                    Catch::Contains("is from another sweep"));
}

TEST_CASE("a resumed sweep reuses the journal's pairs and computes only the rest",
          "[sweep][run][resume]") {
  const auto folder = sweep_test::fresh_folder("resume");
  const auto plan = sweep::make_plan(sweep_test::parse(sweep_test::kGrid5x5));
  const auto out = folder / "out.h5";
  {  // a first run that stopped after shard 0/2's pairs: the journal holds 50 pairs
    const sweep::Journal journal(out, plan.hash);
    sweep::execute(plan, journal, {2, {0, 2}, {}, {}});
  }
  std::size_t already = 0, computed = 0;
  const sweep::Journal journal(out, plan.hash);
  sweep::ExecuteOptions options{2, {}, {}, {}};
  options.on_start = [&](std::size_t done, std::size_t) { already = done; };
  options.on_pair = [&](std::size_t, std::size_t) { ++computed; };
  const auto resumed = sweep::execute(plan, journal, options);
  CHECK(already == 50);
  CHECK(computed == 50);
  check_same(resumed, run_all(plan, folder / "fresh.h5", 1));
}

TEST_CASE("a journal of another sweep is refused, a damaged pair file recomputed",
          "[sweep][resume]") {
  const auto folder = sweep_test::fresh_folder("journal");
  const auto plan = sweep::make_plan(sweep_test::parse(sweep_test::kGrid5x5));
  const auto out = folder / "out.h5";
  {
    const sweep::Journal journal(out, plan.hash);
    sweep::execute(plan, journal, {2, {0, 25}, {}, {}});                   // pairs 0, 25, 50, 75
    CHECK_THROWS_AS(sweep::Journal(out, plan.hash), sweep::JournalError);  // in use
  }
  CHECK_THROWS_WITH(sweep::Journal(out, plan.hash + 1), Catch::Contains("another sweep"));
  const auto damaged = sweep::Journal::folder_for(out) / "pair-0-0";
  auto bytes = bytes_of(damaged);
  bytes[bytes.size() / 2] ^= 1;
  std::ofstream(damaged, std::ios::binary).write(bytes.data(), static_cast<long>(bytes.size()));
  const sweep::Journal journal(out, plan.hash);
  CHECK(journal.read().size() == 3);
  CHECK(!fs::exists(damaged));
}

namespace {
// A list design over bass.p, its base scenario's population fixed by the [base] section.
std::string with_base_population(int size) {
  return "[sweep]\nbase = base.ini\ndesign = list\nreplications = 2\nseed = 5\n"
         "[base]\npopulation.size = " +
         std::to_string(size) +
         "\n"
         "[axis.p]\nkey = bass.p\nvalues = 3, 5, 4\n[axis.q]\nkey = bass.q\nvalues = 0.1, 0.2, "
         "0.3\n";
}
}  // namespace

TEST_CASE("a base section's population reaches every pair's run and the output",
          "[sweep][run][base]") {
  const auto folder = sweep_test::fresh_folder("base-section");
  const auto plan = sweep::make_plan(sweep_test::parse(with_base_population(500)));
  REQUIRE(plan.points() == 3);
  const auto data = run_all(plan, folder / "out.h5", 2);
  REQUIRE(data.done() == 6);
  // p >= 3 per year for 5 years: every agent adopts, 500 of them (the base file says 2000).
  for (const auto& pair : data.pairs) CHECK(pair->output.series[0].back() == 500);
  sweep::write_sweep(folder / "out.h5", plan, data, same_provenance());
  const auto header = sweep::read_sweep_header(folder / "out.h5");
  CHECK_THAT(header.sweep_text, Catch::Contains("[base]\npopulation.size = 500\n"));
  const auto rebuilt = sweep::plan_from_header(header);  // what a merge works from
  CHECK(rebuilt.scenarios[2]->integer("population.size") == 500);
  CHECK(rebuilt.scenarios[2]->real("bass.p") == 4);
}

TEST_CASE("resume and merge refuse a sweep with another base section", "[sweep][run][base]") {
  const auto folder = sweep_test::fresh_folder("base-identity");
  const auto plan = sweep::make_plan(sweep_test::parse(with_base_population(500)));
  const auto other = sweep::make_plan(sweep_test::parse(with_base_population(600)));
  CHECK(plan.hash != other.hash);
  {
    const sweep::Journal journal(folder / "a.h5", plan.hash);
    sweep::execute(plan, journal, {1, {0, 2}, {}, {}});
  }
  CHECK_THROWS_WITH(sweep::Journal(folder / "a.h5", other.hash), Catch::Contains("another sweep"));
  sweep::write_sweep(folder / "a0.h5", plan, run_all(plan, folder / "a0.h5", 1, {0, 2}),
                     same_provenance());
  sweep::write_sweep(folder / "a1.h5", plan, run_all(plan, folder / "a1.h5", 1, {1, 2}),
                     same_provenance());
  sweep::write_sweep(folder / "b1.h5", other, run_all(other, folder / "b1.h5", 1, {1, 2}),
                     same_provenance());
  CHECK(sweep::merge_shards({folder / "a0.h5", folder / "a1.h5"}).data.done() == 6);
  CHECK_THROWS_WITH(sweep::merge_shards({folder / "a0.h5", folder / "b1.h5"}),
                    Catch::Contains("is from another sweep"));
}

TEST_CASE("a sweep's --set overrides reach the output and a merge rebuilds the plan with them",
          "[sweep][run][set]") {
  const auto folder = sweep_test::fresh_folder("set-overrides");
  const auto plan = sweep::make_plan(
      sweep_test::parse_with_sets(with_base_population(500), {"population.size=300"}));
  const auto data = run_all(plan, folder / "out.h5", 2);
  for (const auto& pair : data.pairs) CHECK(pair->output.series[0].back() == 300);
  sweep::write_sweep(folder / "out.h5", plan, data, same_provenance());
  const auto header = sweep::read_sweep_header(folder / "out.h5");
  CHECK(header.set_overrides == std::vector<std::string>{"population.size=300"});
  const auto rebuilt = sweep::plan_from_header(header);
  CHECK(rebuilt.hash == plan.hash);
  CHECK(rebuilt.scenarios[1]->integer("population.size") == 300);
}

namespace {
// A small essay scenario (the country inputs of scenarios/france.ini): members by platform,
// role and status, and members_any, the union over platforms.
const std::string kEssayBase =
    "[run]\nmodel = essay\nreplications = 1\nend = 2004-01-01\n[population]\nsize = 400\n"
    "cadres_share = 0.157\nsales_share = 0.11\n[culture]\ncountry = france\nlanguage = fr\n"
    "english_share = 0.36\npower_distance = 68\nindividualism = 71\nmasculinity = 43\n"
    "uncertainty_avoidance = 86\nlong_term_orientation = 63\nindulgence = 48\n"
    "employment_protection = 3.05\nunemployment_rate = 8.9\n"
    "long_term_unemployment_share = 0.338\n";

double summed_last_row(const sweep::SweepPlan& plan, const sweep::PairOutcome& pair,
                       const std::string& name) {
  for (std::size_t v = 0; v < plan.outputs.size(); ++v)
    if (plan.outputs[v].name == name) {
      const auto& series = pair.output.series[v];
      const std::size_t cells = plan.outputs[v].cell_count();
      double sum = 0;
      for (std::size_t i = series.size() - cells; i < series.size(); ++i) sum += series[i];
      return sum;
    }
  return -1;
}
}  // namespace

TEST_CASE("a sweep's members of the essay model are the union over platforms",
          "[sweep][run][summary]") {
  const auto folder = sweep_test::fresh_folder("union");
  const auto plan = sweep::make_plan(sweep_test::parse(
      "[sweep]\nbase = base.ini\nreplications = 1\n[axis.d]\nkey = culture.discretion\n"
      "values = 0, 0.8\n",
      kEssayBase));
  const auto data = run_all(plan, folder / "out.h5", 2);
  REQUIRE(data.done() == 2);
  const auto members = sweep::point_outputs(plan, data, "members", std::nullopt);
  const auto summaries = sweep::summarize(plan, data);
  const std::size_t all = summaries.roles.size() - 1;  // the role "all"
  for (std::size_t p = 0; p < 2; ++p) {
    const double any = summed_last_row(plan, *data.pairs[p], "members_any");
    CHECK(members[p] == any);  // not the sum over platforms and statuses
    CHECK(members[p] < 400);
    // members_at_date at run.end (the default date, the last reporting time): the same union
    CHECK(summaries.members[p * summaries.roles.size() + all] == Approx(any));
  }
}
