// Reads a sweep file back into a plan (rebuilt from the sweep and base scenario texts stored
// in it, so a merge needs neither file on disk) and the pairs it holds.
#include <algorithm>

#include "hdf5_read.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "netadopt/sweep/sweep_output.hpp"

namespace netadopt::sweep {

namespace {
namespace h5 = io::h5;

io::OutputError unreadable(const std::filesystem::path& file, const std::string& why) {
  return io::OutputError("cannot read sweep file '" + file.string() + "': " + why);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

SweepHeader header_of(hid_t file) {
  SweepHeader header;
  header.sweep_file = detail::read_text_attribute(file, "sweep_file");
  header.sweep_text = detail::read_text_attribute(file, "sweep");
  header.base_text = detail::read_text_attribute(file, "base_scenario");
  if (detail::has_attribute(file, "set_overrides"))  // absent from files older than --set
    header.set_overrides = split_lines(detail::read_text_attribute(file, "set_overrides"));
  header.hash = detail::read_text_attribute(file, "sweep_hash");
  header.shard = detail::read_text_attribute(file, "shard");
  header.complete = detail::has_attribute(file, "complete") &&
                    detail::read_integer_attribute(file, "complete") == 1;
  return header;
}

// The per-replication block of each pair with status `done` (1), or a failure (2).
void read_pairs(hid_t file, const SweepPlan& plan, SweepData& data) {
  const auto status = detail::read_int32s(file, "pair_status");
  const auto messages = detail::read_strings(file, "status_message");
  const auto events = detail::read_uint64s(file, "events");
  const auto fingerprints = detail::read_uint64s(file, "fingerprint");
  if (status.size() != plan.pairs() || messages.size() != plan.points())
    throw h5::Failure("pair_status or status_message has the wrong shape for this sweep");
  for (std::size_t pair = 0; pair < status.size(); ++pair) {
    if (status[pair] == 0) continue;
    PairOutcome outcome;
    if (status[pair] == 2)
      outcome.failure = messages[pair / plan.replications];
    else
      outcome.output = {{}, events[pair], fingerprints[pair]};
    data.pairs[pair] = std::move(outcome);
  }
}

void read_series(hid_t file, const SweepPlan& plan, SweepData& data) {
  for (const auto& spec : plan.outputs) {
    const auto values = detail::read_doubles(file, spec.name);
    const std::size_t block = values.size() / plan.pairs();
    for (std::size_t pair = 0; pair < plan.pairs(); ++pair) {
      auto& outcome = data.pairs[pair];
      if (!outcome || !outcome->failure.empty()) continue;
      const auto first = values.begin() + static_cast<long>(pair * block);
      outcome->output.series.emplace_back(first, first + static_cast<long>(block));
    }
  }
}
}  // namespace

SweepHeader read_sweep_header(const std::filesystem::path& file) {
  try {
    const h5::QuietErrors quiet;
    const h5::Handle handle = detail::open_read_only(file);
    if (!detail::has_attribute(handle.get(), "sweep_hash"))
      throw unreadable(file, "not a netadopt sweep output (no sweep_hash attribute)");
    return header_of(handle.get());
  } catch (const h5::Failure& failure) {
    throw unreadable(file, failure.what());
  }
}

SweepPlan plan_from_header(const SweepHeader& header) {
  const auto stored_base = [&](const std::filesystem::path&) { return header.base_text; };
  return make_plan(
      parse_sweep(header.sweep_text, header.sweep_file, stored_base, header.set_overrides));
}

SweepData read_sweep_data(const std::filesystem::path& file, const SweepPlan& plan) {
  SweepData data;
  data.pairs.resize(plan.pairs());
  try {
    const h5::QuietErrors quiet;
    const h5::Handle handle = detail::open_read_only(file);
    read_pairs(handle.get(), plan, data);
    read_series(handle.get(), plan, data);
  } catch (const h5::Failure& failure) {
    throw unreadable(file, failure.what());
  }
  return data;
}

}  // namespace netadopt::sweep
