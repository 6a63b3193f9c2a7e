#include <catch2/catch.hpp>

#include "netadopt/scenario/loader.hpp"
#include "test_schema.hpp"

using namespace netadopt::scenario;
using netadopt::scenario::testing::test_schema;

namespace {
Value converted(const std::string& key, const std::string& text) {
  auto result = convert_value(*test_schema().find(key), text);
  INFO(key << " = '" << text << "'");
  REQUIRE(std::holds_alternative<Value>(result));
  return std::get<Value>(result);
}

std::string refusal(const std::string& key, const std::string& text) {
  auto result = convert_value(*test_schema().find(key), text);
  INFO(key << " = '" << text << "'");
  REQUIRE(std::holds_alternative<std::string>(result));
  return std::get<std::string>(result);
}
}  // namespace

TEST_CASE("reals accept the forms written in papers") {
  CHECK(std::get<double>(converted("bass.p", "0.03")) == 0.03);
  CHECK(std::get<double>(converted("bass.p", "3e-2")) == 0.03);
  CHECK(std::get<double>(converted("bass.p", "3E-2")) == 0.03);
  CHECK(std::get<double>(converted("bass.p", "+0.5")) == 0.5);
  CHECK(std::get<double>(converted("bass.p", "  .5 ")) == 0.5);
  CHECK(std::get<double>(converted("bass.q", "1")) == 1.0);
}

TEST_CASE("reals refuse text, NaN and infinity, naming what was found") {
  CHECK(refusal("bass.p", "abc") == "expected a real number, found 'abc'; allowed (0, 1] per year");
  CHECK(refusal("bass.p", "0.03x") ==
        "expected a real number, found '0.03x'; allowed (0, 1] per year");
  CHECK(refusal("bass.p", "0,03").find("expected a real number, found '0,03'") == 0);
  CHECK(refusal("bass.p", "+-1").find("expected a real number") == 0);
  CHECK(refusal("bass.p", "0x1p-3").find("expected a real number") == 0);
  CHECK(refusal("bass.p", "nan") ==
        "expected a finite real number, found 'nan'; allowed (0, 1] per year");
  CHECK(refusal("bass.p", "inf").find("expected a finite real number, found 'inf'") == 0);
  CHECK(refusal("bass.p", "-Infinity").find("expected a finite real number") == 0);
}

TEST_CASE("reals outside the range are refused with the allowed range") {
  CHECK(refusal("bass.p", "0") == "value 0 is out of range; allowed (0, 1] per year");
  CHECK(refusal("bass.p", "-1") == "value -1 is out of range; allowed (0, 1] per year");
  CHECK(refusal("bass.p", "1.0000001") ==
        "value 1.0000001 is out of range; allowed (0, 1] per year");
  CHECK(std::get<double>(converted("bass.p", "1")) == 1.0);  // closed end
  CHECK(refusal("bass.q", "1e400") == "value 1e400 is out of range; allowed (0, 100] per year");
}

TEST_CASE("integers accept plain integers only") {
  CHECK(std::get<std::int64_t>(converted("run.seed", "42")) == 42);
  CHECK(std::get<std::int64_t>(converted("run.seed", "+7")) == 7);
  CHECK(std::get<std::int64_t>(converted("run.seed", "9007199254740991")) == 9007199254740991);
  CHECK(refusal("run.seed", "1.5") ==
        "expected an integer, found '1.5'; allowed [0, 9007199254740991]");
  CHECK(refusal("run.seed", "1e3").find("expected an integer, found '1e3'") == 0);
  CHECK(refusal("run.seed", "12abc").find("expected an integer") == 0);
  CHECK(refusal("run.seed", "-").find("expected an integer") == 0);
  CHECK(refusal("run.seed", "-1") == "value -1 is out of range; allowed [0, 9007199254740991]");
  CHECK(refusal("run.seed", "99999999999999999999")
            .find("value 99999999999999999999 is out of range") == 0);
  CHECK(refusal("population.size", "0") ==
        "value 0 is out of range; allowed [1, 2000000000] agents");
}

