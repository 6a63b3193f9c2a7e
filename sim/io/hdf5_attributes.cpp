#include "netadopt/io/hdf5_attributes.hpp"

#include <cstring>

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

// The attribute `name` of `object`, checked to hold one value of `type_class`.
Handle open_single(hid_t object, const std::string& name, H5T_class_t type_class,
                   const char* kind) {
  const std::string what = "reading attribute '" + name + "'";
  const htri_t exists = H5Aexists(object, name.c_str());
  check_status(exists < 0 ? -1 : 0, what);
  if (exists == 0) throw Failure("attribute '" + name + "' is missing");
  Handle attr = attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), what);
  const Handle space = dataspace(H5Aget_space(attr.get()), what);
  if (H5Sget_simple_extent_npoints(space.get()) != 1)
    throw Failure("attribute '" + name + "' is not a single value");
  const Handle type = datatype(H5Aget_type(attr.get()), what);
  if (H5Tget_class(type.get()) != type_class)
    throw Failure("attribute '" + name + "' is not " + kind);
  return attr;
}

template <typename T>
T read_number(hid_t object, const std::string& name, H5T_class_t type_class, const char* kind,
              hid_t memory_type) {
  const Handle attr = open_single(object, name, type_class, kind);
  T value{};
  check_status(H5Aread(attr.get(), memory_type, &value), "reading attribute '" + name + "'");
  return value;
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

void write_attribute(hid_t object, const std::string& name, std::int64_t value) {
  write_scalar(object, name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value);
}

void write_attribute(hid_t object, const std::string& name, std::uint64_t value) {
  write_scalar(object, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value);
}

void write_attribute(hid_t object, const std::string& name, double value) {
  write_scalar(object, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value);
}

bool has_attribute(hid_t object, const std::string& name) {
  const htri_t exists = H5Aexists(object, name.c_str());
  check_status(exists < 0 ? -1 : 0, "looking for attribute '" + name + "'");
  return exists > 0;
}

std::string read_text_attribute(hid_t object, const std::string& name) {
  const std::string what = "reading attribute '" + name + "'";
  const Handle attr = open_single(object, name, H5T_STRING, "text");
  const Handle type = datatype(H5Aget_type(attr.get()), what);
  const htri_t variable = H5Tis_variable_str(type.get());
  check_status(variable < 0 ? -1 : 0, what);
  if (variable > 0) {
    char* value = nullptr;
    check_status(H5Aread(attr.get(), type.get(), &value), what);
    std::string text = value != nullptr ? value : "";
    H5free_memory(value);
    return text;
  }
  std::string text(H5Tget_size(type.get()), '\0');
  check_status(H5Aread(attr.get(), type.get(), text.data()), what);
  text.resize(strnlen(text.data(), text.size()));
  if (H5Tget_strpad(type.get()) == H5T_STR_SPACEPAD) text.erase(text.find_last_not_of(' ') + 1);
  return text;
}

std::int64_t read_int64_attribute(hid_t object, const std::string& name) {
  return read_number<std::int64_t>(object, name, H5T_INTEGER, "an integer", H5T_NATIVE_INT64);
}

std::uint64_t read_uint64_attribute(hid_t object, const std::string& name) {
  return read_number<std::uint64_t>(object, name, H5T_INTEGER, "an integer", H5T_NATIVE_UINT64);
}

double read_double_attribute(hid_t object, const std::string& name) {
  return read_number<double>(object, name, H5T_FLOAT, "a floating-point number", H5T_NATIVE_DOUBLE);
}

}  // namespace netadopt::io::h5
