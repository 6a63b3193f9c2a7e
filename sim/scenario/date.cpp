// Dates go through <chrono>'s civil calendar, so leap years and month lengths are the
// standard library's business; this file only enforces the strict YYYY-MM-DD spelling.
#include "netadopt/scenario/date.hpp"

#include <chrono>
#include <cstdlib>

namespace netadopt::scenario {

namespace {
using namespace std::chrono;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool has_date_shape(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(text[i])) return false;
  return true;
}

int digits_value(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::string zero_padded(long long value, std::size_t width) {
  std::string text = std::to_string(std::llabs(value));
  if (text.size() < width) text.insert(0, width - text.size(), '0');
  return value < 0 ? "-" + text : text;
}
}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (!has_date_shape(text)) return std::nullopt;
  const year_month_day ymd{year{digits_value(text.substr(0, 4))},
                           month{static_cast<unsigned>(digits_value(text.substr(5, 2)))},
                           day{static_cast<unsigned>(digits_value(text.substr(8, 2)))}};
  if (!ymd.ok()) return std::nullopt;
  return Date{static_cast<int>(sys_days{ymd}.time_since_epoch().count())};
}

std::string format_date(Date date) {
  const year_month_day ymd{sys_days{days{date.days}}};
  return zero_padded(static_cast<int>(ymd.year()), 4) + "-" +
         zero_padded(static_cast<unsigned>(ymd.month()), 2) + "-" +
         zero_padded(static_cast<unsigned>(ymd.day()), 2);
}

}  // namespace netadopt::scenario
