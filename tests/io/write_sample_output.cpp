// netadopt_io_sample OUT.h5: writes a Bass-like output (3 replications of 2,000 agents,
// 2003-01-01 to 2013-01-01 every 30 days) without running a model, so that the analysis scripts
// can be tested against the io layout alone. "members" follows the Bass curve with a small,
// deterministic offset per replication; "members_by_role" splits it 70/30 over a string
// dimension "role".
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>

#include "netadopt/io/hdf5_writer.hpp"
#include "sample_result.hpp"

namespace {

constexpr double kP = 0.03, kQ = 0.38, kPopulation = 2000.0;

double bass_adopters(double days, double offset) {
  const double t = days / 365.25, rate = kP + kQ;
  const double share = (1 - std::exp(-rate * t)) / (1 + kQ / kP * std::exp(-rate * t));
  return std::round(std::min(kPopulation, kPopulation * share * (1.0 + offset)));
}

netadopt::run::RunResult bass_like_result() {
  netadopt::run::RunResult result;
  result.start = {netadopt::io::testing::kDays1970To2003};
  for (double day = 0; day <= 3653; day += 30) result.times.push_back(day);
  result.replications = 3;
  netadopt::run::Variable members{{"members", "1", "Agents who have adopted.", {}, true}, {}};
  for (int r = 0; r < 3; ++r)
    for (const double day : result.times)
      members.values.push_back(bass_adopters(day, 0.02 * (r - 1)));
  netadopt::run::Variable by_role{
      {"members_by_role", "1", "Adopters by role.", {{"role", {"lurker", "poster"}, "role"}}, true},
      {}};
  for (const double count : members.values) {
    by_role.values.push_back(std::round(0.7 * count));
    by_role.values.push_back(count - std::round(0.7 * count));
  }
  result.variables = {members, by_role};
  result.events = {1900, 1950, 2000};
  result.fingerprints = {11, 22, 33};
  result.population_size = 2000;  // as population.size in the scenario text below
  result.workforce_share = 1.0;
  return result;
}

netadopt::run::Provenance bass_like_provenance() {
  auto provenance = netadopt::io::testing::sample_provenance();
  provenance.scenario_text =
      "# resolved scenario of scenarios/bass.ini\n\n[run]\nmodel = bass\nseed = 20050801\n"
      "replications = 3 # --set\nstart = 2003-01-01\nend = 2013-01-01\n\n[output]\n"
      "interval_days = 30\n\n[population]\nsize = 2000 # --set\n\n[bass]\np = 0.03\n"
      "q = 0.38\ninitial_adopters = 0 # default\n";
  return provenance;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT.h5\n", argv[0]);
    return 2;
  }
  try {
    netadopt::io::write_hdf5(argv[1], bass_like_result(), bass_like_provenance(), true);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
  return 0;
}
