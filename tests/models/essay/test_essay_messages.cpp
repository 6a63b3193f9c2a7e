// Prospecting messages drawn lazily are the same process as one event per message: the
// statistics of message_statistics.hpp (active members by role and platform, annoyance mean,
// median and 90th percentile on each platform, messages counted, at three dates) from today's
// model against the event-by-event model's, recorded in data/message_reference.csv (1,000
// replications, commit dcd331a).
//
// Each statistic gets a two-sample Kolmogorov-Smirnov test; the family of 45 is tested at level
// 0.001 with Bonferroni's correction, so a correct model fails this test once in a thousand
// runs at most (counts are discrete, which makes the test conservative). A model with another
// decay rate, a change the size of the bugs this guards against, fails it (second case).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "message_statistics.hpp"
#include "validation_scale.hpp"

using namespace essay_validation;

namespace {

struct Sample {
  std::vector<std::string> names;
  std::vector<std::vector<double>> columns;  // [statistic][replication]
};

Sample read_reference() {
  const std::string path =
      std::string(NETADOPT_SOURCE_DIR) + "/tests/models/essay/data/message_reference.csv";
  std::ifstream in(path);
  REQUIRE(in.good());
  Sample s;
  std::string line, cell;
  std::getline(in, line);
  for (std::istringstream header(line); std::getline(header, cell, ',');) s.names.push_back(cell);
  s.columns.resize(s.names.size());
  while (std::getline(in, line)) {
    std::size_t k = 0;
    for (std::istringstream row(line); std::getline(row, cell, ','); ++k)
      s.columns.at(k).push_back(std::stod(cell));
    REQUIRE(k == s.names.size());
  }
  return s;
}

Sample draw_sample(const Keys& keys, std::uint64_t first, std::uint64_t replications) {
  Sample s{message_statistic_names(), {}};
  s.columns.resize(s.names.size());
  for (std::uint64_t r = first; r < first + replications; ++r) {
    const auto values = message_statistics(keys, r);
    REQUIRE(values.size() == s.names.size());
    for (std::size_t k = 0; k < values.size(); ++k) s.columns[k].push_back(values[k]);
  }
  return s;
}

// The two-sample Kolmogorov-Smirnov statistic D = sup |F_a - F_b|.
double ks_statistic(std::vector<double> a, std::vector<double> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::size_t i = 0, j = 0;
  double d = 0.0;
  while (i < a.size() && j < b.size()) {
    const double x = std::min(a[i], b[j]);
    while (i < a.size() && a[i] == x) ++i;
    while (j < b.size() && b[j] == x) ++j;
    d = std::max(d, std::abs(static_cast<double>(i) / static_cast<double>(a.size()) -
                             static_cast<double>(j) / static_cast<double>(b.size())));
  }
  return d;
}

// Its asymptotic p-value (Kolmogorov's distribution with Stephens' small-sample correction,
// as in Numerical Recipes' kstwo).
double ks_p_value(double d, std::size_t n, std::size_t m) {
  const double ne = static_cast<double>(n) * static_cast<double>(m) / static_cast<double>(n + m);
  const double lambda = (std::sqrt(ne) + 0.12 + 0.11 / std::sqrt(ne)) * d;
  if (lambda < 0.2) return 1.0;
  double p = 0.0;
  for (int j = 1; j <= 100; ++j)
    p += 2.0 * (j % 2 ? 1 : -1) * std::exp(-2.0 * j * j * lambda * lambda);
  return std::clamp(p, 0.0, 1.0);
}

// The smallest p-value of the family, and prints every statistic's comparison.
double smallest_p_value(const Sample& reference, const Sample& today) {
  REQUIRE(reference.names == today.names);
  double smallest = 1.0;
  std::printf("%-34s %12s %12s %7s %9s\n", "statistic", "mean ref", "mean now", "D", "p");
  for (std::size_t k = 0; k < reference.names.size(); ++k) {
    const auto& a = reference.columns[k];
    const auto& b = today.columns[k];
    const double d = ks_statistic(a, b), p = ks_p_value(d, a.size(), b.size());
    double ma = 0, mb = 0;
    for (const double x : a) ma += x / static_cast<double>(a.size());
    for (const double x : b) mb += x / static_cast<double>(b.size());
    std::printf("%-34s %12.4f %12.4f %7.4f %9.3g\n", reference.names[k].c_str(), ma, mb, d, p);
    smallest = std::min(smallest, p);
  }
  return smallest;
}

constexpr double kFamilyLevel = 0.001;
}  // namespace

