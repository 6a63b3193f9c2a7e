#include "netadopt/scenario/date.hpp"
#include "netadopt/models/catalog.hpp"

#include <stdexcept>

#include "netadopt/models/bass.hpp"
#include "netadopt/models/essay/essay_model.hpp"
#include "netadopt/models/graph.hpp"
#include "netadopt/models/sir.hpp"
#include "netadopt/models/threshold.hpp"
#include "netadopt/run/fork.hpp"

namespace netadopt::models {

namespace {
using scenario::KeySpec;
using scenario::KeyType;
using scenario::Range;


void add_general_keys(scenario::Schema& schema) {
  schema.add({"run.model", KeyType::Choice, "bass", "", {}, {"bass", "essay", "sir", "threshold"},
              "Which model to run: `bass` (Bass 1969, well mixed), `essay` (the essay's "
              "four roles on a professional network, MODEL.md), or the reference contagion "
              "models on the [graph] network: `sir` (epidemic SIR) and `threshold` (Watts "
              "2002).", "", ""});
  schema.add({"run.seed", KeyType::Integer, "1", "", {0, 9007199254740991.0}, {},
              "Master seed. Each replication and mechanism draws from its own stream keyed by "
              "(seed, replication, purpose); the same seed gives the same results on any machine "
              "and thread count.", "", ""});
  schema.add({"run.replications", KeyType::Integer, "10", "", {1, 100000}, {},
              "Independent replications, run in parallel.", "", ""});
  schema.add({"run.start", KeyType::Date, "2003-01-01", "", scenario::kDateRange, {},
              "Calendar date of simulated time 0 (YYYY-MM-DD).", "", ""});
  schema.add({"run.end", KeyType::Date, "2010-01-01", "", scenario::kDateRange, {},
              "Calendar date at which the run stops (YYYY-MM-DD), after run.start.", "", ""});
  schema.add({"output.interval_days", KeyType::Real, "30", "days", {0, 36525, true, false}, {},
              "Interval between reported states. Reporting samples the continuous-time state; "
              "it does not discretize the dynamics.", "", ""});
  schema.add({"population.size", KeyType::Integer, "100000", "agents", {1, 2000000000}, {},
              "Number of agents.", "", ""});
  schema.add_check({{"run.start", "run.end"}, [](const scenario::Scenario& s)
                        -> std::optional<std::string> {
                      if (s.date("run.end") > s.date("run.start")) return std::nullopt;
                      return "run.end (" + scenario::format_date(s.date("run.end")) +
                             ") must be after run.start (" +
                             scenario::format_date(s.date("run.start")) + ")";
                    }});
}

scenario::Schema build_schema() {
  scenario::Schema schema;
  add_general_keys(schema);
  declare_bass_keys(schema);
  essay::declare_essay_model_keys(schema);
  declare_graph_keys(schema);
  declare_sir_keys(schema);
  declare_threshold_keys(schema);
  run::declare_fork_keys(schema);
  return schema;
}
}  // namespace

const scenario::Schema& full_schema() {
  static const scenario::Schema schema = build_schema();
  return schema;
}

std::unique_ptr<Model> make_model(const scenario::Scenario& scenario, std::uint64_t replication) {
  const std::string& kind = scenario.choice("run.model");
  if (kind == "bass") return std::make_unique<BassModel>(scenario, replication);
  if (kind == "essay") return std::make_unique<essay::EssayModel>(scenario, replication);
  if (kind == "sir") return std::make_unique<SirModel>(scenario, replication);
  if (kind == "threshold") return std::make_unique<ThresholdModel>(scenario, replication);
  throw std::logic_error("make_model: no model named '" + kind + "'");
}

}  // namespace netadopt::models
