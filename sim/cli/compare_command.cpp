// netadopt compare A.ini B.ini: both scenarios under common random numbers, the comparison
// table (members per 1,000 workers by role and platform at dates, the B/A ratio with its 95%
// interval, the date each role reaches 10% membership) and, unless --no-decomposition, the
// split of the log ratio among the ten input groups (compare/decomposition.hpp): Shapley values
// (sampled orders, or exact with --decomposition-permutations 0), one-at-a-time effects and
// the interaction share, printed and written to one HDF5 file: a group per scenario, the
// comparison and decomposition at the root.
//
// A date outside either run is a usage error (exit 64): the dates are arguments, and --dates
// is how to fix it.
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "arguments.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "netadopt/compare/compare.hpp"
#include "netadopt/compare/decomposition.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "netadopt/run/version.hpp"
#include "run_support.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace netadopt::cli {

namespace {

const char* kDefaultDates = "2004-01-01,2005-08-15,2008-01-01,2010-01-01";

struct CompareArgs {
  std::string a, b;
  fs::path out;
  std::vector<scenario::Date> dates;
  std::vector<std::string> overrides;
  int threads = 0;
  bool force = false, quiet = false, decomposition = true;
  run::DecompositionOptions decomposition_options;
};

// ---- arguments ------------------------------------------------------------------------------

po::options_description compare_options() {
  po::options_description o("compare options");
  o.add_options()("files", po::value<std::vector<std::string>>(), "A.ini B.ini")(
      "output,o", po::value<std::string>(), "output HDF5 file (default results/A_vs_B.h5)")(
      "dates", po::value<std::string>()->default_value(kDefaultDates),
      "comma-separated dates YYYY-MM-DD, within both runs")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "override a key in both scenarios: section.key=value (repeatable)")(
      "allow-unread-keys",
      "warn about keys the essay model does not read instead of refusing the scenarios")(
      "threads", po::value<int>()->default_value(0), "threads (0: OMP_NUM_THREADS or all cores)")(
      "force", "overwrite an existing output")("quiet,q", "print nothing but errors")(
      "no-decomposition", "skip the decomposition of the gap")(
      "decomposition-size", po::value<std::int64_t>()->default_value(20000),
      "agents in each decomposition run")(
      "decomposition-replications", po::value<std::int64_t>()->default_value(8),
      "replications of each decomposition run (common random numbers)")(
      "decomposition-permutations", po::value<std::int64_t>()->default_value(16),
      "orders of the groups sampled per replication for the Shapley values, in antithetic pairs "
      "(even): each runs the chain of groups + 1 coalitions from the first scenario, shared "
      "ones once, plus each group alone and groups + 1 runs from the second; 0: exact Shapley "
      "over all 2^groups coalitions");
  return o;
}

po::variables_map parse_args(const Args& args, const po::options_description& options) {
  po::positional_options_description positional;
  positional.add("files", 2);
  return parse_arguments(args, options, positional);
}

std::vector<scenario::Date> parse_dates(const std::string& text) {
  std::vector<scenario::Date> dates;
  std::stringstream list(text);
  for (std::string item; std::getline(list, item, ',');) {
    const auto date = scenario::parse_date(item);
    if (!date)
      throw UsageError("--dates: expected dates YYYY-MM-DD separated by commas, found '" + item +
                       "'");
    dates.push_back(*date);
  }
  if (dates.empty()) throw UsageError("--dates: expected at least one date");
  return dates;
}

std::int64_t at_least_one(const po::variables_map& vm, const char* name) {
  const auto value = vm[name].as<std::int64_t>();
  if (value < 1)
    throw UsageError(std::string("--") + name + " must be >= 1, found " + std::to_string(value));
  return value;
}

// 0 (exact) or an even number of orders (each order and its reverse).
std::size_t permutations(const po::variables_map& vm) {
  const auto value = vm["decomposition-permutations"].as<std::int64_t>();
  if (value < 0 || value % 2 != 0)
    throw UsageError(
        "--decomposition-permutations must be 0 (exact Shapley over every coalition) "
        "or an even number of orders (each order and its reverse), found " +
        std::to_string(value));
  return static_cast<std::size_t>(value);
}

