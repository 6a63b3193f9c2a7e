// Writing a calibrated scenario: the original file, comments and all, with each fitted key's
// line replaced (or added to its section, or its section added), so that the shipped file
// still reads as the original author wrote it and a diff shows only what the fit changed.
#include <charconv>
#include <sstream>

#include "netadopt/calibration/calibration.hpp"

namespace netadopt::run {

namespace {
std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool is_header(const std::string& line, const std::string& section) {
  return trimmed(line) == "[" + section + "]";
}

bool is_any_header(const std::string& line) {
  const auto t = trimmed(line);
  return !t.empty() && t.front() == '[';
}

bool sets_key(const std::string& line, const std::string& name) {
  const auto equals = line.find('=');
  return equals != std::string::npos && trimmed(line.substr(0, equals)) == name;
}

// Sets section.name = value in `lines`: replaces the key's line in its section, else adds a
// line after the section's header, else appends the section.
void set_key(std::vector<std::string>& lines, const std::string& key, const std::string& value) {
  const auto dot = key.find('.');
  const std::string section = key.substr(0, dot), name = key.substr(dot + 1);
  const std::string line = name + " = " + value + "  # calibrated";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_header(lines[i], section)) continue;
    std::size_t j = i + 1;
    for (; j < lines.size() && !is_any_header(lines[j]); ++j)
      if (sets_key(lines[j], name)) return void(lines[j] = line);
    return void(lines.insert(lines.begin() + static_cast<long>(i) + 1, line));
  }
  lines.insert(lines.end(), {"", "[" + section + "]", line});
}
}  // namespace

std::string exact_text(double value) {
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  return std::string(text, result.ptr);
}

std::string calibrated_scenario_text(const std::string& original,
                                     const std::vector<FittedKey>& keys,
                                     const std::vector<double>& values, const std::string& note) {
  auto lines = lines_of(original);
  for (std::size_t k = 0; k < keys.size(); ++k) set_key(lines, keys[k].key, exact_text(values[k]));
  std::string text;
  for (const auto& line : lines_of(note)) text += "# " + line + "\n";
  for (const auto& line : lines) text += line + "\n";
  return text;
}

}  // namespace netadopt::run
