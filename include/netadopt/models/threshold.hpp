#pragma once
// Watts' (2002) threshold model in continuous time: design note.
//
// Each non-adopter i re-evaluates at rate `threshold.rate` and adopts if the share of its
// neighbours who have adopted is at least its threshold phi_i (an isolated node's share is 0).
// Adopters never leave, so a non-adopter's share only grows: once it reaches phi_i ("ready") it
// stays there, and a re-evaluation of an agent that is not ready changes nothing. The process is
// therefore the same as: ready agents adopt at rate r, others wait. Ready agents sit in one pool
// with one aggregated Poisson clock of rate r x |ready| (Gillespie's direct method), and an
// event adopts a uniform pick from the pool. Only adoptions are events; each costs O(degree),
// to update the neighbours' adopted counts and move those who became ready into the pool.
//
// Thresholds: phi_i = threshold.phi for everyone, or drawn from a normal law with mean
// threshold.phi and standard deviation threshold.phi_sd (not truncated: phi_i <= 0 means ready
// from the start, phi_i > 1 never ready), from the replication's own stream.
//
// Checkpoints save who has adopted, the adopted-neighbour counts, the thresholds drawn, the
// ready pool, the stream and the clock; the network is rebuilt from the scenario and must match.
//
// Forks. threshold.rate only sets the clock's rate r x |ready|, redrawn from now when it
// changes (memoryless, so exact). threshold.phi and threshold.phi_sd change the thresholds
// from the fork on: each agent keeps its standard normal draw z_i (the same stream gives it
// again) and its threshold becomes phi' + sd' z_i, so the fork is the base run with other
// thresholds from then on, not other agents. (When the base had sd = 0 its history never used
// the z_i, so drawing them at the fork is exact in law too.) The ready pool is then brought in
// line: a non-adopter whose share now meets its new threshold joins it, one that no longer does
// leaves it; from there on shares only grow again, as before. A fork that changes none of the
// three keys changes nothing, and continues as the base run.
#include <cstdint>
#include <memory>
#include <vector>

#include "netadopt/core/poisson_clock.hpp"
#include "netadopt/core/pool_family.hpp"
#include "netadopt/models/graph/graph.hpp"
#include "netadopt/models/model.hpp"
#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::models {

void declare_threshold_keys(scenario::Schema& schema);

struct ThresholdParameters {
  double phi = 0.18;
  double phi_sd = 0.0;
  double rate_per_day = 1.0 / scenario::kDaysPerYear;
  std::uint64_t initial_adopters = 0;
  std::uint64_t seed = 0;
};
ThresholdParameters threshold_parameters(const scenario::Scenario& scenario);

class ThresholdModel : public Model {
 public:
  ThresholdModel(const scenario::Scenario& scenario, std::uint64_t replication);
  // `seeds`, when given, replaces the uniform draw of initial_adopters agents (for tests).
  ThresholdModel(const ThresholdParameters& parameters, std::shared_ptr<const Graph> graph,
                 std::uint64_t replication, std::vector<std::uint32_t> seeds = {});

  // The output variables, from the scenario alone (no model is built).
  static std::vector<VariableSpec> output_layout(const scenario::Scenario& scenario);
  void start(core::Simulator& sim) override;
  void handle(const core::Event& event, core::Simulator& sim) override;
  void record(Recorder& recorder, std::size_t time_index, double time) override;
  void persist(core::StateArchive& archive) override;
  void reconfigure(core::Simulator& sim) override;

  std::uint64_t adopters() const { return adopters_; }
  bool adopted(std::uint32_t node) const { return adopted_[node] != 0; }

 private:
  void draw_thresholds();
  void choose_seeds();
  bool ready(std::uint32_t node) const;
  void adopt(std::uint32_t node);
  void set_readiness(std::uint32_t node);
  void update_clock(core::Simulator& sim);
  void check_loaded() const;

  const scenario::Scenario* scenario_ = nullptr;
  ThresholdParameters parameters_;
  std::uint64_t replication_;
  std::shared_ptr<const Graph> graph_;
  std::vector<std::uint32_t> seeds_;
  std::vector<std::uint8_t> adopted_;
  std::vector<std::uint32_t> adopted_neighbours_;
  std::vector<double> phi_;  // empty when every threshold is parameters_.phi
  std::uint64_t adopters_ = 0;
  core::PoolFamily ready_{0, 1};
  core::Stream stream_;
  core::PoissonClock clock_;
};

}  // namespace netadopt::models
