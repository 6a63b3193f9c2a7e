#include "resumable_replication.hpp"

#include <memory>

#include "netadopt/catalog/catalog.hpp"
#include "pauses.hpp"
#include "recording_observer.hpp"

namespace netadopt::run {

namespace {
using core::StateArchive;

// One replication in flight: its model (switched at a fork), simulator and recorder.
struct Replication {
  std::unique_ptr<models::Model> model;
  core::Simulator sim;
  std::unique_ptr<models::Recorder> recorder;
  std::uint8_t forked = 0;

  void persist(StateArchive& archive) {
    archive.value("run.forked", forked);
    {
      StateArchive::Scope scope(archive, "sim");
      sim.persist(archive);
    }
    {
      StateArchive::Scope scope(archive, "recorder");
      recorder->persist(archive);
    }
    StateArchive::Scope scope(archive, "model");
    model->persist(archive);
  }
};

bool saved_after_fork(const ReplicationCheckpoint& from) {
  const auto it = from.state.find("run.forked");
  return it != from.state.end() && it->second.size() == 1 && it->second[0] != 0;
}

Replication restore_or_start(const ResumableRun& run, std::size_t r, ReplicationCheckpoint* from) {
  Replication rep;
  rep.forked = from && from->stage == Stage::Paused && run.fork && saved_after_fork(*from);
  const scenario::Scenario& s = rep.forked ? *run.fork : *run.scenario;
  rep.model = models::make_model(s, r);
  rep.recorder =
      std::make_unique<models::Recorder>(models::output_layout(s), run_window(s).report_count());
  if (from && from->stage == Stage::Paused) {
    auto archive = StateArchive::loading(std::move(from->state));
    rep.persist(archive);
  } else {
    rep.model->start(rep.sim);
  }
  return rep;
}

// At the fork's day: the state moves into a model built from the fork's scenario.
void switch_to_fork(Replication& rep, const ResumableRun& run, std::size_t r) {
  auto saving = StateArchive::saving();
  {
    StateArchive::Scope scope(saving, "model");
    rep.model->persist(saving);
  }
  auto next = models::make_model(*run.fork, r);
  auto loading = StateArchive::loading(saving.take_image());
  {
    StateArchive::Scope scope(loading, "model");
    next->persist(loading);
  }
  next->reconfigure(rep.sim);
  rep.model = std::move(next);
  rep.forked = 1;
}

// `time`: the state's simulated time (a pause day: the state at that day, nothing after it).
ReplicationCheckpoint snapshot(Replication& rep, double time) {
  auto archive = StateArchive::saving();
  rep.persist(archive);
  ReplicationCheckpoint cp;
  cp.stage = Stage::Paused;
  cp.time = time;
  cp.events = rep.sim.events_processed();
  cp.state = archive.take_image();
  return cp;
}

ReplicationCheckpoint finished(Replication& rep, const core::RunWindow& window) {
  ReplicationCheckpoint cp;
  cp.stage = Stage::Finished;
  cp.time = window.horizon;
  cp.events = rep.sim.events_processed();
  cp.output.events = cp.events;
  cp.output.fingerprint = rep.sim.fingerprint();
  const std::size_t variables = rep.recorder->variable_count();
  for (std::size_t v = 0; v < variables; ++v) {
    const auto series = rep.recorder->series(v);
    cp.output.series.emplace_back(series.begin(), series.end());
  }
  return cp;
}
}  // namespace

ReplicationCheckpoint run_replication_resumably(ResumableRun& run, const CheckpointPolicy& policy,
                                                std::size_t r) {
  ReplicationCheckpoint* from = run.from.empty() ? nullptr : &run.from[r];
  if (from && from->stage == Stage::Finished) return *from;
  if (stop_requested() != 0) return from ? *from : ReplicationCheckpoint{};
  Replication rep;
  try {
    rep = restore_or_start(run, r, from);
  } catch (const core::Stopped&) {  // stopped while building the model: nothing new to save
    return from ? *from : ReplicationCheckpoint{};
  }
  const core::RunWindow window = run_window(*run.scenario);
  RecordingObserver observer(*rep.model, *rep.recorder);
  std::optional<double> fork_day;
  if (run.fork && !rep.forked) fork_day = run.fork_day;
  Pauses pauses(policy, fork_day, rep.sim.now());
  while (!rep.sim.run(*rep.model, observer, window, &pauses)) {
    const PauseReasons reasons = pauses.reasons();
    if (reasons.fork) {
      rep.sim.report_through(pauses.day(), observer, window);  // the branch point's samples
      switch_to_fork(rep, run, r);
      observer.follow(*rep.model);
    }
    if (reasons.checkpoint || reasons.stops()) {
      ReplicationCheckpoint cp = snapshot(rep, reasons.at_day ? pauses.day() : rep.sim.now());
      if (policy.store) policy.store(r, cp);
      if (reasons.stops()) return cp;
    }
    pauses.resume();
  }
  return finished(rep, window);
}

}  // namespace netadopt::run
