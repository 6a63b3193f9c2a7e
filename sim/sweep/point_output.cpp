#include "netadopt/sweep/point_output.hpp"

#include "netadopt/run/membership.hpp"
#include "netadopt/sweep/summary.hpp"

namespace netadopt::sweep {

namespace {
std::size_t variable_index(const SweepPlan& plan, const std::string& name) {
  std::string names;
  for (std::size_t v = 0; v < plan.outputs.size(); ++v) {
    if (plan.outputs[v].name == name) return v;
    names += (v ? ", " : "") + plan.outputs[v].name;
  }
  throw PointOutputError("no variable '" + name + "' in this sweep; it has " + names);
}

// The variable whose cells are summed for `name`: "members" of a model that also records
// members_any (the essay model: members by platform, role and status, every status included)
// is members_any, the union over platforms, as the sweep's members_at_date counts them: an
// agent registered on two platforms counts once.
std::size_t summed_variable(const SweepPlan& plan, const std::string& name) {
  if (name == "members")
    for (std::size_t v = 0; v < plan.outputs.size(); ++v)
      if (plan.outputs[v].name == "members_any") return v;
  return variable_index(plan, name);
}

// Sum over cells at each reporting time (one row if timeless).
std::vector<double> summed_rows(const std::vector<double>& series, std::size_t cells) {
  std::vector<double> rows(series.size() / cells, 0.0);
  for (std::size_t i = 0; i < series.size(); ++i) rows[i / cells] += series[i];
  return rows;
}

double value_at(const SweepPlan& plan, const std::vector<double>& rows, std::optional<double> day) {
  if (rows.size() == 1) return rows.front();
  return day ? run::interpolate(plan.times, rows, *day) : rows.back();
}
}  // namespace

std::vector<double> point_outputs(const SweepPlan& plan, const SweepData& data,
                                  const std::string& variable, std::optional<double> day) {
  const std::size_t v = summed_variable(plan, variable);
  if (day && (*day < plan.times.front() || *day > plan.times.back()))
    throw PointOutputError("the date is outside the run");
  std::vector<double> y;
  for (std::size_t p = 0; p < plan.points(); ++p) {
    if (!point_done(plan, data, p))
      throw PointOutputError("point " + std::to_string(p) + " is not done; every point is needed");
    double sum = 0;
    for (std::size_t r = 0; r < plan.replications; ++r) {
      const auto& series = data.pairs[p * plan.replications + r]->output.series[v];
      sum += value_at(plan, summed_rows(series, plan.outputs[v].cell_count()), day);
    }
    y.push_back(sum / static_cast<double>(plan.replications));
  }
  return y;
}

}  // namespace netadopt::sweep
