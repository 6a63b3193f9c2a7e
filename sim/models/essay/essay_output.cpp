// What the essay model reports: members by platform, role and status; event counts per
// interval; the mean utility terms of those who evaluated in each interval (why a role joins
// or stays away); and, once per replication, the network's summary.
#include <cmath>
#include <limits>

#include "netadopt/models/essay/essay_model.hpp"

namespace netadopt::models::essay {

namespace {
constexpr std::size_t kSizeBins = 25;  // log2 bins: sizes 1, 2-3, 4-7, ... up to 2^24

template <std::size_t N>
Dimension dimension(const std::string& name, const std::array<std::string, N>& labels,
                    const std::string& description) {
  return {name, std::vector<std::string>(labels.begin(), labels.end()), description};
}

Dimension size_bin_dimension() {
  Dimension d{"size_bin", {}, "log2 size class: sizes from 2^k to 2^(k+1) - 1"};
  for (std::size_t k = 0; k < kSizeBins; ++k)
    d.labels.push_back(std::to_string(1ULL << k) + "-" + std::to_string((2ULL << k) - 1));
  return d;
}

void copy_histogram(std::span<double> row, const std::vector<std::uint64_t>& histogram) {
  for (std::size_t k = 0; k < row.size(); ++k)
    row[k] = k < histogram.size() ? static_cast<double>(histogram[k]) : 0.0;
}
}  // namespace

std::vector<VariableSpec> EssayModel::output_layout(const scenario::Scenario& scenario) {
  Dimension platform{"platform", {}, "networking platform"};
  for (const auto& p : essay_params(scenario).platforms) platform.labels.push_back(p.name);
  const auto role = dimension("role", role_names(),
                              "executive, salesperson, middle manager "
                              "(employed), or job seeker (unemployed, any occupation)");
  const auto status = dimension("status", status_names(), "state of an agent on a platform");
  const auto term = dimension("term", term_names(), "term of the utility U (costs negative)");
  const auto kind = dimension("event_kind", count_names(), "kind of event");
  const auto tie = dimension("tie_kind", tie_kind_names(), "kind of tie");
  return {
      {"members",
       "1",
       "Agents by platform, role and status (active and dormant are members).",
       {platform, role, status},
       true},
      {"event_counts",
       "1",
       "Events of each kind in the interval ending at each time.",
       {kind},
       true},
      {"utility_terms",
       "utility",
       "Mean of each utility term among the agents of a role who "
       "evaluated the platform in the interval ending at each time (NaN: nobody did).",
       {platform, role, term},
       false},
      {"evaluations",
       "1",
       "Evaluations by role in the interval ending at each time.",
       {platform, role},
       true},
      {"members_any",
       "1",
       "Agents registered (active or dormant) on at least one platform, by "
       "role: the union over platforms.",
       {role},
       true},
      {"mean_degree",
       "1",
       "Mean number of ties by role and tie kind at time 0.",
       {role, tie},
       false,
       true},
      {"clustering",
       "1",
       "Estimated global clustering coefficient of the network at time 0.",
       {},
       false,
       true},
      {"firm_sizes", "1", "Firms by size class at time 0.", {size_bin_dimension()}, true, true},
      {"club_sizes", "1", "Clubs by size class at time 0.", {size_bin_dimension()}, true, true},
  };
}

// Every active member's messages are delivered first: the interval's `messages` count is then
// complete, and the stamps of the message streams start again here.
void EssayModel::record(Recorder& recorder, std::size_t t, double time) {
  deliver_all_messages(time);
  const std::size_t platforms = params_.platforms.size();
  auto members = recorder.row(0, t);
  auto terms = recorder.row(2, t);
  auto evaluations = recorder.row(3, t);
  for (std::size_t p = 0; p < platforms; ++p)
    for (std::size_t r = 0; r < kRoles; ++r) {
      for (std::size_t s = 0; s < kStatuses; ++s)
        members[(p * kRoles + r) * kStatuses + s] =
            static_cast<double>(platforms_[p].count(static_cast<Role>(r), static_cast<Status>(s)));
      const double n = evaluations_[p][r];
      evaluations[p * kRoles + r] = n;
      for (std::size_t k = 0; k < kTerms; ++k)
        terms[(p * kRoles + r) * kTerms + k] =
            n > 0 ? term_sums_[p][r][k] / n : std::numeric_limits<double>::quiet_NaN();
      term_sums_[p][r] = {};
      evaluations_[p][r] = 0;
    }
  auto counts = recorder.row(1, t);
  for (std::size_t k = 0; k < kCounts; ++k) counts[k] = counts_[k];
  counts_ = {};
  auto any = recorder.row(4, t);
  for (std::size_t r = 0; r < kRoles; ++r) any[r] = static_cast<double>(registered_[r]);
  if (t > 0) return;
  auto degree = recorder.row(5, 0);
  for (std::size_t r = 0; r < kRoles; ++r)
    for (std::size_t k = 0; k < kTieKinds; ++k)
      degree[r * kTieKinds + k] = summary_.mean_degree[r][k];
  recorder.row(6, 0)[0] = summary_.clustering;
  copy_histogram(recorder.row(7, 0), summary_.firm_size_histogram);
  copy_histogram(recorder.row(8, 0), summary_.club_size_histogram);
}

}  // namespace netadopt::models::essay
