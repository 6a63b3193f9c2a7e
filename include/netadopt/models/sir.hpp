#pragma once
// SIR on a network, simulated exactly in continuous time: design note.
//
// Each infected node recovers at rate gamma; each tie between an infected and a susceptible node
// transmits at rate beta. The process is Markovian, so it can be simulated by first-passage
// times drawn when a node is infected (the next-reaction form used by Kiss, Miller and Simon's
// fast_SIR): infected at t, node i draws its infectious period D ~ Exp(gamma) and, for each
// susceptible neighbour j, a transmission delay tau ~ Exp(beta); if tau < D, j is offered
// infection at t + tau and keeps the earliest offer. j's infection time is then the minimum over
// its infected neighbours' transmission times, exactly as in the rate formulation. Work is
// O(degree) per infection and O(1) per recovery; every event in the queue is a real transition
// (no rejected or stale events), and each node has at most one pending event (its infection
// while susceptible, its recovery while infected), so the queue holds at most N entries.
//
// Draws. tau < D iff u < 1 - exp(-beta D) for tau = -log(1 - u) / beta, so a single uniform per
// susceptible neighbour decides, and the logarithm is taken only for the ties that transmit
// (T = beta / (beta + gamma) of them on average): the same numbers as drawing tau and comparing.
//
// Queue. The pending events live in the model's own binary heap of (time, node) (node_heap.hpp);
// the core's queue holds one event, the heap's earliest, re-posted after each event, so every
// transition is one core event (counted, fingerprinted and sampled by the run loop as usual).
//
// Speed. Most of an event's time is cache misses (the heap's deep levels, the neighbours'
// states, the next node's row) and mispredicted coin-flip branches, so: the heap's sift down
// is branchless and prefetches two levels ahead, and its arrays are advised into transparent
// huge pages, which spared TLB misses (8% at N = 10^6; node_heap.hpp); draw_course draws for a
// chunk of neighbours before offering, so whether a tie transmits is not a branch; and each event
// prefetches the status and row offset of the nodes that the next two events will almost
// surely be (heap positions 2 to 7). None of this changes a draw or the order of events.
//
// Checkpoints save statuses, counts, the heap (times and nodes, in heap order), the stream and
// the handle of the one core event, so a loaded model continues event for event. The network is
// not saved: it is rebuilt from the scenario, and its sizes and digest must match.
//
// Forks. Every pending time depends on beta and gamma: a recovery is now + Exp(gamma), and each
// offer was kept only if its Exp(beta) delay beat the infector's period. So a fork that changes
// either redraws all of them from now, as if every infected node had just been infected: its
// remaining period is Exp(gamma') and each tie to a susceptible neighbour transmits at rate beta'
// until then (memorylessness makes the elapsed part irrelevant), and a susceptible node keeps
// the earliest offer, as in a run. The rates the pending times were drawn with are saved with
// them, so a fork that changes neither keeps every pending time (and continues as the base run).
//
// Units: sir.beta and sir.gamma are per year, as every rate key; time runs in days.
// Memory: 1 byte of state and 4 of heap position per node, plus 16 bytes per pending event (at
// most one per node: the heap's array is reserved at that bound when the model starts, so it
// never grows by copying, and only the pages its entries reach are resident); the shared
// network adds 4 bytes per node and 8 per tie. At ER k = 10, N = 10^6 the heap peaks at 0.66 N
// events: netadopt_bench measures 24 bytes per agent beyond the ties (22 before the heap's
// arrays were in 2 MiB pages, 42 with 8-byte offsets and a heap grown by doubling, whose freed
// arrays stayed resident).
// Measured (netadopt_bench, ER k = 10, beta 0.5, gamma 1, one core of a 16-core Xeon): 3.6 million
// events/s at N = 10^5, 2.3 million at 10^6, before the changes under Speed. On a loaded 2-core
// AMD VM, those changes took SIR from 1.93 to 2.46 million events/s at N = 10^5 and from 0.79
// to 0.88 million at 10^6 (medians of alternated runs, same generator code); prefetching the
// next node's ties earlier, or without a branch, gained nothing measurable.
#include <cstdint>
#include <memory>
#include <vector>

#include "netadopt/models/graph/graph.hpp"
#include "netadopt/models/model.hpp"
#include "netadopt/models/node_heap.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::models {

void declare_sir_keys(scenario::Schema& schema);

struct SirParameters {
  double beta_per_day = 0.0;   // per tie
  double gamma_per_day = 0.0;  // per infected node
  std::uint64_t initial_infected = 0;
  std::uint64_t seed = 0;
};
SirParameters sir_parameters(const scenario::Scenario& scenario);

class SirModel : public Model {
 public:
  enum Status : std::uint8_t { kSusceptible = 0, kInfected = 1, kRecovered = 2 };

  // The network is the scenario's shared one, fetched (or built) at start().
  SirModel(const scenario::Scenario& scenario, std::uint64_t replication);
  // `seeds`, when given, replaces the uniform draw of initial_infected agents (for tests).
  SirModel(const SirParameters& parameters, std::shared_ptr<const Graph> graph,
           std::uint64_t replication, std::vector<std::uint32_t> seeds = {});

  // The output variables, from the scenario alone (no model is built).
  static std::vector<VariableSpec> output_layout(const scenario::Scenario& scenario);
  void start(core::Simulator& sim) override;
  void handle(const core::Event& event, core::Simulator& sim) override;
  void record(Recorder& recorder, std::size_t time_index, double time) override;
  void persist(core::StateArchive& archive) override;
  void reconfigure(core::Simulator& sim) override;

  std::uint64_t count(Status status) const { return counts_[status]; }
  Status status(std::uint32_t node) const { return static_cast<Status>(status_[node]); }
  std::size_t memory_bytes() const;  // the model's own state, not the shared network

 private:
  void choose_seeds();
  void seed_infections();
  void infect(std::uint32_t node, double now, bool pending);
  void draw_course(std::uint32_t node, double now, bool pending);
  void offer(std::uint32_t node, double time);
  void post_next(core::Simulator& sim);
  void prefetch_next() const;
  void redraw_pending(double now);
  void check_loaded() const;

  // The rates the heap's pending times were drawn with: the parameters', except between
  // loading a fork's state and reconfigure.
  struct Rates {
    double beta_per_day = 0.0;
    double gamma_per_day = 0.0;
    bool operator==(const Rates&) const = default;
  };

  const scenario::Scenario* scenario_ = nullptr;
  SirParameters parameters_;
  std::uint64_t replication_;
  std::shared_ptr<const Graph> graph_;
  std::vector<std::uint32_t> seeds_;
  std::vector<std::uint8_t> status_;
  NodeHeap heap_{0};
  std::uint64_t counts_[3] = {0, 0, 0};
  core::Stream stream_;
  core::EventId posted_;  // the heap's top, as the core's one pending event
  Rates drawn_;
};

}  // namespace netadopt::models
