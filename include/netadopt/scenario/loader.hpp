#pragma once
// Loading a scenario file: INI syntax (Boost.Program_options' config-file parser), every key
// checked against the schema, then `--set section.key=value` overrides, then cross-key checks.
// All problems are collected and thrown together, each naming the file, line, key and the
// allowed range, so a user fixes a file in one pass.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "netadopt/scenario/scenario.hpp"

namespace netadopt::scenario {

struct Problem {
  std::string file;  // the scenario file, or "--set" for an override
  int line = 0;      // 1-based; 0 when no line applies
  std::string key;   // "" when no key applies
  std::string message;
  std::string to_string() const;  // "FILE:LINE: key 'bass.p': MESSAGE"
};

class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::vector<Problem> problems, bool missing_file);
  const std::vector<Problem>& problems() const { return problems_; }
  bool missing_file() const { return missing_file_; }  // the file could not be read at all

 private:
  std::vector<Problem> problems_;
  bool missing_file_;
};

// Reads and validates FILE; overrides are "section.key=value". Throws ScenarioError.
Scenario load_scenario(const Schema& schema, const std::filesystem::path& file,
                       const std::vector<std::string>& overrides = {});
// The same for text already in memory; `name` stands for the file in messages.
Scenario parse_scenario(const Schema& schema, const std::string& text, const std::string& name,
                        const std::vector<std::string>& overrides = {});

// Converts one value's text by its spec: a message on failure (wrong type or out of range).
std::variant<Value, std::string> convert_value(const KeySpec& spec, const std::string& text);

}  // namespace netadopt::scenario
