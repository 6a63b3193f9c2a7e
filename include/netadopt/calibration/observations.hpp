#pragma once
// Observed membership of the platforms (scenarios/data/membership.csv): registered members as
// reported at the time, each row with its source. The file keeps its `#` header notes, which
// say what the figures are; a malformed row is refused naming the file and the line.
#include <filesystem>
#include <string>
#include <vector>

#include "netadopt/scenario/date.hpp"

namespace netadopt::run {

struct MembershipRow {
  std::string platform;   // "linkedin", as written in the file
  std::string geography;  // "world", "us", "france"
  scenario::Date date;
  double members = 0.0;  // registered members, > 0
  std::string source;
  std::string confidence;  // "reported" or "inferred"
  int line = 0;            // where it is in the file
};

struct MembershipData {
  std::string file;
  std::vector<std::string> notes;  // the `#` header lines, without the `#`
  std::vector<MembershipRow> rows;
};

// Reads the CSV (header line platform,geography,date,members,source,confidence). Throws
// scenario::ScenarioError: missing_file() when it cannot be read, else every malformed line.
MembershipData load_membership(const std::filesystem::path& file);
MembershipData parse_membership(const std::string& text, const std::string& name);

// The US share of LinkedIn's worldwide members, from the data's own notes: 0.65 on 2004-08-31
// (of 1M members, 200k were in Europe and 150k in Asia: the rest is taken as the US) and
// 32.99M / 66.27M on 2010-05-05; linear in time between these anchors, constant outside them.
double linkedin_us_share(scenario::Date date);

}  // namespace netadopt::run
