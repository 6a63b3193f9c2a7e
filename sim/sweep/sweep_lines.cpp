// Boost.Program_options parses the cleaned text with every key of every axis section found
// by the line scan declared, and unregistered keys allowed: those are the unknown keys, each
// reported at its line with the closest sweep key as a suggestion. The [base] section's
// entries are declared as found: the scenario schema, not this parse, judges them.
#include "sweep_lines.hpp"

#include <algorithm>
#include <boost/program_options.hpp>
#include <sstream>

#include "netadopt/scenario/ini_lines.hpp"
#include "netadopt/scenario/suggest.hpp"
#include "sweep_keys.hpp"

namespace netadopt::sweep::detail {

namespace {
namespace po = boost::program_options;
using scenario::detail::IniEntry;

std::string axis_of(const std::string& key) {
  if (!key.starts_with("axis.")) return "";
  const auto last = key.rfind('.');
  return last > 5 ? key.substr(5, last - 5) : "";
}

std::vector<std::string> axis_names(const std::vector<IniEntry>& entries) {
  std::vector<std::string> names;
  for (const auto& entry : entries) {
    const std::string axis = axis_of(entry.key);
    if (!axis.empty() && std::find(names.begin(), names.end(), axis) == names.end())
      names.push_back(axis);
  }
  return names;
}

// The [base] section's entries, "base.section.key": any scenario key may be one, checked
// later against the scenario schema, so each is declared as found.
std::vector<std::string> base_names(const std::vector<IniEntry>& entries) {
  std::vector<std::string> names;
  for (const auto& entry : entries)
    if (entry.key.starts_with("base.") &&
        std::find(names.begin(), names.end(), entry.key) == names.end())
      names.push_back(entry.key);
  return names;
}

std::vector<std::string> declared_names(const std::vector<std::string>& axes,
                                        const std::vector<std::string>& bases) {
  std::vector<std::string> names;
  for (const auto& key : sweep_keys()) {
    const auto& name = key.spec.name;
    if (name == "base.*")
      names.insert(names.end(), bases.begin(), bases.end());
    else if (!name.starts_with("axis.*"))
      names.push_back(name);
    else
      for (const auto& axis : axes) names.push_back("axis." + axis + name.substr(6));
  }
  return names;
}

std::vector<po::option> parse_options(const std::vector<std::string>& names,
                                      const std::string& clean_text) {
  po::options_description described;
  for (const auto& name : names) described.add_options()(name.c_str(), po::value<std::string>());
  std::istringstream in(clean_text);
  return po::parse_config_file(in, described, true).options;
}

std::string suggestion(const std::vector<std::string>& names, const std::string& key) {
  std::string best;
  std::size_t best_distance = 3;
  for (const auto& name : names) {
    const std::size_t distance = scenario::detail::edit_distance(key, name);
    if (distance < best_distance) best = name, best_distance = distance;
  }
  if (best.empty()) return "unknown key; sections are [sweep], [base], [axis.NAME] and [output]";
  return "unknown key; did you mean '" + best + "'?";
}

void add_entry(SweepLines& lines, const IniEntry& entry) {
  const auto [first, inserted] = lines.entries.emplace(entry.key, Entry{entry.value, entry.line});
  if (!inserted)
    lines.problems.push_back({"", entry.line, entry.key,
                              "given twice; first on line " + std::to_string(first->second.line)});
}
}  // namespace

SweepLines read_sweep_lines(const std::string& text, const std::string& name) {
  SweepLines lines;
  const auto scan = scenario::detail::scan_ini_lines(text);
  for (auto error : scan.errors) {  // the scan's example header is a scenario's
    if (const auto at = error.message.find("like [bass]"); at != std::string::npos)
      error.message.replace(at, 11, "like [sweep] or [axis.NAME]");
    lines.problems.push_back({name, error.line, "", error.message});
  }
  lines.axes = axis_names(scan.entries);
  const auto names = declared_names(lines.axes, base_names(scan.entries));
  const auto options = parse_options(names, scan.clean_text);
  if (options.size() != scan.entries.size())
    throw std::logic_error("sweep line scan and Program_options disagree");
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (options[i].unregistered)
      lines.problems.push_back({name, scan.entries[i].line, scan.entries[i].key,
                                suggestion(names, scan.entries[i].key)});
    else
      add_entry(lines, scan.entries[i]);
  }
  for (auto& problem : lines.problems) problem.file = name;
  return lines;
}

}  // namespace netadopt::sweep::detail
