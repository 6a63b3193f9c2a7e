#pragma once
// Internal to netadopt_sweep: comma-separated lists of numbers and of dates, and numbers
// written so that they read back exactly (what a point's --set override carries).
#include <optional>
#include <string>
#include <vector>

#include "netadopt/scenario/date.hpp"

namespace netadopt::sweep::detail {

// Each item a finite number (strtod syntax, nothing left over); none if any item is not.
std::optional<std::vector<double>> parse_numbers(const std::string& text);
std::optional<std::vector<scenario::Date>> parse_dates(const std::string& text);
std::vector<std::string> split_list(const std::string& text);  // at commas, items trimmed

// Shortest text that reads back to `value`; an integer key's value as a whole number.
std::string number_text(double value, bool integer);

}  // namespace netadopt::sweep::detail
