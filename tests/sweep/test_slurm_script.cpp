// The sbatch script of `netadopt slurm`: an #SBATCH line per resource flag, the setup lines
// before netadopt in both jobs, no --force in the merge unless asked, and the values that
// would break the script refused with a message naming the flag.
#include <catch2/catch.hpp>

#include "netadopt/sweep/slurm_script.hpp"

using namespace netadopt;

namespace {
sweep::SlurmOptions options() {
  sweep::SlurmOptions o;
  o.netadopt = "/opt/netadopt";
  o.sweep = "/home/me/mine.ini";
  o.out = "/home/me/my results #1/mine.h5";
  o.tasks = 4;
  o.cpus_per_task = 2;
  o.mem = "4G";
  o.time = "02:00:00";
  o.account = "proj";
  o.qos = "long";
  o.partition = "cpu";
  o.setup = {"module load hdf5"};
  o.sets = {"population.size=5000"};
  return o;
}

std::size_t position(const std::string& text, const std::string& part, std::size_t from = 0) {
  const auto found = text.find(part, from);
  REQUIRE(found != std::string::npos);
  return found;
}
}  // namespace

TEST_CASE("the sbatch script has an #SBATCH line per flag, in the array and merge jobs",
          "[sweep][slurm]") {
  const std::string script = sweep::slurm_script(options());
  CHECK(script.rfind("#!/bin/bash\n#SBATCH ", 0) == 0);
  for (const std::string line :
       {"#SBATCH --array=0-3\n", "#SBATCH --cpus-per-task=2\n", "#SBATCH --mem=4G\n",
        "#SBATCH --time=02:00:00\n", "#SBATCH --account=proj\n", "#SBATCH --qos=long\n",
        "#SBATCH --partition=cpu\n",
        "#SBATCH --output=\"/home/me/my results #1/mine.h5.shards/task-%a.log\"\n"}) {
    const auto first = position(script, line);
    if (line.find("array") == std::string::npos && line.find("cpus") == std::string::npos &&
        line.find("task-%a") == std::string::npos)
      position(script, line, first + 1);  // and in the merge job
  }
  const auto merge_job = position(script, "--job-name=netadopt-merge");
  const auto merge = position(script, " merge ", merge_job);
  CHECK(position(script, "module load hdf5\n", merge_job) < merge);
  const auto sweep_line =
      position(script, "\" sweep \"$sweep\" --shard \"$SLURM_ARRAY_TASK_ID/4\"");
  CHECK(position(script, "module load hdf5\n", merge) < sweep_line);
  CHECK(script.find("--force") == std::string::npos);
  CHECK(script.find("--set 'population.size=5000'\n") != std::string::npos);
  CHECK(script.find("--dependency=\"afterok:$SLURM_ARRAY_JOB_ID\"") != std::string::npos);
}

TEST_CASE("the merge job overwrites only with --force-merge", "[sweep][slurm]") {
  auto o = options();
  o.force_merge = true;
  CHECK(sweep::slurm_script(o).find(" merge '/home/me/my results #1/mine.h5' --force ") !=
        std::string::npos);
}

TEST_CASE("a % in the output folder is doubled in the #SBATCH lines", "[sweep][slurm]") {
  auto o = options();
  o.out = "/scratch/100%/mine.h5";
  CHECK(sweep::slurm_script(o).find("--output=\"/scratch/100%%/mine.h5.shards/task-%a.log\"") !=
        std::string::npos);
}

TEST_CASE("values that would break the script are refused, naming the flag", "[sweep][slurm]") {
  CHECK_FALSE(sweep::slurm_value_problem("--mem", "4G"));
  CHECK_FALSE(sweep::slurm_value_problem("--time", "1-12:00:00"));
  CHECK_FALSE(sweep::slurm_value_problem("--partition", "cpu,gpu"));
  CHECK_THAT(*sweep::slurm_value_problem("--mem", "4 GB"), Catch::StartsWith("--mem: expected"));
  CHECK_THAT(*sweep::slurm_value_problem("--time", "2h"), Catch::StartsWith("--time: expected"));
  CHECK_THAT(*sweep::slurm_value_problem("--account", "a\nb"),
             Catch::StartsWith("--account: expected a SLURM name"));
  CHECK_THAT(*sweep::slurm_value_problem("--qos", "x;rm"), Catch::Contains("found 'x;rm'"));
  CHECK_FALSE(sweep::setup_line_problem("source ~/env/bin/activate && module load hdf5"));
  CHECK_THAT(*sweep::setup_line_problem("a\nb"), Catch::Contains("line break"));
  CHECK(sweep::setup_line_problem(""));
  CHECK(sweep::setup_line_problem("NETADOPT_MERGE_JOB"));
  CHECK_THAT(*sweep::script_path_problem("-o", "/a\"b/out.h5"), Catch::StartsWith("-o: the path"));
  CHECK(sweep::script_path_problem("the sweep file", "/a\nb.ini"));
  CHECK_FALSE(sweep::script_path_problem("-o", "/my results #1/out.h5"));
}
