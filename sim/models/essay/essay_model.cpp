#include "netadopt/models/essay/essay_model.hpp"

#include <bit>

#include "netadopt/models/essay/derived_values.hpp"

#include "netadopt/scenario/date.hpp"

namespace netadopt::models::essay {

namespace {
using scenario::kDaysPerYear;
constexpr std::size_t kClocksPerPlatform = kOccupations + 1 + kRoles + 1;
constexpr std::size_t kEvaluateClock = kOccupations;
constexpr std::size_t kFirstInviteClock = kOccupations + 1;
constexpr std::size_t kRespondClock = kOccupations + 1 + kRoles;
enum LabourClock : std::size_t { kSeparateOrMove, kFindJob, kReferral, kLabourClocks };

std::vector<Occupation> occupations_of(const Population& population) {
  std::vector<Occupation> out(population.size());
  for (std::uint32_t i = 0; i < out.size(); ++i) out[i] = population.agent(i).occupation;
  return out;
}

std::vector<Role> roles_of(const Population& population) {
  std::vector<Role> out(population.size());
  for (std::uint32_t i = 0; i < out.size(); ++i) out[i] = population.role(i);
  return out;
}

core::Stream stream(const scenario::Scenario& s, std::uint64_t replication, const char* purpose) {
  return core::Stream(static_cast<std::uint64_t>(s.integer("run.seed")), replication,
                      core::purpose_id(purpose));
}

// Tenure starts at the labour market's own steady state unless the scenario sets it.
PopulationParams population_at_steady_state(const scenario::Scenario& s) {
  PopulationParams params = population_params(s);
  if (s.has("population.mean_tenure_years")) return params;
  params.mean_tenure_years = steady_state_tenure_years(s);
  return params;
}
}  // namespace

const std::array<std::string, kCounts>& count_names() {
  static const std::array<std::string, kCounts> names = {"aware_from_media",
                                                         "aware_from_invitation",
                                                         "evaluations",
                                                         "joins",
                                                         "dormancies",
                                                         "invitations",
                                                         "messages",
                                                         "separations",
                                                         "hires",
                                                         "referral_hires",
                                                         "job_to_job_moves"};
  return names;
}

EssayModel::EssayModel(const scenario::Scenario& s, std::uint64_t replication)
    : agents_(static_cast<std::uint32_t>(s.integer("population.size"))),
      params_(essay_params(s)),
      former_colleague_keep_(network_params(s).former_colleague_keep),
      culture_(culture(s)),
      labour_(labour_rates(s)),
      structure_stream_(stream(s, replication, "essay.structure")),
      platform_stream_(stream(s, replication, "essay.platforms")),
      labour_stream_(stream(s, replication, "essay.labour")),
      summary_stream_(stream(s, replication, "essay.summary")),
      message_stream_(stream(s, replication, "essay.messages")),
      population_(population_at_steady_state(s), structure_stream_),
      network_(population_, network_params(s), structure_stream_),
      launched_(params_.platforms.size(), false),
      labour_pools_(agents_, 2),
      member_of_(agents_, 0),
      member_contacts_(agents_, 0),
      registered_on_(agents_, 0),
      referral_rates_(agents_),
      term_sums_(params_.platforms.size()),
      evaluations_(params_.platforms.size()) {
  const auto occupations = occupations_of(population_);
  const auto roles = roles_of(population_);
  for (std::size_t p = 0; p < params_.platforms.size(); ++p) {
    platforms_.emplace_back(agents_, occupations, roles);
    messages_.emplace_back(agents_, 0.0);
  }
  message_params_ = current_message_params();
  for (std::uint32_t i = 0; i < agents_; ++i)
    labour_pools_.insert(population_.agent(i).employed ? 0 : 1, i);
  const std::size_t clocks = kClocksPerPlatform * params_.platforms.size() + kLabourClocks;
  for (std::size_t c = 0; c < clocks; ++c)
    clocks_.emplace_back(static_cast<std::uint32_t>(c + 1), 0);
  core::Stream traits = stream(s, replication, "essay.traits");
  propensity_z_.resize(agents_);
  language_u_.resize(agents_);
  for (std::uint32_t i = 0; i < agents_; ++i) {
    propensity_z_[i] = static_cast<float>(traits.standard_normal());
    language_u_[i] = static_cast<float>(traits.uniform01());
  }
  for (const PlatformParams& platform : params_.platforms)
    interface_.push_back(platform.language == culture_.language ? Interface::Local
                         : platform.language == "en"            ? Interface::English
                                                                : Interface::Foreign);
  for (std::size_t r = 0; r < kRoles; ++r)
    for (std::size_t k = 0; k < kTieKinds; ++k)
      contact_weight_[r + 1][k] = params_.utility.contact_value[r] * params_.utility.tie_value[k];
  for (auto& sums : term_sums_) sums = {};
  for (auto& e : evaluations_) e = {};
}

void EssayModel::start(core::Simulator& sim) {
  summary_ = summarize_network(population_, network_, summary_stream_);
  for (std::size_t p = 0; p < params_.platforms.size(); ++p)
    launch_events_.push_back(
        sim.queue().schedule(std::max(0.0, params_.platforms[p].launch_day), kLaunchKind, p));
  refresh_all_clocks(sim);
}

void EssayModel::handle(const core::Event& event, core::Simulator& sim) {
  std::size_t fired = kNoClock;
  if (event.kind == kLaunchKind) {
    launch(event.subject, sim);
    platforms_[event.subject].mark_all_changed();  // every rate of p depends on launched_[p]
  } else {
    const std::size_t clock = event.kind - 1;
    fired = clock;
    const std::size_t platform_clocks = kClocksPerPlatform * params_.platforms.size();
    if (clock < platform_clocks) {
      const std::size_t p = clock / kClocksPerPlatform, c = clock % kClocksPerPlatform;
      if (c < kEvaluateClock)
        media_awareness(p, c, sim);
      else if (c == kEvaluateClock)
        reevaluate(p, sim);
      else if (c < kRespondClock)
        invite(p, c - kFirstInviteClock, sim);
      else
        respond(p, sim);
    } else if (clock - platform_clocks == kSeparateOrMove) {
      separate_or_move(sim.now());
    } else if (clock - platform_clocks == kFindJob) {
      const std::uint32_t i = labour_pools_.pick(1, labour_stream_);
      sim.note(i);
      find_job(i, sim.now(), false);
    } else {
      const auto i = static_cast<std::uint32_t>(
          referral_rates_.find(labour_stream_.uniform01() * referral_rates_.total()));
      sim.note(i);
      find_job(i, sim.now(), true);
    }
  }
  answer_invitations_now(sim.now());
  refresh_clocks(sim, fired);
}

std::string EssayModel::event_name(std::uint32_t kind) const {
  static const char* const kRoleNames[] = {"executive", "salesperson", "middle_manager",
                                           "job_seeker"};
  static const char* const kLabourNames[] = {"separation_or_move", "job_finding", "referral_hire"};
  if (kind == kLaunchKind) return "launch";
  const std::size_t clock = kind - 1, platform_clocks = kClocksPerPlatform * platforms_.size();
  if (clock >= platform_clocks) return kLabourNames[clock - platform_clocks];
  const std::size_t c = clock % kClocksPerPlatform;
  if (c < kEvaluateClock) return "media_awareness";
  if (c == kEvaluateClock) return "reevaluation";
  if (c < kRespondClock) return std::string("invitation_") + kRoleNames[c - kFirstInviteClock];
  return "invitation_answer";
}

// Every clock, as if every pool had changed: at the start, and after a fork changed the rates.
void EssayModel::refresh_all_clocks(core::Simulator& sim) {
  for (auto& platform : platforms_) platform.mark_all_changed();
  refresh_clocks(sim, kNoClock);
}

// The rate (per day) of platform clock `clock`.
double EssayModel::platform_rate(std::size_t clock) const {
  const std::size_t p = clock / kClocksPerPlatform, c = clock % kClocksPerPlatform;
  if (!launched_[p]) return 0.0;
  const PlatformState& state = platforms_[p];
  double per_year = 0.0;
  if (c < kEvaluateClock)
    per_year = params_.platforms[p].media_rate * params_.media_factor[c] *
               static_cast<double>(state.awareness_pools().size(c));
  else if (c == kEvaluateClock)
    per_year = params_.evaluation_rate *
               static_cast<double>(state.awareness_pools().size(PlatformState::kKnown));
  else if (c < kRespondClock)
    per_year = params_.invitation_rate[c - kFirstInviteClock] *
               static_cast<double>(state.active_pools().size(c - kFirstInviteClock));
  else if (params_.response_days > 0)
    per_year = kDaysPerYear / params_.response_days * static_cast<double>(state.invited());
  return per_year / kDaysPerYear;
}

// The platform clocks whose rate depends on the pools in `pools`, a changed-pools mask of
// PlatformState, as a mask over the platform's clocks (bit c: clock p * kClocksPerPlatform + c).
std::uint32_t EssayModel::clocks_of_pools(std::uint32_t pools) {
  using S = PlatformState;
  static_assert(kEvaluateClock == S::kKnown && kFirstInviteClock == S::kActiveBit);
  static_assert(kRespondClock == S::kInvitedBit);
  return pools;  // media, evaluate, invite and respond clocks: one per pool, in the same order
}

// Redraws the clocks whose rate may have changed: on each platform those of the pools that
// changed, and the clock that fired (its firing was consumed, so it needs a new one even at the
// same rate); the three labour clocks always. Skipping the others is exact: for them set_rate
// would find the rate unchanged and the firing pending, and return without a draw. So the draws
// are those, in the same order, of redrawing every clock. `fired`: kNoClock after a launch or
// at the start.
void EssayModel::refresh_clocks(core::Simulator& sim, std::size_t fired) {
  const std::size_t platform_clocks = kClocksPerPlatform * params_.platforms.size();
  for (std::size_t p = 0; p < platforms_.size(); ++p) {
    std::uint32_t stale = clocks_of_pools(platforms_[p].take_changed_pools());
    if (fired / kClocksPerPlatform == p) stale |= 1u << (fired % kClocksPerPlatform);
    for (; stale != 0; stale &= stale - 1) {
      const std::size_t c =
          p * kClocksPerPlatform + static_cast<std::size_t>(std::countr_zero(stale));
      clocks_[c].set_rate(sim, platform_stream_, platform_rate(c));
    }
  }
  const double employed = static_cast<double>(labour_pools_.size(0));
  const double unemployed = static_cast<double>(labour_pools_.size(1));
  clocks_[platform_clocks + kSeparateOrMove].set_rate(sim, labour_stream_,
                                                      labour_.leaving() * employed / kDaysPerYear);
  clocks_[platform_clocks + kFindJob].set_rate(sim, labour_stream_,
                                               labour_.job_finding * unemployed / kDaysPerYear);
  clocks_[platform_clocks + kReferral].set_rate(sim, labour_stream_, referral_rates_.total());
}

}  // namespace netadopt::models::essay
