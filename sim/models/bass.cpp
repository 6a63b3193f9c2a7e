#include "netadopt/models/bass.hpp"

#include <numeric>

#include "netadopt/scenario/date.hpp"

namespace netadopt::models {

namespace {
using scenario::kDaysPerYear;
constexpr std::uint32_t kAdoption = 1;
}  // namespace

void declare_bass_keys(scenario::Schema& schema) {
  using scenario::KeyType;
  schema.add({"bass.p",
              KeyType::Real,
              "0.03",
              "per year",
              {0, 100},
              {},
              "Coefficient of innovation: the rate at which a non-adopter adopts on its own.",
              "Bass (1969); 0.03 is the median of Sultan, Farley and Lehmann (1990)",
              ""});
  schema.add({"bass.q",
              KeyType::Real,
              "0.38",
              "per year",
              {0, 100},
              {},
              "Coefficient of imitation: adoption rate added per unit of the adopted share.",
              "Bass (1969); 0.38 is the median of Sultan, Farley and Lehmann (1990)",
              ""});
  schema.add({"bass.initial_adopters",
              KeyType::Integer,
              "0",
              "agents",
              {0, 2000000000},
              {},
              "Agents who have adopted at time 0, drawn at random.",
              "",
              ""});
  schema.add_check({{"run.model", "bass.initial_adopters", "population.size"},
                    [](const scenario::Scenario& s) -> std::optional<std::string> {
                      if (s.choice("run.model") != "bass" ||
                          s.integer("bass.initial_adopters") <= s.integer("population.size"))
                        return std::nullopt;
                      return "bass.initial_adopters (" +
                             std::to_string(s.integer("bass.initial_adopters")) +
                             ") exceeds population.size (" +
                             std::to_string(s.integer("population.size")) + ")";
                    }});
  schema.declare_structural("bass.initial_adopters", "initial adopters are chosen at the start");
}

BassModel::BassModel(const scenario::Scenario& s, std::uint64_t replication)
    : population_(static_cast<std::uint64_t>(s.integer("population.size"))),
      p_per_day_(s.real("bass.p") / kDaysPerYear),
      q_per_day_(s.real("bass.q") / kDaysPerYear),
      initial_adopters_(static_cast<std::uint64_t>(s.integer("bass.initial_adopters"))),
      non_adopters_(population_),
      stream_(static_cast<std::uint64_t>(s.integer("run.seed")), replication,
              core::purpose_id("bass.adoption")),
      clock_(kAdoption, 0) {
  std::iota(non_adopters_.begin(), non_adopters_.end(), 0u);
}

std::vector<VariableSpec> BassModel::output_layout(const scenario::Scenario&) {
  return {{"members", "1", "Agents who have adopted (members of the platform).", {}, true}};
}

double BassModel::total_rate() const {
  const double share = static_cast<double>(adopters()) / static_cast<double>(population_);
  return static_cast<double>(non_adopters_.size()) * (p_per_day_ + q_per_day_ * share);
}

// Draws a non-adopter uniformly and makes it an adopter; its index enters the fingerprint.
void BassModel::adopt_one(core::Simulator* sim) {
  const std::uint64_t pick = stream_.uniform_index(non_adopters_.size());
  if (sim != nullptr) sim->note(non_adopters_[pick]);
  non_adopters_[pick] = non_adopters_.back();
  non_adopters_.pop_back();
}

void BassModel::start(core::Simulator& sim) {
  for (std::uint64_t i = 0; i < initial_adopters_; ++i) adopt_one(nullptr);
  clock_.set_rate(sim, stream_, total_rate());
}

void BassModel::handle(const core::Event&, core::Simulator& sim) {
  adopt_one(&sim);
  clock_.set_rate(sim, stream_, total_rate());
}

void BassModel::persist(core::StateArchive& archive) {
  archive.expect("population", population_);
  archive.vector("non_adopters", non_adopters_);
  if (archive.is_loading() && non_adopters_.size() > population_)
    throw core::StateError("checkpoint: more Bass non-adopters than agents");
  stream_.persist(archive, "stream");
  clock_.persist(archive, "clock");
}

// The adopters and pool are what they were; only the rate the clock runs at follows p and q.
void BassModel::reconfigure(core::Simulator& sim) { clock_.set_rate(sim, stream_, total_rate()); }

void BassModel::record(Recorder& recorder, std::size_t time_index, double) {
  recorder.row(0, time_index)[0] = static_cast<double>(adopters());
}

}  // namespace netadopt::models
