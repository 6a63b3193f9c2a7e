#pragma once
// Internal to netadopt_io: netCDF-4 dimensions as HDF5 dimension scales, and the attributes
// every variable carries (long_name, description).
#include <string>
#include <vector>

#include "netadopt/io/hdf5_handles.hpp"
#include "netadopt/scenario/date.hpp"

namespace netadopt::io::h5 {

void make_scale(hid_t dataset, const std::string& name);
void attach(hid_t dataset, hid_t scale, unsigned index, const std::string& name);
void describe(hid_t object, const std::string& long_name, const std::string& description);

// A dimension scale of string labels, at `location` (a file or a group).
Handle write_label_scale(hid_t location, const std::string& name,
                         const std::vector<std::string>& labels, const std::string& description);

std::string iso_date(scenario::Date date);  // YYYY-MM-DD
std::string spaces_for_underscores(std::string name);

}  // namespace netadopt::io::h5
