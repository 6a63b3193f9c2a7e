// The labour market of the essay model (H3, H9): separations and job-to-job moves of the
// employed, job finding of the unemployed, faster for active members whose member contacts can
// refer them (co-optation). A job change turns old colleagues into outside contacts.
#include <algorithm>

#include "netadopt/models/essay/essay_model.hpp"
#include "netadopt/scenario/date.hpp"

namespace netadopt::models::essay {

namespace {
using scenario::kDaysPerYear;
}

void EssayModel::separate_or_move(double now) {
  const std::uint32_t i = labour_pools_.pick(0, labour_stream_);
  const double share_separations = labour_.separation / (labour_.separation + labour_.job_to_job);
  const std::int32_t old_firm = population_.agent(i).firm;
  leave_colleagues(i);
  population_.separate(i);
  if (labour_stream_.uniform01() < share_separations) {
    ++counts_[kSeparations];
    labour_pools_.move(i, 1);
    change_role(i, static_cast<Role>(population_.agent(i).occupation), Role::JobSeeker, now);
    update_referral(i);
  } else {
    ++counts_[kMoves];
    hire(i, population_.draw_hiring_firm(labour_stream_, old_firm), now);
  }
}

void EssayModel::find_job(std::uint32_t i, double now, bool referred) {
  const std::int32_t firm = population_.draw_hiring_firm(labour_stream_, kNone);
  if (firm == kNone) return;  // a population without firms: nobody can be hired
  ++counts_[referred ? kReferralHires : kHires];
  labour_pools_.move(i, 0);
  hire(i, firm, now);
  change_role(i, Role::JobSeeker, population_.role(i), now);
  update_referral(i);
}

// Hires i into `firm` and forms its new colleague ties; the new contacts who are members count
// toward referrals (theirs and i's).
void EssayModel::hire(std::uint32_t i, std::int32_t firm, double now) {
  population_.hire(i, firm, now);
  const std::size_t before = network_.ties(i).size();
  network_.form_colleague_ties(i, population_, labour_stream_);
  const auto& ties = network_.ties(i);
  for (std::size_t k = before; k < ties.size(); ++k) {
    const std::uint32_t j = ties[k].other();
    if (is_member(j)) ++member_contacts_[i];
    if (is_member(i)) {
      ++member_contacts_[j];
      update_referral(j);
    }
  }
}

// i leaves its firm: colleagues become outside contacts, or are lost (and stop counting
// toward referrals, both ways).
void EssayModel::leave_colleagues(std::uint32_t i) {
  for (const std::uint32_t j :
       network_.keep_former_colleagues(i, former_colleague_keep_, labour_stream_)) {
    if (is_member(j)) --member_contacts_[i];
    if (is_member(i)) {
      --member_contacts_[j];
      update_referral(j);
    }
  }
}

// An active member's messages so far came to it in its old role (a salesperson's own are not
// annoying), so they are delivered first; a salesperson coming or going changes S.
void EssayModel::change_role(std::uint32_t i, Role from, Role to, double now) {
  const bool sales_changed = (from == Role::Salesperson) != (to == Role::Salesperson);
  for (std::size_t p = 0; p < platforms_.size(); ++p) {
    const bool active = platforms_[p].status(i) == Status::Active;
    if (active) deliver_messages(i, p, now);
    platforms_[p].change_role(i, from, to);
    if (active && sales_changed) restamp_messages(p, now);
  }
  if (registered_on_[i] == 0) return;
  --registered_[static_cast<std::size_t>(from)];
  ++registered_[static_cast<std::size_t>(to)];
}

void EssayModel::member_flag_changed(std::uint32_t i, bool now_member) {
  for (const Tie& tie : network_.ties(i)) {
    member_contacts_[tie.other()] += now_member ? 1u : static_cast<std::uint32_t>(-1);
    update_referral(tie.other());
  }
  update_referral(i);
}

// Referral hiring rate (per day) of i: f x boost x min(1, member contacts / saturation) for an
// unemployed active member, 0 otherwise.
void EssayModel::update_referral(std::uint32_t i) {
  double rate = 0.0;
  if (!population_.agent(i).employed && is_member(i) && params_.referral_boost > 0.0)
    rate = labour_.job_finding * params_.referral_boost *
           std::min(1.0, member_contacts_[i] / params_.referral_contacts) / kDaysPerYear;
  if (referral_rates_.rate(i) != rate) referral_rates_.set(i, rate);
}

}  // namespace netadopt::models::essay
