#include "netadopt/models/sir.hpp"

#include <algorithm>
#include <cmath>

#include "netadopt/scenario/date.hpp"

namespace netadopt::models {

namespace {
using scenario::kDaysPerYear;
constexpr std::uint32_t kInfection = 1;
constexpr std::uint32_t kRecovery = 2;
}  // namespace

void declare_sir_keys(scenario::Schema& schema) {
  using scenario::KeyType;
  schema.add({"sir.beta",
              KeyType::Real,
              "0.5",
              "per year",
              {0, 1e6},
              {},
              "Transmission rate per tie: an infected node infects each susceptible neighbour "
              "at this rate until it recovers.",
              "",
              "sir"});
  schema.add({"sir.gamma",
              KeyType::Real,
              "1",
              "per year",
              {0, 1e6, true, false},
              {},
              "Recovery rate: the infectious period is exponential with mean 1 / gamma. "
              "A tie transmits with probability T = beta / (beta + gamma).",
              "",
              "sir"});
  schema.add({"sir.initial_infected",
              KeyType::Integer,
              "10",
              "agents",
              {0, 2000000000},
              {},
              "Agents infected at time 0, drawn uniformly; the rest are susceptible.",
              "",
              "sir"});
  schema.add_check({{"run.model", "population.size", "sir.initial_infected"},
                    [](const scenario::Scenario& s) -> std::optional<std::string> {
                      if (s.choice("run.model") != "sir" ||
                          s.integer("sir.initial_infected") <= s.integer("population.size"))
                        return std::nullopt;
                      return "sir.initial_infected (" +
                             std::to_string(s.integer("sir.initial_infected")) +
                             ") exceeds population.size (" +
                             std::to_string(s.integer("population.size")) + ")";
                    }});
  schema.declare_structural("sir.initial_infected", "initial infections are chosen at the start");
}

SirParameters sir_parameters(const scenario::Scenario& s) {
  return {s.real("sir.beta") / kDaysPerYear, s.real("sir.gamma") / kDaysPerYear,
          static_cast<std::uint64_t>(s.integer("sir.initial_infected")),
          static_cast<std::uint64_t>(s.integer("run.seed"))};
}

SirModel::SirModel(const scenario::Scenario& s, std::uint64_t replication)
    : SirModel(sir_parameters(s), nullptr, replication) {
  scenario_ = &s;
}

SirModel::SirModel(const SirParameters& parameters, std::shared_ptr<const Graph> graph,
                   std::uint64_t replication, std::vector<std::uint32_t> seeds)
    : parameters_(parameters),
      replication_(replication),
      graph_(std::move(graph)),
      seeds_(std::move(seeds)),
      stream_(parameters.seed, replication, core::purpose_id("sir.dynamics")),
      drawn_{parameters.beta_per_day, parameters.gamma_per_day} {}

std::vector<VariableSpec> SirModel::output_layout(const scenario::Scenario&) {
  Dimension status{
      "status", {"susceptible", "infected", "recovered"}, "Disease status: S, I or R."};
  return {{"members", "1", "Agents in each disease status.", {status}, true}};
}

std::size_t SirModel::memory_bytes() const { return status_.capacity() + heap_.memory_bytes(); }

// Seeds drawn uniformly without replacement (marked infected while drawing, to reject repeats).
void SirModel::choose_seeds() {
  if (!seeds_.empty()) return;
  core::Stream pick(parameters_.seed, replication_, core::purpose_id("sir.seeds"));
  while (seeds_.size() < parameters_.initial_infected) {
    const auto node = static_cast<std::uint32_t>(pick.uniform_index(status_.size()));
    if (status_[node] == kSusceptible) seeds_.push_back(node);
    status_[node] = kInfected;
  }
}

// Every seed is marked infected before any draw, so that no seed is offered infection.
void SirModel::seed_infections() {
  choose_seeds();
  for (std::uint32_t node : seeds_) status_[node] = kInfected;
  for (std::uint32_t node : seeds_) {
    status_[node] = kSusceptible;
    infect(node, 0.0, false);
  }
}

void SirModel::start(core::Simulator& sim) {
  if (!graph_) graph_ = shared_graph(*scenario_);
  status_.assign(graph_->nodes(), kSusceptible);
  heap_ = NodeHeap(graph_->nodes());
  counts_[kSusceptible] = graph_->nodes();
  seed_infections();
  post_next(sim);
}

void SirModel::offer(std::uint32_t node, double time) {
  if (!heap_.contains(node))
    heap_.push(node, time);
  else if (time < heap_.time_of(node))
    heap_.lower(node, time);
}

// Infected at `now`: the recovery replaces the node's pending infection (the heap's top) or is
// added; each susceptible neighbour is offered infection if the tie transmits before recovery.
void SirModel::infect(std::uint32_t node, double now, bool pending) {
  status_[node] = kInfected;
  --counts_[kSusceptible];
  ++counts_[kInfected];
  draw_course(node, now, pending);
}

// An infected node's future from `now`: its recovery time, and an offer to each susceptible
// neighbour whose tie transmits before then.
void SirModel::draw_course(std::uint32_t node, double now, bool pending) {
  const double period = stream_.exponential(parameters_.gamma_per_day);
  pending ? heap_.replace_top(now + period) : heap_.push(node, now + period);
  const double beta = parameters_.beta_per_day;
  const double transmits = -std::expm1(-beta * period);
  const auto neighbours = graph_->neighbours(node);
  for (std::uint32_t j : neighbours) __builtin_prefetch(&status_[j]);  // overlap the misses
  // Draws first, offers after, by chunks: whether a tie transmits is a coin flip (T = 1/3 at
  // ER k = 10) that a branch mispredicts, so the transmitting ties are gathered without one.
  // Offers change no status, so the draws and offers come in the same order as one loop's.
  constexpr std::size_t kChunk = 64;
  for (std::size_t first = 0; first < neighbours.size(); first += kChunk) {
    const auto part = neighbours.subspan(first, std::min(kChunk, neighbours.size() - first));
    std::uint32_t hit[kChunk];
    double draw[kChunk];
    std::size_t hits = 0;
    for (std::uint32_t j : part) {
      if (status_[j] != kSusceptible) continue;
      __builtin_prefetch(heap_.position_of(j));  // offer() reads it if the tie transmits
      hit[hits] = j;
      draw[hits] = stream_.uniform01();
      hits += draw[hits] < transmits;
    }
    for (std::size_t k = 0; k < hits; ++k) offer(hit[k], now - std::log1p(-draw[k]) / beta);
  }
}

// `inline`, so that GCC keeps inlining it into handle() (one call per event) now that
// Graph::neighbours() branches on the offsets' width.
inline void SirModel::post_next(core::Simulator& sim) {
  if (heap_.empty()) return;
  const auto& next = heap_.top();
  const bool infection = status_[next.node] == kSusceptible;
  if (infection) __builtin_prefetch(graph_->neighbours(next.node).data());
  posted_ = sim.queue().schedule(next.time, infection ? kInfection : kRecovery, next.node);
}

// The next event is almost surely the top's smaller child (a new offer lies months ahead, the
// next event hours later), and the one after among the grandchildren: so each event prefetches
// the status and row offset of the nodes at heap positions 2 to 7, which post_next and the
// next event's draw_course read. (Loading the smaller child's offset here to prefetch its ties
// as well measured no better.)
inline void SirModel::prefetch_next() const {
  for (std::size_t i = 2; i < 8; ++i) {
    const std::uint32_t node = heap_.at(i).node;
    if (node == NodeHeap::kAbsent) break;
    __builtin_prefetch(&status_[node]);
    __builtin_prefetch(graph_->offset_address(node));
  }
}

void SirModel::handle(const core::Event& event, core::Simulator& sim) {
  const std::uint32_t node = heap_.top().node;
  prefetch_next();
  if (event.kind == kInfection) {
    infect(node, event.time, true);
  } else {
    status_[node] = kRecovered;
    --counts_[kInfected];
    ++counts_[kRecovered];
    heap_.pop();
  }
  post_next(sim);
}

void SirModel::persist(core::StateArchive& archive) {
  if (!graph_) graph_ = shared_graph(*scenario_);  // a loading model has not been started
  expect_graph(archive, *graph_);
  archive.vector("status", status_);
  archive.value("counts", counts_);
  {
    core::StateArchive::Scope scope(archive, "heap");
    if (archive.is_loading()) heap_ = NodeHeap(graph_->nodes());
    heap_.persist(archive);
  }
  archive.vector("seeds", seeds_);
  stream_.persist(archive, "stream");
  archive.value("posted", posted_);
  archive.value("drawn_rates", drawn_);
  if (archive.is_loading()) check_loaded();
}

// Statuses index the counts, so a damaged checkpoint must not reach the run.
void SirModel::check_loaded() const {
  std::uint64_t counts[3] = {0, 0, 0};
  if (status_.size() != graph_->nodes())
    throw core::StateError("checkpoint: SIR statuses do not match the network's size");
  for (const std::uint8_t s : status_) {
    if (s > kRecovered) throw core::StateError("checkpoint: an SIR status is damaged");
    ++counts[s];
  }
  for (std::size_t k = 0; k < 3; ++k)
    if (counts[k] != counts_[k])
      throw core::StateError("checkpoint: SIR statuses do not match their counts");
}

void SirModel::reconfigure(core::Simulator& sim) {
  const Rates now{parameters_.beta_per_day, parameters_.gamma_per_day};
  if (now == drawn_) return;  // every pending time is still a draw from the right law
  sim.queue().cancel(posted_);
  redraw_pending(sim.now());
  drawn_ = now;
  post_next(sim);
}

// Infected nodes in index order, so the redraw is a function of the state and the stream.
void SirModel::redraw_pending(double now) {
  heap_ = NodeHeap(status_.size());
  for (std::uint32_t node = 0; node < status_.size(); ++node)
    if (status_[node] == kInfected) draw_course(node, now, false);
}

void SirModel::record(Recorder& recorder, std::size_t time_index, double) {
  const auto row = recorder.row(0, time_index);
  for (std::size_t k = 0; k < 3; ++k) row[k] = static_cast<double>(counts_[k]);
}

}  // namespace netadopt::models
