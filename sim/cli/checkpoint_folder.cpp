#include "checkpoint_folder.hpp"

#include <algorithm>
#include <cstdio>
#include <regex>

#include "arguments.hpp"
#include "commands.hpp"
#include "netadopt/io/checkpoint_file.hpp"
#include "netadopt/scenario/ini_lines.hpp"
#include "netadopt/scenario/loader.hpp"
#include "netadopt/scenario/read_file.hpp"

namespace netadopt::cli {

namespace fs = std::filesystem;

namespace {
const std::regex kReplicationFile(R"(replication_(\d{4,})\.h5)");

std::vector<fs::path> checkpoint_files(const fs::path& folder, std::vector<fs::path>* others) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (std::regex_match(name, kReplicationFile))
      files.push_back(entry.path());
    else if (others)
      others->push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void check_same_run(const run::Checkpoint& first, const run::Checkpoint& next,
                    const fs::path& file) {
  if (next.scenario_text != first.scenario_text ||
      next.fork_scenario_text != first.fork_scenario_text ||
      next.replication_count != first.replication_count)
    throw io::CheckpointError("checkpoint '" + file.string() +
                              "' belongs to another run than the other files of its folder");
}
// The line of `key` in the file `scenario` came from (0 if it cannot tell).
int line_of(const scenario::Scenario& scenario, const std::string& key) {
  try {
    const auto text = scenario::read_text_file(scenario.source(), "a scenario file");
    for (const auto& entry : scenario::detail::scan_ini_lines(text).entries)
      if (entry.key == key) return entry.line;
  } catch (const scenario::FileReadError&) {
  }
  return 0;
}

// A problem with fork.checkpoint: the fork file's, at the key's line.
scenario::ScenarioError checkpoint_problem(const scenario::Scenario& fork_file,
                                           const std::string& message, bool unreadable) {
  return scenario::ScenarioError(
      {{fork_file.source(), line_of(fork_file, "fork.checkpoint"), "fork.checkpoint", message}},
      unreadable);
}

run::Checkpoint read_fork_checkpoint(const scenario::Scenario& fork_file) {
  const fs::path folder = run::fork_checkpoint_path(fork_file);
  const fs::path near = fs::path(fork_file.source()).parent_path();
  const std::string where = "'" + folder.string() + "'" +
                            (fs::path(fork_file.text("fork.checkpoint")).is_absolute()
                                 ? ""
                                 : " (fork.checkpoint is relative to the fork file's folder, '" +
                                       (near.empty() ? std::string(".") : near.string()) + "')");
  std::error_code error;
  if (!fs::is_directory(folder, error))
    throw checkpoint_problem(
        fork_file,
        "no checkpoint folder at " + where +
            "; a checkpoint is the folder `netadopt run --stop-at DATE` writes, "
            "results/NAME.DATE.checkpoint",
        true);
  try {
    return read_checkpoint_folder(folder);
  } catch (const io::CheckpointError& e) {
    throw checkpoint_problem(fork_file, "cannot read the checkpoint at " + where + ": " + e.what(),
                             true);
  }
}
}  // namespace

fs::path replication_file(const fs::path& folder, std::size_t r) {
  char name[40];
  std::snprintf(name, sizeof name, "replication_%04zu.h5", r);
  return folder / name;
}

CheckpointFolder::CheckpointFolder(fs::path folder, run::Checkpoint header)
    : folder_(std::move(folder)), header_(std::move(header)) {
  header_.replications.clear();
}

void CheckpointFolder::prepare(bool replace) const {
  std::error_code error;
  if (!fs::exists(folder_, error)) {
    if (!fs::create_directories(folder_, error))
      throw CannotCreateOutput("cannot create the checkpoint folder '" + folder_.string() +
                               "': " + error.message());
    return;
  }
  if (!fs::is_directory(folder_))
    throw CannotCreateOutput("checkpoint folder '" + folder_.string() +
                             "' exists and is not a folder; choose another with --checkpoint");
  std::vector<fs::path> others;
  const auto files = checkpoint_files(folder_, &others);
  if (!others.empty())
    throw CannotCreateOutput("checkpoint folder '" + folder_.string() + "' holds other files (" +
                             others.front().filename().string() +
                             "); choose another with --checkpoint");
  if (files.empty()) return;
  if (!replace)
    throw CannotCreateOutput("checkpoint folder '" + folder_.string() +
                             "' holds the checkpoint of an earlier run: continue it with "
                             "`netadopt run --resume " +
                             folder_.string() +
                             "`, or start afresh with --force (which deletes it)");
  for (const auto& file : files) fs::remove(file);
}

void CheckpointFolder::store(std::size_t r, const run::ReplicationCheckpoint& checkpoint,
                             const std::string& reason) {
  run::Checkpoint one = header_;
  one.reason = reason;
  one.written_at = utc_now();
  one.first_replication = r;
  one.replications.push_back(checkpoint);
  io::write_checkpoint(replication_file(folder_, r), one);
}

void remove_checkpoint(const fs::path& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return;
  for (const auto& file : checkpoint_files(folder, nullptr)) fs::remove(file, error);
  fs::remove(folder, error);  // fails, harmlessly, unless empty
}

run::Checkpoint read_checkpoint_folder(const fs::path& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error))
    throw io::CheckpointError("checkpoint '" + folder.string() +
                              "' is not a folder (a checkpoint is the folder that `netadopt "
                              "run` writes, results/NAME.checkpoint)");
  const auto files = checkpoint_files(folder, nullptr);
  if (files.empty())
    throw io::CheckpointError("checkpoint folder '" + folder.string() +
                              "' holds no replication_NNNN.h5 file");
  run::Checkpoint all;
  for (std::size_t k = 0; k < files.size(); ++k) {
    run::Checkpoint one = io::read_checkpoint(files[k]);
    if (one.layout_version != core::kStateLayoutVersion)
      throw io::CheckpointError("checkpoint '" + files[k].string() + "' was written by netadopt " +
                                one.version + " with state layout " +
                                std::to_string(one.layout_version) + "; this netadopt (" +
                                "layout " + std::to_string(core::kStateLayoutVersion) +
                                ") cannot continue it: resume with the netadopt that wrote it");
    if (one.replications.size() != 1 || one.first_replication >= one.replication_count)
      throw io::CheckpointError("checkpoint '" + files[k].string() +
                                "' does not hold one replication of its run");
    if (files[k].filename() != replication_file(folder, one.first_replication).filename())
      throw io::CheckpointError("checkpoint '" + files[k].string() + "' holds replication " +
                                std::to_string(one.first_replication) + " (renamed?)");
    if (k == 0) {
      all = one;
      all.replications.assign(one.replication_count, {});
    } else {
      check_same_run(all, one, files[k]);
    }
    all.replications[one.first_replication] = std::move(one.replications.front());
  }
  all.first_replication = 0;
  return all;
}

ForkStart start_fork(const scenario::Scenario& fork_file) {
  run::Checkpoint checkpoint = read_fork_checkpoint(fork_file);
  if (!checkpoint.fork_scenario_text.empty())
    throw checkpoint_problem(fork_file,
                             "'" + run::fork_checkpoint_path(fork_file).string() +
                                 "' is the checkpoint of a fork; fork from the base run's "
                                 "checkpoint instead",
                             false);
  run::ForkPlan plan = run::plan_fork(fork_file, checkpoint);
  return {std::move(checkpoint), std::move(plan)};
}

}  // namespace netadopt::cli
