// netadopt merge OUT.h5 SHARD.h5...: the shards of one sweep into the file a single machine
// would have written (sweep/merge.hpp). A shard of another sweep, an incomplete shard, or a
// pair that no shard holds is refused (exit 65) and nothing is written.
#include <boost/program_options.hpp>
#include <chrono>
#include <iostream>

#include "exit_codes.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "netadopt/run/version.hpp"
#include "netadopt/sweep/merge.hpp"
#include "netadopt/sweep/sweep_output.hpp"
#include "sweep_cli.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace netadopt::cli {

namespace {
po::options_description merge_options() {
  po::options_description o("merge options");
  o.add_options()("files", po::value<std::vector<std::string>>(), "OUT.h5 SHARD.h5...")(
      "force",
      "overwrite an existing OUT.h5 (without it an existing OUT.h5 is refused, exit 73, and "
      "left as it is)")("quiet,q", "print nothing but errors");
  return o;
}
}  // namespace

int merge_command(const Args& args, const std::string& command_line) {
  po::positional_options_description positional;
  positional.add("files", -1);
  const auto vm = parse_arguments(args, merge_options(), positional);
  const auto files =
      vm.count("files") ? vm["files"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (files.size() < 2) throw UsageError("merge needs the output and at least one shard file");
  const fs::path out = files.front();
  check_output(out, vm.count("force") > 0);
  const auto t0 = std::chrono::steady_clock::now();
  sweep::Merged merged;
  try {
    merged = sweep::merge_shards({files.begin() + 1, files.end()});
  } catch (const sweep::MergeError& e) {
    std::cerr << "netadopt: cannot merge: " << e.what() << '\n';
    return kDataError;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  sweep::write_sweep(
      out, merged.plan, merged.data,
      sweep_provenance(command_line, 1,
                       "merged from " + std::to_string(files.size() - 1) + " files", seconds));
  if (!vm.count("quiet"))
    std::cout << "netadopt merge: " << files.size() - 1 << " shards, " << merged.plan.pairs()
              << " pairs; wrote " << out.string() << '\n';
  return kOk;
}

}  // namespace netadopt::cli
