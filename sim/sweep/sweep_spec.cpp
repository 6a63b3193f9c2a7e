// Turns a sweep file's entries into a SweepSpec, collecting every problem first: values by
// the sweep keys' declarations, axes against the scenario schema (a key that exists, is a
// number, and is not one the sweep itself sets), axis values against the key's allowed range,
// and the base scenario (its own problems name its own file and lines). The [base] overrides
// go through the scenario loader as `netadopt run --set` would take them; its problems, which
// name "--set", are moved to the [base] line that gave the key. The command line's --set
// overrides take the same path after [base] (a problem with one keeps naming "--set").
#include "netadopt/sweep/sweep_spec.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/core/fnv1a.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/unread_keys.hpp"
#include "netadopt/scenario/read_file.hpp"
#include "netadopt/scenario/suggest.hpp"
#include "netadopt/scenario/text.hpp"
#include "sweep_keys.hpp"
#include "sweep_lines.hpp"
#include "value_lists.hpp"

namespace netadopt::sweep {

namespace {
namespace fs = std::filesystem;
using scenario::Problem;

class SpecBuilder {
 public:
  SpecBuilder(detail::SweepLines lines, std::string name, const BaseReader& read,
              const std::vector<std::string>& sets)
      : lines_(std::move(lines)), name_(std::move(name)), read_(read), sets_(sets) {}
  SweepSpec build(const std::string& text);

 private:
  const detail::Entry* entry(const std::string& key) const;
  int line_of(const std::string& key) const;
  void fail(const std::string& key, std::string message, int line = -1);
  std::optional<scenario::Value> typed(const std::string& key);
  std::int64_t integer(const std::string& key);
  void read_sweep_section();
  void read_base();
  void read_base_overrides();
  void read_set_overrides();
  void set_problem(const std::string& key, std::string message);
  Problem located(Problem problem) const;
  void read_axis(const std::string& name);
  bool read_axis_key(Axis& axis, const std::string& prefix);
  void read_axis_values(Axis& axis, const std::string& prefix);
  void read_axis_range(Axis& axis, const std::string& prefix);
  void refuse_list_range(const std::string& prefix);
  void check_list_lengths();
  std::optional<double> bound(const Axis& axis, const std::string& key);
  void check_in_range(const Axis& axis, const std::string& key, const std::vector<double>& values);
  void read_dates();
  void check_point_count();
  void check_keys_read();

