#pragma once
// A resolved scenario: a value for every key of its schema (the file's, an override's, or the
// default), except a derived key that neither the file nor an override gives: that one has no
// value (has() is false) and its model derives it. It is immutable once loaded; models read it
// through typed getters.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/schema.hpp"

namespace netadopt::scenario {

using Value = std::variant<std::int64_t, double, Date, std::string>;

// Fork: a key a fork file changes (run::plan_fork); resolved_ini notes the value it replaced.
enum class Origin { Default, File, Override, Fork };

// What resolved_ini writes after a value that came from --set, or from a fork (followed by the
// value it replaced); run/fork.cpp reads them back when a fork resumes.
inline constexpr const char* kOverrideNote = " # --set";
inline constexpr const char* kForkNote = " # fork: was ";

class Scenario {
 public:
  Scenario(const Schema& schema, std::string source);

  std::int64_t integer(const std::string& key) const;
  double real(const std::string& key) const;
  Date date(const std::string& key) const;
  const std::string& choice(const std::string& key) const;
  const std::string& text(const std::string& key) const;
  // The getters, and value(), throw std::logic_error on an unknown key, a key of another type,
  // or an absent derived key ("... has no value: it is derived from ...").

  bool has(const std::string& key) const;  // false only for an absent derived key

  const Schema& schema() const { return *schema_; }
  const std::string& source() const { return source_; }  // the file it came from
  Origin origin(const std::string& key) const;           // Default for an absent derived key
  const Value& value(const std::string& key) const;      // any key, whatever its type

  // Every key, by section, as an INI file that loads back to the same scenario; each line
  // notes where its value came from when it is not the file. An absent derived key is a
  // comment: `# key = (derived from ...)`.
  std::string resolved_ini() const;
  // What a reader (`netadopt validate`) is shown beyond resolved_ini(): the number a model
  // derives for an absent derived key, or nullopt; and whether the model reads a key at all.
  struct Annotations {
    std::function<std::optional<double>(const std::string& key)> derived;
    std::function<bool(const std::string& key)> reads;
  };
  // resolved_ini() for a reader: an absent derived key's comment shows its number beside its
  // formula, `# key = 0.0123 (derived from ...)`; a default taken from data names its source;
  // keys the model does not read are left out (sections left empty are dropped). It loads
  // back to the same scenario.
  std::string annotated_ini(const Annotations& notes) const;

  void set(const std::string& key, Value value, Origin origin);  // used by the loader
  // Marks `key` as changed by a fork (Origin::Fork): resolved_ini writes `# fork: was BEFORE`.
  void mark_fork_change(const std::string& key, std::string before);

 private:
  using Slot = std::pair<std::optional<Value>, Origin>;  // no value: an absent derived key
  const KeySpec& spec_of(const std::string& key) const;
  const Slot& slot(const std::string& key) const;
  const Value& present(const std::string& key) const;
  const Value& typed_value(const std::string& key, KeyType type) const;
  std::string resolved_line(const KeySpec& spec, const Annotations* notes) const;
  std::string ini_text(const Annotations* notes) const;

  const Schema* schema_;
  std::string source_;
  std::map<std::string, Slot> values_;
  std::map<std::string, std::string> fork_before_;  // the replaced value of each Fork key
};

std::string format_value(const Value& value);

}  // namespace netadopt::scenario
