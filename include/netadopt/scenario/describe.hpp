#pragma once
// `netadopt describe`: every key with its type, default, unit, range, help and source.
#include <string>

#include "netadopt/scenario/schema.hpp"

namespace netadopt::scenario {

std::string describe_text(const Schema& schema);      // for the terminal
std::string describe_markdown(const Schema& schema);  // a table, for the README and papers

}  // namespace netadopt::scenario
