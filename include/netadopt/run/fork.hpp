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

struct ForkPlan {
  scenario::Scenario base;           // the checkpoint's scenario
  scenario::Scenario fork;           // the base with the fork file's changes
  double fork_day = 0.0;             // days since run.start
  std::vector<std::string> changed;  // the keys the fork file sets (outside [fork])
};

// Checks the fork file against the checkpoint and builds both scenarios. Throws
// scenario::ScenarioError naming the fork file and each offending key; a replication that
// has passed the fork's date (or finished) is a problem too.
ForkPlan plan_fork(const scenario::Scenario& fork_file, const Checkpoint& checkpoint);

}  // namespace netadopt::run
