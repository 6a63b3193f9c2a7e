#include "netadopt/io/hdf5_tables.hpp"

#include <cstdint>
#include <utility>
#include <vector>

#include "netadopt/io/hdf5_attributes.hpp"
#include "netadopt/io/hdf5_datasets.hpp"
#include "netadopt/io/hdf5_scales.hpp"

namespace netadopt::io {

namespace {

std::size_t length_of(const Coordinate& c) {
  return c.labels.empty() ? c.values.size() : c.labels.size();
}

const Coordinate* find_coordinate(const RootContent& root, const std::string& name) {
  for (const Coordinate& c : root.coordinates)
    if (c.name == name) return &c;
  return nullptr;
}

std::vector<std::size_t> extents_of(const RootContent& root, const Table& table) {
  std::vector<std::size_t> extents;
  for (const std::string& dim : table.dims) {
    const Coordinate* c = find_coordinate(root, dim);
    if (c == nullptr)
      throw OutputError("table '" + table.name + "' spans dimension '" + dim +
                        "', which is not a coordinate of the file");
    extents.push_back(length_of(*c));
  }
  return extents;
}

std::size_t product(const std::vector<std::size_t>& extents) {
  std::size_t n = 1;
  for (const std::size_t e : extents) n *= e;
  return n;
}

using Scales = std::vector<std::pair<std::string, h5::Handle>>;

h5::Handle write_numbers(hid_t file, const Coordinate& c) {
  if (!c.integer) return h5::write_doubles(file, c.name, c.values);
  std::vector<std::int32_t> indices;
  for (const double v : c.values) indices.push_back(static_cast<std::int32_t>(v));
  return h5::write_int32s(file, c.name, indices);
}

h5::Handle write_numeric_scale(hid_t file, const Coordinate& c) {
  h5::Handle scale = write_numbers(file, c);
  h5::make_scale(scale.get(), c.name);
  h5::write_attribute(scale.get(), "units", c.units);
  if (c.time_axis) {
    h5::write_attribute(scale.get(), "calendar", "standard");
    h5::write_attribute(scale.get(), "axis", "T");
  }
  h5::describe(scale.get(), c.name, c.description);
  return scale;
}

h5::Handle write_coordinate(hid_t file, const Coordinate& c) {
  if (c.labels.empty()) return write_numeric_scale(file, c);
  return h5::write_label_scale(file, c.name, c.labels, c.description);
}

hid_t scale_named(const Scales& scales, const std::string& name) {
  for (const auto& [scale_name, scale] : scales)
    if (scale_name == name) return scale.get();
  return H5I_INVALID_HID;
}

void write_table(hid_t file, const RootContent& root, const Table& table, const Scales& scales) {
  h5::Handle dataset =
      h5::create_compressed(file, table.name, H5T_IEEE_F64LE, extents_of(root, table));
  if (!table.values.empty())
    h5::write_all(dataset.get(), table.name, H5T_NATIVE_DOUBLE, table.values.data());
  for (unsigned i = 0; i < table.dims.size(); ++i)
    h5::attach(dataset.get(), scale_named(scales, table.dims[i]), i, table.name);
  h5::write_attribute(dataset.get(), "units", table.units);
  h5::describe(dataset.get(), h5::spaces_for_underscores(table.name), table.description);
  dataset.close("closing dataset '" + table.name + "'");
}

void write_attributes(hid_t file, const RootContent& root) {
  for (const auto& [name, text] : root.text_attributes) h5::write_attribute(file, name, text);
  for (const auto& [name, number] : root.number_attributes) h5::write_attribute(file, name, number);
}

}  // namespace

void check_tables(const RootContent& root) {
  for (const Table& table : root.tables) {
    const auto extents = extents_of(root, table);
    if (table.values.size() != product(extents))
      throw OutputError("table '" + table.name + "' has " + std::to_string(table.values.size()) +
                        " values; expected " + std::to_string(product(extents)));
  }
}

void h5::write_root_content(hid_t file, const RootContent& root) {
  Scales scales;
  for (const Coordinate& c : root.coordinates)
    scales.emplace_back(c.name, write_coordinate(file, c));
  for (const Table& table : root.tables) write_table(file, root, table, scales);
  write_attributes(file, root);
}

}  // namespace netadopt::io