fs::path output_path(const po::variables_map& vm, const std::string& a, const std::string& b) {
  if (vm.count("output")) return vm["output"].as<std::string>();
  return fs::path("results") /
         (fs::path(a).stem().string() + "_vs_" + fs::path(b).stem().string() + ".h5");
}

CompareArgs compare_args(const po::variables_map& vm) {
  if (!vm.count("files") || vm["files"].as<std::vector<std::string>>().size() != 2)
    throw UsageError("compare needs two scenario files: A.ini B.ini");
  const auto files = vm["files"].as<std::vector<std::string>>();
  CompareArgs c{files[0],
                files[1],
                output_path(vm, files[0], files[1]),
                parse_dates(vm["dates"].as<std::string>()),
                {},
                vm["threads"].as<int>(),
                vm.count("force") > 0,
                vm.count("quiet") > 0,
                !vm.count("no-decomposition"),
                {}};
  if (vm.count("set")) c.overrides = vm["set"].as<std::vector<std::string>>();
  if (c.threads < 0) throw UsageError("--threads must be >= 0, found " + std::to_string(c.threads));
  c.decomposition_options.population_size = at_least_one(vm, "decomposition-size");
  c.decomposition_options.replications = at_least_one(vm, "decomposition-replications");
  c.decomposition_options.permutations = permutations(vm);
  return c;
}

void check_dates(const run::ScenarioPair& pair, const std::vector<scenario::Date>& dates) {
  try {
    run::check_dates_within(pair.a, dates);
    run::check_dates_within(pair.b, dates);
  } catch (const run::DateOutsideRun& e) {
    throw UsageError(std::string(e.what()) + "; choose --dates within both runs");
  }
}

// ---- running ----------------------------------------------------------------------------------

