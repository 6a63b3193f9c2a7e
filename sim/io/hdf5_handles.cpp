#include "netadopt/io/hdf5_handles.hpp"

#include <utility>

namespace netadopt::io::h5 {

namespace {

// H5Ewalk2 callback: keeps the first (innermost, when walking upward) description.
herr_t keep_innermost(unsigned position, const H5E_error2_t* error, void* text) {
  auto& detail = *static_cast<std::string*>(text);
  if (position == 0 && error->desc != nullptr) detail = error->desc;
  return 0;
}

}  // namespace

QuietErrors::QuietErrors() {
  H5Eget_auto2(H5E_DEFAULT, &previous_function_, &previous_data_);
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

QuietErrors::~QuietErrors() { H5Eset_auto2(H5E_DEFAULT, previous_function_, previous_data_); }

std::string error_detail() {
  std::string detail;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_innermost, &detail);
  return detail;
}

void check_status(herr_t status, const std::string& what) {
  if (status >= 0) return;
  const std::string detail = error_detail();
  throw Failure(detail.empty() ? what + " failed" : what + ": " + detail);
}

Handle::Handle(hid_t id, Closer closer, const std::string& what) : id_(id), closer_(closer) {
  check_status(id < 0 ? -1 : 0, what);
}

Handle::~Handle() {
  if (id_ >= 0) closer_(id_);
}

Handle::Handle(Handle&& other) noexcept
    : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(other.closer_) {}

void Handle::close(const std::string& what) {
  const hid_t id = std::exchange(id_, H5I_INVALID_HID);
  check_status(closer_(id), what);
}

Handle file(hid_t id, const std::string& what) { return Handle(id, H5Fclose, what); }
Handle dataset(hid_t id, const std::string& what) { return Handle(id, H5Dclose, what); }
Handle dataspace(hid_t id, const std::string& what) { return Handle(id, H5Sclose, what); }
Handle datatype(hid_t id, const std::string& what) { return Handle(id, H5Tclose, what); }
Handle attribute(hid_t id, const std::string& what) { return Handle(id, H5Aclose, what); }
Handle property_list(hid_t id, const std::string& what) { return Handle(id, H5Pclose, what); }

}  // namespace netadopt::io::h5
