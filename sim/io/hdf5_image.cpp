#include "netadopt/io/hdf5_image.hpp"

#include <system_error>
#include <vector>

#include "file_bytes.hpp"
#include "netadopt/io/hdf5_attributes.hpp"
#include "netadopt/io/hdf5_writer.hpp"
#include "output_path.hpp"

namespace netadopt::io {

namespace fs = std::filesystem;

namespace {

constexpr unsigned kCreationOrder = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;

// Built in memory (core driver, no backing store) so that HDF5 never meets a disk error: HDF5
// 1.10 can crash at exit after a failed H5Fclose (seen with a full disk). Creation order is
// tracked, as netCDF-4 does, so readers list variables and attributes in the order written.
h5::Handle create_in_memory_file(const fs::path& name) {
  const std::string what = "creating the file in memory";
  const h5::Handle create = file_creation_properties();
  const h5::Handle access = h5::property_list(H5Pcreate(H5P_FILE_ACCESS), what);
  h5::check_status(H5Pset_fapl_core(access.get(), std::size_t{1} << 20, false), what);
  return h5::file(H5Fcreate(name.c_str(), H5F_ACC_TRUNC, create.get(), access.get()), what);
}

// HDF5 1.10.8 returns an unreadable image unless the file is flushed first (its own flush in
// H5Fget_file_image leaves object headers behind).
std::vector<unsigned char> file_image(hid_t file) {
  const std::string what = "taking the image of the file";
  h5::check_status(H5Fflush(file, H5F_SCOPE_GLOBAL), "flushing the file");
  const ssize_t size = H5Fget_file_image(file, nullptr, 0);
  h5::check_status(size < 0 ? -1 : 0, what);
  std::vector<unsigned char> image(static_cast<std::size_t>(size));
  h5::check_status(H5Fget_file_image(file, image.data(), image.size()) < 0 ? -1 : 0, what);
  return image;
}

std::vector<unsigned char> build_image(const fs::path& name,
                                       const std::function<void(hid_t file)>& fill) {
  const h5::QuietErrors quiet;
  h5::Handle file = create_in_memory_file(name);
  fill(file.get());
  h5::write_attribute(file.get(), "complete", 1);
  std::vector<unsigned char> image = file_image(file.get());
  file.close("closing the file");
  return image;
}

void remove_quietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
}

std::string failure_text(const fs::path& out, const char* reason) {
  return "cannot write '" + out.string() + "': " + reason;
}

std::vector<unsigned char> build_image_or_throw(const fs::path& out,
                                                const std::function<void(hid_t file)>& fill) {
  try {
    return build_image(out, fill);
  } catch (const h5::Failure& failure) {
    throw OutputError(failure_text(out, failure.what()));
  }
}

// Writes the image beside OUT under a temporary name, then renames it over OUT.
void install_atomically(const fs::path& out, const std::vector<unsigned char>& image) {
  const fs::path temp = temporary_path_for(out);
  try {
    write_file_bytes(temp, image);
    fs::rename(temp, out);
  } catch (const std::system_error& failure) {  // filesystem_error is one
    remove_quietly(temp);
    throw OutputError(failure_text(out, failure.what()));
  }
}

}  // namespace

void write_file_atomically(const fs::path& out, const std::function<void(hid_t file)>& fill) {
  install_atomically(out, build_image_or_throw(out, fill));
}

h5::Handle file_creation_properties() {
  const std::string what = "setting up the file's creation properties";
  h5::Handle create = h5::property_list(H5Pcreate(H5P_FILE_CREATE), what);
  h5::check_status(H5Pset_link_creation_order(create.get(), kCreationOrder), what);
  h5::check_status(H5Pset_attr_creation_order(create.get(), kCreationOrder), what);
  return create;
}

h5::Handle create_group(hid_t location, const std::string& name) {
  const std::string what = "creating group '" + name + "'";
  const h5::Handle create = h5::property_list(H5Pcreate(H5P_GROUP_CREATE), what);
  h5::check_status(H5Pset_link_creation_order(create.get(), kCreationOrder), what);
  h5::check_status(H5Pset_attr_creation_order(create.get(), kCreationOrder), what);
  return h5::Handle(H5Gcreate2(location, name.c_str(), H5P_DEFAULT, create.get(), H5P_DEFAULT),
                    H5Gclose, what);
}

}  // namespace netadopt::io
