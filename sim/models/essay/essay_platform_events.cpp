// The platform side of the essay model: launches and the founders' circle, awareness,
// evaluation with the logistic choice, invitations (ongoing, and the burst a new member sends
// at sign-up), their answers after a delay, and the delivery of prospecting messages.
#include <algorithm>
#include <cmath>

#include "netadopt/models/essay/essay_model.hpp"
#include "netadopt/scenario/date.hpp"

namespace netadopt::models::essay {

namespace {
using scenario::kDaysPerYear;
}

// Launch: the founders' circle joins at once and sends its sign-up invitations (H1).
void EssayModel::launch(std::size_t p, core::Simulator& sim) {
  launched_[p] = true;
  const std::vector<std::uint32_t> founders = founders_circle(p);
  for (const std::uint32_t i : founders) {
    sim.note(i);
    set_status(i, p, Status::Active, sim.now());
  }
  for (const std::uint32_t i : founders) signup_invitations(i, p, sim.now());
}

// In the platform's home market only: a uniform employed executive unaware of it and its
// contacts, breadth first (a founder invites the people it knows best first), then another
// executive if that circle is too small.
std::vector<std::uint32_t> EssayModel::founders_circle(std::size_t p) {
  const PlatformParams& platform = params_.platforms[p];
  std::vector<std::uint32_t> circle;
  if (platform.home_market != culture_.country) return circle;
  const auto executives = static_cast<std::size_t>(Occupation::Executive);
  const auto& unaware = platforms_[p].awareness_pools();
  std::vector<bool> taken(agents_, false);
  std::uint64_t attempts = 20ULL * platform.founders + 100;
  while (circle.size() < platform.founders && attempts-- > 0 && unaware.size(executives) > 0) {
    const std::uint32_t seed = unaware.pick(executives, platform_stream_);
    if (taken[seed] || !population_.agent(seed).employed) continue;
    taken[seed] = true;
    circle.push_back(seed);
    for (std::size_t next = circle.size() - 1;
         next < circle.size() && circle.size() < platform.founders; ++next)
      for (const Tie& tie : network_.ties(circle[next]))
        if (!taken[tie.other()] && circle.size() < platform.founders) {
          taken[tie.other()] = true;
          circle.push_back(tie.other());
        }
  }
  return circle;
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
  if (target == inviter || platforms_[p].status(target) == Status::Active) return;
  deliver_invitation(target, p, sim.now());
}

// An invitation makes an unaware agent aware; the agent evaluates the platform when it looks
// at the invitation, after a delay (the respond clock) or at once.
void EssayModel::deliver_invitation(std::uint32_t target, std::size_t p, double now) {
  if (platforms_[p].status(target) == Status::Unaware) {
    ++counts_[kAwareInvited];
    set_status(target, p, Status::Aware, now);
  }
  if (params_.response_days > 0)
    platforms_[p].add_invited(target);
  else
    answer_now_.emplace_back(target, p);
}

// Invitations without delay (response_days = 0), answered at the end of the event that sent
// them, whatever its kind, in the order sent; answers that join send more, which join the end
// of the list, so a burst cascades breadth first within one event.
void EssayModel::answer_invitations_now(double now) {
  for (std::size_t k = 0; k < answer_now_.size(); ++k) {
    const auto [i, p] = answer_now_[k];
    if (platforms_[p].status(i) != Status::Active) evaluate(i, p, now);
  }
  answer_now_.clear();
}

void EssayModel::respond(std::size_t p, core::Simulator& sim) {
  const std::uint32_t i = platforms_[p].take_invited(platform_stream_);
  sim.note(i);
  if (platforms_[p].status(i) != Status::Active) evaluate(i, p, sim.now());
}

double EssayModel::signup_share(Role role) const {
  const double held_back = params_.signup_discretion * culture_.discretion;
  return params_.signup_share[static_cast<std::size_t>(role)] * std::max(0.0, 1.0 - held_back);
}

// The address-book import of a new member: each contact who is not active on p is invited
// with probability signup_share(role).
void EssayModel::signup_invitations(std::uint32_t i, std::size_t p, double now) {
  const double share = signup_share(population_.role(i));
  if (share <= 0.0) return;
  for (const Tie& tie : network_.ties(i)) {
    if (platforms_[p].status(tie.other()) == Status::Active) continue;
    if (platform_stream_.uniform01() >= share) continue;
    ++counts_[kInvitations];
    deliver_invitation(tie.other(), p, now);
  }
}

MessageParams EssayModel::current_message_params() const {
  return {params_.message_rate / kDaysPerYear, params_.annoyance_per_message,
          params_.annoyance_decay / kDaysPerYear};
}

// The messages i received on p since its stream's last update.
void EssayModel::deliver_messages(std::uint32_t i, std::size_t p, double now) {
  counts_[kMessages] += static_cast<double>(
      messages_[p].deliver(i, now, platforms_[p].active_pools(), message_params_, message_stream_));
}

// Every active member's messages, at a reporting time or before a fork changes the parameters.
void EssayModel::deliver_all_messages(double now) {
  for (std::size_t p = 0; p < platforms_.size(); ++p)
    counts_[kMessages] += static_cast<double>(messages_[p].deliver_all(
        now, platforms_[p].active_pools(), message_params_, message_stream_));
}

// The active salespeople or members of p changed at `now`, or the message rate did.
void EssayModel::restamp_messages(std::size_t p, double now) {
  const auto sales = static_cast<std::size_t>(Role::Salesperson);
  messages_[p].restamp(now, message_params_.rate_per_day, platforms_[p].active_pools().size(sales),
                       platforms_[p].active_total());
}

void EssayModel::become_aware(std::uint32_t i, std::size_t p, double now) {
  set_status(i, p, Status::Aware, now);
  evaluate(i, p, now);
}

// The value of i's contacts active on p, sum of V[role_j] w[kind], and their number.
// The hot loop of an evaluation (tens of ties): a contact's active pool (its role, or none) is
// one byte, and contact_weight_ holds the products V[role] w[kind], with zeros for a contact
// who is not active, so the loop has no branch. The sum is the one of adding the products of
// the active contacts in tie order: a product is the same double whether computed here or
// beforehand (no FMA contraction without -march), and adding +0.0 leaves any sum that is not
// -0.0 unchanged (a sum that starts at +0.0 never is).
std::pair<double, std::size_t> EssayModel::member_contacts_on(std::uint32_t i,
                                                              std::size_t p) const {
  const core::PoolFamily& active = platforms_[p].active_pools();
  double value = 0.0;
  std::size_t count = 0;
  for (const Tie& tie : network_.ties(i)) {
    // pool_of: the role of an active contact, kNoPool (0xff) otherwise; + 1 wraps it to 0
    const auto row = static_cast<std::uint8_t>(active.pool_of(tie.other()) + 1);
    count += row != 0;
    value += contact_weight_[row][static_cast<std::size_t>(tie.kind())];
  }
  return {value, count};
}

Evaluator EssayModel::evaluator(std::uint32_t i, std::size_t p, double now) const {
  // i is a random agent, so its entries miss the cache; the tie loop is longer than the
  // out-of-order window, and would hold back the loads written after it: start them now.
  __builtin_prefetch(&propensity_z_[i]);
  __builtin_prefetch(&language_u_[i]);
  const Agent& a = population_.agent(i);
  Evaluator e;
  e.role = population_.role(i);
  e.hostile_boss =
      a.employed && a.occupation != Occupation::Executive && population_.firm_hostile(a.firm);
  e.in_club = a.club != kNone;
  e.tenure_years = a.employed ? (now - a.hired_at) / kDaysPerYear : 0.0;
  e.annoyance = annoyance(i, p, now);
  const auto [value, count] = member_contacts_on(i, p);
  e.contact_value = value;
  e.caution = caution_discount(params_.social_proof, count);
  e.propensity = params_.propensity_sd * propensity_z_[i];
  e.member_share = static_cast<double>(platforms_[p].active_total()) / agents_;
  return e;
}

// Whether i can use p's interface: it speaks the country's language (natively or since its
// local_language date), or it is in English and i is among those who can use English.
bool EssayModel::can_use(std::uint32_t i, std::size_t p, double now) const {
  if (interface_[p] == Interface::Local || now >= params_.platforms[p].local_language_day)
    return true;
  return interface_[p] == Interface::English && language_u_[i] < culture_.english_share;
}

void EssayModel::evaluate(std::uint32_t i, std::size_t p, double now) {
  if (platforms_[p].status(i) == Status::Active) deliver_messages(i, p, now);
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
  const double theta = params_.threshold_base + params_.threshold_uncertainty *
                                                    culture_.uncertainty_avoidance / 100.0 *
                                                    e.caution;
  if (platforms_[p].status(i) == Status::Active) {
    if (u < theta - params_.leave_margin) {
      ++counts_[kDormancies];
      set_status(i, p, Status::Dormant, now);
    }
  } else if (can_use(i, p, now) &&
             platform_stream_.uniform01() < 1.0 / (1.0 + std::exp(-params_.beta * (u - theta)))) {
    join(i, p, now);
  }
}

void EssayModel::join(std::uint32_t i, std::size_t p, double now) {
  ++counts_[kJoins];
  set_status(i, p, Status::Active, now);
  signup_invitations(i, p, now);
}

namespace {
bool registered(Status s) { return s == Status::Active || s == Status::Dormant; }
}  // namespace

// Every change of status goes through here; a member who leaves gets its messages first, and
// a change of the active members starts a new segment of the message streams.
void EssayModel::set_status(std::uint32_t i, std::size_t p, Status next, double now) {
  const Status previous = platforms_[p].status(i);
  const bool was_active = previous == Status::Active;
  const bool active = next == Status::Active;
  if (was_active && !active) deliver_messages(i, p, now);
  platforms_[p].set_status(i, next, population_.role(i));
  if (was_active != active) restamp_messages(p, now);
  if (active && !was_active) messages_[p].open(i, now, message_params_.decay_per_day);
  if (registered(previous) != registered(next)) {
    const bool was_registered = registered_on_[i] > 0;
    registered_on_[i] = static_cast<std::uint8_t>(registered_on_[i] + (registered(next) ? 1 : -1));
    if (was_registered != (registered_on_[i] > 0)) {
      auto& count = registered_[static_cast<std::size_t>(population_.role(i))];
      count = was_registered ? count - 1 : count + 1;
    }
  }
  if (was_active == active) return;
  const bool was_member = is_member(i);
  member_of_[i] = static_cast<std::uint8_t>(member_of_[i] + (active ? 1 : -1));
  if (was_member != is_member(i)) member_flag_changed(i, is_member(i));
}

}  // namespace netadopt::models::essay
