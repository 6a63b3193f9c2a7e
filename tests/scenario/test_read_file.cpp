// The one whole-file read (read_text_file), the refusal of a scenario file that defines no keys,
// the escaping of raw bytes in messages, and the longer limit of path keys (issue 13).
#include "netadopt/scenario/read_file.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "netadopt/scenario/loader.hpp"
#include "netadopt/scenario/text.hpp"
#include "test_schema.hpp"

using namespace netadopt::scenario;
using netadopt::scenario::testing::test_schema;

namespace {
std::filesystem::path temp_file(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// The FileReadError that reading `file` (with `limit`) throws; fails the test if none.
FileReadError read_error(const std::filesystem::path& file, std::size_t limit = kMaxTextFileBytes) {
  try {
    read_text_file(file, "a short text file", limit);
  } catch (const FileReadError& error) {
    return error;
  }
  FAIL("no FileReadError reading " << file);
  return FileReadError(file, "", false);
}

// The problems of loading `content` as a file `name`, as Problem::to_string() lines.
std::vector<std::string> load_problems(const std::string& name, const std::string& content) {
  const auto file = temp_file(name, content);
  std::vector<std::string> lines;
  try {
    load_scenario(test_schema(), file);
  } catch (const ScenarioError& error) {
    CHECK_FALSE(error.missing_file());
    for (const auto& problem : error.problems()) lines.push_back(problem.to_string());
  }
  std::filesystem::remove(file);
  return lines;
}

Schema path_schema() {
  Schema schema;
  schema.add(path_key({"graph.file", KeyType::Text, "edges.txt", "", {}, {}, "Edges.", "", ""}));
  schema.add({"platform.name", KeyType::Text, "Viaduc", "", {}, {}, "Name.", "", ""});
  return schema;
}
}  // namespace

TEST_CASE("read_text_file returns every byte of a file, NULs included") {
  const std::string bytes("a\0b\xff\n", 5);
  const auto file = temp_file("netadopt_read_file_bytes.bin", bytes);
  CHECK(read_text_file(file) == bytes);
  CHECK(read_text_file(file, "x", 5) == bytes);  // exactly at the limit
  std::filesystem::remove(file);
}

TEST_CASE("read_text_file refuses a file past its limit, naming the limit") {
  const auto file = temp_file("netadopt_read_file_big.txt", std::string(11, 'x'));
  const auto error = read_error(file, 10);
  CHECK(error.too_large());
  CHECK(error.reason() == "larger than 10 bytes; expected a short text file");
  CHECK(std::string(error.what()) == "cannot read '" + file.string() + "': " + error.reason());
  std::filesystem::remove(file);
}

TEST_CASE("read_text_file stops reading an endless device past the limit") {
  const auto start = std::chrono::steady_clock::now();
  const auto error = read_error("/dev/zero");
  CHECK(error.too_large());
  CHECK(error.reason() == "larger than 64 MiB; expected a short text file");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("read_text_file gives the system's reason for a missing file or a directory") {
  CHECK(read_error("/nonexistent/netadopt/no.ini").reason() == "No such file or directory");
  CHECK_FALSE(read_error("/nonexistent/netadopt/no.ini").too_large());
  CHECK(read_error(std::filesystem::temp_directory_path()).reason() == "Is a directory");
}

TEST_CASE("the scenario loader refuses /dev/zero as unreadable, naming the limit") {
  try {
    load_scenario(test_schema(), "/dev/zero");
    FAIL("/dev/zero was accepted");
  } catch (const ScenarioError& error) {
    CHECK(error.missing_file());
    CHECK(std::string(error.what()) ==
          "/dev/zero: cannot read scenario file: larger than 64 MiB; "
          "expected a short INI text file");
  }
}

TEST_CASE("a scenario file that defines no keys is refused") {
  const std::string message =
      ": the file defines no keys (it is empty, or holds only comments); a scenario sets at "
      "least `model = ...` under [run] (the shipped scenarios are in scenarios/; `netadopt "
      "describe` lists the keys)";
  for (const std::string content :
       {"", "\n\n", "# a comment\n; another\n", "\xEF\xBB\xBF", "[run]\n[bass]\n"}) {
    const auto file = std::filesystem::temp_directory_path() / "netadopt_no_keys.ini";
    CHECK(load_problems("netadopt_no_keys.ini", content) == std::vector{file.string() + message});
  }
  // A bad line is reported as such, not as a file without keys.
  const auto bad = load_problems("netadopt_bad_line.ini", "[run]\nseed 3\n");
  REQUIRE(bad.size() == 1);
  CHECK_THAT(bad[0], Catch::Contains("expected 'key = value'"));
  // Text in memory (a test's, a sweep's base) may still be all defaults.
  CHECK(parse_scenario(test_schema(), "", "empty.ini").choice("run.model") == "bass");
}

TEST_CASE("printable keeps printable ASCII and UTF-8 and escapes every other byte") {
  CHECK(detail::printable("key = value (1/2)") == "key = value (1/2)");
  CHECK(detail::printable("Viad\xC3\xA9o \xE2\x82\xAC \xF0\x9F\x98\x80") ==
        "Viad\xC3\xA9o \xE2\x82\xAC \xF0\x9F\x98\x80");
  CHECK(detail::printable("a\tb\r\n\x1b[31m\x7f") == "a\\x09b\\x0d\\x0a\\x1b[31m\\x7f");
  CHECK(detail::printable("\xff\xfe") == "\\xff\\xfe");
  CHECK(detail::printable("\xC3") == "\\xc3");                    // truncated character
  CHECK(detail::printable("\xC0\xAF") == "\\xc0\\xaf");           // overlong '/'
  CHECK(detail::printable("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // a surrogate
  CHECK(detail::printable(std::string("\0", 1)) == "\\x00");
}

TEST_CASE("a problem quoting raw bytes shows them as escapes") {
  const auto problems = load_problems("netadopt_raw_bytes.ini", "[run]\nseed = 3\xff\x1b\n");
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0],
             Catch::Contains("key 'run.seed': expected an integer, found '3\\xff\\x1b'"));
  CHECK(Problem{"a\x1b.ini", 1, "k\x07.x", "bad \xff"}.to_string() ==
        "a\\x1b.ini:1: key 'k\\x07.x': bad \\xff");
}

TEST_CASE("a path key allows 4096 characters, any other text key 64") {
  const Schema schema = path_schema();
  const auto converted = [&](const std::string& key, const std::string& text) {
    return convert_value(*schema.find(key), text);
  };
  const std::string long_path = std::string(4095, 'a') + "/";
  CHECK(std::holds_alternative<Value>(converted("graph.file", long_path)));
  const auto too_long = converted("graph.file", long_path + "b");
  REQUIRE(std::holds_alternative<std::string>(too_long));
  CHECK_THAT(std::get<std::string>(too_long),
             Catch::StartsWith("expected a path of 1 to 4096 characters"));
  CHECK(schema.find("graph.file")->allowed() == "a path of 1 to 4096 characters");
  const auto name = converted("platform.name", std::string(65, 'a'));
  REQUIRE(std::holds_alternative<std::string>(name));
  CHECK_THAT(std::get<std::string>(name),
             Catch::StartsWith("expected a text of 1 to 64 characters"));
  CHECK(schema.find("platform.name")->allowed() == "a text of 1 to 64 characters");
}

TEST_CASE("only a text key may hold a path") {
  Schema schema;
  CHECK_THROWS_AS(
      schema.add(path_key({"run.seed", KeyType::Integer, "1", "", {0, 10}, {}, "Seed.", "", ""})),
      std::logic_error);
}
