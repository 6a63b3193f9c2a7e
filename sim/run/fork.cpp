#include "netadopt/run/fork.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/loader.hpp"

namespace netadopt::run {

namespace {
using scenario::KeySpec;
using scenario::KeyType;
using scenario::Problem;

std::string format_day(const scenario::Scenario& s, double day) {
  return scenario::format_date(scenario::Date{s.date("run.start").days + static_cast<int>(day)});
}

}  // namespace

std::filesystem::path fork_checkpoint_path(const scenario::Scenario& fork_file) {
  const std::filesystem::path path = fork_file.text("fork.checkpoint");
  if (path.is_absolute()) return path;
  return std::filesystem::path(fork_file.source()).parent_path() / path;
}

void declare_fork_keys(scenario::Schema& schema) {
  schema.add(scenario::path_key(
      {"fork.checkpoint",
       KeyType::Text,
       "",
       "",
       {},
       {},
       "Makes this file a fork: the checkpoint folder (written by `netadopt run` at --stop-at, "
       "at an interval, or on SIGTERM) whose run it continues, relative to this file's folder. "
       "Every other key set in this file changes the checkpoint's scenario from fork.date on.",
       "",
       "",
       "nothing: without it the file is an ordinary scenario, not a fork"}));
  schema.add({"fork.date",
              KeyType::Date,
              "",
              "",
              scenario::kDateRange,
              {},
              "Date from which the fork's changes apply; every replication of the checkpoint "
              "must be paused at or before it.",
              "",
              "",
              "the checkpoint's date, when every replication is paused at the same date"});
}

bool is_fork(const scenario::Scenario& s) { return s.has("fork.checkpoint"); }

std::optional<std::string> fork_refusal(const std::string& key) {
  return full_schema().structural_reason(key);
}

namespace {
constexpr const char* kCheckpointComment = "# fork of the checkpoint ";

std::string absolute_path(const std::filesystem::path& path) {
  std::error_code error;
  const auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(path), error);
  return error ? std::filesystem::absolute(path).lexically_normal().string() : canonical.string();
}

// A value as the scenario text writes it; an absent derived key has none.
std::string written_value(const scenario::Scenario& s, const std::string& key) {
  return s.has(key) ? scenario::format_value(s.value(key)) : "(derived)";
}

// Replication numbers as ranges: "replication 2", "replications 0-3", "replications 0-1, 4".
std::string replications_named(const std::vector<std::size_t>& numbers) {
  std::string ranges;
  for (std::size_t i = 0; i < numbers.size();) {
    std::size_t j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    ranges += (ranges.empty() ? "" : ", ") + std::to_string(numbers[i]) +
              (j > i ? "-" + std::to_string(numbers[j]) : "");
    i = j + 1;
  }
  return (numbers.size() == 1 ? "replication " : "replications ") + ranges;
}

// The keys a fork changes, in the schema's order: those marked Fork or Override.
std::vector<std::string> changed_keys(const scenario::Scenario& fork) {
  std::vector<std::string> keys;
  for (const KeySpec& spec : fork.schema().keys())
    if (fork.origin(spec.name) == scenario::Origin::Fork ||
        fork.origin(spec.name) == scenario::Origin::Override)
      keys.push_back(spec.name);
  return keys;
}

ForkOrigin origin_of(const ForkPlan& plan, std::string checkpoint, std::string file) {
  ForkOrigin origin{
      std::move(checkpoint), format_day(plan.base, plan.fork_day), std::move(file), {}};
  for (const auto& key : plan.changed)
    origin.changes.push_back(key + ": " + written_value(plan.base, key) + " -> " +
                             written_value(plan.fork, key));
  return origin;
}

// The keys the fork file changes, refused or turned into overrides of the base.
std::vector<std::string> fork_overrides(const scenario::Scenario& fork_file) {
  std::vector<Problem> problems;
  std::vector<std::string> overrides;
  for (const KeySpec& spec : full_schema().keys()) {
    if (spec.section() == "fork" || fork_file.origin(spec.name) == scenario::Origin::Default)
      continue;
    if (const auto why = fork_refusal(spec.name))
      problems.push_back({fork_file.source(), 0, spec.name, "cannot change in a fork: " + *why});
    else
      overrides.push_back(spec.name + "=" + scenario::format_value(fork_file.value(spec.name)));
  }
  if (!problems.empty()) throw scenario::ScenarioError(std::move(problems), false);
  return overrides;
}

// Replications that finished, or are paused after the fork's day: one problem for each kind,
// naming the replications (and the earliest and latest dates they are at).
void check_replications(const scenario::Scenario& fork_file, const scenario::Scenario& base,
                        const Checkpoint& checkpoint, double fork_day,
                        std::vector<Problem>& problems) {
  std::vector<std::size_t> finished, late;
  double earliest = 0.0, latest = 0.0;
  for (std::size_t i = 0; i < checkpoint.replications.size(); ++i) {
    const auto& rep = checkpoint.replications[i];
    const std::size_t r = checkpoint.first_replication + i;
    if (rep.stage == Stage::Finished) finished.push_back(r);
    if (rep.stage != Stage::Paused || rep.time <= fork_day) continue;
    earliest = late.empty() ? rep.time : std::min(earliest, rep.time);
    latest = late.empty() ? rep.time : std::max(latest, rep.time);
    late.push_back(r);
  }
  const std::string file = fork_file.source();
  if (!finished.empty())
    problems.push_back({file, 0, "fork.checkpoint",
                        replications_named(finished) + (finished.size() == 1 ? " has" : " have") +
                            " finished in '" + fork_checkpoint_path(fork_file).string() +
                            "'; a fork needs every replication paused before its date "
                            "(write the base with `netadopt run --stop-at DATE`)"});
  if (late.empty()) return;
  const std::string at =
      format_day(base, earliest) + (latest > earliest ? " to " + format_day(base, latest) : "");
  const std::string fix = "set fork.date to " + format_day(base, latest) + " or later";
  problems.push_back(
      {file, 0, "fork.date",
       replications_named(late) + " of the checkpoint " + (late.size() == 1 ? "is" : "are") +
           " already at " + at + ", after the fork's date " + format_day(base, fork_day) +
           (fork_file.has("fork.date")
                ? "; " + fix +
                      ", or fork from an earlier checkpoint (`netadopt run --stop-at DATE`)"
                : " (" + fix + ")")});
}

// The fork's day: fork.date, or the date of the first paused replication.
double fork_day_of(const scenario::Scenario& fork_file, const scenario::Scenario& base,
                   const Checkpoint& checkpoint) {
  if (fork_file.has("fork.date"))
    return fork_file.date("fork.date").days - base.date("run.start").days;
  for (const auto& rep : checkpoint.replications)
    if (rep.stage == Stage::Paused) return rep.time;
  return 0.0;
}

// Marks again, in a fork reloaded from its text, the keys written `# fork: was` or `# --set`.
void restore_marks(scenario::Scenario& fork, const std::string& text) {
  std::istringstream in(text);
  std::string line, section;
  while (std::getline(in, line)) {
    if (line.size() > 2 && line.front() == '[') section = line.substr(1, line.find(']') - 1);
    const auto equals = line.find(" = ");
    if (line.empty() || line.front() == '#' || equals == std::string::npos) continue;
    const std::string name = line.substr(0, equals), key = section + "." + name;
    if (fork.schema().find(key) == nullptr || !fork.has(key)) continue;
    const std::string written = name + " = " + scenario::format_value(fork.value(key));
    if (line == written + scenario::kOverrideNote)
      fork.set(key, scenario::Value(fork.value(key)), scenario::Origin::Override);
    else if (line.rfind(written + scenario::kForkNote, 0) == 0)
      fork.mark_fork_change(key, line.substr(written.size() + std::strlen(scenario::kForkNote)));
  }
}

// The state at the fork's date was built from the base: a derived key of what cannot change in
// a fork (the population's initial unemployment, tenure and shares) keeps the base's value as
// an override, though the fork changes what it is derived from (culture.unemployment_rate,
// employment protection). Without it the fork's model would expect another initial state
// than the checkpoint's and refuse it.
std::vector<std::string> kept_initial_state(const scenario::Scenario& base) {
  std::vector<std::string> overrides;
  const auto& model = models::descriptor(base);
  for (const KeySpec& spec : full_schema().keys()) {
    if (!spec.is_derived() || base.has(spec.name) || !fork_refusal(spec.name)) continue;
    if (const auto value = model.derived_value(base, spec.name))
      overrides.push_back(spec.name + "=" + scenario::format_value(*value));
  }
  return overrides;
}

// The checkpoint a fork's text names (fork_text's first line), or "" if none.
std::string recorded_checkpoint(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  const std::string prefix = kCheckpointComment;
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  return "";
}
}  // namespace

