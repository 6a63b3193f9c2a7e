#pragma once
// A small schema shaped like the real one, so these tests link only the scenario module.
#include <optional>
#include <string>

#include "netadopt/scenario/scenario.hpp"
#include "netadopt/scenario/schema.hpp"

namespace netadopt::scenario::testing {

constexpr double kMinDate = -25567.0;  // 1900-01-01
constexpr double kMaxDate = 84005.0;   // 2199-12-31

inline Schema build_test_schema() {
  Schema schema;
  schema.add(
      {"run.model", KeyType::Choice, "bass", "", {}, {"bass", "sir"}, "Which model.", "", ""});
  schema.add({"run.seed", KeyType::Integer, "1", "", {0, 9007199254740991.0}, {}, "Seed.", "", ""});
  schema.add({"run.start",
              KeyType::Date,
              "2003-01-01",
              "date",
              {kMinDate, kMaxDate},
              {},
              "Start date.",
              "",
              ""});
  schema.add({"run.end",
              KeyType::Date,
              "2010-01-01",
              "date",
              {kMinDate, kMaxDate},
              {},
              "End date.",
              "",
              ""});
  schema.add({"population.size",
              KeyType::Integer,
              "100000",
              "agents",
              {1, 2000000000},
              {},
              "Number of agents.",
              "",
              ""});
  schema.add({"bass.p",
              KeyType::Real,
              "0.03",
              "per year",
              {0, 1, true, false},
              {},
              "Coefficient of innovation.",
              "Bass (1969)",
              "bass"});
  schema.add({"bass.q",
              KeyType::Real,
              "0.38",
              "per year",
              {0, 100, true, false},
              {},
              "Coefficient of imitation.",
              "",
              "bass"});
  schema.add_check({{"run.start", "run.end"}, [](const Scenario& s) -> std::optional<std::string> {
                      if (s.date("run.end") > s.date("run.start")) return std::nullopt;
                      return "run.end must be after run.start";
                    }});
  return schema;
}

inline const Schema& test_schema() {
  static const Schema schema = build_test_schema();
  return schema;
}

// A text key, a derived key, and a cross-check that reads the derived key.
inline Schema build_derived_schema() {
  Schema schema;
  schema.add({"platform.name", KeyType::Text, "Viaduc", "", {}, {}, "Platform name.", "", ""});
  schema.add({"labour.protection",
              KeyType::Real,
              "2.5",
              "",
              {0, 6},
              {},
              "Employment protection index.",
              "",
              ""});
  schema.add({"labour.separation",
              KeyType::Real,
              "",
              "per year",
              {0, 1, true, false},
              {},
              "Job separation rate.",
              "",
              "",
              "labour.protection via the separation mapping (see docs)"});
  schema.add_check(
      {{"labour.protection", "labour.separation"},
       [](const Scenario& s) -> std::optional<std::string> {
         if (s.real("labour.protection") <= 3 || s.real("labour.separation") <= 0.5)
           return std::nullopt;
         return "labour.separation must be at most 0.5 when labour.protection is above 3";
       }});
  return schema;
}

inline const Schema& derived_schema() {
  static const Schema schema = build_derived_schema();
  return schema;
}

}  // namespace netadopt::scenario::testing
