#include "netadopt/calibration/calibration_loss.hpp"

#include "netadopt/run/membership.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

namespace netadopt::run {

namespace {
std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::size_t dimension_index(const VariableSpec& spec, const std::string& name) {
  for (std::size_t d = 0; d < spec.dims.size(); ++d)
    if (spec.dims[d].name == name) return d;
  throw std::invalid_argument("variable '" + spec.name + "' has no dimension '" + name + "'");
}

std::string labels_text(const Dimension& dim) {
  std::string text;
  for (const auto& label : dim.labels) text += (text.empty() ? "" : ", ") + label;
  return text;
}

std::size_t label_index(const Dimension& dim, const std::string& wanted) {
  for (std::size_t k = 0; k < dim.labels.size(); ++k)
    if (lowercase(dim.labels[k]) == lowercase(wanted)) return k;
  throw std::invalid_argument("expected a platform of the scenario (" + labels_text(dim) +
                              ") or 'all', found '" + wanted + "'");
}

// The cells of one time row that count registered members: the chosen platform's active and
// dormant statuses in every role, or (platform "all") every cell of members_any.
std::vector<bool> member_cells(const VariableSpec& spec, const std::string& platform) {
  std::vector<bool> counted(spec.cell_count(), platform == "all");
  if (platform == "all") return counted;
  const auto& platforms = spec.dims[dimension_index(spec, "platform")];
  const auto& statuses = spec.dims[dimension_index(spec, "status")];
  const std::size_t wanted = label_index(platforms, platform);
  const std::size_t per_platform = spec.cell_count() / platforms.labels.size();
  for (std::size_t cell = 0; cell < per_platform; ++cell) {
    const auto& status = statuses.labels[cell % statuses.labels.size()];
    counted[wanted * per_platform + cell] = status == "active" || status == "dormant";
  }
  return counted;
}

std::vector<double> mean_counted(const RunResult& result, const Variable& variable,
                                 const std::vector<bool>& counted) {
  const std::size_t times = result.times.size(), cells = counted.size();
  std::vector<double> mean(times, 0.0);
  for (std::size_t r = 0; r < result.replications; ++r)
    for (std::size_t t = 0; t < times; ++t)
      for (std::size_t c = 0; c < cells; ++c)
        if (counted[c]) mean[t] += variable.values[(r * times + t) * cells + c];
  for (double& value : mean) value /= static_cast<double>(result.replications);
  return mean;
}
}  // namespace

double squared_log_error(double model, double observed, double floor) {
  const double error = std::log(std::max(model, floor)) - std::log(observed);
  return error * error;
}

double rms_log_error(const std::vector<double>& model, const std::vector<double>& observed,
                     double floor) {
  if (model.empty()) return 0.0;
  double sum = 0.0;
  for (std::size_t i = 0; i < model.size(); ++i)
    sum += squared_log_error(model[i], observed[i], floor);
  return std::sqrt(sum / static_cast<double>(model.size()));
}

double curve_value_at(const std::vector<double>& times, const std::vector<double>& values,
                      double t) {
  if (t <= times.front()) return values.front();
  if (t >= times.back()) return values.back();
  return interpolate(times, values, t);
}

std::vector<double> members_per_1000(const RunResult& result, const scenario::Scenario& scenario,
                                     const std::string& platform) {
  const bool all = lowercase(platform) == "all";
  const Variable& variable = result.variable(all ? "members_any" : "members");
  auto per_1000 =
      mean_counted(result, variable, member_cells(variable.spec, all ? "all" : platform));
  const double scale = per_1000_workers(scenario);
  for (double& value : per_1000) value *= scale;
  return per_1000;
}

}  // namespace netadopt::run
