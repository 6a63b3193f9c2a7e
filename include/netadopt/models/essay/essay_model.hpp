#pragma once
// The essay's model (MODEL.md): four roles on a professional network, a labour market, and one
// or more platforms. Everything that changes is an event in continuous time:
//  * aggregated Gillespie clocks, one per process and pool of agents that share a rate
//    (media awareness by platform and occupation; re-evaluation by platform; invitations by
//    platform and role; separations and moves of the employed; job finding of the unemployed)
//    pick a uniform agent of their pool when they fire;
//  * prospecting messages are drawn when they matter (message_streams.hpp), not as events;
//  * referral hires (H3), whose rate differs between job seekers, use a rate tree;
//  * platform launches are scheduled events.
// After each event only the clocks whose rate changed are redrawn, so an event costs time in
// proportion to the agents and ties it touches.
#include <array>
#include <memory>
#include <vector>

#include "netadopt/core/poisson_clock.hpp"
#include "netadopt/core/pool_family.hpp"
#include "netadopt/core/rate_tree.hpp"
#include "netadopt/models/essay/culture.hpp"
#include "netadopt/models/essay/message_streams.hpp"
#include "netadopt/models/essay/parameters.hpp"
#include "netadopt/models/essay/platform_state.hpp"
#include "netadopt/models/essay/structure/network.hpp"
#include "netadopt/models/essay/structure/population.hpp"
#include "netadopt/models/essay/utility.hpp"
#include "netadopt/models/model.hpp"

namespace netadopt::models::essay {

void declare_essay_model_keys(scenario::Schema& schema);  // every key of the essay model

// Kinds of events counted in the output, per reporting interval.
enum Count : int {
  kAwareMedia,
  kAwareInvited,
  kEvaluations,
  kJoins,
  kDormancies,
  kInvitations,
  kMessages,
  kSeparations,
  kHires,
  kReferralHires,
  kMoves,
  kCounts
};
const std::array<std::string, kCounts>& count_names();

class EssayModel : public Model {
 public:
  EssayModel(const scenario::Scenario& scenario, std::uint64_t replication);

  // The output variables, from the scenario alone (no model is built).
  static std::vector<VariableSpec> output_layout(const scenario::Scenario& scenario);
  void start(core::Simulator& sim) override;
  void handle(const core::Event& event, core::Simulator& sim) override;
  void record(Recorder& recorder, std::size_t time_index, double time) override;
  void persist(core::StateArchive& archive) override;  // essay_checkpoint.cpp
  void reconfigure(core::Simulator& sim) override;

  // The kind of event `kind` (a launch, or which clock), platforms not told apart: for benchmarks.
  std::string event_name(std::uint32_t kind) const;

  // For tests: the state as it is now.
  const Population& population() const { return population_; }
  const Network& network() const { return network_; }
  const PlatformState& platform(std::size_t p) const { return platforms_[p]; }
  // i's annoyance on p at `now`, of the messages drawn so far (all of them, at a reporting time).
  double annoyance(std::uint32_t i, std::size_t p, double now) const {
    return messages_[p].annoyance(i, now, message_params_.decay_per_day);
  }

