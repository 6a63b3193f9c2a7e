#pragma once
// France's country inputs (scenarios/france.ini, with their sources there), which every essay
// scenario must set: for tests that build small essay scenarios of their own.
#include <map>
#include <string>

namespace essay_inputs {

inline const std::map<std::string, std::string>& france() {
  static const std::map<std::string, std::string> keys = {
      {"culture.country", "france"},
      {"culture.language", "fr"},
      {"culture.english_share", "0.36"},
      {"culture.power_distance", "68"},
      {"culture.individualism", "71"},
      {"culture.masculinity", "43"},
      {"culture.uncertainty_avoidance", "86"},
      {"culture.long_term_orientation", "63"},
      {"culture.indulgence", "48"},
      {"culture.employment_protection", "3.05"},
      {"culture.unemployment_rate", "8.9"},
      {"culture.long_term_unemployment_share", "0.338"},
      {"population.cadres_share", "0.157"},
      {"population.sales_share", "0.11"}};
  return keys;
}

// The same as INI text, one section per key (the loader accepts repeated sections).
inline std::string france_ini() {
  std::string text;
  for (const auto& [key, value] : france()) {
    const auto dot = key.find('.');
    text += "[" + key.substr(0, dot) + "]\n" + key.substr(dot + 1) + " = " + value + "\n";
  }
  return text;
}

// `ini` with France's inputs added for every country key it does not set itself.
inline std::string with_france_inputs(const std::string& ini) {
  std::string text = ini;
  for (const auto& [key, value] : france()) {
    const auto dot = key.find('.');
    const std::string name = key.substr(dot + 1);
    if (("\n" + ini).find("\n" + name + " =") != std::string::npos) continue;
    text += "\n[" + key.substr(0, dot) + "]\n" + name + " = " + value + "\n";
  }
  return text;
}

}  // namespace essay_inputs
