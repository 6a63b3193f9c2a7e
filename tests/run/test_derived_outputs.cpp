// The variables derived with the output (derived_outputs.hpp) and the population a result is
// out of: a small essay run's members per 1,000 workers, by platform and on any platform, and
// members per 1,000 agents of each role, against the hand computation from `members`,
// `members_any` and the scenario's keys; the model's own variables untouched; the same through
// a resumable run; nothing derived for a model without platforms.
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "../models/essay/country_inputs.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/derived_outputs.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/resumable.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/loader.hpp"

using namespace netadopt;

namespace {

constexpr double kSize = 1500;

// Two replications of 1,500 agents over four years; workforce_share as the scenario sets it, or
// (empty) derived by the model: population.cadres_share + population.sales_share.
scenario::Scenario essay(const std::string& workforce_share = "") {
  std::string ini =
      "[run]\nmodel = essay\nseed = 5\nreplications = 2\nstart = 2003-01-01\nend = 2007-01-01\n"
      "[population]\nsize = 1500\n";
  if (!workforce_share.empty()) ini += "workforce_share = " + workforce_share + "\n";
  return scenario::parse_scenario(run::full_schema(), essay_inputs::with_france_inputs(ini),
                                  "derived");
}

// members[rep][t][platform][role][status], by the essay's layout.
struct Members {
  const run::RunResult& r;
  const run::Variable& members = r.variable("members");
  const run::Variable& any = r.variable("members_any");
  std::size_t platforms = members.spec.dims[0].labels.size();
  std::size_t roles = members.spec.dims[1].labels.size();
  std::size_t statuses = members.spec.dims[2].labels.size();

