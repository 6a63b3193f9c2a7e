// The resource guard's estimate: each model's catalog entry gives one replication's state
// (catalog/catalog.hpp); the output's size follows from its layout; a fixed base is added.
#include "netadopt/run/resources.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/derived_outputs.hpp"
#include "netadopt/run/replication.hpp"

namespace netadopt::run {

namespace {
constexpr std::uint64_t kBaseBytes = 24ull << 20;  // the binary, its libraries, the heap's start

using scenario::Scenario;

double replication_bytes(const Scenario& s) { return models::descriptor(s).replication_bytes(s); }

// Values each reporting time adds per replication: the cells of the time series in the model's
// output layout and the variables derived from it (timeless variables are a few values per
// replication).
double values_per_time(const Scenario& s) {
  std::vector<models::VariableSpec> layout = models::output_layout(s);
  for (auto& spec : derived_layout(layout)) layout.push_back(std::move(spec));
  double values = 0.0;
  for (const auto& spec : layout)
    if (!spec.timeless) values += static_cast<double>(spec.cell_count());
  return values;
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

std::uint64_t MemoryEstimate::agents_fitting(std::uint64_t bytes) const {
  const double state = static_cast<double>(per_replication) * static_cast<double>(in_flight);
  const double room = static_cast<double>(bytes) - static_cast<double>(output + base);
  if (agents == 0 || state <= 0.0 || room <= 0.0) return 0;
  const double fitting = std::floor(static_cast<double>(agents) * std::min(1.0, room / state));
  const double unit = std::pow(10.0, std::max(0.0, std::floor(std::log10(fitting)) - 1.0));
  return static_cast<std::uint64_t>(std::floor(fitting / unit) * unit);
}

MemoryEstimate estimate_memory(const Scenario& s, int threads) {
  MemoryEstimate estimate;
  estimate.agents = static_cast<std::uint64_t>(s.integer("population.size"));
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
  if (const std::uint64_t fitting = estimate.agents_fitting(available.bytes);
      fitting > 0 && fitting < estimate.agents)
    message << " Here population.size up to about " << fitting << " fits (members per 1,000 "
            << "workers do not depend on it); the full size needs a machine with "
            << human_bytes(static_cast<double>(estimate.total()))
            << " free, such as a cluster node (README, \"Full scale\").";
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
