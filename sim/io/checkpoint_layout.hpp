#pragma once
// Internal to netadopt_io: the names and constants of the checkpoint layout, shared by the
// writer and the reader (the layout itself is documented in netadopt/io/checkpoint_file.hpp).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "netadopt/run/checkpoint.hpp"

namespace netadopt::io::checkpoint_layout {

inline constexpr const char* kFormat = "netadopt-checkpoint";
inline constexpr std::int64_t kFormatVersion = 1;

// Arrays larger than this are chunked and compressed; smaller ones are contiguous.
inline constexpr std::size_t kCompressAboveBytes = std::size_t{64} << 10;
inline constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
inline constexpr unsigned kDeflateLevel = 1;

std::string replication_group(std::size_t index);  // "replication_0000"
std::string series_dataset(std::size_t index);     // "series_0000"

const char* stage_text(run::Stage stage);  // "not started", "paused", "finished"
std::optional<run::Stage> parse_stage(std::string_view text);

// True when `path` is an HDF5 file whose root attribute format is kFormat. Never throws for
// a file that is not one (unreadable, not HDF5, ...): false.
bool is_checkpoint_file(const std::filesystem::path& path);

}  // namespace netadopt::io::checkpoint_layout
