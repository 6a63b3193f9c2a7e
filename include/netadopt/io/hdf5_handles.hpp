#pragma once
// Internal to netadopt_io: owning wrappers for HDF5 identifiers, and checks that turn a failed
// HDF5 call into an exception naming what was attempted and what HDF5 reported.
#include <hdf5.h>

#include <stdexcept>
#include <string>

namespace netadopt::io::h5 {

// A failed HDF5 call: "<what was attempted>: <HDF5's innermost message>".
class Failure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Turns off HDF5's automatic printing of its error stack for the lifetime of the object and
// restores the previous handler afterwards; failures are reported through Failure instead.
class QuietErrors {
 public:
  QuietErrors();
  ~QuietErrors();
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;

 private:
  H5E_auto2_t previous_function_ = nullptr;
  void* previous_data_ = nullptr;
};

// The description HDF5 left on the current error stack, or "" when there is none.
std::string error_detail();

// Throws Failure("<what>: <detail>") when `status` is negative.
void check_status(herr_t status, const std::string& what);

// An owned HDF5 identifier, closed by the destructor. close() closes it early and throws
// Failure if HDF5 reports an error (the place where buffered writes surface, e.g. a full disk).
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);

  // Takes ownership of `id`; throws Failure("<what>: ...") when `id` is negative.
  Handle(hid_t id, Closer closer, const std::string& what);
  ~Handle();
  Handle(Handle&& other) noexcept;
  Handle& operator=(Handle&&) = delete;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  hid_t get() const { return id_; }
  void close(const std::string& what);

 private:
  hid_t id_;
  Closer closer_;
};

Handle file(hid_t id, const std::string& what);
Handle dataset(hid_t id, const std::string& what);
Handle dataspace(hid_t id, const std::string& what);
Handle datatype(hid_t id, const std::string& what);
Handle attribute(hid_t id, const std::string& what);
Handle property_list(hid_t id, const std::string& what);

}  // namespace netadopt::io::h5
