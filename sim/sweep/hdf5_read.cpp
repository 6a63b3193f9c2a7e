#include "hdf5_read.hpp"

#include "netadopt/io/hdf5_attributes.hpp"

namespace netadopt::sweep::detail {

namespace h5 = io::h5;

namespace {
h5::Handle open_dataset(hid_t file, const std::string& name) {
  return h5::dataset(H5Dopen2(file, name.c_str(), H5P_DEFAULT), "opening dataset '" + name + "'");
}

std::size_t element_count(hid_t dataset, const std::string& name) {
  const h5::Handle space =
      h5::dataspace(H5Dget_space(dataset), "reading the shape of '" + name + "'");
  const hssize_t n = H5Sget_simple_extent_npoints(space.get());
  h5::check_status(n < 0 ? -1 : 0, "reading the shape of '" + name + "'");
  return static_cast<std::size_t>(n);
}

template <typename T>
std::vector<T> read_all(hid_t file, const std::string& name, hid_t memory_type) {
  const h5::Handle dataset = open_dataset(file, name);
  std::vector<T> values(element_count(dataset.get(), name));
  if (!values.empty())
    h5::check_status(
        H5Dread(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
        "reading dataset '" + name + "'");
  return values;
}
}  // namespace

h5::Handle open_read_only(const std::filesystem::path& file) {
  return h5::file(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "opening the file");
}

bool has_attribute(hid_t object, const std::string& name) {
  return H5Aexists(object, name.c_str()) > 0;
}

std::string read_text_attribute(hid_t object, const std::string& name) {
  const h5::Handle attribute =
      h5::attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute '" + name + "'");
  const h5::Handle type = h5::utf8_string_type();
  char* text = nullptr;
  h5::check_status(H5Aread(attribute.get(), type.get(), &text), "reading attribute '" + name + "'");
  std::string value = text ? text : "";
  H5free_memory(text);
  return value;
}

long long read_integer_attribute(hid_t object, const std::string& name) {
  const h5::Handle attribute =
      h5::attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute '" + name + "'");
  long long value = 0;
  h5::check_status(H5Aread(attribute.get(), H5T_NATIVE_LLONG, &value),
                   "reading attribute '" + name + "'");
  return value;
}

std::vector<double> read_doubles(hid_t file, const std::string& name) {
  return read_all<double>(file, name, H5T_NATIVE_DOUBLE);
}

std::vector<std::int32_t> read_int32s(hid_t file, const std::string& name) {
  return read_all<std::int32_t>(file, name, H5T_NATIVE_INT32);
}

std::vector<std::uint64_t> read_uint64s(hid_t file, const std::string& name) {
  return read_all<std::uint64_t>(file, name, H5T_NATIVE_UINT64);
}

std::vector<std::string> read_strings(hid_t file, const std::string& name) {
  const h5::Handle type = h5::utf8_string_type();
  std::vector<char*> pointers = read_all<char*>(file, name, type.get());
  std::vector<std::string> values;
  for (char* p : pointers) values.emplace_back(p ? p : ""), H5free_memory(p);
  return values;
}

}  // namespace netadopt::sweep::detail
