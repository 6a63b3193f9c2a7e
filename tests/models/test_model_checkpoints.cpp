// Checkpoints and forks of the reference models (Bass, SIR, threshold).
//
// Resume. A replication paused between two events, saved, loaded into a freshly built model and
// simulator and continued must be the uninterrupted run bit for bit: same fingerprint, same
// event count, same recorded series, same final model state. The run is cut twice (at a third
// and two thirds of its events), so the second leg saves a state that was itself loaded.
//
// Forks. Loading into a model built from the same keys and calling reconfigure must change
// nothing (the models redraw only what a changed parameter invalidates). Changed rates must
// take effect from the fork: exact checks where the new law is degenerate (a rate of zero, a
// threshold above 1 or at 0), and paired comparisons where it is not (see the SIR and Bass
// cases for the statistics).
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/core/state_archive.hpp"
#include "netadopt/models/bass.hpp"
#include "netadopt/models/sir.hpp"
#include "netadopt/models/threshold.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/replication.hpp"
#include "netadopt/scenario/loader.hpp"
#include "reference_helpers.hpp"

namespace {
namespace core = netadopt::core;
namespace models = netadopt::models;
using netadopt::scenario::Scenario;

// Ten years, monthly reports; each model's keys on top.
Scenario scenario_of(const std::string& model, const std::string& keys,
                     const std::vector<std::string>& overrides = {}) {
  const std::string ini = "[run]\nmodel = " + model +
                          "\nreplications = 1\nstart = 2003-01-01\nend = 2013-01-01\nseed = 7\n"
                          "[output]\ninterval_days = 30\n" +
                          keys;
  return netadopt::scenario::parse_scenario(netadopt::run::full_schema(), ini, "checkpoint test",
                                            overrides);
}

Scenario bass(const std::vector<std::string>& overrides = {}) {
  return scenario_of("bass", "[population]\nsize = 5000\n[bass]\np = 0.03\nq = 0.38\n", overrides);
}

// ER k = 6, T = 1/3: k T = 2, a major outbreak of ~80% from 10 seeds, lasting years.
Scenario sir(const std::vector<std::string>& overrides = {}) {
  return scenario_of("sir",
                     "[population]\nsize = 20000\n[graph]\nsource = erdos_renyi\n"
                     "mean_degree = 6\n[sir]\nbeta = 0.5\ngamma = 1\ninitial_infected = 10\n",
                     overrides);
}

// ER k = 4 is inside Watts' cascade window for phi ~ 0.18; the spread exercises drawn
// thresholds. rate = 4 per year: a ready agent waits 3 months on average.
Scenario threshold(const std::vector<std::string>& overrides = {}) {
  return scenario_of("threshold",
                     "[population]\nsize = 5000\n[graph]\nsource = erdos_renyi\n"
                     "mean_degree = 4\n[threshold]\nphi = 0.18\nphi_sd = 0.05\nrate = 4\n"
                     "initial_adopters = 10\n",
                     overrides);
}

class Sampler : public core::Observer {
 public:
  Sampler(models::Model& model, models::Recorder& recorder) : model_(model), recorder_(recorder) {}
  void sample(std::size_t index, core::Time time) override {
    model_.record(recorder_, index, time);
  }

 private:
  models::Model& model_;
  models::Recorder& recorder_;
};

class PauseAtEvent : public core::PauseCheck {
 public:
  explicit PauseAtEvent(std::uint64_t events) : events_(events) {}
  bool pause_before(const core::Event&, const core::Simulator& sim) override {
    return sim.events_processed() >= events_;
  }

 private:
  std::uint64_t events_;
};

// One replication as the runner holds it: model, simulator and recorder, saved and loaded
// together under "sim", "model" and "recorder".
struct Replication {
  Replication(const Scenario& s, std::uint64_t replication)
      : window(netadopt::run::run_window(s)),
        model(models::make_model(s, replication)),
        recorder(netadopt::models::output_layout(s), window.report_count()) {}

