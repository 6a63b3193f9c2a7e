// The essay model's costs were measured as the peak resident memory (/usr/bin/time -v) of one
// replication on one thread of scenarios/france.ini (Release build, g++ 12), at 200,000 and
// 400,000 agents:
//   no ties at all (every degree 0), 1 to 3 platforms: 95 bytes per agent + 24 per platform;
//   with ties: 4.2 to 5.1 bytes per tie end (a 4-byte Tie and the lists' spare room, at most a
//   quarter), with the default degrees over 1, 7 and 17 years, with outside degrees of 60,
//   and for the US; 5.5 is used.
// Tie ends per agent: the nominal degree the network keys ask for, plus those that job moves
// add: each move draws about network.colleague_degree new colleague ties (two ends each) while
// the old ones are kept as outside ties (network.former_colleague_keep = 1), so
// 2 x colleague_degree x (separation + job-to-job rate) x years. Against the measured peaks
// at 200,000 agents (France: 94 MB over 7 years, 78 MB over 1, 130 MB over 17, 140 MB with
// outside degrees of 60; the US: 105 MB over 7 years) the estimate is 17%, 10%, 22%, 13% and
// 23% high; at 1,000,000 (France, 7 years: 408 MB) 15% high.
#include "netadopt/run/resources.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "netadopt/models/essay/culture.hpp"
#include "netadopt/models/essay/essay_model.hpp"
#include "netadopt/models/essay/utility.hpp"
#include "netadopt/run/replication.hpp"

