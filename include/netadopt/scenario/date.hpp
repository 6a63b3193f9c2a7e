#pragma once
// Calendar dates, as whole days since 1970-01-01 (proleptic Gregorian), via <chrono>.
#include <optional>
#include <string>
#include <string_view>

namespace netadopt::scenario {

struct Date {
  int days = 0;  // since 1970-01-01
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Days in a year (the Julian year): keys give rates per year and durations in years, simulated
// time runs in days. The one definition of it.
constexpr double kDaysPerYear = 365.25;

// The range every date key allows, in days since 1970-01-01: 1900-01-01 to 2199-12-31.
constexpr double kFirstDateDay = -25567.0;
constexpr double kLastDateDay = 84005.0;

std::optional<Date> parse_date(std::string_view text);  // strict YYYY-MM-DD, a real calendar day
std::string format_date(Date date);                     // YYYY-MM-DD

}  // namespace netadopt::scenario
