// The platform side of the essay model: launches, awareness, evaluation with the logistic
// choice, invitations and prospecting messages.
#include <cmath>

#include "netadopt/models/essay/essay_model.hpp"

namespace netadopt::models::essay {

namespace {
constexpr double kDaysPerYear = 365.25;
}

// Launch: founders' seed members, employed executives drawn uniformly, join at once (H1).
void EssayModel::launch(std::size_t p, core::Simulator& sim) {
  launched_[p] = true;
  const auto executives = static_cast<std::size_t>(Occupation::Executive);
  const auto& unaware = platforms_[p].awareness_pools();
  std::uint64_t attempts = 20ULL * params_.platforms[p].founders + 100;
  for (std::uint32_t joined = 0; joined < params_.platforms[p].founders && attempts > 0; --attempts) {
    if (unaware.size(executives) == 0) break;
    const std::uint32_t i = unaware.pick(executives, platform_stream_);
    if (!population_.agent(i).employed) continue;
    sim.note(i);
    set_status(i, p, Status::Active);
    ++joined;
  }
}

void EssayModel::media_awareness(std::size_t p, std::size_t occupation, core::Simulator& sim) {
  const std::uint32_t i = platforms_[p].awareness_pools().pick(occupation, platform_stream_);
  sim.note(i);
  ++counts_[kAwareMedia];
  become_aware(i, p, sim.now());
}

void EssayModel::reevaluate(std::size_t p, core::Simulator& sim) {
  const std::uint32_t i =
      platforms_[p].awareness_pools().pick(PlatformState::kKnown, platform_stream_);
  sim.note(i);
  evaluate(i, p, sim.now());
}

void EssayModel::invite(std::size_t p, std::size_t role, core::Simulator& sim) {
  const std::uint32_t inviter = platforms_[p].active_pools().pick(role, platform_stream_);
  ++counts_[kInvitations];
  std::uint32_t target = inviter;
  if (params_.well_mixed_invitations) {
    target = static_cast<std::uint32_t>(platform_stream_.uniform_index(agents_));
  } else {
    const auto& ties = network_.ties(inviter);
    if (ties.empty()) return;
    target = ties[platform_stream_.uniform_index(ties.size())].other();
  }
  sim.note(target);
  const Status s = platforms_[p].status(target);
  if (target == inviter || s == Status::Active) return;
  if (s == Status::Unaware) {
    ++counts_[kAwareInvited];
    become_aware(target, p, sim.now());
  } else {
    evaluate(target, p, sim.now());
  }
}

// A uniform active member of platform p: a role with probability proportional to its pool.
std::uint32_t EssayModel::random_active_member(std::size_t p) {
  const auto& pools = platforms_[p].active_pools();
  std::uint64_t k = platform_stream_.uniform_index(platforms_[p].active_total());
  std::size_t role = 0;
  while (k >= pools.size(role)) k -= pools.size(role++);
  return pools.at(role, k);
}

void EssayModel::prospect(std::size_t p, core::Simulator& sim) {
  const auto sales = static_cast<std::size_t>(Role::Salesperson);
  const std::uint32_t sender = platforms_[p].active_pools().pick(sales, platform_stream_);
  const std::uint32_t recipient = random_active_member(p);
  sim.note(recipient);
  ++counts_[kMessages];
  if (recipient == sender) return;
  platforms_[p].annoy(recipient, params_.annoyance_per_message, sim.now(),
                      params_.annoyance_decay / kDaysPerYear);
}

void EssayModel::become_aware(std::uint32_t i, std::size_t p, double now) {
  set_status(i, p, Status::Aware);
  evaluate(i, p, now);
}

double EssayModel::contact_value(std::uint32_t i, std::size_t p) const {
  double value = 0.0;
  for (const Tie& tie : network_.ties(i))
    if (platforms_[p].status(tie.other()) == Status::Active)
      value += params_.utility.contact_value[static_cast<std::size_t>(population_.role(tie.other()))] *
               params_.utility.tie_value[static_cast<std::size_t>(tie.kind())];
  return value;
}

Evaluator EssayModel::evaluator(std::uint32_t i, std::size_t p, double now) const {
  const Agent& a = population_.agent(i);
  Evaluator e;
  e.role = population_.role(i);
  e.hostile_boss = a.employed && a.occupation != Occupation::Executive &&
                   population_.firm_hostile(a.firm);
  e.in_club = a.club != kNone;
  e.tenure_years = a.employed ? (now - a.hired_at) / kDaysPerYear : 0.0;
  e.annoyance = platforms_[p].annoyance(i, now, params_.annoyance_decay / kDaysPerYear);
  e.contact_value = contact_value(i, p);
  e.member_share = static_cast<double>(platforms_[p].active_total()) / agents_;
  return e;
}

void EssayModel::evaluate(std::uint32_t i, std::size_t p, double now) {
  const Evaluator e = evaluator(i, p, now);
  const auto terms = utility_terms(params_.utility, culture_, labour_.career_orientation, e);
  double u = 0.0;
  auto& sums = term_sums_[p][static_cast<std::size_t>(e.role)];
  for (int t = 0; t < kTerms; ++t) {
    u += terms[t];
    sums[t] += terms[t];
  }
  ++evaluations_[p][static_cast<std::size_t>(e.role)];
  ++counts_[kEvaluations];
  const double theta = params_.threshold_base +
                       params_.threshold_uncertainty * culture_.uncertainty_avoidance / 100.0;
  if (platforms_[p].status(i) == Status::Active) {
    if (u < theta - params_.leave_margin) {
      ++counts_[kDormancies];
      set_status(i, p, Status::Dormant);
    }
  } else if (platform_stream_.uniform01() < 1.0 / (1.0 + std::exp(-params_.beta * (u - theta)))) {
    ++counts_[kJoins];
    set_status(i, p, Status::Active);
  }
}

namespace {
bool registered(Status s) { return s == Status::Active || s == Status::Dormant; }
}  // namespace

void EssayModel::set_status(std::uint32_t i, std::size_t p, Status next) {
  const Status previous = platforms_[p].status(i);
  const bool was_active = previous == Status::Active;
  platforms_[p].set_status(i, next, population_.role(i));
  if (registered(previous) != registered(next)) {
    const bool was_registered = registered_on_[i] > 0;
    registered_on_[i] = static_cast<std::uint8_t>(registered_on_[i] + (registered(next) ? 1 : -1));
    if (was_registered != (registered_on_[i] > 0))
    {
      auto& count = registered_[static_cast<std::size_t>(population_.role(i))];
      count = was_registered ? count - 1 : count + 1;
    }
  }
  const bool active = next == Status::Active;
  if (was_active == active) return;
  const bool was_member = is_member(i);
  member_of_[i] = static_cast<std::uint8_t>(member_of_[i] + (active ? 1 : -1));
  if (was_member != is_member(i)) member_flag_changed(i, is_member(i));
}

}  // namespace netadopt::models::essay
