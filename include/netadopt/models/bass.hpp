#pragma once
// The Bass (1969) diffusion model as agent events. N agents, well mixed; each non-adopter adopts
// at rate p + q A(t)/N, where A is the number of adopters. All non-adopters share that rate, so
// the next adoption comes after an exponential time with total rate (N - A)(p + q A/N) and
// befalls a non-adopter drawn uniformly (Gillespie's direct method): O(1) per event, whatever N.
// Its mean-field limit is F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).
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

  std::vector<run::VariableSpec> outputs() const override;
  void start(core::Simulator& sim) override;
  void handle(const core::Event& event, core::Simulator& sim) override;
  void record(Recorder& recorder, std::size_t time_index) override;

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
