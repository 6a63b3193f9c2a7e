// The shipped country scenarios (every scenarios/*.ini with model = essay) may differ only in
// country inputs, each with its source: a published figure stated in a "# source:" comment
// above the key, or, for a platform's section (its launch, language and events), in the
// section. Any other key is a shared behavioural parameter or a run setting, and must have the
// same value in every country file: a number chosen per country to fit is a defect.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "netadopt/models/essay/culture.hpp"

namespace {

struct Entry {
  std::string value;
  bool sourced = false;  // a "# source:" comment above it, in its block or its section
};
using CountryFile = std::map<std::string, Entry>;  // "section.key" -> entry

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

CountryFile read_country_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  CountryFile out;
  std::string line, section;
  bool block_sourced = false, section_sourced = false;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty()) {
      block_sourced = false;
    } else if (line[0] == '#') {
      if (line.find("source:") != std::string::npos) block_sourced = section_sourced = true;
    } else if (line[0] == '[') {
      section = line.substr(1, line.find(']') - 1);
      block_sourced = section_sourced = false;
    } else {
      const auto eq = line.find('=');
      const bool platform = section.starts_with("platform") && section != "platforms";
      out[section + "." + trim(line.substr(0, eq))] =
          Entry{trim(line.substr(eq + 1)), block_sourced || (platform && section_sourced)};
      block_sourced = false;
    }
  }
  return out;
}

std::map<std::string, CountryFile> country_files() {
  std::map<std::string, CountryFile> files;
  for (const auto& entry : std::filesystem::directory_iterator(NETADOPT_SOURCE_DIR "/scenarios")) {
    if (entry.path().extension() != ".ini") continue;
    CountryFile file = read_country_file(entry.path());
    if (file.count("run.model") && file["run.model"].value == "essay")
      files[entry.path().filename().string()] = file;
  }
  return files;
}

bool is_platform_key(const std::string& key) {
  return key.starts_with("platform") && !key.starts_with("platforms.");
}

}  // namespace

TEST_CASE("country files: france, us and germany are shipped", "[essay][country-files]") {
  const auto files = country_files();
  for (const char* name : {"france.ini", "us.ini", "germany.ini"}) CHECK(files.count(name) == 1);
}

TEST_CASE("country files set every country input, each with its source", "[essay][country-files]") {
  for (const auto& [name, file] : country_files())
    for (const std::string& key : netadopt::models::essay::country_input_keys()) {
      INFO(name << ": " << key);
      REQUIRE(file.count(key) == 1);
      CHECK(file.at(key).sourced);
    }
}

TEST_CASE("country files differ only in sourced country and platform inputs",
          "[essay][country-files]") {
  const auto files = country_files();
  const auto& inputs = netadopt::models::essay::country_input_keys();
  std::set<std::string> keys;
  for (const auto& [name, file] : files)
    for (const auto& [key, entry] : file) keys.insert(key);
  for (const std::string& key : keys) {
    const bool country_input = std::find(inputs.begin(), inputs.end(), key) != inputs.end();
    std::set<std::string> values;
    for (const auto& [name, file] : files) {
      const auto it = file.find(key);
      values.insert(it == file.end() ? "(not set)" : it->second.value);
      if (it != file.end() && (country_input || is_platform_key(key))) {
        INFO(name << ": " << key << " needs a '# source:' comment");
        CHECK(it->second.sourced);
      }
    }
    if (country_input || is_platform_key(key) || key == "platforms.count") continue;
    INFO(key << " differs between country files but is not a country input");
    CHECK(values.size() == 1);
  }
}
