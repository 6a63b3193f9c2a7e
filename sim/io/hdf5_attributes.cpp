#include "hdf5_attributes.hpp"

namespace netadopt::io::h5 {

namespace {

void write_scalar(hid_t object, const std::string& name, hid_t file_type, hid_t memory_type,
                  const void* value) {
  const std::string what = "writing attribute '" + name + "'";
  Handle space = dataspace(H5Screate(H5S_SCALAR), what);
  Handle attr = attribute(
      H5Acreate2(object, name.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT), what);
  check_status(H5Awrite(attr.get(), memory_type, value), what);
  attr.close(what);
}

}  // namespace

Handle utf8_string_type() {
  Handle type = datatype(H5Tcopy(H5T_C_S1), "creating a string type");
  check_status(H5Tset_size(type.get(), H5T_VARIABLE), "making the string type variable-length");
  check_status(H5Tset_cset(type.get(), H5T_CSET_UTF8), "making the string type UTF-8");
  return type;
}

void write_attribute(hid_t object, const std::string& name, const std::string& value) {
  write_attribute(object, name, value.c_str());
}

void write_attribute(hid_t object, const std::string& name, const char* value) {
  const Handle type = utf8_string_type();
  write_scalar(object, name, type.get(), type.get(), &value);
}

void write_attribute(hid_t object, const std::string& name, int value) {
  write_scalar(object, name, H5T_STD_I32LE, H5T_NATIVE_INT, &value);
}

void write_attribute(hid_t object, const std::string& name, std::uint64_t value) {
  write_scalar(object, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value);
}

void write_attribute(hid_t object, const std::string& name, double value) {
  write_scalar(object, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value);
}

}  // namespace netadopt::io::h5
