#include "checkpoint_layout.hpp"

#include <cstdio>

#include "netadopt/io/hdf5_attributes.hpp"
#include "netadopt/io/hdf5_handles.hpp"

namespace netadopt::io::checkpoint_layout {

namespace {

std::string numbered(const char* prefix, std::size_t index) {
  char digits[32];
  std::snprintf(digits, sizeof digits, "%04zu", index);
  return prefix + std::string(digits);
}

}  // namespace

std::string replication_group(std::size_t index) { return numbered("replication_", index); }

std::string series_dataset(std::size_t index) { return numbered("series_", index); }

const char* stage_text(run::Stage stage) {
  switch (stage) {
    case run::Stage::NotStarted:
      return "not started";
    case run::Stage::Paused:
      return "paused";
    case run::Stage::Finished:
      return "finished";
  }
  return "unknown";
}

std::optional<run::Stage> parse_stage(std::string_view text) {
  for (const run::Stage stage : {run::Stage::NotStarted, run::Stage::Paused, run::Stage::Finished})
    if (text == stage_text(stage)) return stage;
  return std::nullopt;
}

bool is_checkpoint_file(const std::filesystem::path& path) {
  const h5::QuietErrors quiet;
  if (H5Fis_hdf5(path.c_str()) <= 0) return false;
  try {
    const h5::Handle file =
        h5::file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "opening the file");
    return h5::has_attribute(file.get(), "format") &&
           h5::read_text_attribute(file.get(), "format") == kFormat;
  } catch (const h5::Failure&) {
    return false;
  }
}

}  // namespace netadopt::io::checkpoint_layout
