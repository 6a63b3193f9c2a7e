#include "netadopt/io/hdf5_scales.hpp"

#include <hdf5_hl.h>

#include "netadopt/io/hdf5_attributes.hpp"
#include "netadopt/io/hdf5_datasets.hpp"

namespace netadopt::io::h5 {

void make_scale(hid_t dataset, const std::string& name) {
  check_status(H5DSset_scale(dataset, name.c_str()), "making '" + name + "' a dimension scale");
}

void attach(hid_t dataset, hid_t scale, unsigned index, const std::string& name) {
  check_status(H5DSattach_scale(dataset, scale, index),
               "attaching dimension " + std::to_string(index) + " of '" + name + "'");
}

void describe(hid_t object, const std::string& long_name, const std::string& description) {
  write_attribute(object, "long_name", long_name);
  write_attribute(object, "description", description);
}

Handle write_label_scale(hid_t location, const std::string& name,
                         const std::vector<std::string>& labels, const std::string& description) {
  Handle scale = write_strings(location, name, labels);
  make_scale(scale.get(), name);
  describe(scale.get(), name, description);
  return scale;
}

std::string iso_date(scenario::Date date) { return scenario::format_date(date); }

std::string spaces_for_underscores(std::string name) {
  for (char& c : name)
    if (c == '_') c = ' ';
  return name;
}

}  // namespace netadopt::io::h5
