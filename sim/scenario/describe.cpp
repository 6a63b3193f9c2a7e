#include "netadopt/scenario/describe.hpp"

#include <sstream>

#include "text.hpp"

namespace netadopt::scenario {

namespace {
constexpr std::size_t kTextWidth = 78;
constexpr const char* kDetailIndent = "      ";

std::string type_name(KeyType type) {
  switch (type) {
    case KeyType::Integer:
      return "integer";
    case KeyType::Real:
      return "real";
    case KeyType::Date:
      return "date";
    case KeyType::Choice:
      return "choice";
  }
  return "?";
}

// Greedy word wrap; each line starts with `indent`.
std::string wrapped(const std::string& text, const std::string& indent) {
  std::istringstream words(text);
  std::string word, out, line = indent;
  while (words >> word) {
    if (line.size() > indent.size() && line.size() + 1 + word.size() > kTextWidth) {
      out += line + "\n";
      line = indent;
    }
    line += (line.size() > indent.size() ? " " : "") + word;
  }
  return line.size() > indent.size() ? out + line + "\n" : out;
}

std::string text_entry(const KeySpec& spec) {
  std::string entry = "  " + spec.name + " = " + spec.default_value + "\n";
  entry += kDetailIndent + ("type: " + type_name(spec.type));
  entry += (spec.unit.empty() ? "" : "; unit: " + spec.unit) + "\n";
  entry += kDetailIndent + ("allowed: " + spec.allowed()) + "\n";
  entry += wrapped(spec.help, kDetailIndent);
  if (!spec.source.empty()) entry += wrapped("source: " + spec.source, kDetailIndent);
  if (!spec.group.empty()) entry += wrapped("group: " + spec.group, kDetailIndent);
  return entry;
}

std::string cell(const std::string& text) {
  std::string escaped;
  for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
  return escaped;
}

std::string description(const KeySpec& spec) {
  std::string text = spec.help;
  if (!spec.source.empty()) text += " Source: " + spec.source + ".";
  if (!spec.group.empty()) text += " Group: " + spec.group + ".";
  return text;
}

std::string markdown_row(const KeySpec& spec) {
  return "| `" + spec.name + "` | " + type_name(spec.type) + " | `" + cell(spec.default_value) +
         "` | " + cell(spec.unit) + " | " + cell(spec.allowed()) + " | " + cell(description(spec)) +
         " |\n";
}

template <typename Entry>
std::string by_section(const Schema& schema, const std::string& header_prefix,
                       const std::string& table_header, Entry entry) {
  std::string out;
  for (const auto& section : schema.sections()) {
    out += "\n" + header_prefix + "[" + section + "]\n" + table_header;
    for (const auto& spec : schema.keys())
      if (spec.section() == section) out += entry(spec);
  }
  return out;
}
}  // namespace

std::string describe_text(const Schema& schema) {
  return "Scenario keys, by section. In a scenario file, write `key = value` under its\n"
         "[section]; on the command line, --set section.key=value.\n" +
         by_section(schema, "", "", text_entry);
}

std::string describe_markdown(const Schema& schema) {
  const std::string table_header =
      "\n| key | type | default | unit | allowed | description |\n"
      "|---|---|---|---|---|---|\n";
  return "## Scenario keys\n" + by_section(schema, "### ", table_header, markdown_row);
}

}  // namespace netadopt::scenario
