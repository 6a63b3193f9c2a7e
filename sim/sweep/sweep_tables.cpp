#include "sweep_tables.hpp"

#include <numeric>

namespace netadopt::sweep::detail {

namespace {
io::Coordinate index_coordinate(const std::string& name, std::size_t size,
                                std::string description) {
  io::Coordinate c{name, std::move(description), {}, std::vector<double>(size), "1", true, false};
  std::iota(c.values.begin(), c.values.end(), 0.0);
  return c;
}

io::Coordinate time_coordinate(const SweepPlan& plan) {
  return {"time",
          "reporting time of the simulation",
          {},
          plan.times,
          "days since " + scenario::format_date(plan.start),
          false,
          true};
}

io::Coordinate date_coordinate(const SweepPlan& plan) {
  io::Coordinate c{"date",
                   "dates of the per-point summaries (between two reporting times, a summary is a "
                   "linear interpolation)",
                   {},
                   {},
                   "days since 1970-01-01",
                   false,
                   false};
  for (const auto date : plan.spec.dates) c.values.push_back(date.days);
  return c;
}

std::vector<io::Coordinate> coordinates(const SweepPlan& plan, const Summaries& summaries) {
  std::vector<io::Coordinate> cs{
      index_coordinate("point", plan.points(), "index of the point of the sweep's design"),
      {"key", "scenario key set by an axis of the sweep", plan.keys(), {}, "1", false, false},
      index_coordinate("replication", plan.replications, "index of the replication of a point"),
      time_coordinate(plan),
      date_coordinate(plan),
      {"summary_role",
       "role of the summaries (all: every agent)",
       summaries.roles,
       {},
       "1",
       false,
       false}};
  for (const auto* dim : series_dimensions(plan))
    cs.push_back({dim->name, dim->description, dim->labels, {}, "1", false, false});
  return cs;
}

std::vector<io::Table> tables(const SweepPlan& plan, const Summaries& summaries) {
  return {{"parameters",
           "1",
           "value of each swept scenario key at each point (in the key's unit)",
           {"point", "key"},
           plan.design.values},
          {"members_at_date",
           "1",
           "members at each summary date by role, mean over replications: agents registered on "
           "at least one platform (the union over platforms: an agent on two platforms counts "
           "once), linear interpolation between the two reporting times around a date that is "
           "not one (NaN: point not done)",
           {"point", "date", "summary_role"},
           summaries.members},
          {"date_reaching_10pct",
           "days since 1970-01-01",
           "date at which the role's members (on at least one platform) first reach 10% of its "
           "agents, replications pooled, linear between reporting times (NaN: never, or point "
           "not done)",
           {"point", "summary_role"},
           summaries.date_reach}};
}

// The --set overrides, one "section.key=value" a line ("" when none).
std::string joined_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

std::vector<std::pair<std::string, std::string>> text_attributes(const SweepPlan& plan,
                                                                 const SweepProvenance& p) {
  return {{"title", "netadopt parameter sweep"},
          {"Conventions", "CF-1.8"},
          {"sweep_file", plan.spec.file},
          {"sweep", plan.spec.text},
          {"base_scenario_file", plan.spec.base_file},
          {"base_scenario", plan.spec.base_text},
          {"set_overrides", joined_lines(plan.spec.set_overrides)},
          {"sweep_hash", hash_text(plan.hash)},
          {"design", design_name(plan.spec.design)},
          {"seed", std::to_string(plan.spec.seed)},
          {"shard", p.shard},
          {"netadopt_version", p.version},
          {"compiler", p.compiler},
          {"command_line", p.command_line},
          {"started_at", p.started_at}};
}
}  // namespace

std::vector<const run::Dimension*> series_dimensions(const SweepPlan& plan) {
  std::vector<const run::Dimension*> dims;
  for (const auto& spec : plan.outputs)
    for (const auto& dim : spec.dims) {
      bool seen = false;
      for (const auto* d : dims) seen = seen || d->name == dim.name;
      if (!seen) dims.push_back(&dim);
    }
  return dims;
}

io::RootContent sweep_root_content(const SweepPlan& plan, const Summaries& summaries,
                                   const SweepProvenance& provenance) {
  return {coordinates(plan, summaries),
          tables(plan, summaries),
          text_attributes(plan, provenance),
          {{"wall_seconds", provenance.wall_seconds},
           {"threads", static_cast<double>(provenance.threads)}}};
}

}  // namespace netadopt::sweep::detail
