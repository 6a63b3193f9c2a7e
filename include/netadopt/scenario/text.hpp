#pragma once
// Small text helpers shared inside the scenario module (not part of its interface).
#include <string>
#include <string_view>
#include <vector>

namespace netadopt::scenario::detail {

std::string_view trim(std::string_view text);  // drops spaces, tabs, CR and LF at both ends
bool has_space(std::string_view text);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Shortest text that reads back to the same double; whole numbers below 1e15 are written
// without exponent ("100000", not "1e+05"), since that is how people write them.
std::string format_number(double value);

// `text` safe to print in a message that quotes user input: control characters (including
// tab, CR and LF), DEL and bytes that are not part of well-formed UTF-8 become \xNN; printable
// ASCII and well-formed UTF-8 ("Viadéo") are kept. Problem::to_string applies it to every
// problem, so a binary file's bytes never reach the terminal raw.
std::string printable(std::string_view text);

}  // namespace netadopt::scenario::detail
