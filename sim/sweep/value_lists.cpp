#include "value_lists.hpp"

#include <charconv>
#include <cmath>

#include "netadopt/scenario/text.hpp"

namespace netadopt::sweep::detail {

namespace {
std::optional<double> parse_number(const std::string& item) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), value);
  if (error != std::errc() || end != item.data() + item.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}
}  // namespace

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = std::min(text.find(',', start), text.size());
    items.emplace_back(scenario::detail::trim(std::string_view(text).substr(start, comma - start)));
    start = comma + 1;
  }
  return items;
}

std::optional<std::vector<double>> parse_numbers(const std::string& text) {
  std::vector<double> values;
  for (const auto& item : split_list(text)) {
    const auto value = parse_number(item);
    if (!value) return std::nullopt;
    values.push_back(*value);
  }
  return values;
}

std::optional<std::vector<scenario::Date>> parse_dates(const std::string& text) {
  std::vector<scenario::Date> dates;
  for (const auto& item : split_list(text)) {
    const auto date = scenario::parse_date(item);
    if (!date) return std::nullopt;
    dates.push_back(*date);
  }
  return dates;
}

std::string number_text(double value, bool integer) {
  if (integer) return std::to_string(std::llround(value));
  return scenario::detail::format_number(value);
}

}  // namespace netadopt::sweep::detail
