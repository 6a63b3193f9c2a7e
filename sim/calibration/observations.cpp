// The membership CSV is small and hand-written, so it is read strictly: six comma-separated
// fields, a real date, a positive number of members. Errors reuse the scenario module's
// Problem (file, line, message) so the CLI reports them like a bad scenario line.
#include "netadopt/calibration/observations.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <sstream>

#include "netadopt/scenario/loader.hpp"
#include "netadopt/scenario/read_file.hpp"

namespace netadopt::run {

namespace {
constexpr const char* kHeader = "platform,geography,date,members,source,confidence";
constexpr std::size_t kFields = 6;

// Anchors of the US share of LinkedIn (membership.csv's notes).
constexpr scenario::Date kEarlyAnchor{12661};       // 2004-08-31
constexpr double kEarlyUsShare = 1.0 - 0.2 - 0.15;  // 200k Europe, 150k Asia of 1M
constexpr scenario::Date kLateAnchor{14734};        // 2010-05-05
constexpr double kLateUsShare = 32.99 / 66.27;

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

std::string without_carriage_return(std::string line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

bool is_note(const std::string& line) { return !line.empty() && line[0] == '#'; }

std::string note_text(const std::string& line) {
  const auto first = line.find_first_not_of("# ");
  return first == std::string::npos ? "" : line.substr(first);
}

std::optional<double> positive_number(const std::string& text) {
  double value = 0.0;
  const auto end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value);
  if (result.ec != std::errc{} || result.ptr != end || !std::isfinite(value) || value <= 0)
    return std::nullopt;
  return value;
}

class MembershipParser {
 public:
  explicit MembershipParser(std::string name) { data_.file = std::move(name); }
  MembershipData parse(const std::string& text);

 private:
  void take_line(const std::string& line, int number);
  void take_row(const std::string& line, int number);
  void report(int line, std::string message) {
    problems_.push_back({data_.file, line, "", std::move(message)});
  }

  MembershipData data_;
  std::vector<scenario::Problem> problems_;
  bool header_seen_ = false;
};

MembershipData MembershipParser::parse(const std::string& text) {
  std::istringstream in(text);
  int number = 0;
  for (std::string line; std::getline(in, line);)
    take_line(without_carriage_return(line), ++number);
  if (!header_seen_) report(0, std::string("expected the header '") + kHeader + "', found none");
  if (!problems_.empty()) throw scenario::ScenarioError(std::move(problems_), false);
  return std::move(data_);
}

void MembershipParser::take_line(const std::string& line, int number) {
  if (line.empty()) return;
  if (is_note(line)) {
    if (!header_seen_) data_.notes.push_back(note_text(line));
    return;
  }
  if (header_seen_) return take_row(line, number);
  if (line != kHeader)
    return report(number,
                  std::string("expected the header '") + kHeader + "', found '" + line + "'");
  header_seen_ = true;
}

void MembershipParser::take_row(const std::string& line, int number) {
  const auto fields = split_fields(line);
  if (fields.size() != kFields)
    return report(number, "expected 6 comma-separated fields (" + std::string(kHeader) +
                              "), found " + std::to_string(fields.size()));
  const auto date = scenario::parse_date(fields[2]);
  if (!date) return report(number, "expected a date YYYY-MM-DD, found '" + fields[2] + "'");
  const auto members = positive_number(fields[3]);
  if (!members)
    return report(number, "expected a positive number of members, found '" + fields[3] + "'");
  data_.rows.push_back({fields[0], fields[1], *date, *members, fields[4], fields[5], number});
}

std::string read_text(const std::filesystem::path& file) {
  try {
    return scenario::read_text_file(file, "a short CSV text file");
  } catch (const scenario::FileReadError& error) {
    throw scenario::ScenarioError(
        {{file.string(), 0, "", "cannot read data file: " + error.reason()}}, true);
  }
}
}  // namespace

MembershipData parse_membership(const std::string& text, const std::string& name) {
  return MembershipParser(name).parse(text);
}

MembershipData load_membership(const std::filesystem::path& file) {
  return parse_membership(read_text(file), file.string());
}

double linkedin_us_share(scenario::Date date) {
  if (date <= kEarlyAnchor) return kEarlyUsShare;
  if (date >= kLateAnchor) return kLateUsShare;
  const double fraction = static_cast<double>(date.days - kEarlyAnchor.days) /
                          static_cast<double>(kLateAnchor.days - kEarlyAnchor.days);
  return kEarlyUsShare + fraction * (kLateUsShare - kEarlyUsShare);
}

}  // namespace netadopt::run
