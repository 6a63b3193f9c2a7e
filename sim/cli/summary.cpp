#include "summary.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <ostream>

namespace netadopt::cli {

namespace {
struct MeanInterval {
  double mean, low, high;
};

// Mean of `x` over replications and the 95% confidence interval of that mean. Every quantity
// summarised is a count or a share, so the interval is cut at 0 rather than shown below it.
MeanInterval mean_interval(const std::vector<double>& x) {
  const double n = static_cast<double>(x.size());
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
  if (x.size() < 2) return {mean, mean, mean};
  double ss = 0.0;
  for (double v : x) ss += (v - mean) * (v - mean);
  const boost::math::students_t t(n - 1.0);
  const double half =
      boost::math::quantile(boost::math::complement(t, 0.025)) * std::sqrt(ss / (n - 1.0) / n);
  return {mean, std::max(0.0, mean - half), mean + half};
}

// Cell `cell` of `var` at reporting time `t`, one value per replication.
std::vector<double> across_replications(const run::RunResult& r, const run::Variable& var,
                                        std::size_t t, std::size_t cell = 0) {
  const std::size_t cells = var.spec.cell_count(), block = r.times.size() * cells;
  std::vector<double> x;
  for (std::size_t rep = 0; rep < r.replications; ++rep)
    x.push_back(var.values[rep * block + t * cells + cell]);
  return x;
}

std::string date_at(const run::RunResult& r, std::size_t t) {
  return scenario::format_date({r.start.days + static_cast<int>(std::floor(r.times[t]))});
}

// Up to eight reporting times, evenly spread, first and last included.
std::vector<std::size_t> summary_times(const run::RunResult& r) {
  const std::size_t rows = std::min<std::size_t>(8, r.times.size());
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < rows; ++i)
    out.push_back(rows == 1 ? 0 : i * (r.times.size() - 1) / (rows - 1));
  return out;
}

std::string cell_text(MeanInterval m) {
  char text[96];
  std::snprintf(text, sizeof text, "%8.2f [%.2f, %.2f]", m.mean, m.low, m.high);
  return std::string(text) +
         std::string(std::max<int>(0, 28 - static_cast<int>(std::strlen(text))), ' ');
}

void print_totals(std::ostream& out, const run::RunResult& r, const run::Variable& members,
                  double population) {
  out << "members per 1,000 agents (mean of " << r.replications
      << " replications, 95% confidence interval of the mean):\n";
  for (const std::size_t t : summary_times(r)) {
    auto x = across_replications(r, members, t);
    for (double& v : x) v *= 1000.0 / population;
    out << "  " << date_at(r, t) << "  " << cell_text(mean_interval(x)) << '\n';
  }
}

// Members per 1,000 agents of each role: active members of (platform p, role), over all
// statuses of that role, for a layout (platform, role, status).
MeanInterval role_share(const run::RunResult& r, const run::Variable& members, std::size_t t,
                        std::size_t p, std::size_t role) {
  const auto& dims = members.spec.dims;
  const std::size_t roles = dims[1].labels.size(), statuses = dims[2].labels.size();
  const std::size_t first = (p * roles + role) * statuses;
  std::vector<double> share;
  const auto active = across_replications(r, members, t, first + 2);
  for (std::size_t rep = 0; rep < r.replications; ++rep) {
    double all = 0;
    for (std::size_t s = 0; s < statuses; ++s)
      all += across_replications(r, members, t, first + s)[rep];
    share.push_back(all > 0 ? 1000.0 * active[rep] / all : 0.0);
  }
  return mean_interval(share);
}

void print_by_role(std::ostream& out, const run::RunResult& r, const run::Variable& members) {
  const auto& dims = members.spec.dims;
  out << "active members per 1,000 agents of each role (mean of " << r.replications
      << " replications, 95% confidence interval of the mean):\n";
  for (std::size_t p = 0; p < dims[0].labels.size(); ++p) {
    out << "  " << dims[0].labels[p] << '\n' << "    date        ";
    for (const auto& role : dims[1].labels)
      out << "  " << role << std::string(28 - std::min<std::size_t>(28, role.size()), ' ');
    out << '\n';
    for (const std::size_t t : summary_times(r)) {
      out << "    " << date_at(r, t);
      for (std::size_t role = 0; role < dims[1].labels.size(); ++role)
        out << "  " << cell_text(role_share(r, members, t, p, role));
      out << '\n';
    }
  }
}

// For a layout (label): each label's count per 1,000 agents (SIR's susceptible, infected...).
void print_by_label(std::ostream& out, const run::RunResult& r, const run::Variable& members,
                    double population) {
  const auto& labels = members.spec.dims[0].labels;
  out << "per 1,000 agents (mean of " << r.replications
      << " replications, 95% confidence interval of the mean):\n    date        ";
  for (const auto& label : labels)
    out << "  " << label << std::string(28 - std::min<std::size_t>(28, label.size()), ' ');
  out << '\n';
  for (const std::size_t t : summary_times(r)) {
    out << "    " << date_at(r, t);
    for (std::size_t k = 0; k < labels.size(); ++k) {
      auto x = across_replications(r, members, t, k);
      for (double& v : x) v *= 1000.0 / population;
      out << "  " << cell_text(mean_interval(x));
    }
    out << '\n';
  }
}

bool has_role_layout(const run::Variable& members) {
  const auto& d = members.spec.dims;
  return d.size() == 3 && d[0].name == "platform" && d[1].name == "role" && d[2].name == "status";
}
}  // namespace

void print_summary(std::ostream& out, const run::RunResult& r, double population,
                   double wall_seconds) {
  const run::Variable& members = r.variable("members");
  if (has_role_layout(members))
    print_by_role(out, r, members);
  else if (members.spec.dims.size() == 1)
    print_by_label(out, r, members, population);
  else
    print_totals(out, r, members, population);
  const double events =
      static_cast<double>(std::accumulate(r.events.begin(), r.events.end(), 0ULL));
  char line[160];
  std::snprintf(line, sizeof line, "events: %.0f in %.3f s wall (%.3g events per second)\n", events,
                wall_seconds, events / std::max(wall_seconds, 1e-9));
  out << line;
}

}  // namespace netadopt::cli
