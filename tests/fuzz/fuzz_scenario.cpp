// libFuzzer target for the scenario parser: any bytes, as a scenario file's text, must give a
// Scenario or a ScenarioError, and nothing else: no other exception, no crash, no sanitizer
// report. Run by scripts/check_sanitizers.sh with a seed corpus of the shipped scenarios and
// the hostile inputs of tests/cli/hostile.
#include <cstddef>
#include <cstdint>
#include <string>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/scenario/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace netadopt;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const scenario::Scenario parsed = scenario::parse_scenario(run::full_schema(), text, "fuzz");
    (void)parsed.resolved_ini();
  } catch (const scenario::ScenarioError& error) {
    for (const auto& problem : error.problems()) (void)problem.to_string();
  }
  return 0;
}
