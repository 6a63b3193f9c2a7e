#include "summary.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <ostream>

namespace netadopt::cli {

namespace {
struct MeanInterval {
  double mean, low, high;
};

// Mean of `x` over replications and the 95% confidence interval of that mean.
MeanInterval mean_interval(const std::vector<double>& x) {
  const double n = static_cast<double>(x.size());
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
  if (x.size() < 2) return {mean, mean, mean};
  double ss = 0.0;
  for (double v : x) ss += (v - mean) * (v - mean);
  const boost::math::students_t t(n - 1.0);
  const double half = boost::math::quantile(boost::math::complement(t, 0.025)) *
                      std::sqrt(ss / (n - 1.0) / n);
  return {mean, mean - half, mean + half};
}

// Values of the first cell of `var` at reporting time `t`, one per replication.
std::vector<double> across_replications(const run::RunResult& r, const run::Variable& var,
                                        std::size_t t) {
  const std::size_t cells = var.spec.cell_count(), block = r.times.size() * cells;
  std::vector<double> x;
  for (std::size_t rep = 0; rep < r.replications; ++rep)
    x.push_back(var.values[rep * block + t * cells]);
  return x;
}

std::string date_at(const run::RunResult& r, std::size_t t) {
  return scenario::format_date({r.start.days + static_cast<int>(std::floor(r.times[t]))});
}

void print_row(std::ostream& out, const std::string& date, MeanInterval m) {
  char line[128];
  std::snprintf(line, sizeof line, "  %-12s %10.2f   [%.2f, %.2f]\n", date.c_str(), m.mean, m.low,
                m.high);
  out << line;
}
}  // namespace

void print_summary(std::ostream& out, const run::RunResult& r, double population,
                   double wall_seconds) {
  const run::Variable& members = r.variable("members");
  out << "members per 1,000 agents (mean of " << r.replications
      << " replications, 95% confidence interval of the mean):\n";
  out << "  date               mean   interval\n";
  const std::size_t rows = std::min<std::size_t>(8, r.times.size());
  for (std::size_t i = 0; i < rows; ++i) {
    const std::size_t t = rows == 1 ? 0 : i * (r.times.size() - 1) / (rows - 1);
    auto x = across_replications(r, members, t);
    for (double& v : x) v *= 1000.0 / population;
    print_row(out, date_at(r, t), mean_interval(x));
  }
  const double events = static_cast<double>(std::accumulate(r.events.begin(), r.events.end(), 0ULL));
  char line[160];
  std::snprintf(line, sizeof line, "events: %.0f in %.3f s wall (%.3g events per second)\n", events,
                wall_seconds, events / std::max(wall_seconds, 1e-9));
  out << line;
}

}  // namespace netadopt::cli