  detail::SweepLines lines_;
  std::string name_;
  const BaseReader& read_;
  const std::vector<std::string>& sets_;
  std::set<std::string> set_keys_;  // the keys of the valid --set overrides
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

Design design_named(const std::string& name) {
  if (name == "lhs") return Design::Lhs;
  if (name == "sobol") return Design::Sobol;
  if (name == "list") return Design::List;
  return Design::Grid;
}

// Whether the design draws sweep.points points between each axis's from and to (lhs, sobol),
// rather than taking the axes' values (grid, list).
bool draws_points(Design design) { return design == Design::Lhs || design == Design::Sobol; }

void SpecBuilder::read_sweep_section() {
  const auto design = typed("sweep.design");
  spec_.design = design_named(design ? std::get<std::string>(*design) : "grid");
  spec_.replications = std::max<std::int64_t>(1, integer("sweep.replications"));
  spec_.seed = static_cast<std::uint64_t>(integer("sweep.seed"));
  if (entry("sweep.points") == nullptr && draws_points(spec_.design))
    return fail("sweep.points", std::string("missing; a ") + design_name(spec_.design) +
                                    " design needs sweep.points");
  if (entry("sweep.points") != nullptr && spec_.design == Design::Grid)
    return fail("sweep.points",
                "a grid has one point per combination of the axes' values; "
                "remove sweep.points or choose design = lhs or sobol");
  if (entry("sweep.points") != nullptr && spec_.design == Design::List)
    return fail("sweep.points",
                "a list design has one point per value of its axes' values "
                "lists; remove sweep.points");
  if (draws_points(spec_.design)) spec_.points = integer("sweep.points");
}

void SpecBuilder::read_base() {
  const auto* e = entry("sweep.base");
  if (e == nullptr)
    return fail("sweep.base",
                "missing; the base scenario file, e.g. "
                "base = scenarios/bass.ini",
                0);
  if (e->value.empty())
    return fail("sweep.base", "empty value; allowed " +
                                  detail::allowed_text(*detail::find_sweep_key("sweep.base")));
  const fs::path base = fs::path(name_).parent_path() / e->value;
  spec_.base_file = base.lexically_normal().string();
  try {
    spec_.base_text = read_(base);
    base_ = base_scenario(spec_);
  } catch (const scenario::ScenarioError& error) {
    if (error.missing_file()) {
      const auto& message = error.problems().front().message;  // "cannot read the file: WHY"
      return fail("sweep.base", "cannot read the base scenario '" + spec_.base_file + "'" +
                                    message.substr(std::min(message.find(':'), message.size())));
    }
    for (const auto& problem : error.problems()) lines_.problems.push_back(located(problem));
  }
}

// Why a [base] (or --set) key is refused before the loader sees it: not a scenario key (the
// suggestion --set would give), or a key the sweep sets for each point. `where`: "in [base]".
std::optional<std::string> base_key_refusal(const std::string& key, const std::string& where) {
  if (run::full_schema().find(key) == nullptr) {
    const auto closest = scenario::detail::closest_key(run::full_schema(), key);
    return closest ? "unknown key; did you mean '" + *closest + "'?"
                   : "unknown key; `netadopt describe` lists the keys";
  }
  if (key == "run.seed")
    return "cannot be set " + where + ": each point's run.seed is derived from sweep.seed";
  if (key == "run.replications")
    return "cannot be set " + where + ": the replications of every point are sweep.replications";
  return std::nullopt;
}

// The [base] entries, in file order, as overrides: the scenario loader checks their values
// (type, range, cross-checks) with the base scenario's. Refused keys are reported here, so
// even without a base scenario.
void SpecBuilder::read_base_overrides() {
  std::vector<std::pair<std::string, const detail::Entry*>> found;
  for (const auto& [name, e] : lines_.entries)
    if (name.starts_with("base.")) found.emplace_back(name, &e);
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.second->line < b.second->line; });
  for (const auto& [name, e] : found) {
    const std::string key = name.substr(5);
    if (const auto refusal = base_key_refusal(key, "in [base]"))
      fail(name, *refusal);
    else if (set_keys_.count(key) == 0)  // the command line's --set wins
      spec_.base_overrides.push_back(key + "=" + e->value);
  }
  spec_.base_overrides.insert(spec_.base_overrides.end(), spec_.set_overrides.begin(),
                              spec_.set_overrides.end());
}

void SpecBuilder::set_problem(const std::string& key, std::string message) {
  lines_.problems.push_back({"--set", 0, key, std::move(message)});
}

// The command line's --set overrides, checked as `netadopt run --set` checks them (the values
// by the loader, with the base scenario), less the keys a sweep sets itself.
void SpecBuilder::read_set_overrides() {
  for (const auto& assignment : sets_) {
    const auto equals = assignment.find('=');
    const std::string key(scenario::detail::trim(assignment.substr(0, equals)));
    if (equals == std::string::npos || key.empty()) {
      set_problem("", "expected section.key=value, found '" + assignment + "'");
      continue;
    }
    if (assignment.find_first_of("\n\r") != std::string::npos) {
      set_problem(key, "the value holds a line break; a value is one line");
      continue;
    }
    if (const auto refusal = base_key_refusal(key, "with --set on a sweep")) {
      set_problem(key, *refusal);
      continue;
    }
    if (!set_keys_.insert(key).second) {
      set_problem(key, "given twice in --set");
      continue;
    }
    spec_.set_overrides.push_back(key + "=" + assignment.substr(equals + 1));
  }
}

// A loader's problem with a [base] override names "--set": it is moved to the sweep file, at
// the line of the [base] entry of its key.
Problem SpecBuilder::located(Problem problem) const {
  if (problem.file != "--set" || set_keys_.count(problem.key) > 0) return problem;
  const std::string name = "base." + problem.key;
  return {name_, line_of(name), name, std::move(problem.message)};
}

bool SpecBuilder::read_axis_key(Axis& axis, const std::string& prefix) {
  const auto* e = entry(prefix + "key");
  if (e == nullptr)
    return fail(prefix + "key",
                "missing; each [axis.NAME] sets one scenario "
                "key: key = section.key",
                0),
           false;
  axis.key = e->value;
  const auto* spec = run::full_schema().find(axis.key);
  if (spec == nullptr) {
    const auto closest = scenario::detail::closest_key(run::full_schema(), axis.key);
    return fail(prefix + "key", "'" + axis.key + "' is not a scenario key" +
                                    (closest ? "; did you mean '" + *closest + "'?" : "")),
           false;
  }
  if (spec->type != scenario::KeyType::Integer && spec->type != scenario::KeyType::Real)
    return fail(prefix + "key", "'" + axis.key +
                                    "' is not a number; only integer and real "
                                    "keys can be swept"),
           false;
  if (spec->section() == "run" || spec->section() == "output")
    return fail(prefix + "key",
                "'" + axis.key +
                    "' cannot be swept: run.* and output.* keys "
                    "are set by the sweep or shared by every point (one time axis)"),
           false;
  axis.integer = spec->type == scenario::KeyType::Integer;
  return true;
}

void SpecBuilder::check_in_range(const Axis& axis, const std::string& key,
                                 const std::vector<double>& values) {
  const auto& spec = *run::full_schema().find(axis.key);
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
                                   "both; found ") +
                           other);
  if (draws_points(spec_.design))
    return fail(key, std::string("a ") + design_name(spec_.design) +
                         " design draws values "
                         "between from and to; values lists are for grid and list designs");
  const auto values = detail::parse_numbers(entry(key)->value);
  if (!values)
    return fail(key, "expected " + detail::find_sweep_key(key)->allowed + ", found '" +
                         entry(key)->value + "'");
  axis.values = *values;
  check_in_range(axis, key, axis.values);
}

