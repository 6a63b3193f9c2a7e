#pragma once
// Test helper: reads back what write_hdf5 wrote, with the plain HDF5 C API (independent of the
// writer's own wrappers), failing loudly when something is missing.
#include <hdf5.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace netadopt::io::testing {

class H5Reader {
 public:
  explicit H5Reader(const std::filesystem::path& path);
  ~H5Reader();
  H5Reader(const H5Reader&) = delete;
  H5Reader& operator=(const H5Reader&) = delete;

  std::vector<hsize_t> shape(const std::string& dataset) const;
  H5T_class_t type_class(const std::string& dataset) const;
  std::size_t type_size(const std::string& dataset) const;
  std::vector<std::int64_t> int64s(const std::string& dataset) const;
  std::vector<std::int32_t> int32s(const std::string& dataset) const;
  std::vector<std::uint64_t> uint64s(const std::string& dataset) const;
  std::vector<double> doubles(const std::string& dataset) const;
  std::vector<std::string> strings(const std::string& dataset) const;
  bool is_attached(const std::string& dataset, const std::string& scale, unsigned index) const;
  int chunk_rank(const std::string& dataset) const;  // 0 when not chunked
  std::vector<hsize_t> chunk(const std::string& dataset) const;
  bool has_deflate(const std::string& dataset) const;

  // Attributes of `object` ("/" for the root group).
  bool has_attribute(const std::string& object, const std::string& name) const;
  std::string text_attribute(const std::string& object, const std::string& name) const;
  bool text_attribute_is_utf8_vlen(const std::string& object, const std::string& name) const;
  long long integer_attribute(const std::string& object, const std::string& name) const;
  std::uint64_t uint64_attribute(const std::string& object, const std::string& name) const;
  double double_attribute(const std::string& object, const std::string& name) const;
  std::vector<std::string> attribute_names(const std::string& object) const;

 private:
  template <typename T>
  std::vector<T> numbers(const std::string& dataset, hid_t memory_type) const;
  hid_t file_;
};

}  // namespace netadopt::io::testing
