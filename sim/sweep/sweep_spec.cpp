// Turns a sweep file's entries into a SweepSpec, collecting every problem first: values by
// the sweep keys' declarations, axes against the scenario schema (a key that exists, is a
// number, and is not one the sweep itself sets), axis values against the key's allowed range,
// and the base scenario (its own problems name its own file and lines).
#include "netadopt/sweep/sweep_spec.hpp"

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "../scenario/suggest.hpp"
#include "netadopt/core/random.hpp"
#include "netadopt/models/catalog.hpp"
#include "sweep_keys.hpp"
#include "sweep_lines.hpp"
#include "value_lists.hpp"

namespace netadopt::sweep {

namespace {
namespace fs = std::filesystem;
using scenario::Problem;

class SpecBuilder {
 public:
  SpecBuilder(detail::SweepLines lines, std::string name, const BaseReader& read)
      : lines_(std::move(lines)), name_(std::move(name)), read_(read) {}
  SweepSpec build(const std::string& text);

 private:
  const detail::Entry* entry(const std::string& key) const;
  int line_of(const std::string& key) const;
  void fail(const std::string& key, std::string message, int line = -1);
  std::optional<scenario::Value> typed(const std::string& key);
  std::int64_t integer(const std::string& key);
  void read_sweep_section();
  void read_base();
  void read_axis(const std::string& name);
  bool read_axis_key(Axis& axis, const std::string& prefix);
  void read_axis_values(Axis& axis, const std::string& prefix);
  void read_axis_range(Axis& axis, const std::string& prefix);
  void check_in_range(const Axis& axis, const std::string& key, const std::vector<double>& values);
  void read_dates();