// A range end (axis.NAME.from or .to): a finite real within the swept key's range, the
// message naming that key and its range; none if absent or refused (and reported).
std::optional<double> SpecBuilder::bound(const Axis& axis, const std::string& key) {
  const auto* e = entry(key);
  if (e == nullptr) return std::nullopt;
  const auto& target = *run::full_schema().find(axis.key);
  scenario::KeySpec spec = detail::find_sweep_key(key)->spec;
  spec.unit = target.unit;
  spec.range = target.range;
  const auto converted = scenario::convert_value(spec, e->value);
  if (const auto* value = std::get_if<scenario::Value>(&converted)) return std::get<double>(*value);
  fail(key, "for '" + axis.key + "': " + std::get<std::string>(converted));
  return std::nullopt;
}

// A list design takes every point's value from the axes' values lists: a range is refused, at
// its first key in the file.
void SpecBuilder::refuse_list_range(const std::string& prefix) {
  std::string first;
  for (const char* key : {"from", "to", "steps", "scale"})
    if (entry(prefix + key) != nullptr && (first.empty() || line_of(prefix + key) < line_of(first)))
      first = prefix + key;
  if (first.empty())
    return fail(prefix + "values", "missing; design = list needs values = ... on every axis",
                line_of(prefix + "key"));
  fail(first, "design = list needs values = ..., not from/to");
}

