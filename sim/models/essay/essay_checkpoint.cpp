// Checkpoints and forks of the essay model. `persist` saves or loads every field that changes
// during a run; `reconfigure` adapts a loaded state to changed parameters (a fork): pending
// messages under the old prospecting parameters, every clock's rate, every referral rate, and
// the launches of platforms that have not launched yet.
#include <cmath>
#include <string>

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
  if (!archive.is_loading()) return;
  // Derived state: rebuilt on load, and every clock is redrawn after it (a no-op where a
  // clock's rate and pending firing are unchanged).
  active_total_ = 0;
  for (std::size_t r = 0; r < kRoles; ++r) active_total_ += active_.size(r);
  mark_all_changed();
}

// The stamps of K, and every agent's annoyance and its day.
void MessageStreams::persist(StateArchive& archive) {
  std::vector<double> t, k, slope, salespeople;
  for (const Stamp& s : stamps_) {
    t.push_back(s.t);
    k.push_back(s.k);
    slope.push_back(s.slope);
    salespeople.push_back(s.salespeople);
  }
  archive.vector("stamp_day", t);
  archive.vector("stamp_integral", k);
  archive.vector("stamp_slope", slope);
  archive.vector("stamp_salespeople", salespeople);
  const std::size_t agents = at_.size();
  archive.vector("annoyance", value_);
  archive.vector("annoyed_at", at_);
  if (!archive.is_loading()) return;
  if (t.empty() || k.size() != t.size() || slope.size() != t.size() ||
      salespeople.size() != t.size())
    throw core::StateError("checkpoint: message stamps missing or of unequal sizes");
  if (value_.size() != agents || at_.size() != agents)
    throw core::StateError("checkpoint: annoyance vectors of the wrong size");
  stamps_.clear();
  for (std::size_t s = 0; s < t.size(); ++s)
    stamps_.push_back({t[s], k[s], slope[s], salespeople[s]});
  check_loaded();
}

// A damaged checkpoint must not load: every stamp and annoyance in range.
void MessageStreams::check_loaded() const {
  for (std::size_t s = 0; s < stamps_.size(); ++s) {
    const Stamp& x = stamps_[s];
    const bool ordered = s == 0 || (x.t > stamps_[s - 1].t && x.k >= stamps_[s - 1].k);
    if (!std::isfinite(x.t) || !std::isfinite(x.k) || !(x.slope >= 0.0) ||
        !std::isfinite(x.slope) || !(x.salespeople >= 0.0) || !ordered)
      throw core::StateError("checkpoint: message stamp " + std::to_string(s) + " out of range");
  }
  for (std::size_t i = 0; i < at_.size(); ++i)
    if (!std::isfinite(at_[i]) || !(value_[i] >= 0.0f) || !std::isfinite(value_[i]))
      throw core::StateError("checkpoint: annoyance of agent " + std::to_string(i) +
                             " out of range");
}

void EssayModel::persist(StateArchive& archive) {
  archive.expect("agents", agents_);
  archive.expect("platforms", platforms_.size());
  archive.expect("clocks", clocks_.size());
  structure_stream_.persist(archive, "stream.structure");
  platform_stream_.persist(archive, "stream.platforms");
  labour_stream_.persist(archive, "stream.labour");
  summary_stream_.persist(archive, "stream.summary");
  message_stream_.persist(archive, "stream.messages");
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
    StateArchive::Scope messages(archive, "messages");
    messages_[p].persist(archive);
  }
  // The parameters the pending messages were sent under: a fork that changes them delivers
  // the pending ones under these first (reconfigure).
  archive.value("message_params", message_params_);
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
  if (message_params_ != current_message_params()) {
    deliver_all_messages(sim.now());
    message_params_ = current_message_params();
    for (std::size_t p = 0; p < platforms_.size(); ++p) restamp_messages(p, sim.now());
  }
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
