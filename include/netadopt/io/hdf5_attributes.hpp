#pragma once
// Internal to netadopt_io: scalar attributes on an HDF5 object, written the way h5py writes
// them, so that netCDF readers (h5netcdf, netCDF-C) return strings as text, not bytes, and
// read back (checkpoints).
#include <cstdint>
#include <string>

#include "netadopt/io/hdf5_handles.hpp"

namespace netadopt::io::h5 {

// Variable-length, UTF-8, NUL-terminated string type (h5py's str type).
Handle utf8_string_type();

void write_attribute(hid_t object, const std::string& name, const std::string& value);
void write_attribute(hid_t object, const std::string& name, const char* value);
void write_attribute(hid_t object, const std::string& name, int value);
void write_attribute(hid_t object, const std::string& name, std::int64_t value);
void write_attribute(hid_t object, const std::string& name, std::uint64_t value);
void write_attribute(hid_t object, const std::string& name, double value);

// Reading a scalar attribute; each throws Failure naming the attribute when it is missing
// ("attribute 'NAME' is missing"), not a single value, of another kind (text for a number, a
// float for an integer) or unreadable ("reading attribute 'NAME': <HDF5's message>").
bool has_attribute(hid_t object, const std::string& name);
std::string read_text_attribute(hid_t object, const std::string& name);  // fixed or variable
std::int64_t read_int64_attribute(hid_t object, const std::string& name);
std::uint64_t read_uint64_attribute(hid_t object, const std::string& name);
double read_double_attribute(hid_t object, const std::string& name);

}  // namespace netadopt::io::h5