  detail::SweepLines lines_;
  std::string name_;
  const BaseReader& read_;
  SweepSpec spec_;
  std::optional<scenario::Scenario> base_;
};

const detail::Entry* SpecBuilder::entry(const std::string& key) const {
  const auto found = lines_.entries.find(key);
  return found == lines_.entries.end() ? nullptr : &found->second;
}

int SpecBuilder::line_of(const std::string& key) const {
  const auto* e = entry(key);
  return e == nullptr ? 0 : e->line;
}

void SpecBuilder::fail(const std::string& key, std::string message, int line) {
  lines_.problems.push_back({name_, line < 0 ? line_of(key) : line, key, std::move(message)});
}

// The entry's value (or the declared default) converted by its declaration; none if absent
// without a default, or refused (and reported).
std::optional<scenario::Value> SpecBuilder::typed(const std::string& key) {
  const auto& spec = detail::find_sweep_key(key)->spec;
  const auto* e = entry(key);
  if (e == nullptr && spec.default_value.empty()) return std::nullopt;
  auto converted = scenario::convert_value(spec, e ? e->value : spec.default_value);
  if (auto* value = std::get_if<scenario::Value>(&converted)) return *value;
  fail(key, std::get<std::string>(converted));
  return std::nullopt;
}

std::int64_t SpecBuilder::integer(const std::string& key) {
  const auto value = typed(key);
  return value ? std::get<std::int64_t>(*value) : 0;
}

void SpecBuilder::read_sweep_section() {
  const auto design = typed("sweep.design");
  const std::string name = design ? std::get<std::string>(*design) : "grid";
  spec_.design = name == "lhs" ? Design::Lhs : name == "sobol" ? Design::Sobol : Design::Grid;
  spec_.replications = std::max<std::int64_t>(1, integer("sweep.replications"));
  spec_.seed = static_cast<std::uint64_t>(integer("sweep.seed"));
  if (entry("sweep.points") == nullptr && spec_.design != Design::Grid)
    return fail("sweep.points", std::string("missing; a ") + design_name(spec_.design) +
                                    " design needs sweep.points");
  if (entry("sweep.points") != nullptr && spec_.design == Design::Grid)
    return fail("sweep.points", "a grid has one point per combination of the axes' values; "
                                "remove sweep.points or choose design = lhs or sobol");
  if (spec_.design != Design::Grid) spec_.points = integer("sweep.points");
}

void SpecBuilder::read_base() {
  const auto* e = entry("sweep.base");
  if (e == nullptr) return fail("sweep.base", "missing; the base scenario file, e.g. "
                                              "base = scenarios/bass.ini", 0);
  const fs::path base = fs::path(name_).parent_path() / e->value;
  spec_.base_file = base.lexically_normal().string();
  try {
    spec_.base_text = read_(base);
    base_ = scenario::parse_scenario(models::full_schema(), spec_.base_text, spec_.base_file);
  } catch (const scenario::ScenarioError& error) {
    if (error.missing_file())
      return fail("sweep.base", "cannot read the base scenario '" + spec_.base_file + "'");
    for (const auto& problem : error.problems()) lines_.problems.push_back(problem);
  }
}

bool SpecBuilder::read_axis_key(Axis& axis, const std::string& prefix) {
  const auto* e = entry(prefix + "key");
  if (e == nullptr) return fail(prefix + "key", "missing; each [axis.NAME] sets one scenario "
                                                "key: key = section.key", 0), false;
  axis.key = e->value;
  const auto* spec = models::full_schema().find(axis.key);
  if (spec == nullptr) {
    const auto closest = scenario::detail::closest_key(models::full_schema(), axis.key);
    return fail(prefix + "key", "'" + axis.key + "' is not a scenario key" +
                                    (closest ? "; did you mean '" + *closest + "'?" : "")), false;
  }
  if (spec->type != scenario::KeyType::Integer && spec->type != scenario::KeyType::Real)
    return fail(prefix + "key", "'" + axis.key + "' is not a number; only integer and real "
                                "keys can be swept"), false;
  if (spec->section() == "run" || spec->section() == "output")
    return fail(prefix + "key", "'" + axis.key + "' cannot be swept: run.* and output.* keys "
                "are set by the sweep or shared by every point (one time axis)"), false;
  axis.integer = spec->type == scenario::KeyType::Integer;
  return true;
}

void SpecBuilder::check_in_range(const Axis& axis, const std::string& key,
                                 const std::vector<double>& values) {
  const auto& spec = *models::full_schema().find(axis.key);
  for (const double value : values) {
    const std::string text = detail::number_text(value, false);
    const auto converted = scenario::convert_value(spec, text);
    if (const auto* message = std::get_if<std::string>(&converted))
      return fail(key, "for '" + axis.key + "': " + *message);
  }
}

void SpecBuilder::read_axis_values(Axis& axis, const std::string& prefix) {
  const std::string key = prefix + "values";
  for (const char* other : {"from", "to", "steps"})
    if (entry(prefix + other) != nullptr)
      return fail(key, std::string("give either values or a range (from, to, steps), not "
                                   "both; found ") + other);
  if (spec_.design != Design::Grid)
    return fail(key, std::string("a ") + design_name(spec_.design) + " design draws values "
                     "between from and to; values lists are for grid designs");
  const auto values = detail::parse_numbers(entry(key)->value);
  if (!values) return fail(key, "expected " + detail::find_sweep_key(key)->allowed +
                                    ", found '" + entry(key)->value + "'");
  axis.values = *values;
  check_in_range(axis, key, axis.values);
}

void SpecBuilder::read_axis_range(Axis& axis, const std::string& prefix) {
  const auto from = typed(prefix + "from"), to = typed(prefix + "to");
  const auto scale = typed(prefix + "scale");
  if (!from || !to)
    return fail(prefix + (from ? "to" : "from"), "missing; an axis needs values, or a range "
                                                 "from and to", line_of(prefix + "key"));
  axis.from = std::get<double>(*from);
  axis.to = std::get<double>(*to);
  axis.scale = scale && std::get<std::string>(*scale) == "log" ? Scale::Log : Scale::Linear;
  if (axis.scale == Scale::Log && (axis.from <= 0 || axis.to <= 0))
    fail(prefix + "scale", "a log scale needs from and to > 0");
  if (axis.to < axis.from) fail(prefix + "to", "must be >= from");
  const bool has_steps = entry(prefix + "steps") != nullptr;
  if (spec_.design == Design::Grid && !has_steps)
    fail(prefix + "from", "missing steps; a grid range needs from, to and steps");
  if (spec_.design != Design::Grid && has_steps)
    fail(prefix + "steps", std::string("a ") + design_name(spec_.design) + " design draws "
                           "sweep.points values; steps are for grid ranges");
  if (has_steps) axis.steps = integer(prefix + "steps");
  check_in_range(axis, prefix + "from", {axis.from});
  check_in_range(axis, prefix + "to", {axis.to});
}

void SpecBuilder::read_axis(const std::string& name) {
  Axis axis;
  axis.name = name;
  const std::string prefix = "axis." + name + ".";
  if (!read_axis_key(axis, prefix)) return;
  for (const auto& other : spec_.axes)
    if (other.key == axis.key)
      return fail(prefix + "key", "'" + axis.key + "' is already swept by [axis." + other.name + "]");
  if (entry(prefix + "values") != nullptr) read_axis_values(axis, prefix);
  else read_axis_range(axis, prefix);
  spec_.axes.push_back(std::move(axis));
}

void SpecBuilder::read_dates() {
  const auto* e = entry("output.dates");
  if (!base_) return;
  if (e == nullptr) return spec_.dates.push_back(base_->date("run.end"));
  const auto dates = detail::parse_dates(e->value);
  if (!dates) return fail("output.dates", "expected " + detail::find_sweep_key("output.dates")->allowed +
                                              ", found '" + e->value + "'");
  const auto start = base_->date("run.start"), end = base_->date("run.end");
  for (const auto date : *dates)
    if (date < start || end < date)
      return fail("output.dates", scenario::format_date(date) + " is outside the base run, " +
                                      scenario::format_date(start) + " to " + scenario::format_date(end));
  spec_.dates = *dates;
}

SweepSpec SpecBuilder::build(const std::string& text) {
  spec_.file = name_;
  spec_.text = text;
  read_sweep_section();
  read_base();
  for (const auto& axis : lines_.axes) read_axis(axis);
  if (lines_.axes.empty()) fail("", "no axis; add an [axis.NAME] section with key = section.key", 0);
  read_dates();
  if (!lines_.problems.empty()) throw scenario::ScenarioError(std::move(lines_.problems), false);
  return std::move(spec_);
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in || fs::is_directory(file))
    throw scenario::ScenarioError({{file.string(), 0, "", "cannot read the file"}}, true);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void fnv1a(std::uint64_t& hash, const std::string& text) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
}
}  // namespace

SweepSpec parse_sweep(const std::string& text, const std::string& name, const BaseReader& read) {
  return SpecBuilder(detail::read_sweep_lines(text, name), name, read).build(text);
}

SweepSpec load_sweep(const fs::path& file) {
  try {
    return parse_sweep(read_text(file), file.string(), read_text);
  } catch (const scenario::ScenarioError& error) {
    if (!error.missing_file() || error.problems().front().file != file.string()) throw;
    throw scenario::ScenarioError({{file.string(), 0, "", "cannot read the sweep file"}}, true);
  }
}

std::uint64_t sweep_hash(const SweepSpec& spec) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  fnv1a(hash, spec.text);
  fnv1a(hash, std::string(1, '\0'));
  fnv1a(hash, spec.base_text);
  return hash;
}

std::string hash_text(std::uint64_t hash) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

const char* design_name(Design design) {
  switch (design) {
    case Design::Grid: return "grid";
    case Design::Lhs: return "lhs";
    case Design::Sobol: return "sobol";
  }
  return "?";
}

}  // namespace netadopt::sweep
