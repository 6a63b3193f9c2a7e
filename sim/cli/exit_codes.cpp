#include "exit_codes.hpp"

namespace netadopt::cli {

std::string exit_codes_text() {
  constexpr std::size_t kWidth = 92;
  const std::string indent(12, ' ');
  std::string text = "exit codes: ", line;
  for (std::size_t i = 0; i < kExitCodeMeanings.size(); ++i) {
    const auto& [code, meaning, label] = kExitCodeMeanings[i];
    const std::string number = label ? label : std::to_string(static_cast<int>(code));
    const std::string item = number + " " + meaning + (i + 1 < kExitCodeMeanings.size() ? "," : "");
    if (!line.empty() && indent.size() + line.size() + 1 + item.size() > kWidth) {
      text += line + "\n" + indent;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + item;
  }
  return text + line + "\n";
}

}  // namespace netadopt::cli
