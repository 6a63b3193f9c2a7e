#pragma once
// Internal to netadopt_io: creating and filling datasets, compressed where they have data.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "netadopt/io/hdf5_handles.hpp"

namespace netadopt::io::h5 {

// Chunk extents for an array of `extents`: one index of dimension 0 per chunk, the rest whole,
// then the largest remaining extent halved until a chunk holds at most `max_bytes`.
std::vector<hsize_t> chunk_extents(const std::vector<std::size_t>& extents,
                                   std::size_t element_bytes, std::size_t max_bytes);

// A dataset of `extents` and `file_type`, chunked by chunk_extents (1 MiB) with shuffle and
// deflate when it holds data; contiguous when any extent is zero.
Handle create_compressed(hid_t file, const std::string& name, hid_t file_type,
                         const std::vector<std::size_t>& extents);

// A contiguous dataset of `extents` and `file_type`.
Handle create_plain(hid_t file, const std::string& name, hid_t file_type,
                    const std::vector<std::size_t>& extents);

void write_all(hid_t dataset, const std::string& name, hid_t memory_type, const void* data);

Handle write_doubles(hid_t file, const std::string& name, const std::vector<double>& values);
Handle write_uint64s(hid_t file, const std::string& name, const std::vector<std::uint64_t>& values);
Handle write_int32s(hid_t file, const std::string& name, const std::vector<std::int32_t>& values);
Handle write_strings(hid_t file, const std::string& name, const std::vector<std::string>& values);

}  // namespace netadopt::io::h5
