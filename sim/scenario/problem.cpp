#include "netadopt/scenario/loader.hpp"
#include "netadopt/scenario/text.hpp"

namespace netadopt::scenario {

namespace {
std::string joined_lines(const std::vector<Problem>& problems) {
  std::vector<std::string> lines;
  for (const auto& problem : problems) lines.push_back(problem.to_string());
  return detail::join(lines, "\n");
}
}  // namespace

std::string Problem::to_string() const {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line);
  text += ": ";
  if (!key.empty()) text += "key '" + key + "': ";
  return detail::printable(text + message);  // a binary file's bytes as \xNN, never raw
}

ScenarioError::ScenarioError(std::vector<Problem> problems, bool missing_file)
    : std::runtime_error(joined_lines(problems)),
      problems_(std::move(problems)),
      missing_file_(missing_file) {}

}  // namespace netadopt::scenario
