// The rules mirror Boost.Program_options' config-file parser: `#` starts a comment anywhere on
// a line; spaces, tabs and CR around names and values are dropped; `key = value` splits at the
// first `=`. Beyond it, a line starting with `;` is a comment, and section names are checked.
#include "netadopt/scenario/ini_lines.hpp"

#include "netadopt/scenario/text.hpp"

namespace netadopt::scenario::detail {

namespace {
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

class LineScanner {
 public:
  IniScan scan(std::string_view text);

 private:
  void scan_line(std::string_view line);
  void scan_section(std::string_view line);
  void scan_entry(std::string_view line, std::size_t equals);
  void fail(std::string message) { result_.errors.push_back({line_, std::move(message)}); }
  void keep(const std::string& clean_line) { result_.clean_text += clean_line; }

  IniScan result_;
  std::string section_;
  bool section_ok_ = true;
  int line_ = 0;
};

std::string_view without_comment(std::string_view line) {
  return trim(line.substr(0, line.find('#')));
}

bool is_section_name(std::string_view name) {
  return !name.empty() && !has_space(name) && name.find_first_of("[]=") == std::string::npos &&
         name.back() != '.';
}

std::string found(std::string_view line) { return "found '" + std::string(line) + "'"; }

IniScan LineScanner::scan(std::string_view text) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  while (!text.empty()) {
    const auto end = text.find('\n');
    ++line_;
    scan_line(without_comment(text.substr(0, end)));
    result_.clean_text += '\n';
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return std::move(result_);
}

void LineScanner::scan_line(std::string_view line) {
  if (line.empty() || line.front() == ';') return;
  if (line.front() == '[') return scan_section(line);
  const auto equals = line.find('=');
  if (equals != std::string_view::npos) return scan_entry(line, equals);
  fail("expected 'key = value', a [section] header or a comment, " + found(line));
}

void LineScanner::scan_section(std::string_view line) {
  const auto name = trim(line.substr(1, line.size() - 1 - (line.back() == ']' ? 1 : 0)));
  section_ok_ = line.back() == ']' && is_section_name(name);
  if (!section_ok_) return fail("expected a section header like [bass], " + found(line));
  section_ = name;
  keep("[" + section_ + "]");
}

void LineScanner::scan_entry(std::string_view line, std::size_t equals) {
  const auto key = trim(line.substr(0, equals));
  const auto value = trim(line.substr(equals + 1));
  if (key.empty() || has_space(key)) return fail("expected 'key = value', " + found(line));
  if (!section_ok_) return;  // under a bad header, already reported: no cascade of errors
  if (section_.empty())
    return fail("key '" + std::string(key) + "' comes before any [section] header");
  result_.entries.push_back({section_ + "." + std::string(key), std::string(value), line_});
  keep(std::string(key) + "=" + std::string(value));
}
}  // namespace

IniScan scan_ini_lines(std::string_view text) { return LineScanner{}.scan(text); }

}  // namespace netadopt::scenario::detail
