#include "netadopt/run/unread_keys.hpp"

#include <algorithm>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"

namespace netadopt::run {

namespace {
std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return text;
}

std::string chosen_model(const scenario::Scenario& s) {
  const std::string& model = s.choice("run.model");
  if (s.origin("run.model") != scenario::Origin::Default) return "model '" + model + "'";
  return "model '" + model + "' (the default, as [run] sets no model)";
}

std::string unread_message(const scenario::Scenario& s, const std::string& key) {
  std::string message = "set, but " + chosen_model(s) + " does not read it";
  const auto readers = models::models_reading(key);
  if (!readers.empty())
    message += "; " + std::string(readers.size() == 1 ? "model " : "models ") + joined(readers) +
               (readers.size() == 1 ? " reads it" : " read it") +
               " (set `model = " + readers.front() + "` under [run]) or remove the key";
  return message;
}
}  // namespace

std::vector<scenario::Problem> unread_key_problems(const scenario::Scenario& s) {
  std::vector<scenario::Problem> problems;
  const std::string& model = s.choice("run.model");
  for (const auto& spec : full_schema().keys()) {
    if (spec.section() == "fork" || s.origin(spec.name) == scenario::Origin::Default) continue;
    const auto readers = models::models_reading(spec.name);
    if (std::find(readers.begin(), readers.end(), model) != readers.end()) continue;
    const bool from_file = s.origin(spec.name) == scenario::Origin::File;
    problems.push_back(
        {from_file ? s.source() : "--set", 0, spec.name, unread_message(s, spec.name)});
  }
  return problems;
}

}  // namespace netadopt::run