  bool run(core::PauseCheck* pause = nullptr) {
    Sampler sampler(*model, recorder);
    return sim.run(*model, sampler, window, pause);
  }
  core::StateImage save() {
    auto archive = core::StateArchive::saving();
    persist(archive);
    return archive.take_image();
  }
  void load(core::StateImage image) {
    auto archive = core::StateArchive::loading(std::move(image));
    persist(archive);
  }
  void persist(core::StateArchive& archive) {
    {
      core::StateArchive::Scope scope(archive, "sim");
      sim.persist(archive);
    }
    {
      core::StateArchive::Scope scope(archive, "model");
      model->persist(archive);
    }
    core::StateArchive::Scope scope(archive, "recorder");
    recorder.persist(archive);
  }
  std::vector<double> series() const {
    const auto s = recorder.series(0);
    return {s.begin(), s.end()};
  }
  // The model's saved entries: its whole state, to compare two runs' final states.
  core::StateImage model_state() {
    core::StateImage state;
    for (auto& [name, bytes] : save())
      if (name.starts_with("model.")) state.emplace(name, bytes);
    return state;
  }

  core::RunWindow window;
  std::unique_ptr<models::Model> model;
  models::Recorder recorder;
  core::Simulator sim;
};

std::unique_ptr<Replication> started(const Scenario& s, std::uint64_t replication = 0) {
  auto r = std::make_unique<Replication>(s, replication);
  r->model->start(r->sim);
  return r;
}

std::unique_ptr<Replication> uninterrupted(const Scenario& s, std::uint64_t replication = 0) {
  auto r = started(s, replication);
  REQUIRE(r->run());
  return r;
}

// Paused before event `events` (the run must not end first).
std::unique_ptr<Replication> paused_at(const Scenario& s, std::uint64_t events,
                                       std::uint64_t replication = 0) {
  auto r = started(s, replication);
  PauseAtEvent pause(events);
  REQUIRE_FALSE(r->run(&pause));
  REQUIRE(r->sim.events_processed() == events);
  return r;
}

// The state of `from`, loaded into a new replication built from `s`.
std::unique_ptr<Replication> loaded(Replication& from, const Scenario& s,
                                    std::uint64_t replication = 0) {
  auto r = std::make_unique<Replication>(s, replication);
  r->load(from.save());
  return r;
}

// Runs `s` cut at a third and two thirds of its events, each leg in new objects.
std::unique_ptr<Replication> in_three_legs(const Scenario& s, std::uint64_t total) {
  auto first = paused_at(s, total / 3);
  auto second = loaded(*first, s);
  PauseAtEvent pause(2 * total / 3);
  REQUIRE_FALSE(second->run(&pause));
  auto third = loaded(*second, s);
  REQUIRE(third->run());
  return third;
}

void check_resume_is_exact(const Scenario& s) {
  auto straight = uninterrupted(s);
  const std::uint64_t total = straight->sim.events_processed();
  REQUIRE(total > 300);  // a run worth cutting
  auto resumed = in_three_legs(s, total);
  CHECK(resumed->sim.fingerprint() == straight->sim.fingerprint());
  CHECK(resumed->sim.events_processed() == total);
  CHECK(resumed->series() == straight->series());
  CHECK(resumed->model_state() == straight->model_state());
}

// A fork from the same keys: reconfigure must leave every pending draw as it is.
void check_unchanged_fork_is_exact(const Scenario& s) {
  auto straight = uninterrupted(s);
  auto base = paused_at(s, straight->sim.events_processed() / 2);
  auto fork = loaded(*base, s);
  fork->model->reconfigure(fork->sim);
  REQUIRE(fork->run());
  CHECK(fork->sim.fingerprint() == straight->sim.fingerprint());
  CHECK(fork->series() == straight->series());
}

template <class M>
M& as(Replication& r) {
  return dynamic_cast<M&>(*r.model);
}

std::string message_of(Replication& from, const Scenario& s) {
  try {
    loaded(from, s);
  } catch (const core::StateError& e) {
    return e.what();
  }
  return "(no error)";
}

struct Paired {
  double mean = 0, standard_error = 0;
};

// Mean of the differences and its standard error (sample spread / sqrt(n)).
Paired paired(const std::vector<double>& differences) {
  const auto n = static_cast<double>(differences.size());
  Paired p;
  for (double d : differences) p.mean += d / n;
  double variance = 0;
  for (double d : differences) variance += (d - p.mean) * (d - p.mean) / (n - 1);
  p.standard_error = std::sqrt(variance / n);
  return p;
}
}  // namespace

TEST_CASE("Bass: a run resumed from checkpoints is the uninterrupted run", "[checkpoint][bass]") {
  check_resume_is_exact(bass());
}

TEST_CASE("SIR: a run resumed from checkpoints is the uninterrupted run", "[checkpoint][sir]") {
  check_resume_is_exact(sir());
}