void SpecBuilder::read_axis_range(Axis& axis, const std::string& prefix) {
  if (spec_.design == Design::List) return refuse_list_range(prefix);
  const auto from = bound(axis, prefix + "from"), to = bound(axis, prefix + "to");
  const auto scale = typed(prefix + "scale");
  if (entry(prefix + "from") == nullptr && entry(prefix + "to") == nullptr)
    return fail(prefix + "values", "missing; an axis needs values, or a range from and to",
                line_of(prefix + "key"));
  if (!from || !to) {  // a refused end is reported already; an absent one is missing
    for (const char* end : {"from", "to"})
      if (entry(prefix + end) == nullptr)
        fail(prefix + end, "missing; an axis needs values, or a range from and to",
             line_of(prefix + "key"));
    return;
  }
  axis.from = *from;
  axis.to = *to;
  axis.scale = scale && std::get<std::string>(*scale) == "log" ? Scale::Log : Scale::Linear;
  if (axis.scale == Scale::Log && (axis.from <= 0 || axis.to <= 0))
    fail(prefix + "scale", "a log scale needs from and to > 0");
  if (axis.to < axis.from)
    fail(prefix + "to", "must be >= from (" + detail::number_text(axis.from, false) + "), found " +
                            detail::number_text(axis.to, false));
  const bool has_steps = entry(prefix + "steps") != nullptr;
  if (spec_.design == Design::Grid && !has_steps)
    fail(prefix + "from", "missing steps; a grid range needs from, to and steps");
  if (spec_.design != Design::Grid && has_steps)
    fail(prefix + "steps", std::string("a ") + design_name(spec_.design) +
                               " design draws "
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
      return fail(prefix + "key",
                  "'" + axis.key + "' is already swept by [axis." + other.name + "]");
  if (set_keys_.count(axis.key) > 0)
    set_problem(axis.key, "'" + axis.key + "' is swept by [axis." + name + "] of " + name_ +
                              "; --set fixes a key for every point, so it cannot set a swept key");
  if (entry("base." + axis.key) != nullptr)
    fail("base." + axis.key, "'" + axis.key + "' is swept by [axis." + name +
                                 "]; a key is "
                                 "either fixed in [base] or swept by an axis, not both");
  if (entry(prefix + "values") != nullptr)
    read_axis_values(axis, prefix);
  else
    read_axis_range(axis, prefix);
  spec_.axes.push_back(std::move(axis));
}

// Point p of a list design takes value p of every axis: each axis lists as many values as the
// first (an axis whose list was refused is reported already).
void SpecBuilder::check_list_lengths() {
  if (spec_.design != Design::List) return;
  const Axis* first = nullptr;
  for (const auto& axis : spec_.axes) {
    if (axis.values.empty()) continue;
    if (first == nullptr)
      first = &axis;
    else if (axis.values.size() != first->values.size())
      fail("axis." + axis.name + ".values",
           "axis '" + axis.name + "' lists " + std::to_string(axis.values.size()) +
               " values but axis '" + first->name + "' lists " +
               std::to_string(first->values.size()) +
               "; design = list needs one value per point on every axis");
  }
}

void SpecBuilder::read_dates() {
  const auto* e = entry("output.dates");
  if (!base_) return;
  if (e == nullptr) return spec_.dates.push_back(base_->date("run.end"));
  const auto dates = detail::parse_dates(e->value);
  if (!dates)
    return fail("output.dates", "expected " + detail::find_sweep_key("output.dates")->allowed +
                                    ", found '" + e->value + "'");
  const auto start = base_->date("run.start"), end = base_->date("run.end");
  for (const auto date : *dates)
    if (date < start || end < date)
      return fail("output.dates", scenario::format_date(date) + " is outside the base run, " +
                                      scenario::format_date(start) + " to " +
                                      scenario::format_date(end));
  spec_.dates = *dates;
}

// A count of points, exact up to 10^15, else like 1e+24.
std::string count_text(double count) {
  char text[32];
  std::snprintf(text, sizeof text, count < 1e15 ? "%.0f" : "%.3g", count);
  return text;
}

// Every design is held in memory, a scenario per point: at most kMaxPoints points (a grid's
// product of its axes' values can overflow any integer; a sobol design has N (k + 2) points).
void SpecBuilder::check_point_count() {
  if (!lines_.problems.empty() || spec_.axes.empty()) return;
  const std::string allowed = "; allowed at most " + std::to_string(kMaxPoints) + " points";
  const auto k = static_cast<double>(spec_.axes.size());
  if (spec_.design == Design::Sobol && static_cast<double>(spec_.points) * (k + 2) > kMaxPoints)
    return fail("sweep.points", "a sobol design of " + std::to_string(spec_.points) +
                                    " base samples over " + count_text(k) + " axes has " +
                                    count_text(static_cast<double>(spec_.points) * (k + 2)) +
                                    " points (points x (axes + 2))" + allowed);
  if (spec_.design == Design::List) {
    const auto& first = spec_.axes.front();
    if (first.values.size() > static_cast<std::size_t>(kMaxPoints))
      fail("axis." + first.name + ".values",
           "the list has " + count_text(static_cast<double>(first.values.size())) + " points" +
               allowed);
    return;
  }
  if (spec_.design != Design::Grid) return;
  double points = 1;
  std::string product, crossing;  // the key of the axis whose values take the grid over
  for (const auto& axis : spec_.axes) {
    const bool list = !axis.values.empty();
    const auto size =
        static_cast<double>(list ? axis.values.size() : static_cast<std::size_t>(axis.steps));
    points *= size;
    product += (product.empty() ? "" : " x ") + count_text(size);
    if (points > kMaxPoints && crossing.empty())
      crossing = "axis." + axis.name + (list ? ".values" : ".steps");
  }
  if (!crossing.empty())
    fail(crossing,
         "the grid has " + count_text(points) + " points (" + product + " values)" + allowed);
}

// Keys the base's model does not read are refused as `netadopt run` refuses them (in the base
// file, [base] or --set); an axis over such a key would sweep nothing.
void SpecBuilder::check_keys_read() {
  if (!base_) return;
  for (auto& problem : run::unread_key_problems(*base_))
    lines_.problems.push_back(located(problem));
  const std::string& model = base_->choice("run.model");
  for (const auto& axis : spec_.axes) {
    const auto readers = models::models_reading(axis.key);
    if (std::find(readers.begin(), readers.end(), model) == readers.end())
      fail("axis." + axis.name + ".key", "'" + axis.key + "' is not read by model '" + model +
                                             "' of the base scenario: the sweep would change "
                                             "nothing along this axis");
  }
}

SweepSpec SpecBuilder::build(const std::string& text) {
  spec_.file = name_;
  spec_.text = text;
  read_sweep_section();
  read_set_overrides();
  read_base_overrides();
  read_base();
  for (const auto& axis : lines_.axes) read_axis(axis);
  if (lines_.axes.empty())
    fail("", "no axis; add an [axis.NAME] section with key = section.key", 0);
  check_list_lengths();
  check_point_count();
  check_keys_read();
  read_dates();
  if (!lines_.problems.empty()) throw scenario::ScenarioError(std::move(lines_.problems), false);
  return std::move(spec_);
}

// The text of `file` (a sweep file or base scenario: a short text, read_text_file refuses
// /dev/zero or a huge file); throws ScenarioError (missing_file), "cannot read the file: WHY",
// if it cannot be read or is too large to be a sweep file or scenario.
std::string read_text(const fs::path& file) {
  try {
    return scenario::read_text_file(file, "a short INI text file");
  } catch (const scenario::FileReadError& error) {
    throw scenario::ScenarioError(
        {{file.string(), 0, "", "cannot read the file: " + error.reason()}}, true);
  }
}

// 1 + the newlines before `offset`.
int line_of_offset(const std::string& text, std::size_t offset) {
  const auto end = text.begin() + static_cast<long>(offset);
  return 1 + static_cast<int>(std::count(text.begin(), end, '\n'));
}
}  // namespace

