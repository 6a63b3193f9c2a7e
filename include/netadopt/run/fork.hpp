#pragma once
// Forks: "what if, from 2006, employment protection had been halved". A fork is a scenario file
// with a [fork] section naming a checkpoint (fork.checkpoint) and a date (fork.date); every
// other key it sets is a change to the checkpoint's scenario, applied from that date on. Each
// replication continues its own warmed-up history, so branches differ only by the changes
// (and by the random draws that follow them).
//
// A fork may change behaviour (rates, costs, culture, launch dates of platforms not launched
// yet), not what the state was built from at the start: the run's dates, seed and replications,
// the reporting interval, the population, firms, clubs and network, the number of platforms,
// and the seeds of the reference models. Those keys are refused, each with its reason.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "netadopt/run/checkpoint.hpp"
#include "netadopt/scenario/scenario.hpp"
#include "netadopt/scenario/schema.hpp"

namespace netadopt::run {

void declare_fork_keys(scenario::Schema& schema);  // [fork]

bool is_fork(const scenario::Scenario& scenario);  // fork.checkpoint is set
// fork.checkpoint, relative to the fork file's folder.
std::filesystem::path fork_checkpoint_path(const scenario::Scenario& fork_file);

// Why `key` cannot change in a fork, or nullopt when it can.
std::optional<std::string> fork_refusal(const std::string& key);

// Where a fork comes from: its output records it (root attributes fork_checkpoint, fork_date,
// fork_file, fork_changes) and so do its own checkpoints, so a resumed fork records the same.
struct ForkOrigin {
  std::string checkpoint;            // the base's checkpoint folder, absolute
  std::string date;                  // the fork's date, YYYY-MM-DD
  std::string file;                  // the fork file
  std::vector<std::string> changes;  // "key: old -> new", one per key the fork changes
};

struct ForkPlan {
  scenario::Scenario base;  // the checkpoint's scenario
  // The base with the fork file's changes, each marked Origin::Fork (`# fork: was OLD`); a key
  // also given by --set stays Origin::Override.
  scenario::Scenario fork;
  double fork_day = 0.0;             // days since run.start
  std::vector<std::string> changed;  // the keys the fork file sets (outside [fork])
  ForkOrigin origin;
};

// Checks the fork file against the checkpoint and builds both scenarios. Throws
// scenario::ScenarioError naming the fork file and each offending key. Replications past the
// fork's date are one problem, naming them all (and the earliest and latest dates they are
// at), and finished replications another.
ForkPlan plan_fork(const scenario::Scenario& fork_file, const Checkpoint& checkpoint);

// The fork's resolved scenario, preceded by comments saying whose fork it is and from when: what
// `netadopt validate FORK` prints, the fork's output keeps, and its checkpoints carry.
std::string fork_text(const scenario::Scenario& fork, const ForkOrigin& origin);
std::string fork_preamble(const ForkOrigin& origin);  // those comments alone

// The plan again from a fork's own checkpoint (written with fork_text): `run --resume` of a
// fork records the provenance of the run it continues.
ForkPlan replan_fork(const Checkpoint& fork_checkpoint);

}  // namespace netadopt::run
