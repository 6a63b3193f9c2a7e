#pragma once
// The values the essay model derives for derived keys a scenario does not set (schema.hpp,
// KeySpec::derived_from): the labour market's rates, its initial state, and the culture's norms.
// The model uses them when it is built; the decomposition (compare/) moves them between
// scenarios through the catalog.
#include <optional>
#include <string>

#include "netadopt/scenario/scenario.hpp"

namespace netadopt::models::essay {

// Mean tenure at time 0 when the scenario does not set it: with departures at rate s + m,
// tenure in the current job is exponential with mean 1 / (s + m) (capped at 60 years).
double steady_state_tenure_years(const scenario::Scenario& scenario);

// `key` as the scenario resolves it, when the essay model derives it; nullopt otherwise.
std::optional<double> derived_value(const scenario::Scenario& scenario, const std::string& key);

}  // namespace netadopt::models::essay