TEST_CASE("threshold: a run resumed from checkpoints is the uninterrupted run",
          "[checkpoint][threshold]") {
  check_resume_is_exact(threshold());
  check_resume_is_exact(threshold({"threshold.phi_sd=0"}));  // one phi for all: no phi array
}

TEST_CASE("a fork that changes no key of the model continues as the base run",
          "[checkpoint][fork]") {
  check_unchanged_fork_is_exact(bass());
  check_unchanged_fork_is_exact(sir());
  check_unchanged_fork_is_exact(threshold());
  // Keys of another model change nothing either.
  check_unchanged_fork_is_exact(sir({"bass.p=0.5"}));
}

TEST_CASE("a state does not load into another population or network", "[checkpoint]") {
  auto bass_run = paused_at(bass(), 100);
  CHECK_THROWS_AS(loaded(*bass_run, bass({"population.size=5001"})), core::StateError);
  CHECK_THAT(message_of(*bass_run, bass({"population.size=4000"})),
             Catch::Contains("model.population"));

  auto sir_run = paused_at(sir(), 100);
  CHECK_THAT(message_of(*sir_run, sir({"population.size=20001"})),
             Catch::Contains("model.graph.nodes"));
  CHECK_THAT(message_of(*sir_run, sir({"graph.mean_degree=7"})),
             Catch::Contains("model.graph.ties"));
  // Same N and M, other ties (another seed draws another G(N, M)).
  CHECK_THAT(message_of(*sir_run, sir({"run.seed=8"})), Catch::Contains("network differs"));

  auto threshold_run = paused_at(threshold(), 100);
  CHECK_THAT(message_of(*threshold_run, threshold({"population.size=4999"})),
             Catch::Contains("model.graph.nodes"));
  // Another model's state is refused too.
  CHECK_THROWS_AS(loaded(*threshold_run, sir()), core::StateError);
}

TEST_CASE("an edited network of the same size is refused by name", "[checkpoint]") {
  // A chain and a star on 5 nodes: both 4 ties, as an edge-list file edited in place.
  using netadopt::testing::graph_of;
  const models::SirParameters p{0.5 / 365.25, 1.0 / 365.25, 1, 3};
  models::SirModel saved(p, graph_of(5, netadopt::testing::chain(5)), 0);
  core::Simulator sim;
  saved.start(sim);
  auto archive = core::StateArchive::saving();
  saved.persist(archive);
  models::SirModel other(p, graph_of(5, netadopt::testing::star(4)), 0);
  auto load = core::StateArchive::loading(archive.take_image());
  CHECK_THROWS_WITH(other.persist(load), Catch::Contains("network differs"));
}

TEST_CASE("Bass fork: zero rates stop the clock at the fork", "[checkpoint][fork][bass]") {
  auto base = paused_at(bass(), 1000);
  const auto members = as<models::BassModel>(*base).adopters();
  auto fork = loaded(*base, bass({"bass.p=0", "bass.q=0"}));
  fork->model->reconfigure(fork->sim);
  REQUIRE(fork->run());
  CHECK(fork->sim.events_processed() == 1000);
  CHECK(as<models::BassModel>(*fork).adopters() == members);
}

TEST_CASE("Bass fork: a higher q raises adoption from the fork on", "[checkpoint][fork][bass]") {
  // Paired: each replication's fork and base share the state at the fork, so the difference
  // of their final adopters has a small spread (binomial-like noise, tens of agents) and a
  // mean of hundreds (doubling q from a quarter adopted, with five years or more to run).
  // Accepting a mean above 4 of its standard errors fails only if the effect were absent or
  // reversed, or with probability ~3e-5 under normality.
  std::vector<double> gains;
  for (std::uint64_t rep = 0; rep < 8; ++rep) {
    auto base = paused_at(bass(), 1250, rep);
    auto fork = loaded(*base, bass({"bass.q=0.76"}), rep);
    fork->model->reconfigure(fork->sim);
    REQUIRE(fork->run());
    REQUIRE(base->run());
    CHECK(fork->sim.fingerprint() != base->sim.fingerprint());
    gains.push_back(static_cast<double>(as<models::BassModel>(*fork).adopters()) -
                    static_cast<double>(as<models::BassModel>(*base).adopters()));
  }
  const Paired p = paired(gains);
  CHECK(p.mean > 4 * p.standard_error);
}

