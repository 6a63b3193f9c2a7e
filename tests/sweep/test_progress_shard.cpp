// Progress lines and shard numbers, as a cluster log and SLURM's environment give them.
#include <catch2/catch.hpp>
#include <sstream>

#include "netadopt/sweep/progress.hpp"
#include "netadopt/sweep/shard.hpp"

using namespace netadopt;

TEST_CASE("a progress line gives done/total, rate and ETA", "[sweep][progress]") {
  CHECK(sweep::Progress::line(30, 100, 20, 10.0) ==
        "sweep: 30/100 pairs (30%), 2.0 pairs/s, ETA 0:00:35\n");
  CHECK_THAT(
      sweep::Progress::bar(50, 100, 50, 5.0),
      Catch::StartsWith(
          "\r[###############...............] 50/100 pairs (50%), 10.0 pairs/s, ETA 0:00:05"));
}

TEST_CASE("quiet progress prints nothing, a log gets a first and a last line",
          "[sweep][progress]") {
  std::ostringstream quiet, log;
  sweep::Progress q(quiet, sweep::ProgressStyle::Quiet, 1.0),
      l(log, sweep::ProgressStyle::Lines, 1000.0);
  for (auto* p : {&q, &l}) {
    p->start(0, 10);
    for (std::size_t i = 1; i <= 10; ++i) p->update(i);
    p->finish();
  }
  CHECK(quiet.str().empty());
  CHECK_THAT(log.str(), Catch::StartsWith("sweep: 0/10 pairs (0%)"));
  CHECK_THAT(log.str(), Catch::Contains("\nsweep: 10/10 pairs (100%)"));
}

TEST_CASE("shards split pairs modulo N and come from SLURM's array variables", "[sweep][shard]") {
  const auto shard = sweep::parse_shard("1/3");
  CHECK(shard.owns(4));
  CHECK(!shard.owns(5));
  CHECK_THROWS_WITH(sweep::parse_shard("3/3"), Catch::Contains("0 <= I < N, found '3/3'"));
  CHECK_THROWS(sweep::parse_shard("x"));
  CHECK(!sweep::shard_from_slurm(nullptr, "4", nullptr));
  const auto from_env = sweep::shard_from_slurm("6", "4", "5");
  REQUIRE(from_env);
  CHECK(from_env->index == 1);
  CHECK(from_env->count == 4);
}
