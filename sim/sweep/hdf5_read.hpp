#pragma once
// Internal to netadopt_sweep: reading back what the io module writes (string and integer root
// attributes, whole datasets), each failure an h5::Failure naming what was attempted.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "netadopt/io/hdf5_handles.hpp"

namespace netadopt::sweep::detail {

io::h5::Handle open_read_only(const std::filesystem::path& file);
bool has_attribute(hid_t object, const std::string& name);
std::string read_text_attribute(hid_t object, const std::string& name);
long long read_integer_attribute(hid_t object, const std::string& name);

// The whole dataset converted to the memory type of T (double, int32_t or uint64_t).
std::vector<double> read_doubles(hid_t file, const std::string& name);
std::vector<std::int32_t> read_int32s(hid_t file, const std::string& name);
std::vector<std::uint64_t> read_uint64s(hid_t file, const std::string& name);
std::vector<std::string> read_strings(hid_t file, const std::string& name);

}  // namespace netadopt::sweep::detail