namespace netadopt::run {

namespace {
constexpr double kBassBytesPerAgent = 4.0;  // the pool of non-adopters
constexpr double kEssayBytesPerAgent = 104.0;  // + 8: propensity and language traits
constexpr double kEssayBytesPerAgentPlatform = 33.0;  // + 9: the pending-invitation pool
constexpr double kEssayBytesPerTieEnd = 5.5;
constexpr std::uint64_t kBaseBytes = 24ull << 20;  // the binary, its libraries, the heap's start
constexpr double kDaysPerYear = 365.25;

using scenario::Scenario;

double occupation_share(const Scenario& s, models::essay::Occupation occupation) {
  return models::essay::occupation_shares(s)[static_cast<std::size_t>(occupation)];
}

// Mean degree the network keys ask for: colleagues, club fellows, outside ties.
double nominal_essay_degree(const Scenario& s) {
  const double executives = occupation_share(s, models::essay::Occupation::Executive);
  const double club_members = executives * s.real("clubs.executive_membership") +
                              (1.0 - executives) * s.real("clubs.other_membership");
  const double outside =
      executives * s.real("network.outside_degree_executive") +
      occupation_share(s, models::essay::Occupation::Salesperson) * s.real("network.outside_degree_salesperson") +
      occupation_share(s, models::essay::Occupation::MiddleManager) * s.real("network.outside_degree_middle_manager");
  return s.real("network.colleague_degree") + club_members * s.real("network.club_degree") +
         outside;
}

// Tie ends per agent that job moves add over the run (former colleagues kept, new ones drawn).
double moved_tie_ends(const Scenario& s) {
  const auto rates = models::essay::labour_rates(s);
  const double years = static_cast<double>(s.date("run.end").days - s.date("run.start").days) /
                       kDaysPerYear;
  return 2.0 * s.real("network.colleague_degree") * (rates.separation + rates.job_to_job) * years;
}

double essay_replication_bytes(const Scenario& s) {
  const auto agents = static_cast<double>(s.integer("population.size"));
  const auto platforms = static_cast<double>(s.integer("platforms.count"));
  const double tie_ends = nominal_essay_degree(s) + moved_tie_ends(s);
  return agents * (kEssayBytesPerAgent + platforms * kEssayBytesPerAgentPlatform +
                   tie_ends * kEssayBytesPerTieEnd);
}

// A model not named here counts as Bass: 4 bytes per agent.
double replication_bytes(const Scenario& s) {
  if (s.choice("run.model") == "essay") return essay_replication_bytes(s);
  return static_cast<double>(s.integer("population.size")) * kBassBytesPerAgent;
}

// Values each reporting time adds per replication, counted from the models' outputs
// (EssayModel::outputs, BassModel::outputs) without building a model, which would allocate
// the very memory being estimated. A model not named here counts as one value.
double values_per_time(const Scenario& s) {
  namespace essay = models::essay;
  if (s.choice("run.model") != "essay") return 1.0;
  const auto platforms = static_cast<double>(s.integer("platforms.count"));
  const double per_platform_and_role = essay::kStatuses + static_cast<int>(essay::kTerms) + 1;
  return platforms * essay::kRoles * per_platform_and_role + static_cast<int>(essay::kCounts) +
         essay::kRoles;
}

double output_bytes(const Scenario& s) {
  const auto times = static_cast<double>(run_window(s).report_count());
  const auto replications = static_cast<double>(s.integer("run.replications"));
  return 2.0 * 8.0 * values_per_time(s) * times * replications;
}

std::uint64_t saturated(double bytes) {
  constexpr double kMax = 1.8e19;  // below 2^64
  return static_cast<std::uint64_t>(std::min(bytes, kMax));
}

// The value of `field` (in kB) in /proc/meminfo, in bytes.
std::optional<std::uint64_t> meminfo_bytes(const std::string& field) {
  std::ifstream in("/proc/meminfo");
  std::string name;
  std::uint64_t kilobytes = 0;
  std::string unit;
  while (in >> name >> kilobytes) {
    std::getline(in, unit);
    if (name == field + ":") return kilobytes * 1024;
  }
  return std::nullopt;
}

// A number from a one-line file; nullopt for "max", a missing file or anything else.
std::optional<std::uint64_t> number_in_file(const std::string& path) {
  std::ifstream in(path);
  std::uint64_t number = 0;
  if (!(in >> number)) return std::nullopt;
  return number;
}

// Room left under the cgroup's memory limit (v2, else v1); nullopt when there is no limit.
std::optional<std::uint64_t> cgroup_room() {
  auto limit = number_in_file("/sys/fs/cgroup/memory.max");
  auto used = number_in_file("/sys/fs/cgroup/memory.current");
  if (!limit) {
    limit = number_in_file("/sys/fs/cgroup/memory/memory.limit_in_bytes");
    used = number_in_file("/sys/fs/cgroup/memory/memory.usage_in_bytes");
  }
  if (!limit || *limit >= (1ull << 60)) return std::nullopt;  // v1 writes "no limit" as ~2^63
  const std::uint64_t in_use = used.value_or(0);
  return *limit > in_use ? *limit - in_use : 0;
}

std::string replications_text(std::uint64_t n) {
  return std::to_string(n) + (n == 1 ? " replication" : " replications");
}
}  // namespace

std::uint64_t MemoryEstimate::total() const {
  return saturated(static_cast<double>(per_replication) * static_cast<double>(in_flight) +
                   static_cast<double>(output) + static_cast<double>(base));
}

MemoryEstimate estimate_memory(const Scenario& s, int threads) {
  MemoryEstimate estimate;
  estimate.per_replication = saturated(replication_bytes(s));
  estimate.in_flight = static_cast<std::uint64_t>(
      std::min<std::int64_t>(std::max(threads, 1), s.integer("run.replications")));
  estimate.output = saturated(output_bytes(s));
  estimate.base = kBaseBytes;
  return estimate;
}

std::optional<AvailableMemory> available_memory() {
  const auto meminfo = meminfo_bytes("MemAvailable");
  const auto room = cgroup_room();
  if (meminfo && (!room || *meminfo <= *room)) return AvailableMemory{*meminfo, "MemAvailable"};
  if (room) return AvailableMemory{*room, "room under the cgroup memory limit"};
  return std::nullopt;
}

std::optional<std::string> memory_refusal(const MemoryEstimate& estimate,
                                          const AvailableMemory& available) {
  if (estimate.total() <= available.bytes) return std::nullopt;
  std::ostringstream message;
  message << "this run needs about " << human_bytes(static_cast<double>(estimate.total()))
          << " of memory (" << replications_text(estimate.in_flight) << " in flight x "
          << human_bytes(static_cast<double>(estimate.per_replication)) << " of model state, + "
          << human_bytes(static_cast<double>(estimate.output)) << " of output), but "
          << human_bytes(static_cast<double>(available.bytes)) << " is available ("
          << available.source << "). The model state grows with population.size (and the "
          << "network degrees), the output with run.replications, the reporting times "
          << "(run.start, run.end, output.interval_days), and the replications in flight with "
          << "--threads. Lower them, or pass --no-memory-check to run anyway.";
  return message.str();
}

std::string human_bytes(double bytes) {
  constexpr const char* kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  int unit = 0;
  while (bytes >= 1024.0 && unit < 6) {
    bytes /= 1024.0;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, kUnits[unit]);
  return text;
}

}  // namespace netadopt::run
