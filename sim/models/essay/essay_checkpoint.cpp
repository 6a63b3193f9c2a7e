// Checkpoints and forks of the essay model. `persist` saves or loads every field that changes
// during a run; `reconfigure` adapts a loaded state to changed parameters (a fork): every
// clock's rate, every referral rate, and the launches of platforms that have not launched yet.
#include "netadopt/models/essay/essay_model.hpp"

namespace netadopt::models::essay {

using core::StateArchive;

void PlatformState::persist(StateArchive& archive) {
  archive.expect("agents", status_.size());
  archive.vector("status", status_);
  {
    StateArchive::Scope scope(archive, "awareness");
    awareness_.persist(archive);
  }
  {
    StateArchive::Scope scope(archive, "active");
    active_.persist(archive);
  }
  {
    StateArchive::Scope scope(archive, "invited");
    invited_.persist(archive);
  }
  archive.value("counts", counts_);
  persist_annoyance(archive);
  if (!archive.is_loading()) return;
  // Derived state: rebuilt on load, and every clock is redrawn after it (a no-op where a
  // clock's rate and pending firing are unchanged).
  active_total_ = 0;
  for (std::size_t r = 0; r < kRoles; ++r) active_total_ += active_.size(r);
  mark_all_changed();
}

// Stored as two vectors, value and day, as before the two were interleaved in memory.
void PlatformState::persist_annoyance(StateArchive& archive) {
  std::vector<float> value(annoyance_.size()), at(annoyance_.size());
  for (std::size_t i = 0; i < annoyance_.size(); ++i) {
    value[i] = annoyance_[i].value;
    at[i] = annoyance_[i].at;
  }
  archive.vector("annoyance", value);
  archive.vector("annoyed_at", at);
  if (!archive.is_loading()) return;
  if (value.size() != annoyance_.size() || at.size() != annoyance_.size())
    throw core::StateError("checkpoint: annoyance vectors of the wrong size");
  for (std::size_t i = 0; i < annoyance_.size(); ++i) annoyance_[i] = {value[i], at[i]};
}

void EssayModel::persist(StateArchive& archive) {
  archive.expect("agents", agents_);
  archive.expect("platforms", platforms_.size());
  archive.expect("clocks", clocks_.size());
  structure_stream_.persist(archive, "stream.structure");
  platform_stream_.persist(archive, "stream.platforms");
  labour_stream_.persist(archive, "stream.labour");
  summary_stream_.persist(archive, "stream.summary");
  {
    StateArchive::Scope scope(archive, "population");
    population_.persist(archive);
  }
  {
    StateArchive::Scope scope(archive, "network");
    network_.persist(archive);
  }
  for (std::size_t p = 0; p < platforms_.size(); ++p) {
    StateArchive::Scope scope(archive, "platform" + std::to_string(p + 1));
    platforms_[p].persist(archive);
  }
  archive.bools("launched", launched_);
  archive.vector("launch_events", launch_events_);
  {
    StateArchive::Scope scope(archive, "labour_pools");
    labour_pools_.persist(archive);
  }
  archive.vector("member_of", member_of_);
  archive.vector("member_contacts", member_contacts_);
  archive.vector("registered_on", registered_on_);
  archive.value("registered", registered_);
  {
    StateArchive::Scope scope(archive, "referral_rates");
    referral_rates_.persist(archive);
  }
  for (std::size_t c = 0; c < clocks_.size(); ++c)
    clocks_[c].persist(archive, "clock" + std::to_string(c));
  archive.value("counts", counts_);
  archive.vector("term_sums", term_sums_);
  archive.vector("evaluations", evaluations_);
  StateArchive::Scope scope(archive, "summary");
  essay::persist(archive, summary_);
}

void EssayModel::reconfigure(core::Simulator& sim) {
  for (std::uint32_t i = 0; i < agents_; ++i) update_referral(i);
  for (std::size_t p = 0; p < platforms_.size(); ++p) {
    if (launched_[p]) continue;
    // A launch moved to before the fork's date happens at the fork's date.
    const double day = std::max(sim.now(), params_.platforms[p].launch_day);
    const core::Event* pending = sim.queue().find(launch_events_[p]);
    if (pending && pending->time == day) continue;  // unchanged: the fork stays on the base's path
    sim.queue().cancel(launch_events_[p]);
    launch_events_[p] = sim.queue().schedule(day, kLaunchKind, p);
  }
  refresh_all_clocks(sim);
}

}  // namespace netadopt::models::essay
