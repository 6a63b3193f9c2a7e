// netadopt analyze sobol OUT.h5 --output VAR [--date D]: first-order and total Sobol' indices
// of one output of a sobol sweep (sweep/sobol_indices.hpp), with bootstrap intervals.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include "exit_codes.hpp"
#include "netadopt/sweep/point_output.hpp"
#include "netadopt/sweep/sobol_indices.hpp"
#include "netadopt/sweep/sweep_output.hpp"
#include "sweep_cli.hpp"

namespace po = boost::program_options;

namespace netadopt::cli {

namespace {
po::options_description analyze_options() {
  po::options_description o("analyze options");
  o.add_options()("method", po::value<std::string>(), "sobol")("file", po::value<std::string>(),
                                                               "sweep output")(
      "output", po::value<std::string>()->default_value("members"), "variable of the series")(
      "date", po::value<std::string>(), "date YYYY-MM-DD (default: the end of the run)")(
      "bootstrap", po::value<std::size_t>()->default_value(1000), "bootstrap resamples")(
      "seed", po::value<std::uint64_t>()->default_value(1), "seed of the bootstrap");
  return o;
}

std::optional<double> day_of(const po::variables_map& vm, const sweep::SweepPlan& plan) {
  if (!vm.count("date")) return std::nullopt;
  const auto date = scenario::parse_date(vm["date"].as<std::string>());
  if (!date)
    throw UsageError("--date: expected YYYY-MM-DD, found '" + vm["date"].as<std::string>() + "'");
  return date->days - plan.start.days;
}

void print(const sweep::SweepPlan& plan, const std::vector<sweep::SobolIndex>& indices,
           const po::variables_map& vm) {
  std::cout << "Sobol' indices of " << vm["output"].as<std::string>() << " at "
            << (vm.count("date") ? vm["date"].as<std::string>() : "the end of the run")
            << " (mean over " << plan.replications << " replications; N = " << plan.spec.points
            << "; 95% bootstrap intervals, " << vm["bootstrap"].as<std::size_t>()
            << " resamples)\n";
  std::printf("%-36s %26s %26s\n", "key", "first order S1", "total ST");
  const auto keys = plan.keys();
  for (std::size_t i = 0; i < indices.size(); ++i) {
    const auto& s = indices[i];
    std::printf("%-36s %7.4f [%7.4f, %7.4f] %7.4f [%7.4f, %7.4f]\n", keys[i].c_str(), s.first,
                s.first_low, s.first_high, s.total, s.total_low, s.total_high);
  }
}
}  // namespace

int analyze_command(const Args& args) {
  po::positional_options_description positional;
  positional.add("method", 1).add("file", 1);
  const auto vm = parse_arguments(args, analyze_options(), positional);
  if (!vm.count("method") || vm["method"].as<std::string>() != "sobol")
    throw UsageError(
        "analyze: the only method is 'sobol': netadopt analyze sobol OUT.h5 --output VAR");
  if (!vm.count("file")) throw UsageError("missing the sweep output OUT.h5");
  const std::string file = vm["file"].as<std::string>();
  const auto plan = sweep::plan_from_header(sweep::read_sweep_header(file));
  if (plan.spec.design != sweep::Design::Sobol)
    throw UsageError("'" + file + "' is a " + sweep::design_name(plan.spec.design) +
                     " sweep; Sobol' indices need design = sobol");
  try {
    const auto y = sweep::point_outputs(plan, sweep::read_sweep_data(file, plan),
                                        vm["output"].as<std::string>(), day_of(vm, plan));
    print(plan,
          sweep::sobol_indices(sweep::saltelli_sample(plan.design, y),
                               vm["bootstrap"].as<std::size_t>(), vm["seed"].as<std::uint64_t>()),
          vm);
  } catch (const sweep::PointOutputError& e) {
    std::cerr << "netadopt: analyze sobol: " << e.what() << '\n';
    return kDataError;
  }
  return kOk;
}

}  // namespace netadopt::cli
