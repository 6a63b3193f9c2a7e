#include "netadopt/scenario/scenario.hpp"

#include <stdexcept>

#include "netadopt/scenario/loader.hpp"

namespace netadopt::scenario {

namespace {
// A derived key starts without a value; every other key starts at its default.
std::optional<Value> initial_value(const KeySpec& spec) {
  if (spec.is_derived()) return std::nullopt;
  auto converted = convert_value(spec, spec.default_value);
  if (auto* value = std::get_if<Value>(&converted)) return std::move(*value);
  throw std::logic_error("schema key '" + spec.name + "': bad default");
}

const char* type_name(KeyType type) {
  switch (type) {
    case KeyType::Integer:
      return "an integer";
    case KeyType::Real:
      return "a real number";
    case KeyType::Date:
      return "a date";
    case KeyType::Choice:
      return "a choice";
    case KeyType::Text:
      return "a text";
  }
  return "of an unknown type";
}

bool holds_type(const Value& value, KeyType type) {
  switch (type) {
    case KeyType::Integer:
      return std::holds_alternative<std::int64_t>(value);
    case KeyType::Real:
      return std::holds_alternative<double>(value);
    case KeyType::Date:
      return std::holds_alternative<Date>(value);
    case KeyType::Choice:
    case KeyType::Text:
      return std::holds_alternative<std::string>(value);
  }
  return false;
}

const char* origin_note(Origin origin) {
  switch (origin) {
    case Origin::Default:
      return " # default";
    case Origin::Override:
      return kOverrideNote;
    case Origin::File:
    case Origin::Fork:  // resolved_line notes the value replaced
      break;
  }
  return "";
}

std::string key_in_section(const KeySpec& spec) {
  return spec.name.substr(spec.section().size() + 1);
}
}  // namespace

Scenario::Scenario(const Schema& schema, std::string source)
    : schema_(&schema), source_(std::move(source)) {
  for (const auto& spec : schema.keys())
    values_.emplace(spec.name, Slot{initial_value(spec), Origin::Default});
}

std::int64_t Scenario::integer(const std::string& key) const {
  return std::get<std::int64_t>(typed_value(key, KeyType::Integer));
}

double Scenario::real(const std::string& key) const {
  return std::get<double>(typed_value(key, KeyType::Real));
}

Date Scenario::date(const std::string& key) const {
  return std::get<Date>(typed_value(key, KeyType::Date));
}

const std::string& Scenario::choice(const std::string& key) const {
  return std::get<std::string>(typed_value(key, KeyType::Choice));
}

const std::string& Scenario::text(const std::string& key) const {
  return std::get<std::string>(typed_value(key, KeyType::Text));
}

bool Scenario::has(const std::string& key) const { return slot(key).first.has_value(); }

Origin Scenario::origin(const std::string& key) const { return slot(key).second; }

const Value& Scenario::value(const std::string& key) const { return present(key); }

const KeySpec& Scenario::spec_of(const std::string& key) const {
  if (const KeySpec* spec = schema_->find(key)) return *spec;
  throw std::logic_error("no scenario key named '" + key + "'");
}

const Scenario::Slot& Scenario::slot(const std::string& key) const {
  const auto found = values_.find(key);
  if (found == values_.end()) throw std::logic_error("no scenario key named '" + key + "'");
  return found->second;
}

const Value& Scenario::present(const std::string& key) const {
  const auto& value = slot(key).first;
  if (!value)
    throw std::logic_error("scenario key '" + key + "' has no value: it is derived from " +
                           spec_of(key).derived_from);
  return *value;
}

const Value& Scenario::typed_value(const std::string& key, KeyType type) const {
  const KeyType declared = spec_of(key).type;
  if (declared != type)
    throw std::logic_error("scenario key '" + key + "' is not " + type_name(type) + " but " +
                           type_name(declared));
  return present(key);
}

void Scenario::set(const std::string& key, Value value, Origin origin) {
  if (!holds_type(value, spec_of(key).type))
    throw std::logic_error("scenario key '" + key + "' set with a value of the wrong type");
  values_[key] = {std::move(value), origin};
}

void Scenario::mark_fork_change(const std::string& key, std::string before) {
  auto& slot = values_.at(spec_of(key).name);
  if (!slot.first)
    throw std::logic_error("scenario key '" + key + "' marked as forked without a value");
  slot.second = Origin::Fork;
  fork_before_[key] = std::move(before);
}

std::string Scenario::resolved_line(const KeySpec& spec, const Annotations* notes) const {
  const auto& [value, origin] = values_.at(spec.name);
  if (!value) {
    const auto number = notes ? notes->derived(spec.name) : std::nullopt;
    return "# " + key_in_section(spec) + " = " + (number ? format_value(*number) + " " : "") +
           "(derived from " + spec.derived_from + ")\n";
  }
  const bool show_source = notes && origin == Origin::Default && !spec.source.empty();
  const std::string note =
      origin == Origin::Fork ? kForkNote + fork_before_.at(spec.name) : origin_note(origin);
  return key_in_section(spec) + " = " + format_value(*value) + note +
         (show_source ? "; source: " + spec.source : "") + "\n";
}

std::string Scenario::resolved_ini() const { return ini_text(nullptr); }

std::string Scenario::annotated_ini(const Annotations& notes) const { return ini_text(&notes); }

std::string Scenario::ini_text(const Annotations* notes) const {
  std::string ini = "# resolved scenario of " + source_ + "\n";
  if (notes) ini += "# (keys the model does not read are left out)\n";
  for (const auto& section : schema_->sections()) {
    std::string lines;
    for (const auto& spec : schema_->keys())
      if (spec.section() == section && (!notes || notes->reads(spec.name)))
        lines += resolved_line(spec, notes);
    if (!notes || !lines.empty()) ini += "\n[" + section + "]\n" + lines;
  }
  return ini;
}

}  // namespace netadopt::scenario
