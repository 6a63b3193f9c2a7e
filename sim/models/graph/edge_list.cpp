// Edge-list files: `u v` per line, read twice (degrees, then ties) so that the ties are never
// held twice in memory. The first pass also checks every line; a file with problems is refused
// before the second pass, with up to kMaxProblems of them listed.
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>

#include "csr_builder.hpp"
#include "netadopt/scenario/loader.hpp"

namespace netadopt::models {

namespace {
constexpr std::size_t kMaxProblems = 20;

struct Tie {
  std::uint32_t u = 0, v = 0;
};

// One line's meaning: a tie, nothing (blank or comment), or what is wrong with it.
struct Parsed {
  std::optional<Tie> tie;
  std::string problem;
};

std::string_view skip_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  return s;
}

bool at_end(std::string_view s) {
  s = skip_blanks(s);
  return s.empty() || s.front() == '#' || s.front() == '\n';
}

std::string token_of(std::string_view s) {
  return std::string(s.substr(0, std::min(s.find_first_of(" \t\r\n#"), std::size_t{24})));
}

// Reads one id off the front of `s`; on failure, returns the problem.
std::string read_id(std::string_view& s, std::uint32_t nodes, std::uint32_t& id) {
  s = skip_blanks(s);  // the caller has checked that a token follows
  if (s.front() == '-') return "node id '" + token_of(s) + "' is negative; ids start at 0";
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  const bool separated = end == s.data() + s.size() || std::strchr(" \t\r\n#", *end) != nullptr;
  if (error == std::errc::result_out_of_range ||
      (error == std::errc() && separated && value >= nodes))
    return "node id " + token_of(s) + " is out of range: population.size is " +
           std::to_string(nodes) + " (ids 0 to " + std::to_string(nodes - 1) + ")";
  if (error != std::errc() || !separated)
    return "'" + token_of(s) + "' is not a node id (a non-negative integer)";
  id = static_cast<std::uint32_t>(value);
  s.remove_prefix(static_cast<std::size_t>(end - s.data()));
  return "";
}

Parsed parse_line(std::string_view line, std::uint32_t nodes) {
  if (at_end(line)) return {};
  Tie tie;
  if (auto problem = read_id(line, nodes, tie.u); !problem.empty()) return {{}, problem};
  if (at_end(line)) return {{}, "expected two node ids 'u v', found one"};
  if (auto problem = read_id(line, nodes, tie.v); !problem.empty()) return {{}, problem};
  if (!at_end(line))
    return {{}, "expected two node ids 'u v', found more: '" + token_of(skip_blanks(line)) + "'"};
  return {tie, ""};
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

File open_or_throw(const std::filesystem::path& file, const std::string& key) {
  errno = 0;
  File f(std::fopen(file.c_str(), "rb"));
  std::error_code ignored;
  const int error = std::filesystem::is_directory(file, ignored) ? EISDIR : errno;
  if (!f || error == EISDIR)
    throw scenario::ScenarioError(
        {{file.string(), 0, key,
          "cannot read the edge list: " + std::string(std::strerror(error))}},
        false);
  return f;
}

// Calls visit(line_number, line) for every line of the file.
template <class Visit>
void for_each_line(const std::filesystem::path& file, const std::string& key, Visit&& visit) {
  File f = open_or_throw(file, key);
  char* buffer = nullptr;
  std::size_t capacity = 0;
  int number = 0;
  for (ssize_t n; (n = getline(&buffer, &capacity, f.get())) != -1;)
    visit(++number, std::string_view(buffer, static_cast<std::size_t>(n)));
  std::free(buffer);
}

void check_lines(const std::filesystem::path& file, std::uint32_t nodes, const std::string& key) {
  std::vector<scenario::Problem> problems;
  for_each_line(file, key, [&](int number, std::string_view line) {
    Parsed parsed = parse_line(line, nodes);
    if (!parsed.problem.empty() && problems.size() < kMaxProblems)
      problems.push_back({file.string(), number, key, std::move(parsed.problem)});
  });
  if (!problems.empty()) throw scenario::ScenarioError(std::move(problems), false);
}
}  // namespace

Graph read_edge_list(const std::filesystem::path& file, std::uint32_t nodes,
                     const std::string& key) {
  check_lines(file, nodes, key);
  detail::Csr csr = detail::build_csr(nodes, [&](auto&& emit) {
    for_each_line(file, key, [&](int, std::string_view line) {
      if (const Parsed parsed = parse_line(line, nodes); parsed.tie)
        emit(parsed.tie->u, parsed.tie->v);
    });
  });
  const std::uint64_t duplicates = detail::merge_duplicates(csr);
  return detail::to_graph(std::move(csr), duplicates);
}

}  // namespace netadopt::models
