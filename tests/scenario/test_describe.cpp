#include "netadopt/scenario/describe.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "netadopt/scenario/scenario.hpp"
#include "test_schema.hpp"

using namespace netadopt::scenario;
using netadopt::scenario::testing::derived_schema;
using netadopt::scenario::testing::test_schema;

TEST_CASE("describe_text lists every key with default, type, allowed range and help") {
  const auto text = describe_text(test_schema());
  for (const auto& spec : test_schema().keys()) {
    INFO(spec.name);
    CHECK(text.find("  " + spec.name + " = " + spec.default_value + "\n") != std::string::npos);
    CHECK(text.find(spec.allowed()) != std::string::npos);
    CHECK(text.find(spec.help) != std::string::npos);
  }
  CHECK(text.find("      type: real; unit: per year\n      allowed: (0, 1] per year\n") !=
        std::string::npos);
  CHECK(text.find("source: Bass (1969)") != std::string::npos);
  CHECK(text.find("group: bass") != std::string::npos);
  CHECK(text.find("[population]") < text.find("[bass]"));
}

TEST_CASE("describe_text wraps long help to the terminal width") {
  Schema schema;
  schema.add({"a.x",
              KeyType::Real,
              "1",
              "",
              {},
              {},
              std::string(30, 'w') + " " + std::string(30, 'w') + " " + std::string(30, 'w'),
              "",
              ""});
  std::istringstream lines(describe_text(schema));
  std::string line;
  int help_lines = 0;
  while (std::getline(lines, line)) {
    CHECK(line.size() <= 78);
    if (line.find("wwww") != std::string::npos) ++help_lines;
  }
  CHECK(help_lines == 2);
}

TEST_CASE("describe_markdown writes one table per section") {
  const auto md = describe_markdown(test_schema());
  CHECK(md.find("### [run]") != std::string::npos);
  CHECK(md.find("### [bass]") != std::string::npos);
  CHECK(md.find("| key | type | default | unit | allowed | description |") != std::string::npos);
  CHECK(md.find(
            "| `bass.p` | real | `0.03` | per year | (0, 1] per year | Coefficient of innovation. "
            "Source: Bass (1969). Group: bass. |") != std::string::npos);
  std::size_t tables = 0;
  for (auto at = md.find("| key |"); at != std::string::npos; at = md.find("| key |", at + 1))
    ++tables;
  CHECK(tables == test_schema().sections().size());
}

TEST_CASE("describe_text shows a text key's type and a derived key's origin as its default") {
  const auto text = describe_text(derived_schema());
  CHECK(text.find("  platform.name = Viaduc\n      type: text\n"
                  "      allowed: a text of 1 to 64 characters\n") != std::string::npos);
  CHECK(text.find("  labour.separation = derived from labour.protection via the separation\n"
                  "      mapping (see docs)\n      type: real; unit: per year\n") !=
        std::string::npos);
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) CHECK(line.size() <= 78);
}

TEST_CASE("describe_markdown shows a derived key's origin as prose in the default column") {
  const auto md = describe_markdown(derived_schema());
  CHECK(md.find("| `platform.name` | text | `Viaduc` |  | a text of 1 to 64 characters | "
                "Platform name. |\n") != std::string::npos);
  CHECK(md.find("| `labour.separation` | real | derived from labour.protection via the "
                "separation mapping (see docs) | per year | (0, 1] per year | Job separation "
                "rate. |\n") != std::string::npos);
}
