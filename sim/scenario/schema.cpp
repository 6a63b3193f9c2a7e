// The schema refuses a malformed declaration (bad name, duplicate, default outside its own
// range) at once, with std::logic_error: such a bug is the programmer's, not the user's, and
// must not surface later as a confusing message about a file.
#include "netadopt/scenario/schema.hpp"

#include <algorithm>
#include <stdexcept>
#include <variant>

#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/loader.hpp"
#include "netadopt/scenario/text.hpp"

namespace netadopt::scenario {

namespace {
constexpr double kUnbounded = 1e300;

std::string bound_text(double bound) {
  if (bound <= -kUnbounded) return "-inf";
  if (bound >= kUnbounded) return "inf";
  return detail::format_number(bound);
}

std::string interval_text(const Range& range) {
  const bool open_min = range.min_open || range.min <= -kUnbounded;
  const bool open_max = range.max_open || range.max >= kUnbounded;
  return std::string(open_min ? "(" : "[") + bound_text(range.min) + ", " + bound_text(range.max) +
         (open_max ? ")" : "]");
}

std::string date_bound(double bound, bool open, int step) {
  return format_date(Date{static_cast<int>(bound) + (open ? step : 0)});
}

std::string date_allowed(const Range& range) {
  const bool has_min = range.min > -kUnbounded;
  const bool has_max = range.max < kUnbounded;
  std::string text = "a date YYYY-MM-DD";
  if (has_min) text += " from " + date_bound(range.min, range.min_open, 1);
  if (has_max) text += (has_min ? " to " : " up to ") + date_bound(range.max, range.max_open, -1);
  return text;
}

bool is_key_name(const std::string& name) {
  const auto dot = name.find('.');
  return dot != std::string::npos && dot > 0 && dot + 1 < name.size() && !detail::has_space(name);
}

void require(bool condition, const std::string& name, const std::string& what) {
  if (!condition) throw std::logic_error("schema key '" + name + "': " + what);
}

// A derived key has no default; any other key needs one that its own checks accept.
void check_default(const KeySpec& spec) {
  if (spec.is_derived())
    return require(spec.default_value.empty(), spec.name,
                   "a derived key takes no default, found '" + spec.default_value + "'");
  require(!spec.default_value.empty(), spec.name,
          "expected a default value, or derived_from saying where the value comes from");
  const auto converted = convert_value(spec, spec.default_value);
  if (const auto* message = std::get_if<std::string>(&converted))
    require(false, spec.name, "bad default: " + *message);
}

void check_declaration(const KeySpec& spec) {
  require(is_key_name(spec.name), spec.name, "a name must read section.key");
  require(spec.range.min <= spec.range.max, spec.name, "range minimum above maximum");
  require(spec.type != KeyType::Choice || !spec.choices.empty(), spec.name, "no choices");
  require(!spec.path || spec.type == KeyType::Text, spec.name, "only a text key holds a path");
  require(spec.derived_from.find('\n') == std::string::npos, spec.name,
          "derived_from must be one line (resolved_ini writes it as a comment)");
  check_default(spec);
}
}  // namespace

std::string KeySpec::section() const { return name.substr(0, name.find('.')); }

std::string KeySpec::allowed() const {
  switch (type) {
    case KeyType::Date:
      return date_allowed(range);
    case KeyType::Choice:
      return "one of: " + detail::join(choices, ", ");
    case KeyType::Text:
      return std::string(path ? "a path" : "a text") + " of 1 to " +
             std::to_string(max_characters()) + " characters";
    case KeyType::Integer:
    case KeyType::Real:
      break;
  }
  return interval_text(range) + (unit.empty() ? "" : " " + unit);
}

void Schema::add(KeySpec spec) {
  require(find(spec.name) == nullptr, spec.name, "declared twice");
  check_declaration(spec);
  keys_.push_back(std::move(spec));
}

void Schema::add_check(CrossCheck check) {
  for (const auto& key : check.keys) require(find(key) != nullptr, key, "cross-check on no key");
  checks_.push_back(std::move(check));
}

const KeySpec* Schema::find(const std::string& name) const {
  for (const auto& spec : keys_)
    if (spec.name == name) return &spec;
  return nullptr;
}

std::vector<std::string> Schema::sections() const {
  std::vector<std::string> sections;
  for (const auto& spec : keys_) {
    const std::string section = spec.section();
    if (std::find(sections.begin(), sections.end(), section) == sections.end())
      sections.push_back(section);
  }
  return sections;
}

}  // namespace netadopt::scenario
