#include "netadopt/scenario/describe.hpp"

#include <sstream>

#include "netadopt/scenario/text.hpp"

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
    case KeyType::Text:
      return "text";
  }
  return "?";
}

// Greedy word wrap; the first line starts with `first`, the others with `indent`.
std::string wrapped(const std::string& text, const std::string& first, const std::string& indent) {
  std::istringstream words(text);
  std::string word, out, line = first;
  bool line_has_words = false;
  while (words >> word) {
    if (line_has_words && line.size() + 1 + word.size() > kTextWidth) {
      out += line + "\n";
      line = indent;
      line_has_words = false;
    }
    line += (line_has_words ? " " : "") + word;
    line_has_words = true;
  }
  return line_has_words ? out + line + "\n" : out;
}

std::string wrapped(const std::string& text, const std::string& indent) {
  return wrapped(text, indent, indent);
}

std::string derived_text(const KeySpec& spec) { return "derived from " + spec.derived_from; }

// "  key = default"; a derived key's origin may be long, so it wraps under the details.
std::string text_heading(const KeySpec& spec) {
  const std::string first = "  " + spec.name + " = ";
  if (spec.is_derived()) return wrapped(derived_text(spec), first, kDetailIndent);
  return first + spec.default_value + "\n";
}

std::string text_entry(const KeySpec& spec) {
  std::string entry = text_heading(spec);
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

// A default is code; a derived key's origin is prose.
std::string default_cell(const KeySpec& spec) {
  if (spec.is_derived()) return cell(derived_text(spec));
  return "`" + cell(spec.default_value) + "`";
}

std::string markdown_row(const KeySpec& spec) {
  return "| `" + spec.name + "` | " + type_name(spec.type) + " | " + default_cell(spec) + " | " +
         cell(spec.unit) + " | " + cell(spec.allowed()) + " | " + cell(description(spec)) + " |\n";
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
