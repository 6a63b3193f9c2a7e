#pragma once
// One replication: build the model, run it to the horizon, keep what it recorded.
#include <cstdint>
#include <vector>

#include "netadopt/core/simulator.hpp"
#include "netadopt/run/result.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::run {

struct ReplicationOutput {
  std::vector<std::vector<double>> series;  // per variable: [time][cells]
  std::uint64_t events = 0;
  std::uint64_t fingerprint = 0;
};

core::RunWindow run_window(const scenario::Scenario& scenario);  // horizon and interval in days
std::vector<VariableSpec> output_specs(const scenario::Scenario& scenario);
ReplicationOutput run_replication(const scenario::Scenario& scenario, std::uint64_t replication);

}  // namespace netadopt::run
