#include "h5_reader.hpp"

#include <hdf5_hl.h>

#include <stdexcept>

namespace netadopt::io::testing {

namespace {

// Closes an identifier at scope exit; throws if HDF5 could not open what was asked for.
struct Id {
  hid_t id;
  herr_t (*closer)(hid_t);
  Id(hid_t value, herr_t (*close)(hid_t), const std::string& what) : id(value), closer(close) {
    if (id < 0) throw std::runtime_error("test reader: cannot open " + what);
  }
  ~Id() { closer(id); }
  Id(const Id&) = delete;
  Id& operator=(const Id&) = delete;
};

Id open_dataset(hid_t file, const std::string& name) {
  return Id(H5Dopen2(file, name.c_str(), H5P_DEFAULT), H5Dclose, "dataset " + name);
}

Id open_attribute(hid_t file, const std::string& object, const std::string& name) {
  return Id(H5Aopen_by_name(file, object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
            "attribute " + object + "@" + name);
}

void require(herr_t status, const std::string& what) {
  if (status < 0) throw std::runtime_error("test reader: " + what + " failed");
}

herr_t collect_name(hid_t, const char* name, const H5A_info_t*, void* names) {
  static_cast<std::vector<std::string>*>(names)->push_back(name);
  return 0;
}

}  // namespace

H5Reader::H5Reader(const std::filesystem::path& path)
    : file_(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT)) {
  if (file_ < 0) throw std::runtime_error("test reader: cannot open " + path.string());
}

H5Reader::~H5Reader() { H5Fclose(file_); }

std::vector<hsize_t> H5Reader::shape(const std::string& dataset) const {
  const Id data = open_dataset(file_, dataset);
  const Id space(H5Dget_space(data.id), H5Sclose, "space of " + dataset);
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space.id)));
  H5Sget_simple_extent_dims(space.id, dims.data(), nullptr);
  return dims;
}

H5T_class_t H5Reader::type_class(const std::string& dataset) const {
  const Id data = open_dataset(file_, dataset);
  const Id type(H5Dget_type(data.id), H5Tclose, "type of " + dataset);
  return H5Tget_class(type.id);
}

std::size_t H5Reader::type_size(const std::string& dataset) const {
  const Id data = open_dataset(file_, dataset);
  const Id type(H5Dget_type(data.id), H5Tclose, "type of " + dataset);
  return H5Tget_size(type.id);
}

