#include "netadopt/models/threshold.hpp"

#include <cmath>
#include <numbers>

#include "netadopt/scenario/date.hpp"

namespace netadopt::models {

namespace {
using scenario::kDaysPerYear;
constexpr std::uint32_t kAdoption = 1;
constexpr std::size_t kReady = 0;

}  // namespace

void declare_threshold_keys(scenario::Schema& schema) {
  using scenario::KeyType;
  schema.add({"threshold.phi",
              KeyType::Real,
              "0.18",
              "",
              {0, 2},
              {},
              "Adoption threshold: a non-adopter adopts when it re-evaluates and at least this "
              "share of its neighbours have adopted. Above 1, only the initial adopters adopt.",
              "Watts (2002), PNAS 99:5766",
              "threshold"});
  schema.add({"threshold.phi_sd",
              KeyType::Real,
              "0",
              "",
              {0, 1},
              {},
              "Standard deviation of the thresholds across agents: 0 gives everyone "
              "threshold.phi; above 0 each agent's threshold is drawn from a normal law "
              "(not truncated).",
              "",
              "threshold"});
  schema.add({"threshold.rate",
              KeyType::Real,
              "1",
              "per year",
              {0, 1e6, true, false},
              {},
              "Rate at which each non-adopter re-evaluates its neighbours' choices.",
              "",
              "threshold"});
  schema.add({"threshold.initial_adopters",
              KeyType::Integer,
              "10",
              "agents",
              {0, 2000000000},
              {},
              "Agents who have adopted at time 0, drawn uniformly.",
              "",
              "threshold"});
  schema.add_check({{"run.model", "population.size", "threshold.initial_adopters"},
                    [](const scenario::Scenario& s) -> std::optional<std::string> {
                      if (s.choice("run.model") != "threshold" ||
                          s.integer("threshold.initial_adopters") <= s.integer("population.size"))
                        return std::nullopt;
                      return "threshold.initial_adopters (" +
                             std::to_string(s.integer("threshold.initial_adopters")) +
                             ") exceeds population.size (" +
                             std::to_string(s.integer("population.size")) + ")";
                    }});
  schema.declare_structural("threshold.initial_adopters",
                            "initial adopters are chosen at the start");
  schema.declare_structural("threshold.phi_sd", "each agent's threshold was drawn at the start");
}

ThresholdParameters threshold_parameters(const scenario::Scenario& s) {
  return {s.real("threshold.phi"), s.real("threshold.phi_sd"),
          s.real("threshold.rate") / kDaysPerYear,
          static_cast<std::uint64_t>(s.integer("threshold.initial_adopters")),
          static_cast<std::uint64_t>(s.integer("run.seed"))};
}

ThresholdModel::ThresholdModel(const scenario::Scenario& s, std::uint64_t replication)
    : ThresholdModel(threshold_parameters(s), nullptr, replication) {
  scenario_ = &s;
}

ThresholdModel::ThresholdModel(const ThresholdParameters& parameters,
                               std::shared_ptr<const Graph> graph, std::uint64_t replication,
                               std::vector<std::uint32_t> seeds)
    : parameters_(parameters),
      replication_(replication),
      graph_(std::move(graph)),
      seeds_(std::move(seeds)),
      stream_(parameters.seed, replication, core::purpose_id("threshold.adoption")),
      clock_(kAdoption, 0) {}

std::vector<VariableSpec> ThresholdModel::output_layout(const scenario::Scenario&) {
  return {{"members", "1", "Agents who have adopted.", {}, true}};
}

void ThresholdModel::draw_thresholds() {
  if (parameters_.phi_sd <= 0.0) return;
  core::Stream draw(parameters_.seed, replication_, core::purpose_id("threshold.phi"));
  phi_.resize(graph_->nodes());
  for (double& phi : phi_) phi = parameters_.phi + parameters_.phi_sd * draw.standard_normal();
}

void ThresholdModel::choose_seeds() {
  if (!seeds_.empty()) return;
  core::Stream pick(parameters_.seed, replication_, core::purpose_id("threshold.seeds"));
  std::vector<std::uint8_t> taken(graph_->nodes(), 0);
  while (seeds_.size() < parameters_.initial_adopters) {
    const auto node = static_cast<std::uint32_t>(pick.uniform_index(graph_->nodes()));
    if (!taken[node]) seeds_.push_back(node);
    taken[node] = 1;
  }
}

bool ThresholdModel::ready(std::uint32_t node) const {
  const std::uint32_t degree = graph_->degree(node);
  const double share = degree == 0 ? 0.0 : static_cast<double>(adopted_neighbours_[node]) / degree;
  return share >= (phi_.empty() ? parameters_.phi : phi_[node]);
}

void ThresholdModel::adopt(std::uint32_t node) {
  ready_.remove(node);
  adopted_[node] = 1;
  ++adopters_;
  for (std::uint32_t j : graph_->neighbours(node)) {
    ++adopted_neighbours_[j];
    if (!adopted_[j] && ready_.pool_of(j) == core::PoolFamily::kNoPool && ready(j))
      ready_.insert(kReady, j);
  }
}

void ThresholdModel::start(core::Simulator& sim) {
  if (!graph_) graph_ = shared_graph(*scenario_);
  const std::uint32_t n = graph_->nodes();
  adopted_.assign(n, 0);
  adopted_neighbours_.assign(n, 0);
  ready_ = core::PoolFamily(n, 1);
  draw_thresholds();
  choose_seeds();
  for (std::uint32_t node : seeds_) adopt(node);
  for (std::uint32_t node = 0; node < n; ++node)
    if (!adopted_[node] && ready_.pool_of(node) == core::PoolFamily::kNoPool && ready(node))
      ready_.insert(kReady, node);
  update_clock(sim);
}

void ThresholdModel::update_clock(core::Simulator& sim) {
  const double ready_count = static_cast<double>(ready_.size(kReady));
  clock_.set_rate(sim, stream_, parameters_.rate_per_day * ready_count);
}

void ThresholdModel::handle(const core::Event&, core::Simulator& sim) {
  const std::uint32_t node = ready_.pick(kReady, stream_);
  sim.note(node);
  adopt(node);
  update_clock(sim);
}

void ThresholdModel::persist(core::StateArchive& archive) {
  if (!graph_) graph_ = shared_graph(*scenario_);  // a loading model has not been started
  expect_graph(archive, *graph_);
  archive.vector("adopted", adopted_);
  archive.vector("adopted_neighbours", adopted_neighbours_);
  archive.vector("phi", phi_);
  archive.value("adopters", adopters_);
  archive.vector("seeds", seeds_);
  {
    core::StateArchive::Scope scope(archive, "ready");
    if (archive.is_loading()) ready_ = core::PoolFamily(graph_->nodes(), 1);
    ready_.persist(archive);
  }
  stream_.persist(archive, "stream");
  clock_.persist(archive, "clock");
  if (archive.is_loading()) check_loaded();
}

// The per-node arrays are indexed by node: a damaged checkpoint must not reach the run.
void ThresholdModel::check_loaded() const {
  const std::size_t n = graph_->nodes();
  if (adopted_.size() != n || adopted_neighbours_.size() != n ||
      (!phi_.empty() && phi_.size() != n))
    throw core::StateError("checkpoint: threshold state does not match the network's size");
}

// Thresholds as the new parameters give them (same z_i), then the pool and the clock.
void ThresholdModel::reconfigure(core::Simulator& sim) {
  phi_.clear();
  draw_thresholds();
  for (std::uint32_t node = 0; node < graph_->nodes(); ++node) set_readiness(node);
  update_clock(sim);
}

// Puts a non-adopter in the ready pool or out of it, as its share and threshold say now.
void ThresholdModel::set_readiness(std::uint32_t node) {
  if (adopted_[node]) return;
  const bool pooled = ready_.pool_of(node) != core::PoolFamily::kNoPool;
  const bool now_ready = ready(node);
  if (now_ready && !pooled) ready_.insert(kReady, node);
  if (!now_ready && pooled) ready_.remove(node);
}

void ThresholdModel::record(Recorder& recorder, std::size_t time_index, double) {
  recorder.row(0, time_index)[0] = static_cast<double>(adopters_);
}

}  // namespace netadopt::models