TEST_CASE("dates are checked for spelling, calendar and range") {
  CHECK(std::get<Date>(converted("run.start", "2003-01-01")) == *parse_date("2003-01-01"));
  CHECK(refusal("run.start", "2003-13-01") ==
        "expected a date YYYY-MM-DD, found '2003-13-01'; allowed a date YYYY-MM-DD from "
        "1900-01-01 to 2199-12-31");
  CHECK(
      refusal("run.start", "1899-12-31").find("value 1899-12-31 is out of range; allowed a date") ==
      0);
  CHECK(
      std::holds_alternative<Value>(convert_value(*test_schema().find("run.start"), "1900-01-01")));
}

TEST_CASE("choices must be one of the list") {
  CHECK(std::get<std::string>(converted("run.model", "sir")) == "sir");
  CHECK(refusal("run.model", "foo") == "expected one of: bass, sir, found 'foo'");
  CHECK(refusal("run.model", "Bass") == "expected one of: bass, sir, found 'Bass'");
}

TEST_CASE("an empty value is refused with the allowed range") {
  CHECK(refusal("bass.p", "") == "empty value; allowed (0, 1] per year");
  CHECK(refusal("run.model", "  ") == "empty value; allowed one of: bass, sir");
}

TEST_CASE("format_value writes values that read back, shortest first") {
  CHECK(format_value(Value{0.03}) == "0.03");
  CHECK(format_value(Value{0.1 + 0.2}) == "0.30000000000000004");
  CHECK(format_value(Value{100000.0}) == "100000");
  CHECK(format_value(Value{1e-5}) == "1e-05");
  CHECK(format_value(Value{1e20}) == "1e+20");
  CHECK(format_value(Value{std::int64_t{-12}}) == "-12");
  CHECK(format_value(Value{*parse_date("2003-02-01")}) == "2003-02-01");
  CHECK(format_value(Value{std::string("bass")}) == "bass");
  for (double x : {0.03, 1.0 / 3.0, 99.99999999999999, 1e-300, 0.123456789, 2.0 / 3e7})
    CHECK(std::get<double>(converted("bass.q", format_value(Value{x}))) == x);
}

namespace {
const KeySpec& platform_name() {
  return *netadopt::scenario::testing::derived_schema().find("platform.name");
}

std::string text_of(const std::string& text) {
  auto result = convert_value(platform_name(), text);
  INFO("'" << text << "'");
  REQUIRE(std::holds_alternative<Value>(result));
  return std::get<std::string>(std::get<Value>(result));
}

std::string text_refusal(const std::string& text) {
  auto result = convert_value(platform_name(), text);
  INFO("'" << text << "'");
  REQUIRE(std::holds_alternative<std::string>(result));
  return std::get<std::string>(result);
}

std::string repeated(const std::string& piece, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += piece;
  return text;
}
}  // namespace

TEST_CASE("texts accept letters, digits, spaces, _ - . ' ( ) / and UTF-8, trimmed") {
  CHECK(text_of("Viaduc") == "Viaduc");
  CHECK(text_of("Viad\xC3\xA9o") == "Viad\xC3\xA9o");  // Viadéo
  CHECK(text_of("  Open Net (v2.0) / l'ami_x-1  ") == "Open Net (v2.0) / l'ami_x-1");
  CHECK(text_of("x") == "x");
  CHECK(text_of(std::string(64, 'a')) == std::string(64, 'a'));
  CHECK(text_of(repeated("\xC3\xA9", 64)) == repeated("\xC3\xA9", 64));  // 64 characters, 128 bytes
  CHECK(format_value(Value{text_of("Viad\xC3\xA9o Pro")}) == "Viad\xC3\xA9o Pro");
}

TEST_CASE("texts refuse other characters and more than 64 characters, naming what was found") {
  const std::string expected =
      "expected a text of 1 to 64 characters (letters, digits, spaces, _ - . ' ( ) /), found ";
  CHECK(text_refusal("a;b") == expected + "'a;b'");
  for (const char* bad : {"a=b", "a\tb", "<b>", "a,b", "a\"b", "a#b", "a\\b", "50%", "a\x01"}) {
    INFO(bad);
    CHECK(text_refusal(bad) == expected + "'" + bad + "'");
  }
  CHECK(text_refusal(std::string(65, 'a')) == expected + "'" + std::string(65, 'a') + "'");
  CHECK(text_refusal(repeated("\xC3\xA9", 65)).find(expected) == 0);
  CHECK(text_refusal("  ") == "empty value; allowed a text of 1 to 64 characters");
}
