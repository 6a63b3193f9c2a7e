#pragma once
// The Bass (1969) diffusion model as agent events. N agents, well mixed; each non-adopter adopts
// at rate p + q A(t)/N, where A is the number of adopters. All non-adopters share that rate, so
// the next adoption comes after an exponential time with total rate (N - A)(p + q A/N) and
// befalls a non-adopter drawn uniformly (Gillespie's direct method): O(1) per event, whatever N.
// Its mean-field limit is F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).
//
// Checkpoints save the pool of non-adopters, the stream and the clock. A fork with other p or q
// only changes the clock's rate: set_rate redraws its firing from now, exact by memorylessness,
// and keeps it when the total rate is unchanged (so a fork that changes neither continues as
// the base run does).
#include <cstdint>
#include <vector>

#include "netadopt/core/poisson_clock.hpp"
#include "netadopt/models/model.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::models {

void declare_bass_keys(scenario::Schema& schema);

class BassModel : public Model {
 public:
  BassModel(const scenario::Scenario& scenario, std::uint64_t replication);

  // The output variables, from the scenario alone (no model is built).
  static std::vector<VariableSpec> output_layout(const scenario::Scenario& scenario);
  void start(core::Simulator& sim) override;
  void handle(const core::Event& event, core::Simulator& sim) override;
  void record(Recorder& recorder, std::size_t time_index, double time) override;
  void persist(core::StateArchive& archive) override;
  void reconfigure(core::Simulator& sim) override;

  std::uint64_t adopters() const { return population_ - non_adopters_.size(); }

 private:
  void adopt_one(core::Simulator* sim);
  double total_rate() const;

  std::uint64_t population_;
  double p_per_day_;
  double q_per_day_;
  std::uint64_t initial_adopters_;
  std::vector<std::uint32_t> non_adopters_;  // unordered pool; swap-and-pop on adoption
  core::Stream stream_;
  core::PoissonClock clock_;
};

}  // namespace netadopt::models
