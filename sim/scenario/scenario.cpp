#include "netadopt/scenario/scenario.hpp"

#include <stdexcept>

#include "netadopt/scenario/loader.hpp"

namespace netadopt::scenario {

namespace {
Value default_of(const KeySpec& spec) {
  auto converted = convert_value(spec, spec.default_value);
  if (auto* value = std::get_if<Value>(&converted)) return std::move(*value);
  throw std::logic_error("schema key '" + spec.name + "': bad default");
}

template <typename T>
const T& typed(const Value& value, const std::string& key, const char* type_name) {
  if (const T* typed_value = std::get_if<T>(&value)) return *typed_value;
  throw std::logic_error("scenario key '" + key + "' is not " + type_name);
}

const char* origin_note(Origin origin) {
  switch (origin) {
    case Origin::Default:
      return " # default";
    case Origin::Override:
      return " # --set";
    case Origin::File:
      break;
  }
  return "";
}
}  // namespace

Scenario::Scenario(const Schema& schema, std::string source)
    : schema_(&schema), source_(std::move(source)) {
  for (const auto& spec : schema.keys())
    values_.emplace(spec.name, std::pair{default_of(spec), Origin::Default});
}

std::int64_t Scenario::integer(const std::string& key) const {
  return typed<std::int64_t>(get(key), key, "an integer");
}

double Scenario::real(const std::string& key) const {
  return typed<double>(get(key), key, "a real number");
}

Date Scenario::date(const std::string& key) const { return typed<Date>(get(key), key, "a date"); }

const std::string& Scenario::choice(const std::string& key) const {
  return typed<std::string>(get(key), key, "a choice");
}

Origin Scenario::origin(const std::string& key) const {
  get(key);
  return values_.at(key).second;
}

const Value& Scenario::value(const std::string& key) const { return get(key); }

const Value& Scenario::get(const std::string& key) const {
  const auto found = values_.find(key);
  if (found == values_.end()) throw std::logic_error("no scenario key named '" + key + "'");
  return found->second.first;
}

void Scenario::set(const std::string& key, Value value, Origin origin) {
  if (get(key).index() != value.index())
    throw std::logic_error("scenario key '" + key + "' set with a value of the wrong type");
  values_[key] = {std::move(value), origin};
}

std::string Scenario::resolved_ini() const {
  std::string ini = "# resolved scenario of " + source_ + "\n";
  for (const auto& section : schema_->sections()) {
    ini += "\n[" + section + "]\n";
    for (const auto& spec : schema_->keys()) {
      if (spec.section() != section) continue;
      const auto& [value, origin] = values_.at(spec.name);
      ini += spec.name.substr(section.size() + 1) + " = " + format_value(value) +
             origin_note(origin) + "\n";
    }
  }
  return ini;
}

}  // namespace netadopt::scenario
