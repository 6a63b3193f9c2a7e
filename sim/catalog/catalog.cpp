#include "netadopt/catalog/catalog.hpp"

#include <set>
#include <stdexcept>

#include "netadopt/models/bass.hpp"
#include "netadopt/models/essay/derived_values.hpp"
#include "netadopt/models/essay/essay_model.hpp"
#include "netadopt/models/essay/memory_estimate.hpp"
#include "netadopt/models/essay/structure/population.hpp"
#include "netadopt/models/graph/graph.hpp"
#include "netadopt/models/sir.hpp"
#include "netadopt/models/threshold.hpp"
#include "netadopt/scenario/date.hpp"

namespace netadopt::models {

namespace {
using scenario::KeyType;
using scenario::Scenario;

template <class M>
std::unique_ptr<Model> build(const Scenario& scenario, std::uint64_t replication) {
  return std::make_unique<M>(scenario, replication);
}

// Not measured for the network models, whose graph is shared between replications: counted
// as Bass, whose pool of non-adopters holds 4 bytes per agent.
double four_bytes_per_agent(const Scenario& s) {
  return static_cast<double>(s.integer("population.size")) * 4.0;
}

double whole_population(const Scenario&) { return 1.0; }
std::optional<double> derives_nothing(const Scenario&, const std::string&) { return std::nullopt; }

std::vector<ModelDescriptor> build_catalog() {
  return {
      {"bass", "Bass 1969, well mixed", declare_bass_keys, false, build<BassModel>,
       BassModel::output_layout, four_bytes_per_agent, whole_population, derives_nothing},
      {"essay", "the essay's four roles on a professional network, sim/models/essay/ODD.md",
       essay::declare_essay_model_keys, false, build<essay::EssayModel>,
       essay::EssayModel::output_layout, essay::replication_bytes, essay::workforce_share,
       essay::derived_value},
      {"sir", "the epidemic SIR model on the [graph] network", declare_sir_keys, true,
       build<SirModel>, SirModel::output_layout, four_bytes_per_agent, whole_population,
       derives_nothing},
      {"threshold", "Watts 2002 threshold contagion on the [graph] network", declare_threshold_keys,
       true, build<ThresholdModel>, ThresholdModel::output_layout, four_bytes_per_agent,
       whole_population, derives_nothing},
  };
}

std::vector<std::string> model_names() {
  std::vector<std::string> names;
  for (const auto& entry : catalog()) names.push_back(entry.name);
  return names;
}

// "Which model to run: `bass` (...), ..., or `threshold` (...)." from the entries' summaries.
std::string model_choice_help() {
  std::string help = "Which model to run: ";
  const auto& entries = catalog();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) help += i + 1 == entries.size() ? ", or " : ", ";
    help += "`" + entries[i].name + "` (" + entries[i].summary + ")";
  }
  return help + ".";
}

void add_general_keys(scenario::Schema& schema) {
  schema.add(
      {"run.model", KeyType::Choice, "bass", "", {}, model_names(), model_choice_help(), "", ""});
  schema.add({"run.seed",
              KeyType::Integer,
              "1",
              "",
              {0, 9007199254740991.0},
              {},
              "Master seed. Each replication and mechanism draws from its own stream keyed by "
              "(seed, replication, purpose); the same seed gives the same results on any machine "
              "and thread count.",
              "",
              ""});
  schema.add({"run.replications",
              KeyType::Integer,
              "10",
              "",
              {1, 100000},
              {},
              "Independent replications, run in parallel.",
              "",
              ""});
  schema.add({"run.start",
              KeyType::Date,
              "2003-01-01",
              "",
              scenario::kDateRange,
              {},
              "Calendar date of simulated time 0 (YYYY-MM-DD).",
              "",
              ""});
  schema.add({"run.end",
              KeyType::Date,
              "2010-01-01",
              "",
              scenario::kDateRange,
              {},
              "Calendar date at which the run stops (YYYY-MM-DD), after run.start.",
              "",
              ""});
  schema.add({"output.interval_days",
              KeyType::Real,
              "30",
              "days",
              {0, 36525, true, false},
              {},
              "Interval between reported states. Reporting samples the continuous-time state; "
              "it does not discretize the dynamics.",
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
  schema.add_check(
      {{"run.start", "run.end"}, [](const scenario::Scenario& s) -> std::optional<std::string> {
         if (s.date("run.end") > s.date("run.start")) return std::nullopt;
         return "run.end (" + scenario::format_date(s.date("run.end")) +
                ") must be after run.start (" + scenario::format_date(s.date("run.start")) + ")";
       }});
  schema.declare_structural("run.",
                            "the run's model, seed, dates and replications are the "
                            "checkpoint's");
  schema.declare_structural("output.", "the reporting times are fixed by the checkpoint's run");
  schema.declare_structural("population.", "the population was built at the start");
}
}  // namespace

const std::vector<ModelDescriptor>& catalog() {
  static const std::vector<ModelDescriptor> entries = build_catalog();
  return entries;
}

const ModelDescriptor& descriptor(const Scenario& scenario) {
  const std::string& name = scenario.choice("run.model");
  for (const auto& entry : catalog())
    if (entry.name == name) return entry;
  throw std::logic_error("models::descriptor: no model named '" + name + "'");
}

void declare_model_keys(scenario::Schema& schema) {
  add_general_keys(schema);
  bool graph_declared = false;
  for (const auto& entry : catalog()) {
    if (entry.uses_graph && !graph_declared) declare_graph_keys(schema);
    graph_declared = graph_declared || entry.uses_graph;
    entry.declare_keys(schema);
  }
}

namespace {
// The names of the keys `entry` reads: the general keys, the graph's if it uses one, its own.
std::set<std::string> keys_read_by(const ModelDescriptor& entry) {
  scenario::Schema schema;
  add_general_keys(schema);
  if (entry.uses_graph) declare_graph_keys(schema);
  entry.declare_keys(schema);
  std::set<std::string> names;
  for (const auto& spec : schema.keys()) names.insert(spec.name);
  return names;
}
}  // namespace

std::vector<std::string> models_reading(const std::string& key) {
  static const std::vector<std::set<std::string>> keys_per_model = [] {
    std::vector<std::set<std::string>> keys;
    for (const auto& entry : catalog()) keys.push_back(keys_read_by(entry));
    return keys;
  }();
  std::vector<std::string> names;
  for (std::size_t m = 0; m < catalog().size(); ++m)
    if (keys_per_model[m].contains(key)) names.push_back(catalog()[m].name);
  return names;
}

std::unique_ptr<Model> make_model(const Scenario& scenario, std::uint64_t replication) {
  return descriptor(scenario).make(scenario, replication);
}

std::vector<VariableSpec> output_layout(const Scenario& scenario) {
  return descriptor(scenario).outputs(scenario);
}

}  // namespace netadopt::models