TEST_CASE("essay messages: drawn at evaluations, the same process as one event per message",
          "[essay][messages][validation]") {
  const Sample reference = read_reference();
  REQUIRE(reference.names == message_statistic_names());
  REQUIRE(reference.columns[0].size() == 1000);
  // Replications 5000 on: other draws than the reference's 0-999 (the same network and traits
  // for a replication number would pair the samples).
  const auto replications = validation_scaled(400, 50);
  const Sample today = draw_sample(message_scenario(), 5000, replications);
  const double level = kFamilyLevel / static_cast<double>(reference.names.size());
  INFO("the smallest p-value must exceed " << level << " (" << replications << " replications)");
  CHECK(smallest_p_value(reference, today) > level);
}

TEST_CASE("essay messages: the comparison rejects a model whose annoyance decays faster",
          "[essay][messages][validation]") {
  const Sample reference = read_reference();
  const Sample faster =
      draw_sample(with(message_scenario(), {{"prospecting.annoyance_decay", "2.5"}}), 5000,
                  validation_scaled(200, 50));
  CHECK(smallest_p_value(reference, faster) <
        kFamilyLevel / static_cast<double>(reference.names.size()));
}

namespace {
namespace core = netadopt::core;
using netadopt::models::essay::EssayModel;
using netadopt::models::essay::kMessages;

class PauseAfter : public core::PauseCheck {
 public:
  explicit PauseAfter(double day) : day_(day) {}
  bool pause_before(const core::Event& next, const core::Simulator&) override {
    return next.time > day_;
  }

 private:
  double day_;
};

class Sampler : public core::Observer {
 public:
  Sampler(EssayModel*& model, netadopt::models::Recorder& recorder)
      : model_(model), recorder_(recorder) {}
  void sample(std::size_t index, core::Time time) override {
    model_->record(recorder_, index, time);
  }

 private:
  EssayModel*& model_;
  netadopt::models::Recorder& recorder_;
};

struct Forked {
  std::vector<double> messages;  // per reporting interval
  std::uint64_t fingerprint;
};

// Replication 0 of the message scenario, forked at `day` (as the runner forks: the samples due
// by then, the state saved and loaded into a model built from the changed keys, reconfigure).
Forked fork_at(double day, const Keys& changed) {
  const auto base = scenario_of(message_scenario());
  const auto window = netadopt::run::run_window(base);
  netadopt::models::Recorder recorder(netadopt::run::output_specs(base), window.report_count());
  auto first = std::make_unique<EssayModel>(base, 0);
  EssayModel* model = first.get();
  Sampler sampler(model, recorder);
  core::Simulator sim;
  model->start(sim);
  PauseAfter pause(day);
  REQUIRE_FALSE(sim.run(*model, sampler, window, &pause));
  sim.report_through(day, sampler, window);
  auto save = core::StateArchive::saving();
  model->persist(save);
  auto second = std::make_unique<EssayModel>(scenario_of(with(message_scenario(), changed)), 0);
  auto load = core::StateArchive::loading(save.take_image());
  second->persist(load);
  model = second.get();
  model->reconfigure(sim);
  REQUIRE(sim.run(*model, sampler, window));
  Forked out{{}, sim.fingerprint()};
  for (std::size_t t = 0; t < window.report_count(); ++t)
    out.messages.push_back(recorder.row(1, t)[kMessages]);
  return out;
}
}  // namespace

TEST_CASE("essay messages: an unchanged fork stays on the base's path", "[essay][messages]") {
  const auto base = scenario_of(message_scenario());
  const auto straight = netadopt::run::run_replication(base, 0);
  CHECK(fork_at(500.0, {}).fingerprint == straight.fingerprint);
}

TEST_CASE("essay messages: a fork that stops prospecting counts the messages sent before it only",
          "[essay][messages]") {
  // Day 500 lies 43 days into the sixth quarter (456.6-547.9 days): the fork's messages there
  // are those until day 500, about half of the unchanged fork's (the rate grows), none after.
  const Forked stopped = fork_at(500.0, {{"prospecting.message_rate", "0"}});
  const Forked unchanged = fork_at(500.0, {});
  REQUIRE(stopped.messages.size() == 14);  // 12 quarters, and the horizon 0.25 days later
  for (std::size_t t = 1; t <= 5; ++t) CHECK(stopped.messages[t] == unchanged.messages[t]);
  CHECK(stopped.messages[6] > 0.25 * unchanged.messages[6]);
  CHECK(stopped.messages[6] < 0.75 * unchanged.messages[6]);
  for (std::size_t t = 7; t < 13; ++t) {
    CHECK(stopped.messages[t] == 0);
    CHECK(unchanged.messages[t] > 1000);
  }
}
