#pragma once
// The memory one replication of the essay model holds, estimated from the scenario alone
// (building the model would allocate the memory in question): a cost per agent and platform,
// and a cost per tie end, measured on this implementation (figures in memory_estimate.cpp).
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::models::essay {

double replication_bytes(const scenario::Scenario& scenario);

}  // namespace netadopt::models::essay
