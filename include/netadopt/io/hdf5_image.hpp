#pragma once
// Internal to netadopt_io: a whole file built in memory, then installed atomically. The file
// is built with HDF5's core driver (no backing store), taken as an image, written beside OUT
// under a temporary name and renamed over OUT: a killed run or a full disk leaves no file that
// looks finished, and the root attribute `complete` = 1 is written last.
#include <filesystem>
#include <functional>
#include <string>

#include "netadopt/io/hdf5_handles.hpp"

namespace netadopt::io {

// Builds the file with `fill` (given the file's root), adds `complete` = 1, installs it at
// `out`. Throws OutputError naming `out`, leaving no partial file behind.
void write_file_atomically(const std::filesystem::path& out,
                           const std::function<void(hid_t file)>& fill);

// A group that tracks creation order (as the file does, and as netCDF-4 expects).
h5::Handle create_group(hid_t location, const std::string& name);

// File creation properties that track the creation order of links and attributes.
h5::Handle file_creation_properties();

}  // namespace netadopt::io
