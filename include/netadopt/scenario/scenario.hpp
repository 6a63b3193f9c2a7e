#pragma once
// A resolved scenario: a value for every key of its schema (the file's, an override's, or the
// default). It is immutable once loaded; models read it through typed getters.
#include <cstdint>
#include <map>
#include <string>
#include <variant>

#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/schema.hpp"

namespace netadopt::scenario {

using Value = std::variant<std::int64_t, double, Date, std::string>;

enum class Origin { Default, File, Override };

class Scenario {
 public:
  Scenario(const Schema& schema, std::string source);

  std::int64_t integer(const std::string& key) const;
  double real(const std::string& key) const;
  Date date(const std::string& key) const;
  const std::string& choice(const std::string& key) const;

  const Schema& schema() const { return *schema_; }
  const std::string& source() const { return source_; }  // the file it came from
  Origin origin(const std::string& key) const;
  const Value& value(const std::string& key) const;  // any key, whatever its type

  // Every key, by section, as an INI file that loads back to the same scenario; each line
  // notes where its value came from when it is not the file.
  std::string resolved_ini() const;

  void set(const std::string& key, Value value, Origin origin);  // used by the loader

 private:
  const Value& get(const std::string& key) const;
  const Schema* schema_;
  std::string source_;
  std::map<std::string, std::pair<Value, Origin>> values_;
};

std::string format_value(const Value& value);

}  // namespace netadopt::scenario
