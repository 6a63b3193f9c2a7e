// Loading collects every problem before throwing, in three passes: the file's lines (syntax,
// unknown keys, duplicates, values), then the `--set` overrides, then the schema's cross-key
// checks. A cross-check runs only when every key it reads holds a valid value, so one typo
// is reported once, not again as a puzzling consequence; nor does it run on a derived key
// that neither the file nor --set gives, since that key has no value yet.
#include "netadopt/scenario/loader.hpp"

#include <algorithm>
#include <boost/program_options.hpp>
#include <map>
#include <set>
#include <sstream>

#include "netadopt/scenario/ini_lines.hpp"
#include "netadopt/scenario/read_file.hpp"
#include "netadopt/scenario/suggest.hpp"
#include "netadopt/scenario/text.hpp"

namespace netadopt::scenario {

namespace {
namespace po = boost::program_options;
constexpr const char* kOverrideFile = "--set";

// An empty file (or one of comments) is refused rather than run as all defaults: it is more
// likely the wrong file, or one truncated, than a wish for the default model.
std::string defines_no_keys(const Schema& schema) {
  std::string message = "the file defines no keys (it is empty, or holds only comments)";
  if (schema.find("run.model") != nullptr)
    message +=
        "; a scenario sets at least `model = ...` under [run] (the shipped scenarios "
        "are in scenarios/; `netadopt describe` lists the keys)";
  return message;
}

// Boost.Program_options parses the cleaned text; the line scan found the same entries in the
// same order, and contributes their line numbers.
std::vector<po::option> parse_options(const Schema& schema, const std::string& clean_text) {
  po::options_description described;
  for (const auto& spec : schema.keys())
    described.add_options()(spec.name.c_str(), po::value<std::string>());
  std::istringstream in(clean_text);
  return po::parse_config_file(in, described, true).options;
}

void require_same_entries(const std::vector<detail::IniEntry>& entries,
                          const std::vector<po::option>& options) {
  bool same = entries.size() == options.size();
  for (std::size_t i = 0; same && i < entries.size(); ++i)
    same = entries[i].key == options[i].string_key && options[i].value.size() == 1 &&
           entries[i].value == options[i].value[0];
  if (!same) throw std::logic_error("scenario line scan and Program_options disagree");
}

std::string unknown_key_message(const Schema& schema, const std::string& key) {
  if (const auto closest = detail::closest_key(schema, key))
    return "unknown key; did you mean '" + *closest + "'?";
  return "unknown key; `netadopt describe` lists the keys";
}

int line_of_offset(const std::string& text, std::size_t offset) {
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

class Loader {
 public:
  // A file must define a key (require_keys); text in memory, as a test or a sweep's base
  // hands it over, may be all defaults.
  Loader(const Schema& schema, const std::string& name, bool require_keys)
      : schema_(schema), name_(name), scenario_(schema, name), require_keys_(require_keys) {}
  Scenario load(const std::string& text, const std::vector<std::string>& overrides);

 private:
  void apply_text(const std::string& text);
  void apply_file_entry(const detail::IniEntry& entry, bool registered);
  void apply_override(const std::string& assignment);
  void apply_value(const std::string& file, int line, const std::string& key,
                   const std::string& text, Origin origin);
  void run_check(const CrossCheck& check);
  Problem check_location(const CrossCheck& check, std::string message) const;
  void report(std::string file, int line, std::string key, std::string message) {
    problems_.push_back({std::move(file), line, std::move(key), std::move(message)});
  }

  const Schema& schema_;
  std::string name_;
  Scenario scenario_;
  std::vector<Problem> problems_;
  std::set<std::string> bad_keys_;
  std::map<std::string, int> file_lines_;  // where each key was first set in the file
  std::set<std::string> overridden_;
  bool require_keys_;
};

Scenario Loader::load(const std::string& text, const std::vector<std::string>& overrides) {
  apply_text(text);
  std::stable_sort(problems_.begin(), problems_.end(),
                   [](const Problem& a, const Problem& b) { return a.line < b.line; });
  for (const auto& assignment : overrides) apply_override(assignment);
  for (const auto& check : schema_.checks()) run_check(check);
  if (!problems_.empty()) throw ScenarioError(std::move(problems_), false);
  return std::move(scenario_);
}

void Loader::apply_text(const std::string& text) {
  const auto nul = text.find('\0');
  if (nul != std::string::npos)
    throw ScenarioError({{name_, line_of_offset(text, nul), "",
                          "not a text file (found a NUL byte); expected an INI scenario file"}},
                        false);
  const auto scan = detail::scan_ini_lines(text);
  for (const auto& error : scan.errors) report(name_, error.line, "", error.message);
  if (require_keys_ && scan.entries.empty() && scan.errors.empty())
    throw ScenarioError({{name_, 0, "", defines_no_keys(schema_)}}, false);
  const auto options = parse_options(schema_, scan.clean_text);
  require_same_entries(scan.entries, options);
  for (std::size_t i = 0; i < options.size(); ++i)
    apply_file_entry(scan.entries[i], !options[i].unregistered);
}

void Loader::apply_file_entry(const detail::IniEntry& entry, bool registered) {
  if (!registered)
    return report(name_, entry.line, entry.key, unknown_key_message(schema_, entry.key));
  const auto [first, inserted] = file_lines_.emplace(entry.key, entry.line);
  if (!inserted)
    return report(name_, entry.line, entry.key,
                  "given twice; first on line " + std::to_string(first->second));
  apply_value(name_, entry.line, entry.key, entry.value, Origin::File);
}

void Loader::apply_override(const std::string& assignment) {
  const auto equals = assignment.find('=');
  const std::string key(detail::trim(assignment.substr(0, equals)));
  if (equals == std::string::npos || key.empty())
    return report(kOverrideFile, 0, "", "expected section.key=value, found '" + assignment + "'");
  if (schema_.find(key) == nullptr)
    return report(kOverrideFile, 0, key, unknown_key_message(schema_, key));
  if (!overridden_.insert(key).second) return report(kOverrideFile, 0, key, "given twice in --set");
  apply_value(kOverrideFile, 0, key, assignment.substr(equals + 1), Origin::Override);
}

void Loader::apply_value(const std::string& file, int line, const std::string& key,
                         const std::string& text, Origin origin) {
  auto converted = convert_value(*schema_.find(key), text);
  if (auto* value = std::get_if<Value>(&converted))
    return scenario_.set(key, std::move(*value), origin);
  bad_keys_.insert(key);
  report(file, line, key, std::get<std::string>(converted));
}

void Loader::run_check(const CrossCheck& check) {
  for (const auto& key : check.keys)
    if (bad_keys_.count(key) > 0 || !scenario_.has(key)) return;
  if (auto message = check.check(scenario_))
    problems_.push_back(check_location(check, std::move(*message)));
}

// A cross-check problem is placed where the user would fix it: an override if one of its keys
// came from --set, else the key written last in the file, else (all defaults) the file itself.
Problem Loader::check_location(const CrossCheck& check, std::string message) const {
  Problem problem{name_, 0, check.keys.empty() ? "" : check.keys.back(), std::move(message)};
  for (const auto& key : check.keys) {
    if (scenario_.origin(key) == Origin::Override)
      return Problem{kOverrideFile, 0, key, problem.message};
    if (scenario_.origin(key) == Origin::File && file_lines_.at(key) > problem.line) {
      problem.line = file_lines_.at(key);
      problem.key = key;
    }
  }
  return problem;
}

// Where a user who mistyped a path finds scenarios: the folder, or the shipped ones.
std::string missing_file_hint(const std::filesystem::path& file) {
  std::error_code ignored;
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
  if (!std::filesystem::is_directory(folder, ignored))
    return " (the folder '" + folder.string() + "' does not exist either; the shipped scenarios " +
           "are in the repository's scenarios/ folder, e.g. scenarios/france.ini)";
  return " (paths are relative to the current folder; the shipped scenarios are in the " +
         std::string("repository's scenarios/ folder, e.g. scenarios/france.ini)");
}

// A file that cannot be read (or is too large to be a scenario): exit 66 in the CLI.
std::string read_scenario_file(const std::filesystem::path& file) {
  try {
    return read_text_file(file, "a short INI text file");
  } catch (const FileReadError& error) {
    std::string message = "cannot read scenario file: " + error.reason();
    std::error_code ignored;
    if (!error.too_large() && !std::filesystem::exists(file, ignored))
      message += missing_file_hint(file);
    throw ScenarioError({{file.string(), 0, "", message}}, true);
  }
}
}  // namespace

Scenario load_scenario(const Schema& schema, const std::filesystem::path& file,
                       const std::vector<std::string>& overrides) {
  return Loader(schema, file.string(), true).load(read_scenario_file(file), overrides);
}

Scenario parse_scenario(const Schema& schema, const std::string& text, const std::string& name,
                        const std::vector<std::string>& overrides) {
  return Loader(schema, name, false).load(text, overrides);
}

}  // namespace netadopt::scenario
