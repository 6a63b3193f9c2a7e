#include "netadopt/scenario/ini_lines.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using netadopt::scenario::detail::scan_ini_lines;

namespace {
std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}
}  // namespace

TEST_CASE("the scan maps every section.key to its line") {
  const auto scan =
      scan_ini_lines("# a comment\n[run]\nseed = 4\n\n; another\n[bass]\n  p=0.03  \nq = 0.4\n");
  REQUIRE(scan.errors.empty());
  REQUIRE(scan.entries.size() == 3);
  CHECK(scan.entries[0].key == "run.seed");
  CHECK(scan.entries[0].value == "4");
  CHECK(scan.entries[0].line == 3);
  CHECK(scan.entries[1].key == "bass.p");
  CHECK(scan.entries[1].value == "0.03");
  CHECK(scan.entries[1].line == 7);
  CHECK(scan.entries[2].line == 8);
}

TEST_CASE("a # starts a comment anywhere, as in Program_options") {
  const auto scan = scan_ini_lines("[bass] # the model\np = 0.03 # per year\n");
  REQUIRE(scan.errors.empty());
  REQUIRE(scan.entries.size() == 1);
  CHECK(scan.entries[0].value == "0.03");
}

TEST_CASE("every bad line is reported with its number") {
  const auto scan =
      scan_ini_lines("p = 1\n[run]\nseed 4\n[bass\n[run]\n= 3\nbass p = 2\nseed = 5\n");
  REQUIRE(scan.errors.size() == 5);
  CHECK(scan.errors[0].line == 1);
  CHECK(scan.errors[0].message == "key 'p' comes before any [section] header");
  CHECK(scan.errors[1].line == 3);
  CHECK(scan.errors[1].message ==
        "expected 'key = value', a [section] header or a comment, found 'seed 4'");
  CHECK(scan.errors[2].line == 4);
  CHECK(scan.errors[2].message == "expected a section header like [bass], found '[bass'");
  CHECK(scan.errors[3].line == 6);
  CHECK(scan.errors[4].line == 7);
  REQUIRE(scan.entries.size() == 1);  // the good line after the bad ones still counts
  CHECK(scan.entries[0].key == "run.seed");
  CHECK(scan.entries[0].line == 8);
}

TEST_CASE("keys under a bad section header are skipped, not reported again") {
  const auto scan = scan_ini_lines("[ba ss]\np = 1\n[]\nq = 2\n[bass]\nq = 3\n");
  CHECK(scan.errors.size() == 2);
  REQUIRE(scan.entries.size() == 1);
  CHECK(scan.entries[0].key == "bass.q");
}

TEST_CASE("an empty value is an entry, left to the value check") {
  const auto scan = scan_ini_lines("[bass]\np =\n");
  CHECK(scan.errors.empty());
  REQUIRE(scan.entries.size() == 1);
  CHECK(scan.entries[0].value.empty());
}

TEST_CASE("CRLF line ends, a byte-order mark and a missing final newline are fine") {
  const auto scan = scan_ini_lines("\xEF\xBB\xBF[bass]\r\np = 0.03\r\nq = 0.4");
  CHECK(scan.errors.empty());
  REQUIRE(scan.entries.size() == 2);
  CHECK(scan.entries[0].value == "0.03");
  CHECK(scan.entries[1].value == "0.4");
  CHECK(scan.entries[1].line == 3);
}

TEST_CASE("the clean text keeps one line per input line") {
  const std::string text = "[bass]\nbad line\np = 1 # c\n;x\n\n";
  const auto scan = scan_ini_lines(text);
  CHECK(line_count(scan.clean_text) == line_count(text));
  CHECK(scan.clean_text == "[bass]\n\np=1\n\n\n");
}