std::function<void(std::size_t, std::size_t)> progress(const std::string& what, bool quiet) {
  if (quiet || !isatty(STDERR_FILENO)) return {};
  return [what](std::size_t done, std::size_t total) {
    std::cerr << '\r' << what << ": " << done << "/" << total << (done == total ? "\n" : "")
              << std::flush;
  };
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

struct TimedRun {
  run::RunResult result;
  run::Provenance provenance;
};

TimedRun run_one(const scenario::Scenario& s, const std::string& line, int threads, bool quiet) {
  run::RunOptions options{threads, progress(fs::path(s.source()).filename().string(), quiet)};
  run::Provenance p = provenance(s, line, threads);
  const auto t0 = std::chrono::steady_clock::now();
  run::RunResult result = run::run_scenario(s, options);
  p.wall_seconds = seconds_since(t0);
  return {std::move(result), std::move(p)};
}

// ---- printing ---------------------------------------------------------------------------------

constexpr int kLabel = 40, kColumn = 21;

std::string formatted(const char* format, double a, double b = 0, double c = 0) {
  char text[96];
  std::snprintf(text, sizeof text, format, a, b, c);
  return text;
}

// Characters, not bytes: "±" is two bytes of UTF-8.
int display_width(const std::string& text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string padded(const std::string& text, int width) {
  return text +
         std::string(static_cast<std::size_t>(std::max(1, width - display_width(text))), ' ');
}

void print_header_row(std::ostream& out, const std::string& label,
                      const std::vector<scenario::Date>& dates) {
  out << padded(label, kLabel);
  for (const scenario::Date date : dates) out << padded(scenario::format_date(date), kColumn);
  out << '\n';
}

void print_row(std::ostream& out, const std::string& label, const std::vector<std::string>& cells) {
  out << padded(label, kLabel);
  for (const std::string& cell : cells) out << padded(cell, kColumn);
  out << '\n';
}

std::string mean_text(const std::vector<double>& x) {
  return formatted("%.2f", run::mean_interval(x).mean);
}

void print_membership(std::ostream& out, const std::string& name, const run::Membership& m) {
  for (std::size_t p = 0; p < m.platforms.size(); ++p)
    for (std::size_t role = 0; role < m.roles.size(); ++role) {
      std::vector<std::string> cells;
      for (std::size_t d = 0; d < m.dates.size(); ++d)
        cells.push_back(mean_text(m.across_replications(d, p, role)));
      const std::string platform = p == m.any_platform() ? "any platform" : m.platforms[p];
      print_row(out,
                "  " + padded(role == 0 ? name : "", 10) + padded(role == 0 ? platform : "", 13) +
                    padded(m.roles[role], 15),
                cells);
    }
}

std::string ratio_text(const run::RatioInterval& r) {
  if (std::isnan(r.ratio)) return "n/a (0 members)";
  return formatted("%.2f [%.2f, %.2f]", r.ratio, r.lower, r.upper) +
         (r.zero_replications.empty() ? "" : "*");
}

void print_ratio(std::ostream& out, const run::Comparison& c) {
  std::vector<std::string> cells;
  bool excluded = false;
  for (const run::RatioInterval& r : c.ratio) {
    cells.push_back(ratio_text(r));
    excluded = excluded || !r.zero_replications.empty();
  }
  print_row(out, "  " + c.names[1] + " / " + c.names[0] + ", all (95% interval)", cells);
  if (excluded)
    out << "  * replications with 0 members in either run are left out of the ratio "
           "(their log ratio is undefined)\n";
}

void print_comparison(std::ostream& out, const run::Comparison& c) {
  out << "\nMembers (active or dormant) per 1,000 workers, mean of " << c.membership[0].replications
      << " replications\n";
  print_header_row(out, "  scenario  platform     role", c.dates);
  for (std::size_t s = 0; s < 2; ++s) print_membership(out, c.names[s], c.membership[s]);
  out << "\nRatio of all-platform members per 1,000 workers: geometric mean over paired "
         "replications, 95% t interval\n";
  print_ratio(out, c);
}

std::string date_text(const std::optional<double>& day) {
  return day ? scenario::format_date({static_cast<int>(std::floor(*day))}) : "never";
}

void print_share_dates(std::ostream& out, const run::Comparison& c) {
  out << "\nDate each role first reaches " << std::lround(c.share_threshold * 100)
      << "% of its agents on any platform (replications pooled; linear between reports)\n";
  out << "  " << padded("role", 18) << padded(c.names[0], 14) << c.names[1] << '\n';
  const auto& roles = c.membership[0].roles;
  for (std::size_t role = 0; role < roles.size(); ++role)
    out << "  " << padded(roles[role], 18) << padded(date_text(c.share_dates[0][role]), 14)
        << date_text(c.share_dates[1][role]) << '\n';
}

std::string effect_text(const std::vector<double>& x) {
  const run::MeanInterval m = run::finite_mean_interval(x);
  return formatted("%+.2f ±%.2f", m.mean, m.upper - m.mean);
}

std::string level_text(const std::vector<double>& x) {
  const run::MeanInterval m = run::finite_mean_interval(x);
  return formatted("%.2f ±%.2f", m.mean, m.upper - m.mean);
}

std::string share_text(const std::vector<double>& x) {
  const run::MeanInterval m = run::finite_mean_interval(x);
  if (std::isnan(m.mean)) return "n/a";
  return formatted("%.0f%% [%.0f%%, %.0f%%]", 100 * m.mean, 100 * m.lower, 100 * m.upper);
}

std::vector<std::string> cells_of(const run::Decomposition& d,
                                  const std::function<std::string(std::size_t date)>& cell) {
  std::vector<std::string> cells;
  for (std::size_t t = 0; t < d.dates.size(); ++t) cells.push_back(cell(t));
  return cells;
}

std::string group_label(const run::InputGroup& g) {
  return "  " + g.name + " (" + g.hypotheses + ")";
}

void print_levels(std::ostream& out, const run::Comparison& c, const run::Decomposition& d) {
  const auto level = [&](unsigned coalition) {
    return cells_of(d, [&](std::size_t t) { return level_text(d.members_of(coalition, t)); });
  };
  out << "\nMembers per 1,000 workers at the decomposition's size (mean ±95% half-width)\n";
  print_header_row(out, "", d.dates);
  print_row(out, "  " + c.names[0] + " = exp v({})", level(0));
  print_row(out, "  " + c.names[0] + " given all " + c.names[1] + "'s groups",
            level(d.all_groups()));
  print_row(out, "  " + c.names[1],
            cells_of(d, [&](std::size_t t) { return level_text(d.reverse_members_of(0, t)); }));
  out << "\nOn the log scale (mean ±95% half-width)\n";
  print_header_row(out, "", d.dates);
  print_row(out, "  log ratio v(all) - v({})",
            cells_of(d, [&](std::size_t t) { return effect_text(d.gap(t)); }));
  print_row(out, "  residual log " + c.names[1] + " - v(all)",
            cells_of(d, [&](std::size_t t) { return effect_text(d.residual(t)); }));
  print_row(out, "  interaction share",
            cells_of(d, [&](std::size_t t) { return share_text(d.interaction_share(t)); }));
}

constexpr int kGroupLabel = 34, kCell = 24;

void print_group_row(std::ostream& out, const std::string& label,
                     const std::vector<std::string>& cells) {
  out << padded(label, kGroupLabel);
  for (const std::string& cell : cells) out << padded(cell, kCell);
  out << '\n';
}

std::vector<double> sum_over_groups(const run::Decomposition& d,
                                    const std::function<std::vector<double>(std::size_t)>& of) {
  std::vector<double> sum(d.replications, 0.0);
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    const std::vector<double> x = of(g);
    for (std::size_t r = 0; r < sum.size(); ++r) sum[r] += x[r];
  }
  return sum;
}

std::vector<double> minus(std::vector<double> a, const std::vector<double>& b) {
  for (std::size_t r = 0; r < a.size(); ++r) a[r] -= b[r];
  return a;
}

void print_date(std::ostream& out, const run::Decomposition& d, std::size_t t) {
  const run::MeanInterval gap = run::finite_mean_interval(d.gap(t));
  out << "\nAt " << scenario::format_date(d.dates[t])
      << ": log ratio v(all) - v({}) = " << effect_text(d.gap(t)) << " (x"
      << formatted("%.2f", std::exp(gap.mean)) << "); interaction share "
      << share_text(d.interaction_share(t)) << '\n';
  print_group_row(
      out, "  group (hypotheses)",
      {"Shapley (log)", "share of log ratio", "one at a time (log)", "Shapley - one at a time"});
  for (std::size_t g = 0; g < d.groups.size(); ++g) {
    const auto phi = d.shapley_of(g, t), alone = d.a_given_b(g, t);
    print_group_row(out, group_label(d.groups[g]),
                    {effect_text(phi), share_text(d.shapley_share(g, t)), effect_text(alone),
                     effect_text(minus(phi, alone))});
  }
  const auto phi_sum = sum_over_groups(d, [&](std::size_t g) { return d.shapley_of(g, t); });
  const auto alone_sum = sum_over_groups(d, [&](std::size_t g) { return d.a_given_b(g, t); });
  print_group_row(out, "  sum",
                  {effect_text(phi_sum), "100%", effect_text(alone_sum),
                   effect_text(minus(phi_sum, alone_sum))});
}

void print_shapley(std::ostream& out, const run::Comparison& c, const run::Decomposition& d) {
  out << "\nShapley split of the log ratio by date (mean ±95% half-width; shares per replication, "
         "95% t interval); one at a time: "
      << c.names[0] << " given " << c.names[1] << "'s group, minus " << c.names[0]
      << "; interaction share 1 - (sum of one at a time) / "
         "(v(all) - v({}))\n";
  for (std::size_t t = 0; t < d.dates.size(); ++t) print_date(out, d, t);
  out << "  efficiency: |sum of Shapley values - (v(all) - v({}))| <= "
      << formatted("%.1e", d.efficiency_error()) << (d.exact() ? "" : ", for every order")
      << " over replications and dates\n";
}

void print_other_way(std::ostream& out, const run::Comparison& c, const run::Decomposition& d) {
  out << "\nOne at a time the other way: " << c.names[1] << " given " << c.names[0]
      << "'s group, minus " << c.names[1] << " (log; mean ±95% half-width)\n";
  print_header_row(out, "  group (hypotheses)", d.dates);
  for (std::size_t g = 0; g < d.groups.size(); ++g)
    print_row(out, group_label(d.groups[g]),
              cells_of(d, [&](std::size_t t) { return effect_text(d.b_given_a(g, t)); }));
}

void print_uncovered(std::ostream& out, const run::Decomposition& d) {
  out << "\nGroups and their keys:\n";
  for (const run::InputGroup& g : d.groups)
    out << "  " << padded(g.name, 22) << run::keys_text(g) << '\n';
  if (d.uncovered_keys.empty()) return;
  out << "  differing keys in no group (their effect is in the residual):";
  for (const std::string& key : d.uncovered_keys) out << ' ' << key;
  out << '\n';
}

std::string method_text(const run::Decomposition& d) {
  if (d.exact())
    return "exact Shapley over all " + std::to_string(d.all_groups() + 1) + " coalitions";
  return "Shapley values from " + std::to_string(d.permutations) +
         " orders per replication in antithetic pairs";
}

void print_decomposition(std::ostream& out, const run::Comparison& c, const run::Decomposition& d) {
  out << "\nDecomposition of the gap on the log scale: v(S) = log of all-platform members per "
         "1,000 workers of "
      << c.names[0] << " with the groups in S set to " << c.names[1]
      << "'s values (a count under half an agent floored there)\n  (" << d.population_size
      << " agents, " << d.replications << " replications; " << method_text(d) << "; " << d.runs()
      << " runs, common random numbers; " << formatted("%.1f", d.wall_seconds) << " s)\n";
  print_levels(out, c, d);
  print_shapley(out, c, d);
  print_other_way(out, c, d);
  print_uncovered(out, d);
}

// ---- the file ---------------------------------------------------------------------------------

io::RootContent root_content(const run::Comparison& c, const run::Decomposition* d,
                             const run::Provenance& p) {
  io::RootContent root = io::comparison_content(c, d);
  root.text_attributes.insert(root.text_attributes.end(), {{"netadopt_version", p.version},
                                                           {"compiler", p.compiler},
                                                           {"command_line", p.command_line},
                                                           {"started_at", p.started_at}});
  root.number_attributes.emplace_back("threads", p.threads);
  return root;
}

}  // namespace