 private:
  // platform events (essay_platform_events.cpp)
  void launch(std::size_t p, core::Simulator& sim);
  void media_awareness(std::size_t p, std::size_t occupation, core::Simulator& sim);
  void reevaluate(std::size_t p, core::Simulator& sim);
  void invite(std::size_t p, std::size_t role, core::Simulator& sim);
  void respond(std::size_t p, core::Simulator& sim);
  void become_aware(std::uint32_t i, std::size_t p, double now);
  void evaluate(std::uint32_t i, std::size_t p, double now);
  void join(std::uint32_t i, std::size_t p, double now);
  void deliver_invitation(std::uint32_t target, std::size_t p, double now);
  void signup_invitations(std::uint32_t i, std::size_t p, double now);
  void answer_invitations_now(double now);
  std::vector<std::uint32_t> founders_circle(std::size_t p);
  bool can_use(std::uint32_t i, std::size_t p, double now) const;
  double signup_share(Role role) const;
  void set_status(std::uint32_t i, std::size_t p, Status next, double now);
  // prospecting messages (essay_platform_events.cpp)
  void deliver_messages(std::uint32_t i, std::size_t p, double now);
  void deliver_all_messages(double now);
  void restamp_messages(std::size_t p, double now);
  MessageParams current_message_params() const;
  Evaluator evaluator(std::uint32_t i, std::size_t p, double now) const;
  std::pair<double, std::size_t> member_contacts_on(std::uint32_t i, std::size_t p) const;
  // labour market (essay_labour.cpp)
  void separate_or_move(double now);
  void find_job(std::uint32_t i, double now, bool referred);
  void hire(std::uint32_t i, std::int32_t firm, double now);
  void change_role(std::uint32_t i, Role from, Role to, double now);
  void leave_colleagues(std::uint32_t i);
  void member_flag_changed(std::uint32_t i, bool now_member);
  void update_referral(std::uint32_t i);
  bool is_member(std::uint32_t i) const { return member_of_[i] > 0; }
  static constexpr std::uint32_t kLaunchKind = 0;  // clocks use kinds 1, 2, ...
  // clocks (essay_model.cpp)
  static constexpr std::size_t kNoClock = static_cast<std::size_t>(-1);
  void refresh_clocks(core::Simulator& sim, std::size_t fired);
  void refresh_all_clocks(core::Simulator& sim);
  static std::uint32_t clocks_of_pools(std::uint32_t pools);
  double platform_rate(std::size_t clock) const;

  std::uint32_t agents_;
  EssayParams params_;
  double former_colleague_keep_;
  Culture culture_;
  LabourRates labour_;
  core::Stream structure_stream_, platform_stream_, labour_stream_, summary_stream_,
      message_stream_;
  // Traits drawn once per agent from their own stream ("essay.traits"), so the structure and
  // the dynamics draw as before: the propensity z_i ~ N(0, 1) of U, and a uniform u_i that
  // makes the agent able to use an English interface when u_i < culture.english_share.
  std::vector<float> propensity_z_;
  std::vector<float> language_u_;
  enum class Interface : std::uint8_t { Local, English, Foreign };  // a platform's at launch
  std::vector<Interface> interface_;
  Population population_;
  Network network_;
  std::vector<PlatformState> platforms_;
  std::vector<MessageStreams> messages_;  // per platform
  MessageParams message_params_;          // those the pending messages were sent under
  std::vector<bool> launched_;
  std::vector<core::EventId> launch_events_;      // per platform: its launch, until it happens
  core::PoolFamily labour_pools_;                 // 0: employed, 1: unemployed
  std::vector<std::uint8_t> member_of_;           // platforms on which an agent is active
  std::vector<std::uint32_t> member_contacts_;    // contacts active on some platform
  std::vector<std::uint8_t> registered_on_;       // platforms where active or dormant
  std::array<std::size_t, kRoles> registered_{};  // agents registered on some platform, by role
  core::RateTree referral_rates_;                 // per day, unemployed active members only
  std::vector<core::PoissonClock> clocks_;
  // V[role] w[kind] by 1 + role (row 0: not an active member, all zeros) and tie kind (member
  // contacts' value, see member_contacts_on).
  std::array<std::array<double, 4>, kRoles + 1> contact_weight_{};
  std::vector<std::pair<std::uint32_t, std::size_t>> answer_now_;  // invitations with no delay
  // output accumulators, reset at each reporting time
  std::array<double, kCounts> counts_{};
  std::vector<std::array<std::array<double, kTerms>, kRoles>> term_sums_;
  std::vector<std::array<double, kRoles>> evaluations_;
  NetworkSummary summary_;
};

}  // namespace netadopt::models::essay