SweepSpec parse_sweep(const std::string& text, const std::string& name, const BaseReader& read,
                      const std::vector<std::string>& sets) {
  if (const auto nul = text.find('\0'); nul != std::string::npos)
    throw scenario::ScenarioError(
        {{name, line_of_offset(text, nul), "",
          "not a text file (found a NUL byte); expected an INI sweep file"}},
        false);
  return SpecBuilder(detail::read_sweep_lines(text, name), name, read, sets).build(text);
}

SweepSpec load_sweep(const fs::path& file, const std::vector<std::string>& sets) {
  try {
    return parse_sweep(read_text(file), file.string(), read_text, sets);
  } catch (const scenario::ScenarioError& error) {
    if (!error.missing_file() || error.problems().front().file != file.string()) throw;
    auto problem = error.problems().front();  // "cannot read the file: WHY"
    problem.message.replace(0, problem.message.find(':'), "cannot read the sweep file");
    throw scenario::ScenarioError({std::move(problem)}, true);
  }
}

scenario::Scenario base_scenario(const SweepSpec& spec, const std::vector<std::string>& more) {
  std::vector<std::string> overrides = spec.base_overrides;
  overrides.insert(overrides.end(), more.begin(), more.end());
  return scenario::parse_scenario(run::full_schema(), spec.base_text, spec.base_file, overrides);
}

std::uint64_t sweep_hash(const SweepSpec& spec) {
  std::uint64_t hash = core::fnv1a(spec.text);
  hash = core::fnv1a(std::string(1, '\0'), hash);
  hash = core::fnv1a(spec.base_text, hash);
  for (const auto& set : spec.set_overrides) hash = core::fnv1a(std::string(1, '\0') + set, hash);
  return hash;
}

std::string hash_text(std::uint64_t hash) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

const char* design_name(Design design) {
  switch (design) {
    case Design::Grid:
      return "grid";
    case Design::Lhs:
      return "lhs";
    case Design::Sobol:
      return "sobol";
    case Design::List:
      return "list";
  }
  return "?";
}

}  // namespace netadopt::sweep
