// One value's text to a typed Value. Numbers go through std::from_chars, which is
// locale-independent and reports whether the whole text was a number; the forms people write
// in papers ("0.03", "3e-2", "+1") are accepted, anything else is refused with what was found.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "netadopt/scenario/loader.hpp"
#include "netadopt/scenario/text.hpp"

namespace netadopt::scenario {

namespace {
using Converted = std::variant<Value, std::string>;

Converted failure(std::string message) {
  return Converted{std::in_place_index<1>, std::move(message)};
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string_view without_plus(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-' && text[1] != '+') return text.substr(1);
  return text;
}

bool in_range(double value, const Range& range) {
  const bool above_min = range.min_open ? value > range.min : value >= range.min;
  const bool below_max = range.max_open ? value < range.max : value <= range.max;
  return above_min && below_max;
}

Converted out_of_range(const KeySpec& spec, std::string_view text) {
  return failure("value " + std::string(text) + " is out of range; allowed " + spec.allowed());
}

Converted wrong_type(const KeySpec& spec, std::string_view expected, std::string_view text) {
  return failure("expected " + std::string(expected) + ", found " + quoted(text) + "; allowed " +
                 spec.allowed());
}

template <typename Number>
std::optional<std::from_chars_result> parse_whole(std::string_view text, Number& number) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), number);
  if (result.ptr != text.data() + text.size()) return std::nullopt;
  return result;
}

bool is_plain_integer(std::string_view text) {
  const auto digits = text.substr(text[0] == '-' ? 1 : 0);
  return !digits.empty() &&
         std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Converted to_integer(const KeySpec& spec, std::string_view text) {
  const auto unsigned_text = without_plus(text);
  std::int64_t number = 0;
  if (!is_plain_integer(unsigned_text)) return wrong_type(spec, "an integer", text);
  const auto result = parse_whole(unsigned_text, number);
  if (!result || result->ec != std::errc{}) return out_of_range(spec, text);
  if (!in_range(static_cast<double>(number), spec.range)) return out_of_range(spec, text);
  return Value{number};
}

Converted to_real(const KeySpec& spec, std::string_view text) {
  double number = 0;
  const auto result = parse_whole(without_plus(text), number);
  if (!result) return wrong_type(spec, "a real number", text);
  if (result->ec == std::errc::result_out_of_range) return out_of_range(spec, text);
  if (!std::isfinite(number)) return wrong_type(spec, "a finite real number", text);
  if (!in_range(number, spec.range)) return out_of_range(spec, text);
  return Value{number};
}

Converted to_date(const KeySpec& spec, std::string_view text) {
  const auto date = parse_date(text);
  if (!date) return wrong_type(spec, "a date YYYY-MM-DD", text);
  if (!in_range(date->days, spec.range)) return out_of_range(spec, text);
  return Value{*date};
}

bool is_ascii_letter_or_digit(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Any byte from 0x80 up is part of a UTF-8 character beyond ASCII ("é" of "Viadéo").
bool is_text_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  constexpr std::string_view kPunctuation = " _-.'()/";
  return is_ascii_letter_or_digit(byte) || byte >= 0x80 ||
         kPunctuation.find(c) != std::string_view::npos;
}

// UTF-8 characters: every byte except continuation bytes (10xxxxxx) starts one.
std::size_t character_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

Converted to_text(const KeySpec& spec, std::string_view text) {
  const std::size_t characters = character_count(text);
  const bool fits = characters >= 1 && characters <= spec.max_characters();
  if (!fits || !std::all_of(text.begin(), text.end(), is_text_byte))
    return failure("expected " + std::string(spec.path ? "a path" : "a text") + " of 1 to " +
                   std::to_string(spec.max_characters()) +
                   " characters (letters, digits, spaces, _ - . ' ( ) /), found " + quoted(text));
  return Value{std::string(text)};
}

Converted to_choice(const KeySpec& spec, std::string_view text) {
  if (std::find(spec.choices.begin(), spec.choices.end(), text) == spec.choices.end())
    return failure("expected " + spec.allowed() + ", found " + quoted(text));
  return Value{std::string(text)};
}
}  // namespace

std::variant<Value, std::string> convert_value(const KeySpec& spec, const std::string& text) {
  const auto trimmed = detail::trim(text);
  if (trimmed.empty()) return failure("empty value; allowed " + spec.allowed());
  switch (spec.type) {
    case KeyType::Integer:
      return to_integer(spec, trimmed);
    case KeyType::Real:
      return to_real(spec, trimmed);
    case KeyType::Date:
      return to_date(spec, trimmed);
    case KeyType::Choice:
      return to_choice(spec, trimmed);
    case KeyType::Text:
      return to_text(spec, trimmed);
  }
  return failure("unknown key type");
}

std::string format_value(const Value& value) {
  struct Formatter {
    std::string operator()(std::int64_t number) const { return std::to_string(number); }
    std::string operator()(double number) const { return detail::format_number(number); }
    std::string operator()(Date date) const { return format_date(date); }
    std::string operator()(const std::string& text) const { return text; }  // choice or text
  };
  return std::visit(Formatter{}, value);
}

}  // namespace netadopt::scenario
