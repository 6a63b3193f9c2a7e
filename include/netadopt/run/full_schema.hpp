#pragma once
// The full scenario schema: every model's keys (catalog/catalog.hpp) and the keys of the run
// layer itself ([fork]). Built once, shared, immutable; everything that parses a scenario
// file uses it.
#include "netadopt/scenario/schema.hpp"

namespace netadopt::run {

const scenario::Schema& full_schema();

}  // namespace netadopt::run
