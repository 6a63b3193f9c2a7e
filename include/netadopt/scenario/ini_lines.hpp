#pragma once
// A line-by-line scan of INI text, run before Boost.Program_options parses it. The options
// parser stops at the first bad line and does not report line numbers; the scan finds every
// bad line, records the line of every `section.key`, and hands the parser a clean copy of the
// text (bad lines blanked, so line numbers stay put and the parser never throws).
#include <string>
#include <string_view>
#include <vector>

namespace netadopt::scenario::detail {

struct IniEntry {
  std::string key;    // "section.key"
  std::string value;  // trimmed; may be empty
  int line = 0;
};

struct IniLineError {
  int line = 0;
  std::string message;
};

struct IniScan {
  std::vector<IniEntry> entries;  // in file order, duplicates included
  std::vector<IniLineError> errors;
  std::string clean_text;  // what the options parser reads
};

IniScan scan_ini_lines(std::string_view text);

}  // namespace netadopt::scenario::detail
