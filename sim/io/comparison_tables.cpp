// The comparison and its decomposition as root-level coordinates and tables of the output
// (io::RootContent). Every value stays per replication, so a reader can recompute any summary;
// the means and 95% intervals printed by `netadopt compare` are stored beside them.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "netadopt/compare/compare.hpp"
#include "netadopt/compare/decomposition.hpp"
#include "netadopt/io/hdf5_writer.hpp"

namespace netadopt::io {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const char* kPer1000 = "members per 1000 workers";
const char* kCalendarDays = "days since 1970-01-01";

Coordinate labels(const std::string& name, std::vector<std::string> values,
                  const std::string& description) {
  return {name, description, std::move(values), {}, "1", false, false};
}

Coordinate indices(const std::string& name, std::size_t count, const std::string& description) {
  std::vector<double> values(count);
  for (std::size_t i = 0; i < count; ++i) values[i] = static_cast<double>(i);
  return {name, description, {}, std::move(values), "1", true, false};
}

Coordinate date_coordinate(const std::vector<scenario::Date>& dates) {
  std::vector<double> days;
  for (const scenario::Date date : dates) days.push_back(date.days);
  return {"date",
          "calendar date at which members are compared",
          {},
          std::move(days),
          kCalendarDays,
          false,
          true};
}

// Platforms of both runs, each once, then "any".
std::vector<std::string> platform_union(const run::Comparison& c) {
  std::vector<std::string> out;
  for (const run::Membership& m : c.membership)
    for (std::size_t p = 0; p < m.any_platform(); ++p)
      if (std::find(out.begin(), out.end(), m.platforms[p]) == out.end())
        out.push_back(m.platforms[p]);
  out.push_back("any");
  return out;
}

std::size_t platform_in(const run::Membership& m, const std::string& name) {
  return static_cast<std::size_t>(std::find(m.platforms.begin(), m.platforms.end(), name) -
                                  m.platforms.begin());
}

// (scenario, replication, date, platform, role); NaN where a run lacks the platform.
std::vector<double> membership_values(const run::Comparison& c,
                                      const std::vector<std::string>& platforms) {
  std::vector<double> values;
  for (const run::Membership& m : c.membership)
    for (std::size_t r = 0; r < m.replications; ++r)
      for (std::size_t d = 0; d < m.dates.size(); ++d)
        for (const std::string& platform : platforms) {
          const std::size_t p = platform_in(m, platform);
          for (std::size_t role = 0; role < m.roles.size(); ++role)
            values.push_back(p < m.platforms.size() ? m.at(r, d, p, role) : kNaN);
        }
  return values;
}

std::vector<Table> ratio_tables(const run::Comparison& c) {
  const std::string ratio = c.names[1] + " / " + c.names[0] +
                            " of members per 1,000 workers "
                            "(all platforms and roles): exp of the mean log ratio over paired "
                            "replications";
  std::vector<Table> tables = {
      {"ratio", "1", ratio, {"date"}, {}},
      {"ratio_lower",
       "1",
       "lower end of the 95% interval of the ratio "
       "(Student t on the log ratios)",
       {"date"},
       {}},
      {"ratio_upper", "1", "upper end of the 95% interval of the ratio", {"date"}, {}},
      {"ratio_excluded_replications",
       "1",
       "replications left out of "
       "the ratio: no member in one of the runs at the date",
       {"date"},
       {}}};
  for (const run::RatioInterval& r : c.ratio) {
    tables[0].values.push_back(r.ratio);
    tables[1].values.push_back(r.lower);
    tables[2].values.push_back(r.upper);
    tables[3].values.push_back(static_cast<double>(r.zero_replications.size()));
  }
  return tables;
}

Table share_dates_table(const run::Comparison& c) {
  Table t{"date_share_reached",
          kCalendarDays,
          "date at which the role's members on any platform first reach " +
              std::to_string(static_cast<int>(std::lround(c.share_threshold * 100))) +
              "% of its agents (pooled over replications; linear between reporting times; "
              "NaN: never within the run)",
          {"scenario", "role"},
          {}};
  for (const auto& dates : c.share_dates)
    for (const auto& day : dates) t.values.push_back(day ? *day : kNaN);
  return t;
}

void add_comparison(RootContent& root, const run::Comparison& c) {
  const std::vector<std::string> platforms = platform_union(c);
  root.coordinates = {labels("scenario", c.names, "compared scenario (a group of this file)"),
                      indices("replication", c.membership[0].replications,
                              "replication, paired across scenarios (common random numbers)"),
                      date_coordinate(c.dates),
                      labels("platform", platforms, "platform; any: registered on at least one"),
                      labels("role", c.membership[0].roles, "role; all: every role")};
  root.tables.push_back({"members_per_1000_workers",
                         kPer1000,
                         "registered members (active or dormant) per 1,000 workers: members / "
                         "population.size x population.workforce_share x 1000; NaN: the "
                         "scenario has no such platform",
                         {"scenario", "replication", "date", "platform", "role"},
                         membership_values(c, platforms)});
  for (Table& t : ratio_tables(c)) root.tables.push_back(std::move(t));
  root.tables.push_back(share_dates_table(c));
  root.text_attributes.emplace_back("common_random_numbers", c.common_random_numbers);
  root.number_attributes.emplace_back("share_threshold", c.share_threshold);
}

// ---- decomposition ------------------------------------------------------------------------

const char* kLog = "1";  // natural logs of members per 1,000 workers, and their differences

std::string group_description(const run::Decomposition& d) {
  std::string text = "group of inputs set to the other scenario's values:";
  for (const run::InputGroup& g : d.groups)
    text += " " + g.name + " (" + g.hypotheses + ") = " + run::keys_text(g) + ";";
  return text;
}

// Values per replication of block b (a group, a direction, ...) at date t.
using PerReplication = std::function<std::vector<double>(std::size_t b, std::size_t t)>;

// (block, decomposition_replication, date) from a per-replication accessor.
std::vector<double> gather(const run::Decomposition& d, PerReplication of, std::size_t blocks) {
  std::vector<double> values;
  for (std::size_t b = 0; b < blocks; ++b)
    for (std::size_t r = 0; r < d.replications; ++r)
      for (std::size_t t = 0; t < d.dates.size(); ++t) values.push_back(of(b, t)[r]);
  return values;
}

// Mean, lower and upper (block, date) tables from a per-replication accessor, over the finite
// values (a share is NaN in a replication whose log ratio is 0).
std::vector<std::vector<double>> summaries(const run::Decomposition& d, PerReplication of,
                                           std::size_t blocks) {
  std::vector<std::vector<double>> out(3);
  for (std::size_t b = 0; b < blocks; ++b)
    for (std::size_t t = 0; t < d.dates.size(); ++t) {
      const run::MeanInterval m = run::finite_mean_interval(of(b, t));
      out[0].push_back(m.mean);
      out[1].push_back(m.lower);
      out[2].push_back(m.upper);
    }
  return out;
}

// A per-replication table and its _mean, _lower and _upper over replications.
struct Summarised {
  std::string name, units, what;
  std::vector<std::string> dims;  // holding decomposition_replication
  std::vector<double> values;
  std::vector<std::vector<double>> summary;
};

void add_with_summaries(RootContent& root, Summarised t) {
  root.tables.push_back(
      {t.name, t.units, t.what + ", per replication", t.dims, std::move(t.values)});
  t.dims.erase(std::find(t.dims.begin(), t.dims.end(), "decomposition_replication"));
  const char* suffixes[] = {"_mean", "_lower", "_upper"};
  const char* texts[] = {", mean over replications", ", lower end of the 95% interval (Student t)",
                         ", upper end of the 95% interval (Student t)"};
  for (std::size_t k = 0; k < 3; ++k)
    root.tables.push_back(
        {t.name + suffixes[k], t.units, t.what + texts[k], t.dims, std::move(t.summary[k])});
}

// Per group, or without a group dimension (blocks = 1).
Summarised summarised(const run::Decomposition& d, const std::string& name, const std::string& what,
                      PerReplication of, bool by_group) {
  std::vector<std::string> dims{"decomposition_replication", "date"};
  if (by_group) dims.insert(dims.begin(), "group");
  const std::size_t blocks = by_group ? d.groups.size() : 1;
  return {name, kLog, what, dims, gather(d, of, blocks), summaries(d, of, blocks)};
}

std::vector<double> concatenated(std::vector<double> a, const std::vector<double>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<std::vector<double>> concatenated(std::vector<std::vector<double>> a,
                                              const std::vector<std::vector<double>>& b) {
  for (std::size_t k = 0; k < a.size(); ++k) a[k] = concatenated(std::move(a[k]), b[k]);
  return a;
}

void add_one_at_a_time(RootContent& root, const run::Decomposition& d) {
  const std::size_t n = d.groups.size();
  const auto a_given_b = [&d](std::size_t g, std::size_t t) { return d.a_given_b(g, t); };
  const auto b_given_a = [&d](std::size_t g, std::size_t t) { return d.b_given_a(g, t); };
  add_with_summaries(root, {"one_at_a_time",
                            kLog,
                            "change in the log of all-platform members per 1,000 workers when one "
                            "scenario takes the other's values of one group (first direction: "
                            "v({g}) - v({}))",
                            {"direction", "group", "decomposition_replication", "date"},
                            concatenated(gather(d, a_given_b, n), gather(d, b_given_a, n)),
                            concatenated(summaries(d, a_given_b, n), summaries(d, b_given_a, n))});
}

void add_shapley(RootContent& root, const run::Comparison& c, const run::Decomposition& d) {
  const std::string method = d.exact() ? "exact over every coalition"
                                       : "mean of the marginal contributions along " +
                                             std::to_string(d.permutations) +
                                             " orders per replication (antithetic pairs)";
  add_with_summaries(
      root, summarised(
                d, "shapley",
                "Shapley value of the group in v(all) - v({}), the log of the "
                "ratio of " +
                    c.names[0] + " given all of " + c.names[1] + "'s groups to " + c.names[0] +
                    " (" + method + ")",
                [&d](std::size_t g, std::size_t t) { return d.shapley_of(g, t); }, true));
  add_with_summaries(
      root, summarised(
                d, "shapley_share",
                "the group's Shapley value over v(all) - v({}) "
                "(its share of the log ratio; NaN where the log ratio is 0)",
                [&d](std::size_t g, std::size_t t) { return d.shapley_share(g, t); }, true));
}

void add_gap_tables(RootContent& root, const run::Comparison& c, const run::Decomposition& d) {
  add_with_summaries(root,
                     summarised(
                         d, "log_gap",
                         "v(all) - v({}): log of " + c.names[0] + " given all of " + c.names[1] +
                             "'s groups over " + c.names[0] + ", what the Shapley values split",
                         [&d](std::size_t, std::size_t t) { return d.gap(t); }, false));
  add_with_summaries(
      root, summarised(
                d, "interaction_share",
                "1 - (sum over groups of v({g}) - v({})) / "
                "(v(all) - v({})): the share of the log ratio no group makes alone "
                "(NaN where the log ratio is 0)",
                [&d](std::size_t, std::size_t t) { return d.interaction_share(t); }, false));
  const std::vector<std::string> per_rep{"decomposition_replication", "date"};
  root.tables.push_back(
      {"reference_outcome", kLog,
       "log of " + c.names[1] +
           "'s all-platform members per "
           "1,000 workers at the decomposition's size (a count under half an agent floored there)",
       per_rep,
       gather(
           d, [&d](std::size_t, std::size_t t) { return d.reverse_value(0, t); }, 1)});
  root.tables.push_back({"residual", kLog,
                         "log " + c.names[1] +
                             " - v(all): what the groups do not cover "
                             "(the keys in no group, decomposition_uncovered_keys)",
                         per_rep,
                         gather(
                             d, [&d](std::size_t, std::size_t t) { return d.residual(t); }, 1)});
}

void add_levels(RootContent& root, const run::Decomposition& d) {
  const auto level = [&d](std::size_t point, std::size_t t) {
    if (point == 2) return d.reverse_members_of(0, t);
    return d.members_of(point == 0 ? 0u : d.all_groups(), t);
  };
  root.tables.push_back({"decomposition_members",
                         kPer1000,
                         "all-platform members per 1,000 workers "
                         "at the decomposition's size, before the log",
                         {"decomposition_point", "decomposition_replication", "date"},
                         gather(d, level, 3)});
}

// Exact: v over every coalition. Sampled: each order's groups, and v along its chain.
void add_coalitions(RootContent& root, const run::Comparison& c, const run::Decomposition& d) {
  const std::string v = "v(S): log of all-platform members per 1,000 workers of " + c.names[0] +
                        " with the groups in S set to " + c.names[1] + "'s values";
  std::vector<double> values, groups;
  if (d.exact()) {
    for (unsigned s = 0; s <= d.all_groups(); ++s)
      for (const double x : gather(
               d, [&](std::size_t, std::size_t t) { return d.value(s, t); }, 1))
        values.push_back(x);
    root.tables.push_back({"combination_outcome",
                           kLog,
                           v,
                           {"combination", "decomposition_replication", "date"},
                           values});
    return;
  }
  for (std::size_t r = 0; r < d.replications; ++r)
    for (const run::Order& order : d.orders[r]) {
      for (const std::size_t g : order) groups.push_back(static_cast<double>(g));
      for (const unsigned s : run::chain(order))
        for (std::size_t t = 0; t < d.dates.size(); ++t) values.push_back(d.value_in(r, s, t));
    }
  root.tables.push_back({"order_group",
                         "1",
                         "index (in 'group') of the group added at each position "
                         "of an order",
                         {"decomposition_replication", "order", "position"},
                         groups});
  root.tables.push_back({"chain_outcome",
                         kLog,
                         v + ", S the first chain_step groups of the order",
                         {"decomposition_replication", "order", "chain_step", "date"},
                         values});
}

void add_decomposition_coordinates(RootContent& root, const run::Comparison& c,
                                   const run::Decomposition& d) {
  std::vector<std::string> group_names;
  for (const run::InputGroup& g : d.groups) group_names.push_back(g.name);
  root.coordinates.push_back(labels("group", group_names, group_description(d)));
  root.coordinates.push_back(
      indices("decomposition_replication", d.replications,
              "replication of the decomposition runs (common random numbers)"));
  root.coordinates.push_back(labels("direction",
                                    {c.names[0] + "_given_" + c.names[1] + "_group",
                                     c.names[1] + "_given_" + c.names[0] + "_group"},
                                    "which scenario takes the other's group"));
  root.coordinates.push_back(
      labels("decomposition_point",
             {c.names[0], c.names[0] + "_given_all_" + c.names[1] + "_groups", c.names[1]},
             "v({}), v(all) and the second scenario, at the decomposition's size"));
  if (d.exact()) {
    root.coordinates.push_back(indices("combination", std::size_t{d.all_groups()} + 1,
                                       "set of groups given " + c.names[1] + "'s values in " +
                                           c.names[0] + ": bit g set = group g"));
    return;
  }
  root.coordinates.push_back(
      indices("order", d.permutations,
              "order of the groups, per replication: "
              "pairs of a random order (from the first scenario's run.seed and "
              "the replication) and its reverse"));
  root.coordinates.push_back(indices("position", d.groups.size(), "position in an order"));
  root.coordinates.push_back(
      indices("chain_step", d.groups.size() + 1,
              "groups of the order given so far: 0 = v({}), groups = v(all)"));
}

void add_decomposition_tables(RootContent& root, const run::Comparison& c,
                              const run::Decomposition& d) {
  add_shapley(root, c, d);
  add_one_at_a_time(root, d);
  add_gap_tables(root, c, d);
  add_levels(root, d);
  add_coalitions(root, c, d);
}

void add_decomposition_attributes(RootContent& root, const run::Decomposition& d) {
  std::string uncovered;
  for (const std::string& key : d.uncovered_keys)
    uncovered += (uncovered.empty() ? "" : ", ") + key;
  root.text_attributes.emplace_back("decomposition_uncovered_keys", uncovered);
  root.text_attributes.emplace_back(
      "decomposition_outcome",
      "natural log of all-platform members per 1,000 workers; a count "
      "under half an agent is floored at half an agent");
  root.number_attributes.emplace_back("decomposition_population_size",
                                      static_cast<double>(d.population_size));
  root.number_attributes.emplace_back("decomposition_replications",
                                      static_cast<double>(d.replications));
  root.number_attributes.emplace_back("decomposition_permutations",
                                      static_cast<double>(d.permutations));
  root.number_attributes.emplace_back("decomposition_runs", static_cast<double>(d.runs()));
  root.number_attributes.emplace_back("decomposition_wall_seconds", d.wall_seconds);
  root.number_attributes.emplace_back("shapley_efficiency_error", d.efficiency_error());
}

}  // namespace

RootContent comparison_content(const run::Comparison& comparison,
                               const run::Decomposition* decomposition) {
  RootContent root;
  root.text_attributes = {{"title", "netadopt comparison of two scenarios"},
                          {"Conventions", "CF-1.8"}};
  add_comparison(root, comparison);
  if (decomposition == nullptr) return root;
  add_decomposition_coordinates(root, comparison, *decomposition);
  add_decomposition_tables(root, comparison, *decomposition);
  add_decomposition_attributes(root, *decomposition);
  return root;
}

}  // namespace netadopt::io