ForkPlan plan_fork(const scenario::Scenario& fork_file, const Checkpoint& checkpoint) {
  const auto& schema = full_schema();
  const std::string file = fork_file.source();
  std::vector<std::string> overrides = fork_overrides(fork_file);
  scenario::Scenario base =
      scenario::parse_scenario(schema, checkpoint.scenario_text, checkpoint.scenario_file);
  const std::vector<std::string> kept = kept_initial_state(base);
  overrides.insert(overrides.end(), kept.begin(), kept.end());
  scenario::Scenario fork =
      scenario::parse_scenario(schema, checkpoint.scenario_text, file, overrides);
  for (const std::string& assignment : kept) {
    const std::string key = assignment.substr(0, assignment.find('='));
    fork.set(key, scenario::Value(fork.value(key)), scenario::Origin::Default);
  }
  const double fork_day = fork_day_of(fork_file, base, checkpoint);
  std::vector<Problem> problems;
  check_replications(fork_file, base, checkpoint, fork_day, problems);
  const double horizon = base.date("run.end").days - base.date("run.start").days;
  if (fork_day >= horizon)
    problems.push_back({file, 0, "fork.date",
                        "the fork's date " + format_day(base, fork_day) +
                            " is not before the run's end " +
                            scenario::format_date(base.date("run.end"))});
  if (!problems.empty()) throw scenario::ScenarioError(std::move(problems), false);
  for (const KeySpec& spec : schema.keys())  // a key --set also gives stays Override
    if (spec.section() != "fork" && fork_file.origin(spec.name) == scenario::Origin::File)
      fork.mark_fork_change(spec.name, written_value(base, spec.name));
  std::vector<std::string> changed = changed_keys(fork);
  ForkPlan plan{std::move(base), std::move(fork), fork_day, std::move(changed), {}};
  plan.origin = origin_of(plan, absolute_path(fork_checkpoint_path(fork_file)), file);
  return plan;
}

std::string fork_preamble(const ForkOrigin& origin) {
  return kCheckpointComment + origin.checkpoint + "\n# from " + origin.date +
         "; each key the fork changes is marked `# fork: was` (its value before the fork)\n";
}

std::string fork_text(const scenario::Scenario& fork, const ForkOrigin& origin) {
  return fork_preamble(origin) + fork.resolved_ini();
}

ForkPlan replan_fork(const Checkpoint& checkpoint) {
  const auto& schema = full_schema();
  scenario::Scenario fork = scenario::parse_scenario(schema, checkpoint.fork_scenario_text,
                                                     checkpoint.fork_scenario_file);
  restore_marks(fork, checkpoint.fork_scenario_text);
  std::vector<std::string> changed = changed_keys(fork);
  ForkPlan plan{
      scenario::parse_scenario(schema, checkpoint.scenario_text, checkpoint.scenario_file),
      std::move(fork),
      checkpoint.fork_day,
      std::move(changed),
      {}};
  plan.origin = origin_of(plan, recorded_checkpoint(checkpoint.fork_scenario_text),
                          checkpoint.fork_scenario_file);
  return plan;
}

}  // namespace netadopt::run
