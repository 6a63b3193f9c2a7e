#include "sample_result.hpp"

#include <algorithm>

namespace netadopt::io::testing {

namespace {

run::Variable members_by_role(std::size_t replications, std::size_t times) {
  run::Variable variable{{"members_by_role",
                          "1",
                          "Members of the platform, by role.",
                          {{"role", {"lurker", "poster"}, "what a member does on the platform"}},
                          true},
                         {}};
  for (std::size_t r = 0; r < replications; ++r)
    for (std::size_t t = 0; t < times; ++t)
      for (std::size_t k = 0; k < 2; ++k)
        variable.values.push_back(static_cast<double>(100 * r + 10 * t + k));
  return variable;
}

run::Variable mean_degree(std::size_t replications, std::size_t times) {
  run::Variable variable{{"mean_degree", "1", "Mean number of contacts per agent.", {}, false}, {}};
  for (std::size_t r = 0; r < replications; ++r)
    for (std::size_t t = 0; t < times; ++t)
      variable.values.push_back(static_cast<double>(r) + static_cast<double>(t) / 4.0);
  return variable;
}

}  // namespace

run::RunResult small_result() {
  run::RunResult result;
  result.start = scenario::Date{kDays1970To2003};
  result.times = {0.0, 30.0, 60.0};
  result.replications = 2;
  result.variables = {members_by_role(2, 3), mean_degree(2, 3)};
  result.events = {1000, 1001};
  result.fingerprints = {0x0123456789abcdefULL, 0xfedcba9876543210ULL};
  result.population_size = 5000000000;  // above INT32_MAX: must not be truncated
  result.workforce_share = 0.267;
  return result;
}

run::Provenance sample_provenance() {
  run::Provenance provenance;
  provenance.scenario_file = "scenarios/bass.ini";
  provenance.scenario_text = "[run]\nmodel = bass\n# café: non-ASCII survives\n";
  provenance.seed = 0x8000000000000005ULL;  // above INT64_MAX: must not be truncated
  provenance.version = "v0.1.0-test";
  provenance.compiler = "GNU 12.2.0";
  provenance.command_line = "netadopt run scenarios/bass.ini -o out.h5";
  provenance.started_at = "2024-05-01T12:00:00Z";
  provenance.wall_seconds = 1.25;
  provenance.threads = 3;
  return provenance;
}

ScratchDir::ScratchDir(const std::string& name)
    : path_(std::filesystem::path(NETADOPT_BINARY_DIR) / "tests" / "io-scratch" / name) {
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ignored);
  std::filesystem::remove_all(path_, ignored);
}

std::vector<std::string> ScratchDir::entries() const {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(path_))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace netadopt::io::testing
