#pragma once
// Internal to netadopt_io: root-level coordinates (dimension scales) and tables over them.
#include "netadopt/io/hdf5_handles.hpp"
#include "netadopt/io/hdf5_writer.hpp"

namespace netadopt::io {

// Throws OutputError when a table names an unknown coordinate or its length disagrees with
// the product of its coordinates' lengths.
void check_tables(const RootContent& root);

namespace h5 {
// Coordinates, then tables (each attached to its coordinates), then the root attributes.
void write_root_content(hid_t file, const RootContent& root);
}  // namespace h5

}  // namespace netadopt::io