int compare_command(const Args& args, const std::string& command_line) {
  const auto options = compare_options();
  const auto vm = parse_args(args, options);
  CompareArgs c = compare_args(vm);
  const run::ScenarioPair pair = run::load_pair(c.a, c.b, c.overrides);
  check_keys_read(pair.a, vm.count("allow-unread-keys") > 0);
  check_keys_read(pair.b, vm.count("allow-unread-keys") > 0);
  check_dates(pair, c.dates);
  check_output(c.out, c.force);
  const int threads = c.threads > 0 ? c.threads : run::default_threads();
  const auto t0 = std::chrono::steady_clock::now();
  const TimedRun a = run_one(pair.a, command_line, threads, c.quiet);
  const TimedRun b = run_one(pair.b, command_line, threads, c.quiet);
  const run::Comparison comparison = run::compare_results(pair, a.result, b.result, c.dates);
  std::optional<run::Decomposition> decomposition;
  c.decomposition_options.threads = threads;
  c.decomposition_options.on_progress = progress("decomposition runs", c.quiet);
  if (c.decomposition) decomposition = run::decompose(pair, c.dates, c.decomposition_options);
  run::Provenance root = a.provenance;
  root.wall_seconds = seconds_since(t0);
  io::RootContent content =
      root_content(comparison, decomposition ? &*decomposition : nullptr, root);
  content.number_attributes.emplace_back("wall_seconds", root.wall_seconds);
  io::write_hdf5_groups(c.out,
                        {{comparison.names[0], &a.result, a.provenance},
                         {comparison.names[1], &b.result, b.provenance}},
                        content, c.force);
  if (c.quiet) return kOk;
  std::cout << "netadopt " << root.version << ": " << pair.a.source() << " (A) vs "
            << pair.b.source() << " (B), " << threads << " threads, "
            << formatted("%.1f", root.wall_seconds) << " s\n"
            << pair.common_random_numbers << '\n';
  print_comparison(std::cout, comparison);
  print_share_dates(std::cout, comparison);
  if (decomposition) print_decomposition(std::cout, comparison, *decomposition);
  std::cout << "wrote " << c.out.string() << '\n';
  return kOk;
}

}  // namespace netadopt::cli
