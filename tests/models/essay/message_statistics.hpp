#pragma once
// The statistics that show prospecting messages drawn lazily (at a member's next evaluation, a
// change of its stream, or a reporting time) to be the same process as one event per message:
// for one replication of a scenario where annoyance matters (many messages, two platforms, the
// labour market moving members between roles), at three dates, the active members by role and
// platform, the messages counted so far, and the mean, median and 90th percentile of active
// members' annoyance on each platform.
//
// tests/models/essay/data/message_reference.csv holds these statistics for 1,000 replications of
// the event-by-event model (commit dcd331a, the last one with an event per message), written by
// record_message_reference; test_essay_messages.cpp draws the same statistics from today's
// model and compares the two samples.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "netadopt/models/essay/essay_model.hpp"
#include "netadopt/models/recorder.hpp"
#include "netadopt/run/replication.hpp"
#include "test_essay_helpers.hpp"

namespace essay_validation {

// Quarterly reports over three years; annoyance costs enough (about 30 messages a year at the
// start, decaying at 2 per year) to make members leave, so a wrong annoyance moves the counts.
inline Keys message_scenario() {
  return with(essay_base(), {{"population.size", "2000"},
                             {"run.end", "2006-01-01"},
                             {"run.seed", "20061201"},
                             {"output.interval_days", "91.3125"},
                             {"platforms.count", "2"},
                             {"platform1.media_rate", "0.5"},
                             {"platform2.launch", "2004-01-01"},
                             {"platform2.media_rate", "0.5"},
                             {"platform2.home_market", "france"},
                             {"platform2.language", "fr"},
                             {"prospecting.message_rate", "100"},
                             {"prospecting.annoyance_decay", "2"}});
}

constexpr std::size_t kMessagePlatforms = 2;
constexpr std::array<std::size_t, 3> kMessageDates = {4, 8, 12};  // report indices: years 1-3

inline std::vector<std::string> message_statistic_names() {
  static const char* roles[] = {"executive", "salesperson", "middle_manager", "job_seeker"};
  std::vector<std::string> names;
  for (const std::size_t t : kMessageDates) {
    const std::string at = "_t" + std::to_string(t);
    for (std::size_t p = 0; p < kMessagePlatforms; ++p) {
      const std::string on = "_p" + std::to_string(p + 1) + at;
      for (const char* role : roles) names.push_back(std::string("active_") + role + on);
      names.push_back("annoyance_mean" + on);
      names.push_back("annoyance_median" + on);
      names.push_back("annoyance_p90" + on);
    }
    names.push_back("messages" + at);
  }
  return names;
}

namespace detail {
// Samples the model at each reporting time, and at the dates adds the statistics.
class MessageObserver : public netadopt::core::Observer {
 public:
  MessageObserver(netadopt::models::essay::EssayModel& model, netadopt::models::Recorder& recorder)
      : model_(model), recorder_(recorder) {}
  void sample(std::size_t index, netadopt::core::Time time) override {
    model_.record(recorder_, index, time);
    messages_ += recorder_.row(1, index)[netadopt::models::essay::kMessages];
    if (std::find(kMessageDates.begin(), kMessageDates.end(), index) == kMessageDates.end()) return;
    for (std::size_t p = 0; p < kMessagePlatforms; ++p) add_platform(p, time);
    values.push_back(messages_);
  }
  std::vector<double> values;

 private:
  void add_platform(std::size_t p, double time) {
    using netadopt::models::essay::Role;
    using netadopt::models::essay::Status;
    const auto& state = model_.platform(p);
    for (std::size_t r = 0; r < kRoles; ++r)
      values.push_back(static_cast<double>(state.count(static_cast<Role>(r), Status::Active)));
    std::vector<double> annoyance;
    for (std::uint32_t i = 0; i < model_.population().size(); ++i)
      if (state.status(i) == Status::Active) annoyance.push_back(model_.annoyance(i, p, time));
    values.push_back(mean(annoyance));
    values.push_back(quantile(annoyance, 0.5));
    values.push_back(quantile(annoyance, 0.9));
  }
  static double mean(const std::vector<double>& x) {
    double sum = 0;
    for (const double v : x) sum += v;
    return x.empty() ? 0.0 : sum / static_cast<double>(x.size());
  }
  // The lower empirical quantile (an element of the sample), 0 for an empty sample.
  static double quantile(std::vector<double> x, double q) {
    if (x.empty()) return 0.0;
    const auto k = static_cast<std::size_t>(q * static_cast<double>(x.size() - 1));
    std::nth_element(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(k), x.end());
    return x[k];
  }
  netadopt::models::essay::EssayModel& model_;
  netadopt::models::Recorder& recorder_;
  double messages_ = 0;
};
}  // namespace detail

// The statistics of message_statistic_names() for one replication of `keys`.
inline std::vector<double> message_statistics(const Keys& keys, std::uint64_t replication) {
  const auto scenario = scenario_of(keys);
  netadopt::models::essay::EssayModel model(scenario, replication);
  const netadopt::core::RunWindow window = netadopt::run::run_window(scenario);
  netadopt::models::Recorder recorder(netadopt::run::output_specs(scenario), window.report_count());
  detail::MessageObserver observer(model, recorder);
  netadopt::core::Simulator sim;
  model.start(sim);
  sim.run(model, observer, window);
  return observer.values;
}

}  // namespace essay_validation
