#include "netadopt/run/fork.hpp"

#include <filesystem>

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

ForkPlan plan_fork(const scenario::Scenario& fork_file, const Checkpoint& checkpoint) {
  const auto& schema = full_schema();
  const std::string file = fork_file.source();
  std::vector<Problem> problems;
  std::vector<std::string> overrides, changed;
  for (const KeySpec& spec : schema.keys()) {
    if (spec.section() == "fork" || fork_file.origin(spec.name) == scenario::Origin::Default)
      continue;
    if (const auto why = fork_refusal(spec.name)) {
      problems.push_back({file, 0, spec.name, "cannot change in a fork: " + *why});
      continue;
    }
    changed.push_back(spec.name);
    overrides.push_back(spec.name + "=" + scenario::format_value(fork_file.value(spec.name)));
  }
  if (!problems.empty()) throw scenario::ScenarioError(std::move(problems), false);
  scenario::Scenario base =
      scenario::parse_scenario(schema, checkpoint.scenario_text, checkpoint.scenario_file);
  scenario::Scenario fork =
      scenario::parse_scenario(schema, checkpoint.scenario_text, file, overrides);
  // The fork's day: fork.date, or the date at which every replication is paused.
  std::optional<double> day;
  if (fork_file.has("fork.date"))
    day = fork_file.date("fork.date").days - base.date("run.start").days;
  for (std::size_t i = 0; i < checkpoint.replications.size(); ++i) {
    const auto& rep = checkpoint.replications[i];
    const std::size_t r = checkpoint.first_replication + i;
    if (rep.stage == Stage::Finished) {
      problems.push_back({file, 0, "fork.checkpoint",
                          "replication " + std::to_string(r) + " has finished in '" +
                              fork_checkpoint_path(fork_file).string() +
                              "'; a fork needs every replication paused before its date "
                              "(write the base with `netadopt run --stop-at DATE`)"});
    } else if (rep.stage == Stage::Paused && !day) {
      day = rep.time;
    }
  }
  const double fork_day = day.value_or(0.0);
  for (std::size_t i = 0; i < checkpoint.replications.size(); ++i) {
    const auto& rep = checkpoint.replications[i];
    if (rep.stage == Stage::Paused && rep.time > fork_day)
      problems.push_back({file, 0, "fork.date",
                          "replication " + std::to_string(checkpoint.first_replication + i) +
                              " of the checkpoint is already at " + format_day(base, rep.time) +
                              ", after the fork's date " + format_day(base, fork_day) +
                              (fork_file.has("fork.date") ? "" : " (set fork.date)")});
  }
  const double horizon = base.date("run.end").days - base.date("run.start").days;
  if (fork_day >= horizon)
    problems.push_back({file, 0, "fork.date",
                        "the fork's date " + format_day(base, fork_day) +
                            " is not before the run's end " +
                            scenario::format_date(base.date("run.end"))});
  if (!problems.empty()) throw scenario::ScenarioError(std::move(problems), false);
  return ForkPlan{std::move(base), std::move(fork), fork_day, std::move(changed)};
}

}  // namespace netadopt::run