  double at(std::size_t rep, std::size_t t, std::size_t p, std::size_t role,
            std::size_t status) const {
    const std::size_t row = rep * r.times.size() + t;
    return members.values[((row * platforms + p) * roles + role) * statuses + status];
  }
  double registered(std::size_t rep, std::size_t t, std::size_t p, std::size_t role) const {
    return at(rep, t, p, role, 2) + at(rep, t, p, role, 3);  // active + dormant
  }
  double agents(std::size_t rep, std::size_t t, std::size_t p, std::size_t role) const {
    double n = 0;
    for (std::size_t s = 0; s < statuses; ++s) n += at(rep, t, p, role, s);
    return n;
  }
  double any_total(std::size_t rep, std::size_t t) const {
    double n = 0;
    for (std::size_t role = 0; role < roles; ++role)
      n += any.values[(rep * r.times.size() + t) * roles + role];
    return n;
  }
};

bool same_values(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

void check_against_hand_computation(const run::RunResult& r, double workforce_share) {
  const Members m{r};
  REQUIRE(m.members.spec.dims[2].labels ==
          std::vector<std::string>{"unaware", "aware", "active", "dormant"});
  const auto& per_workers = r.variable("members_per_1000_workers");
  const auto& any_per_workers = r.variable("members_any_per_1000_workers");
  const auto& per_role = r.variable("members_per_1000_role_agents");
  CHECK(per_workers.spec.units == "per 1000 workers");
  CHECK(any_per_workers.spec.units == "per 1000 workers");
  CHECK(per_role.spec.units == "per 1000 agents of the role");
  REQUIRE(per_workers.spec.dims.size() == 1);
  CHECK(per_workers.spec.dims[0].name == "platform");
  CHECK(any_per_workers.spec.dims.empty());
  REQUIRE(per_role.spec.dims.size() == 2);
  CHECK(per_role.spec.dims[0].name == "platform");
  CHECK(per_role.spec.dims[1].name == "role");
  for (const auto* v : {&per_workers, &any_per_workers, &per_role}) {
    CHECK_FALSE(v->spec.integer);
    CHECK_FALSE(v->spec.timeless);
    CHECK_FALSE(v->spec.description.empty());
  }
  const std::size_t T = r.times.size();
  REQUIRE(per_workers.values.size() == r.replications * T * m.platforms);
  REQUIRE(any_per_workers.values.size() == r.replications * T);
  REQUIRE(per_role.values.size() == r.replications * T * m.platforms * m.roles);
  double largest = 0;
  for (std::size_t rep = 0; rep < r.replications; ++rep)
    for (std::size_t t = 0; t < T; ++t) {
      const double any = m.any_total(rep, t) * 1000.0 * workforce_share / kSize;
      CHECK(any_per_workers.values[rep * T + t] == Approx(any).margin(1e-12));
      for (std::size_t p = 0; p < m.platforms; ++p) {
        double registered = 0;
        for (std::size_t role = 0; role < m.roles; ++role) {
          registered += m.registered(rep, t, p, role);
          const double agents = m.agents(rep, t, p, role);
          REQUIRE(agents > 0);
          CHECK(per_role.values[((rep * T + t) * m.platforms + p) * m.roles + role] ==
                Approx(1000.0 * m.registered(rep, t, p, role) / agents).margin(1e-12));
        }
        const double expected = registered * 1000.0 * workforce_share / kSize;
        CHECK(per_workers.values[(rep * T + t) * m.platforms + p] ==
              Approx(expected).margin(1e-12));
        largest = std::max(largest, expected);
      }
    }
  CHECK(largest > 0);  // the run had members, so the comparison says something
}

}  // namespace

TEST_CASE("an essay run carries members per 1,000 workers and per 1,000 agents of the role",
          "[run][derived]") {
  const auto s = essay("0.5");
  const auto r = run::run_scenario(s);
  CHECK(r.population_size == 1500);
  CHECK(r.workforce_share == 0.5);
  check_against_hand_computation(r, 0.5);
}

TEST_CASE("the workforce share is the one the model derives when the scenario sets none",
          "[run][derived]") {
  const auto s = essay();
  const double share = 0.157 + 0.11;  // population.cadres_share + sales_share (France)
  CHECK(models::descriptor(s).workforce_share(s) == Approx(share));
  const auto r = run::run_scenario(s);
  CHECK(r.workforce_share == Approx(share));
  check_against_hand_computation(r, share);
}

TEST_CASE("the model's own variables come first and unchanged, the derived ones after them",
          "[run][derived]") {
  const auto s = essay("0.5");
  const auto r = run::run_scenario(s);
  const auto layout = models::output_layout(s);
  REQUIRE(r.variables.size() == layout.size() + 3);
  for (std::size_t v = 0; v < layout.size(); ++v) CHECK(r.variables[v].spec.name == layout[v].name);
  CHECK(r.variables[layout.size()].spec.name == "members_per_1000_workers");
  CHECK(r.variables[layout.size() + 1].spec.name == "members_any_per_1000_workers");
  CHECK(r.variables[layout.size() + 2].spec.name == "members_per_1000_role_agents");
  // Deriving again from the model's own variables gives the same values.
  run::RunResult own = r;
  own.variables.resize(layout.size());
  const auto again = run::derived_outputs(own, s);
  REQUIRE(again.size() == 3);
  for (std::size_t k = 0; k < 3; ++k)
    CHECK(same_values(again[k].values, r.variables[layout.size() + k].values));
  CHECK_THROWS_AS(run::add_derived_outputs(own = r, s), std::logic_error);
}

TEST_CASE("a resumable run derives the same variables", "[run][derived]") {
  const auto s = essay("0.5");
  const auto plain = run::run_scenario(s);
  run::ResumableRun what{&s, nullptr, 0.0, {}};
  const auto outcome = run::run_resumable(std::move(what), run::CheckpointPolicy{});
  REQUIRE(outcome.result);
  CHECK(outcome.result->population_size == plain.population_size);
  CHECK(outcome.result->workforce_share == plain.workforce_share);
  REQUIRE(outcome.result->variables.size() == plain.variables.size());
  for (std::size_t v = 0; v < plain.variables.size(); ++v) {
    CHECK(outcome.result->variables[v].spec.name == plain.variables[v].spec.name);
    CHECK(same_values(outcome.result->variables[v].values, plain.variables[v].values));
  }
}

TEST_CASE("a role with no agents has NaN members per 1,000 of its agents", "[run][derived]") {
  run::RunResult r;
  r.times = {0.0, 10.0};
  r.replications = 1;
  const run::Dimension platform{"platform", {"P"}, ""}, role{"role", {"a", "b"}, ""},
      status{"status", {"unaware", "aware", "active", "dormant"}, ""};
  r.variables.push_back({{"members", "1", "", {platform, role, status}, true, false},
                         {80, 10, 6, 4, 0, 0, 0, 0,       // t = 0: role a 10 of 100, role b none
                          60, 10, 20, 10, 0, 0, 0, 0}});  // t = 10: role a 30 of 100
  r.variables.push_back({{"members_any", "1", "", {role}, true, false}, {10, 0, 30, 0}});
  const auto derived = run::derived_outputs(r, essay("0.5"));  // 1,500 agents, half the workforce
  REQUIRE(derived.size() == 3);
  for (std::size_t k = 0; k < 2; ++k) {  // by platform, and on any platform
    REQUIRE(derived[k].values.size() == 2);
    CHECK(derived[k].values[0] == Approx(10 * 1000 * 0.5 / kSize));
    CHECK(derived[k].values[1] == Approx(30 * 1000 * 0.5 / kSize));
  }
  REQUIRE(derived[2].values.size() == 4);
  CHECK(derived[2].values[0] == Approx(100));
  CHECK(std::isnan(derived[2].values[1]));
  CHECK(derived[2].values[2] == Approx(300));
  CHECK(std::isnan(derived[2].values[3]));
}

TEST_CASE("a model without platforms gets no derived variables, and a workforce share of 1",
          "[run][derived]") {
  const auto s = scenario::parse_scenario(
      run::full_schema(),
      "[run]\nmodel = bass\nreplications = 2\nend = 2004-01-01\n[population]\nsize = 3000\n"
      "[bass]\np = 0.01\nq = 0.4\n",
      "bass");
  const auto r = run::run_scenario(s);
  CHECK(r.variables.size() == models::output_layout(s).size());
  CHECK(r.population_size == 3000);
  CHECK(r.workforce_share == 1.0);
  CHECK(run::derived_layout(models::output_layout(s)).empty());
}