template <typename T>
std::vector<T> H5Reader::numbers(const std::string& dataset, hid_t memory_type) const {
  std::size_t count = 1;
  for (const hsize_t extent : shape(dataset)) count *= extent;
  std::vector<T> values(count);
  const Id data = open_dataset(file_, dataset);
  require(H5Dread(data.id, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          "reading " + dataset);
  return values;
}

std::vector<std::int64_t> H5Reader::int64s(const std::string& dataset) const {
  return numbers<std::int64_t>(dataset, H5T_NATIVE_INT64);
}

std::vector<std::int32_t> H5Reader::int32s(const std::string& dataset) const {
  return numbers<std::int32_t>(dataset, H5T_NATIVE_INT32);
}

std::vector<std::uint64_t> H5Reader::uint64s(const std::string& dataset) const {
  return numbers<std::uint64_t>(dataset, H5T_NATIVE_UINT64);
}

std::vector<double> H5Reader::doubles(const std::string& dataset) const {
  return numbers<double>(dataset, H5T_NATIVE_DOUBLE);
}

std::vector<std::string> H5Reader::strings(const std::string& dataset) const {
  const Id data = open_dataset(file_, dataset);
  const Id type(H5Dget_type(data.id), H5Tclose, "type of " + dataset);
  std::vector<char*> pointers(shape(dataset).at(0));
  require(H5Dread(data.id, type.id, H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
          "reading " + dataset);
  std::vector<std::string> values(pointers.begin(), pointers.end());
  for (char* pointer : pointers) H5free_memory(pointer);
  return values;
}

bool H5Reader::is_attached(const std::string& dataset, const std::string& scale,
                           unsigned index) const {
  const Id data = open_dataset(file_, dataset);
  const Id dimension = open_dataset(file_, scale);
  return H5DSis_attached(data.id, dimension.id, index) > 0;
}

int H5Reader::chunk_rank(const std::string& dataset) const {
  const Id data = open_dataset(file_, dataset);
  const Id plist(H5Dget_create_plist(data.id), H5Pclose, "creation list of " + dataset);
  if (H5Pget_layout(plist.id) != H5D_CHUNKED) return 0;
  return H5Pget_chunk(plist.id, 0, nullptr);
}

std::vector<hsize_t> H5Reader::chunk(const std::string& dataset) const {
  const Id data = open_dataset(file_, dataset);
  const Id plist(H5Dget_create_plist(data.id), H5Pclose, "creation list of " + dataset);
  std::vector<hsize_t> extents(shape(dataset).size());
  H5Pget_chunk(plist.id, static_cast<int>(extents.size()), extents.data());
  return extents;
}

bool H5Reader::has_deflate(const std::string& dataset) const {
  const Id data = open_dataset(file_, dataset);
  const Id plist(H5Dget_create_plist(data.id), H5Pclose, "creation list of " + dataset);
  unsigned flags = 0;
  return H5Pget_filter_by_id2(plist.id, H5Z_FILTER_DEFLATE, &flags, nullptr, nullptr, 0, nullptr,
                              nullptr) >= 0;
}

bool H5Reader::has_attribute(const std::string& object, const std::string& name) const {
  return H5Aexists_by_name(file_, object.c_str(), name.c_str(), H5P_DEFAULT) > 0;
}

std::string H5Reader::text_attribute(const std::string& object, const std::string& name) const {
  const Id attribute = open_attribute(file_, object, name);
  const Id type(H5Aget_type(attribute.id), H5Tclose, "type of " + name);
  if (H5Tis_variable_str(type.id) <= 0) throw std::runtime_error(name + " is not a vlen string");
  char* text = nullptr;
  require(H5Aread(attribute.id, type.id, &text), "reading " + name);
  std::string value(text);
  H5free_memory(text);
  return value;
}

bool H5Reader::text_attribute_is_utf8_vlen(const std::string& object,
                                           const std::string& name) const {
  const Id attribute = open_attribute(file_, object, name);
  const Id type(H5Aget_type(attribute.id), H5Tclose, "type of " + name);
  return H5Tis_variable_str(type.id) > 0 && H5Tget_cset(type.id) == H5T_CSET_UTF8;
}

long long H5Reader::integer_attribute(const std::string& object, const std::string& name) const {
  const Id attribute = open_attribute(file_, object, name);
  long long value = 0;
  require(H5Aread(attribute.id, H5T_NATIVE_LLONG, &value), "reading " + name);
  return value;
}

std::uint64_t H5Reader::uint64_attribute(const std::string& object, const std::string& name) const {
  const Id attribute = open_attribute(file_, object, name);
  std::uint64_t value = 0;
  require(H5Aread(attribute.id, H5T_NATIVE_UINT64, &value), "reading " + name);
  return value;
}

double H5Reader::double_attribute(const std::string& object, const std::string& name) const {
  const Id attribute = open_attribute(file_, object, name);
  double value = 0;
  require(H5Aread(attribute.id, H5T_NATIVE_DOUBLE, &value), "reading " + name);
  return value;
}

std::vector<std::string> H5Reader::attribute_names(const std::string& object) const {
  std::vector<std::string> names;
  require(H5Aiterate_by_name(file_, object.c_str(), H5_INDEX_CRT_ORDER, H5_ITER_INC, nullptr,
                             collect_name, &names, H5P_DEFAULT),
          "listing attributes of " + object);
  return names;
}

}  // namespace netadopt::io::testing
