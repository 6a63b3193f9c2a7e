#include "netadopt/scenario/loader.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "test_schema.hpp"

using namespace netadopt::scenario;
using netadopt::scenario::testing::derived_schema;
using netadopt::scenario::testing::test_schema;

namespace {
// The problems that parsing `text` (named "s.ini") reports, as Problem::to_string() lines.
std::vector<std::string> problems_of(const std::string& text,
                                     const std::vector<std::string>& overrides = {}) {
  try {
    parse_scenario(test_schema(), text, "s.ini", overrides);
  } catch (const ScenarioError& error) {
    CHECK_FALSE(error.missing_file());
    std::vector<std::string> lines;
    for (const auto& problem : error.problems()) lines.push_back(problem.to_string());
    return lines;
  }
  return {};
}

using Lines = std::vector<std::string>;

std::vector<std::string> derived_problems_of(const std::string& text,
                                             const std::vector<std::string>& overrides = {}) {
  try {
    parse_scenario(derived_schema(), text, "d.ini", overrides);
  } catch (const ScenarioError& error) {
    std::vector<std::string> lines;
    for (const auto& problem : error.problems()) lines.push_back(problem.to_string());
    return lines;
  }
  return {};
}

std::filesystem::path temp_file(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}
}  // namespace

TEST_CASE("Problem::to_string names file, line and key when known") {
  CHECK(Problem{"a.ini", 3, "bass.p", "bad"}.to_string() == "a.ini:3: key 'bass.p': bad");
  CHECK(Problem{"--set", 0, "bass.p", "bad"}.to_string() == "--set: key 'bass.p': bad");
  CHECK(Problem{"a.ini", 2, "", "bad"}.to_string() == "a.ini:2: bad");
}

TEST_CASE("ScenarioError's message is every problem, one per line") {
  const ScenarioError error({{"a.ini", 1, "", "one"}, {"a.ini", 2, "k.x", "two"}}, false);
  CHECK(std::string(error.what()) == "a.ini:1: one\na.ini:2: key 'k.x': two");
  CHECK(error.problems().size() == 2);
}

TEST_CASE("a valid file sets its keys and leaves the rest at their defaults") {
  const auto s = parse_scenario(test_schema(),
                                "[run]\nseed = 7\nstart=2004-02-29\n[bass]\nq = 0.5\n", "s.ini");
  CHECK(s.integer("run.seed") == 7);
  CHECK(s.date("run.start") == *parse_date("2004-02-29"));
  CHECK(s.real("bass.q") == 0.5);
  CHECK(s.real("bass.p") == 0.03);
  CHECK(s.origin("bass.q") == Origin::File);
  CHECK(s.origin("bass.p") == Origin::Default);
  CHECK(s.source() == "s.ini");
}

TEST_CASE("an empty file is a valid scenario of defaults") {
  const auto s = parse_scenario(test_schema(), "", "empty.ini");
  CHECK(s.choice("run.model") == "bass");
  CHECK(s.integer("population.size") == 100000);
}

TEST_CASE("an unknown key suggests the closest known key") {
  CHECK(problems_of("[bass]\nqq = 0.4\n") ==
        Lines{"s.ini:2: key 'bass.qq': unknown key; did you mean 'bass.q'?"});
  CHECK(problems_of("[run]\np = 0.4\n") ==
        Lines{"s.ini:2: key 'run.p': unknown key; did you mean 'bass.p'?"});
  CHECK(problems_of("[weather]\nrain = 3\n") ==
        Lines{"s.ini:2: key 'weather.rain': unknown key; `netadopt describe` lists the keys"});
}

TEST_CASE("a value out of range names the line, key and allowed range") {
  CHECK(problems_of("[run]\n\n[bass]\np = -1\n") ==
        Lines{"s.ini:4: key 'bass.p': value -1 is out of range; allowed (0, 1] per year"});
}

TEST_CASE("a key given twice is reported at its second line") {
  CHECK(problems_of("[bass]\np = 0.1\nq = 0.2\np = 0.2\n") ==
        Lines{"s.ini:4: key 'bass.p': given twice; first on line 2"});
  CHECK(problems_of("[bass]\np = 0.1\n[run]\n[bass]\np = 0.1\n").size() == 1);
}

TEST_CASE("every problem of a file is reported at once, in line order") {
  const auto lines =
      problems_of("[run]\nseed = abc\nmodel = foo\nwhat is this\n[bass]\nqq = 1\np = nan\n");
  CHECK(
      lines ==
      Lines{
          "s.ini:2: key 'run.seed': expected an integer, found 'abc'; allowed [0, "
          "9007199254740991]",
          "s.ini:3: key 'run.model': expected one of: bass, sir, found 'foo'",
          "s.ini:4: expected 'key = value', a [section] header or a comment, found 'what is this'",
          "s.ini:6: key 'bass.qq': unknown key; did you mean 'bass.q'?",
          "s.ini:7: key 'bass.p': expected a finite real number, found 'nan'; allowed (0, 1] per "
          "year"});
}

TEST_CASE("overrides replace file values and are marked as such") {
  const auto s =
      parse_scenario(test_schema(), "[bass]\np = 0.1\n", "s.ini", {"bass.p=0.2", " bass.q = 0.9 "});
  CHECK(s.real("bass.p") == 0.2);
  CHECK(s.real("bass.q") == 0.9);
  CHECK(s.origin("bass.p") == Origin::Override);
}

