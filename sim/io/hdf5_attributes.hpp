#pragma once
// Internal to netadopt_io: scalar attributes on an HDF5 object, written the way h5py writes
// them, so that netCDF readers (h5netcdf, netCDF-C) return strings as text, not bytes.
#include <cstdint>
#include <string>

#include "hdf5_handles.hpp"

namespace netadopt::io::h5 {

// Variable-length, UTF-8, NUL-terminated string type (h5py's str type).
Handle utf8_string_type();

void write_attribute(hid_t object, const std::string& name, const std::string& value);
void write_attribute(hid_t object, const std::string& name, const char* value);
void write_attribute(hid_t object, const std::string& name, int value);
void write_attribute(hid_t object, const std::string& name, std::uint64_t value);
void write_attribute(hid_t object, const std::string& name, double value);

}  // namespace netadopt::io::h5