TEST_CASE("SIR fork: no transmission after the fork when beta is 0", "[checkpoint][fork][sir]") {
  auto base = paused_at(sir(), 6000);
  const auto susceptible = as<models::SirModel>(*base).count(models::SirModel::kSusceptible);
  auto fork = loaded(*base, sir({"sir.beta=0"}));
  fork->model->reconfigure(fork->sim);
  REQUIRE(fork->run());
  const auto& model = as<models::SirModel>(*fork);
  CHECK(model.count(models::SirModel::kSusceptible) == susceptible);
  // Only recoveries remain: one event per node infected at the fork, unless it is still
  // infected at the horizon (gamma = 1 per year leaves e^-7 of them after ~7 years).
  CHECK(fork->sim.events_processed() + model.count(models::SirModel::kInfected) ==
        6000 + as<models::SirModel>(*base).count(models::SirModel::kInfected));
}

TEST_CASE("SIR fork: doubling beta enlarges the outbreak", "[checkpoint][fork][sir]") {
  // Forked early in a major outbreak (6000 events: ~4000 of 20000 ever infected), beta 0.5 ->
  // 1 raises T from 1/3 to 1/2 for the rest of it. From the start, ER k = 6 gives final sizes
  // 0.797 N and 0.94 N (r = 1 - exp(-k T r)); from the fork the gain is of the same order,
  // thousands of nodes, while a major outbreak's final size varies by about a hundred. So the
  // paired mean gain over 6 replications is many standard errors above 0, and the 4-error
  // threshold fails only if the effect were absent (probability ~3e-5 under normality).
  std::vector<double> gains;
  for (std::uint64_t rep = 0; rep < 6; ++rep) {
    auto base = paused_at(sir(), 6000, rep);
    auto fork = loaded(*base, sir({"sir.beta=1"}), rep);
    fork->model->reconfigure(fork->sim);
    REQUIRE(fork->run());
    REQUIRE(base->run());
    CHECK(fork->sim.fingerprint() != base->sim.fingerprint());
    const auto reached = [](Replication& r) {  // ever infected
      const auto susceptible = as<models::SirModel>(r).count(models::SirModel::kSusceptible);
      return static_cast<double>(20000 - susceptible);
    };
    gains.push_back(reached(*fork) - reached(*base));
  }
  const Paired p = paired(gains);
  CHECK(p.mean > 4 * p.standard_error);
}

TEST_CASE("threshold fork: thresholds above 1 stop adoption, thresholds of 0 complete it",
          "[checkpoint][fork][threshold]") {
  auto base = paused_at(threshold(), 500);
  const auto adopters = as<models::ThresholdModel>(*base).adopters();
  REQUIRE(adopters < 5000);

  auto stopped = loaded(*base, threshold({"threshold.phi=1.01", "threshold.phi_sd=0"}));
  stopped->model->reconfigure(stopped->sim);
  REQUIRE(stopped->run());
  CHECK(stopped->sim.events_processed() == 500);
  CHECK(as<models::ThresholdModel>(*stopped).adopters() == adopters);

  // Everyone is ready at once: the last of <= 5000 adopts after a maximum of Exp(4 per year)
  // waits, about ln(5000) / 4 = 2.1 years; at least 5 years remain (the fork comes well before
  // the end of the base's cascade), so some agent is left with probability < 5000 e^-20.
  auto complete = loaded(*base, threshold({"threshold.phi=0", "threshold.phi_sd=0"}));
  complete->model->reconfigure(complete->sim);
  REQUIRE(complete->sim.now() < complete->window.horizon - 5 * 365.25);
  REQUIRE(complete->run());
  CHECK(as<models::ThresholdModel>(*complete).adopters() == 5000);
  CHECK(complete->sim.events_processed() == 500 + (5000 - adopters));
}

TEST_CASE("threshold fork: another rate changes the path, not the state at the fork",
          "[checkpoint][fork][threshold]") {
  auto straight = uninterrupted(threshold());
  auto base = paused_at(threshold(), 500);
  auto fork = loaded(*base, threshold({"threshold.rate=8"}));
  fork->model->reconfigure(fork->sim);
  CHECK(as<models::ThresholdModel>(*fork).adopters() ==
        as<models::ThresholdModel>(*base).adopters());
  REQUIRE(fork->run());
  CHECK(fork->sim.fingerprint() != straight->sim.fingerprint());
}