TEST_CASE("bad overrides are reported against --set") {
  CHECK(problems_of("", {"bass.qq=1"}) ==
        Lines{"--set: key 'bass.qq': unknown key; did you mean 'bass.q'?"});
  CHECK(problems_of("", {"bass.p"}) == Lines{"--set: expected section.key=value, found 'bass.p'"});
  CHECK(problems_of("", {"=3"}) == Lines{"--set: expected section.key=value, found '=3'"});
  CHECK(problems_of("", {"bass.p=2"}) ==
        Lines{"--set: key 'bass.p': value 2 is out of range; allowed (0, 1] per year"});
  CHECK(problems_of("", {"bass.p=0.1", "bass.p=0.2"}) ==
        Lines{"--set: key 'bass.p': given twice in --set"});
}

TEST_CASE("file problems come before override problems") {
  CHECK(
      problems_of("[bass]\np = 7\n", {"run.seed=x"}) ==
      Lines{
          "s.ini:2: key 'bass.p': value 7 is out of range; allowed (0, 1] per year",
          "--set: key 'run.seed': expected an integer, found 'x'; allowed [0, 9007199254740991]"});
}

TEST_CASE("a failed cross-check is placed where the user would fix it") {
  CHECK(problems_of("[run]\nend = 2002-01-01\nstart = 2002-06-01\n") ==
        Lines{"s.ini:3: key 'run.start': run.end must be after run.start"});
  CHECK(problems_of("[run]\nend = 2002-01-01\n") ==
        Lines{"s.ini:2: key 'run.end': run.end must be after run.start"});
  CHECK(problems_of("", {"run.end=2002-01-01"}) ==
        Lines{"--set: key 'run.end': run.end must be after run.start"});
}

TEST_CASE("a cross-check does not run on a key whose value was refused") {
  CHECK(problems_of("[run]\nend = 2002-13-01\n").size() == 1);
  CHECK(problems_of("[run]\nstart = 2020-01-01\nend = 2002-13-01\n").size() == 1);
}

TEST_CASE("an override can repair a cross-check the file fails") {
  const auto s =
      parse_scenario(test_schema(), "[run]\nend = 2002-01-01\n", "s.ini", {"run.start=2001-01-01"});
  CHECK(s.date("run.start") == *parse_date("2001-01-01"));
}

TEST_CASE("a file with a NUL byte is refused as not text") {
  CHECK(problems_of(std::string("[run]\nseed = 1\0\n", 15)) ==
        Lines{"s.ini:2: not a text file (found a NUL byte); expected an INI scenario file"});
}

TEST_CASE("load_scenario reads a file and names it in problems") {
  const auto good = temp_file("netadopt_scenario_good.ini", "[bass]\np = 0.05\n");
  CHECK(load_scenario(test_schema(), good).real("bass.p") == 0.05);
  CHECK(load_scenario(test_schema(), good).source() == good.string());
  const auto bad = temp_file("netadopt_scenario_bad.ini", "[bass]\np = 5\n");
  CHECK_THROWS_WITH(load_scenario(test_schema(), bad),
                    Catch::StartsWith(bad.string() + ":2: key 'bass.p'"));
  std::filesystem::remove(good);
  std::filesystem::remove(bad);
}

TEST_CASE("a missing file is a ScenarioError flagged missing_file") {
  const std::filesystem::path missing = "/nonexistent/netadopt/no.ini";
  try {
    load_scenario(test_schema(), missing);
    FAIL("no exception");
  } catch (const ScenarioError& error) {
    CHECK(error.missing_file());
    CHECK(std::string(error.what()) ==
          "/nonexistent/netadopt/no.ini: cannot read scenario file: No such file or directory "
          "(the folder '/nonexistent/netadopt' does not exist either; the shipped scenarios are "
          "in the repository's scenarios/ folder, e.g. scenarios/france.ini)");
  }
}

TEST_CASE("a directory is not a scenario file") {
  try {
    load_scenario(test_schema(), std::filesystem::temp_directory_path());
    FAIL("no exception");
  } catch (const ScenarioError& error) {
    CHECK(error.missing_file());
    CHECK_THAT(error.what(), Catch::EndsWith("cannot read scenario file: Is a directory"));
  }
}

TEST_CASE("the file or --set gives a derived key its value") {
  const auto from_file = parse_scenario(derived_schema(), "[labour]\nseparation = 0.2\n", "d.ini");
  CHECK(from_file.real("labour.separation") == 0.2);
  CHECK(from_file.origin("labour.separation") == Origin::File);
  const auto from_set = parse_scenario(derived_schema(), "", "d.ini", {"labour.separation=0.3"});
  CHECK(from_set.real("labour.separation") == 0.3);
  CHECK(from_set.origin("labour.separation") == Origin::Override);
  CHECK_FALSE(parse_scenario(derived_schema(), "", "d.ini").has("labour.separation"));
}

TEST_CASE("a cross-check on a derived key runs only when the key has a value") {
  CHECK_NOTHROW(parse_scenario(derived_schema(), "[labour]\nprotection = 5\n", "d.ini"));
  CHECK(derived_problems_of("[labour]\nprotection = 5\nseparation = 0.9\n") ==
        Lines{"d.ini:3: key 'labour.separation': labour.separation must be at most 0.5 when "
              "labour.protection is above 3"});
  CHECK(derived_problems_of("[labour]\nprotection = 5\n", {"labour.separation=0.9"}) ==
        Lines{"--set: key 'labour.separation': labour.separation must be at most 0.5 when "
              "labour.protection is above 3"});
}

TEST_CASE("a bad text is reported with its line and what was found") {
  CHECK(derived_problems_of("[platform]\nname = a;b\n") ==
        Lines{"d.ini:2: key 'platform.name': expected a text of 1 to 64 characters (letters, "
              "digits, spaces, _ - . ' ( ) /), found 'a;b'"});
  CHECK(derived_problems_of("", {"platform.name=<b>"}) ==
        Lines{"--set: key 'platform.name': expected a text of 1 to 64 characters (letters, "
              "digits, spaces, _ - . ' ( ) /), found '<b>'"});
}
