#include "netadopt/scenario/date.hpp"

#include <catch2/catch.hpp>

using netadopt::scenario::Date;
using netadopt::scenario::format_date;
using netadopt::scenario::parse_date;

namespace Catch {
template <>
struct StringMaker<Date> {
  static std::string convert(Date date) { return std::to_string(date.days) + " days"; }
};
}  // namespace Catch

TEST_CASE("parse_date counts days from 1970-01-01") {
  CHECK(parse_date("1970-01-01") == Date{0});
  CHECK(parse_date("1970-01-02") == Date{1});
  CHECK(parse_date("1969-12-31") == Date{-1});
  CHECK(parse_date("2000-03-01") == Date{11017});
  CHECK(parse_date("1900-01-01") == Date{-25567});
  CHECK(parse_date("2199-12-31") == Date{84005});
}

TEST_CASE("parse_date follows the Gregorian leap-year rules") {
  CHECK(parse_date("2004-02-29").has_value());
  CHECK(parse_date("2000-02-29").has_value());
  CHECK_FALSE(parse_date("2003-02-29").has_value());
  CHECK_FALSE(parse_date("2100-02-29").has_value());
  CHECK_FALSE(parse_date("2003-04-31").has_value());
}

TEST_CASE("parse_date accepts only the strict YYYY-MM-DD spelling") {
  for (const char* bad : {"2003-13-01", "2003-00-10", "2003-01-00", "2003-1-01", "2003-01-1",
                          "03-01-01", "20030101", "2003/01/01", " 2003-01-01", "2003-01-01 ",
                          "2003-01-01T00", "+003-01-01", "", "abcd-ef-gh"}) {
    INFO(bad);
    CHECK_FALSE(parse_date(bad).has_value());
  }
}

TEST_CASE("format_date writes YYYY-MM-DD and reads back") {
  CHECK(format_date(Date{0}) == "1970-01-01");
  CHECK(format_date(Date{-25567}) == "1900-01-01");
  CHECK(format_date(Date{84005}) == "2199-12-31");
  for (int days : {-25567, -1, 0, 59, 11016, 12418, 84005})
    CHECK(parse_date(format_date(Date{days})) == Date{days});
}
