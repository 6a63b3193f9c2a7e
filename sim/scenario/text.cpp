#include "text.hpp"

#include <charconv>
#include <cmath>

namespace netadopt::scenario::detail {

namespace {
constexpr std::string_view kBlank = " \t\r\n";
constexpr double kLargestPlainWhole = 1e15;

bool is_plain_whole(double value) {
  return std::abs(value) < kLargestPlainWhole && value == std::trunc(value);
}
}  // namespace

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlank) - first + 1);
}

bool has_space(std::string_view text) {
  return text.find_first_of(kBlank) != std::string_view::npos;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += separator;
    joined += parts[i];
  }
  return joined;
}

std::string format_number(double value) {
  if (is_plain_whole(value)) return std::to_string(static_cast<long long>(value));
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace netadopt::scenario::detail
