#pragma once
// What a checkpoint holds, independent of any file format (the io module writes it to HDF5):
// the resolved scenario, and for each replication either nothing (not started), its full
// state between two events (paused), or its output (finished). Replications are independent,
// so each may be at a different simulated time; resuming restores the paused ones, copies the
// finished ones and runs the rest, and gives the result an uninterrupted run gives.
#include <cstdint>
#include <string>
#include <vector>

#include "netadopt/core/state_archive.hpp"
#include "netadopt/run/replication.hpp"

namespace netadopt::run {

enum class Stage : std::uint8_t { NotStarted = 0, Paused = 1, Finished = 2 };

struct ReplicationCheckpoint {
  Stage stage = Stage::NotStarted;
  double time = 0.0;         // paused: days since the start; finished: the horizon
  std::uint64_t events = 0;  // events processed so far
  core::StateImage state;    // paused: simulator, model and recorder ("sim.", "model.", ...)
  ReplicationOutput output;  // finished: what run_replication returns
};

struct Checkpoint {
  std::string scenario_file;  // where the scenario was read from (for messages)
  std::string scenario_text;  // the resolved scenario, every key: resuming reloads it
  // A fork: from fork_day (days since the start) on, the run follows this scenario instead
  // (empty: not a fork). Replications paused before fork_day switch when they reach it.
  std::string fork_scenario_text;
  std::string fork_scenario_file;
  double fork_day = 0.0;
  std::string output_path;  // where the finished run writes its result
  std::string reason;       // "interval", "SIGTERM", "date 2006-01-01", ...
  std::string written_at;   // ISO 8601, UTC
  std::string version;      // netadopt's version (git describe)
  std::string compiler;     // the compiler that built it
  std::int64_t layout_version = core::kStateLayoutVersion;
  std::size_t replication_count = 0;  // of the scenario
  std::size_t first_replication = 0;  // replications[i] is replication first_replication + i
  std::vector<ReplicationCheckpoint> replications;
};

}  // namespace netadopt::run
