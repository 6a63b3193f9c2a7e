#include "netadopt/io/hdf5_datasets.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

#include "netadopt/io/hdf5_attributes.hpp"

namespace netadopt::io::h5 {

namespace {

constexpr std::size_t max_chunk_bytes = std::size_t{1} << 20;
constexpr unsigned deflate_level = 4;

std::vector<hsize_t> to_hsize(const std::vector<std::size_t>& extents) {
  return {extents.begin(), extents.end()};
}

hsize_t element_count(const std::vector<hsize_t>& extents) {
  return std::accumulate(extents.begin(), extents.end(), hsize_t{1}, std::multiplies<>());
}

bool any_empty(const std::vector<std::size_t>& extents) {
  return std::find(extents.begin(), extents.end(), std::size_t{0}) != extents.end();
}

Handle simple_space(const std::vector<std::size_t>& extents, const std::string& what) {
  const std::vector<hsize_t> dims = to_hsize(extents);
  return dataspace(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), what);
}

Handle compression_properties(const std::vector<std::size_t>& extents, hid_t file_type,
                              const std::string& what) {
  Handle properties = property_list(H5Pcreate(H5P_DATASET_CREATE), what);
  if (any_empty(extents)) return properties;
  const auto chunk = chunk_extents(extents, H5Tget_size(file_type), max_chunk_bytes);
  check_status(H5Pset_chunk(properties.get(), static_cast<int>(chunk.size()), chunk.data()), what);
  check_status(H5Pset_shuffle(properties.get()), what);
  check_status(H5Pset_deflate(properties.get(), deflate_level), what);
  return properties;
}

Handle create(hid_t file, const std::string& name, hid_t file_type,
              const std::vector<std::size_t>& extents, hid_t properties) {
  const std::string what = "creating dataset '" + name + "'";
  const Handle space = simple_space(extents, what);
  return dataset(
      H5Dcreate2(file, name.c_str(), file_type, space.get(), H5P_DEFAULT, properties, H5P_DEFAULT),
      what);
}

Handle write_vector(hid_t file, const std::string& name, hid_t file_type, hid_t memory_type,
                    std::size_t size, const void* data) {
  Handle created = create_plain(file, name, file_type, {size});
  if (size > 0) write_all(created.get(), name, memory_type, data);
  return created;
}

}  // namespace

std::vector<hsize_t> chunk_extents(const std::vector<std::size_t>& extents,
                                   std::size_t element_bytes, std::size_t max_bytes) {
  std::vector<hsize_t> chunk = to_hsize(extents);
  if (chunk.empty()) return chunk;
  chunk.front() = 1;
  while (element_count(chunk) * element_bytes > max_bytes) {
    auto largest = std::max_element(chunk.begin() + 1, chunk.end());
    if (largest == chunk.end() || *largest <= 1) break;
    *largest = (*largest + 1) / 2;
  }
  return chunk;
}

Handle create_compressed(hid_t file, const std::string& name, hid_t file_type,
                         const std::vector<std::size_t>& extents) {
  const Handle properties =
      compression_properties(extents, file_type, "setting up compression for '" + name + "'");
  return create(file, name, file_type, extents, properties.get());
}

Handle create_plain(hid_t file, const std::string& name, hid_t file_type,
                    const std::vector<std::size_t>& extents) {
  return create(file, name, file_type, extents, H5P_DEFAULT);
}

void write_all(hid_t dataset_id, const std::string& name, hid_t memory_type, const void* data) {
  check_status(H5Dwrite(dataset_id, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
               "writing dataset '" + name + "'");
}

Handle write_doubles(hid_t file, const std::string& name, const std::vector<double>& values) {
  return write_vector(file, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values.size(), values.data());
}

Handle write_uint64s(hid_t file, const std::string& name,
                     const std::vector<std::uint64_t>& values) {
  return write_vector(file, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, values.size(), values.data());
}

Handle write_int32s(hid_t file, const std::string& name, const std::vector<std::int32_t>& values) {
  return write_vector(file, name, H5T_STD_I32LE, H5T_NATIVE_INT32, values.size(), values.data());
}

Handle write_strings(hid_t file, const std::string& name, const std::vector<std::string>& values) {
  std::vector<const char*> pointers;
  for (const std::string& value : values) pointers.push_back(value.c_str());
  const Handle type = utf8_string_type();
  return write_vector(file, name, type.get(), type.get(), pointers.size(), pointers.data());
}

}  // namespace netadopt::io::h5
