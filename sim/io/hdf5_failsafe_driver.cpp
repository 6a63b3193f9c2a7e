#include "hdf5_failsafe_driver.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <new>

namespace netadopt::io::h5 {

namespace {

// What H5Pset_driver copies into the property list and the driver finds again in open().
struct DriverInfo {
  DiskStatus* status;
};

// One open file; `pub` must come first (HDF5 sees an H5FD_t*).
struct File {
  H5FD_t pub;
  int fd;
  bool writable;
  haddr_t eoa;  // end of the address space HDF5 has allocated
  haddr_t eof;  // end of the file as written
  dev_t device;
  ino_t inode;
  DiskStatus* status;
};

constexpr haddr_t kMaxAddress = (haddr_t{1} << (8 * sizeof(off_t) - 1)) - 1;

File* as_file(H5FD_t* file) { return reinterpret_cast<File*>(file); }
const File* as_file(const H5FD_t* file) { return reinterpret_cast<const File*>(file); }

// An error HDF5 should see (a bug or an unreadable file, not a disk that is full).
herr_t report(const char* function, H5E_minor_t minor, const char* text) {
  H5Epush2(H5E_DEFAULT, __FILE__, function, __LINE__, H5E_ERR_CLS, H5E_VFL, minor, "%s", text);
  return -1;
}

// A disk error HDF5 should not see: kept (the first one only) for the caller.
void record(File& file, const char* action) {
  if (file.status->failed()) return;
  file.status->error = errno != 0 ? errno : EIO;
  file.status->action = action;
}

bool failed(const File& file) { return file.status->failed(); }

bool beyond(haddr_t address, std::size_t size, haddr_t limit) {
  return address > limit || size > limit - address;
}

H5FD_t* open_file(const char* name, unsigned flags, hid_t access, haddr_t max_address) {
  const auto* info = static_cast<const DriverInfo*>(H5Pget_driver_info(access));
  if (info == nullptr || info->status == nullptr) {
    report("open_file", H5E_BADVALUE, "the fail-safe driver has no status to report into");
    return nullptr;
  }
  if (max_address == 0 || max_address == HADDR_UNDEF || max_address > kMaxAddress) {
    report("open_file", H5E_BADRANGE, "bad maximum address");
    return nullptr;
  }
  int open_flags = (flags & H5F_ACC_RDWR) ? O_RDWR : O_RDONLY;
  if (flags & H5F_ACC_TRUNC) open_flags |= O_TRUNC;
  if (flags & H5F_ACC_CREAT) open_flags |= O_CREAT;
  if (flags & H5F_ACC_EXCL) open_flags |= O_EXCL;
  const int fd = ::open(name, open_flags | O_CLOEXEC, 0666);
  if (fd < 0) {
    report("open_file", H5E_CANTOPENFILE, std::strerror(errno));
    return nullptr;
  }
  struct stat about {};
  if (fstat(fd, &about) != 0) {
    report("open_file", H5E_BADFILE, std::strerror(errno));
    ::close(fd);
    return nullptr;
  }
  auto* file = new (std::nothrow) File{};
  if (file == nullptr) {
    ::close(fd);
    report("open_file", H5E_CANTALLOC, "out of memory");
    return nullptr;
  }
  file->fd = fd;
  file->writable = (flags & H5F_ACC_RDWR) != 0;
  file->eof = static_cast<haddr_t>(about.st_size);
  file->device = about.st_dev;
  file->inode = about.st_ino;
  file->status = info->status;
  return &file->pub;
}

herr_t close_file(H5FD_t* handle) {
  File* file = as_file(handle);
  if (file->writable && !failed(*file) && fsync(file->fd) != 0 && errno != EINVAL)
    record(*file, "flushing");
  if (::close(file->fd) != 0 && file->writable) record(*file, "closing");
  delete file;
  return 0;
}

int compare_files(const H5FD_t* first, const H5FD_t* second) {
  const File* a = as_file(first);
  const File* b = as_file(second);
  if (a->device != b->device) return a->device < b->device ? -1 : 1;
  if (a->inode != b->inode) return a->inode < b->inode ? -1 : 1;
  return 0;
}

herr_t query_features(const H5FD_t*, unsigned long* flags) {
  if (flags != nullptr)
    *flags = H5FD_FEAT_AGGREGATE_METADATA | H5FD_FEAT_ACCUMULATE_METADATA | H5FD_FEAT_DATA_SIEVE |
             H5FD_FEAT_AGGREGATE_SMALLDATA | H5FD_FEAT_POSIX_COMPAT_HANDLE |
             H5FD_FEAT_DEFAULT_VFD_COMPATIBLE;
  return 0;
}

haddr_t get_eoa(const H5FD_t* file, H5FD_mem_t) { return as_file(file)->eoa; }

herr_t set_eoa(H5FD_t* file, H5FD_mem_t, haddr_t address) {
  if (address > kMaxAddress) return report("set_eoa", H5E_OVERFLOW, "address overflow");
  as_file(file)->eoa = address;
  return 0;
}

haddr_t get_eof(const H5FD_t* file, H5FD_mem_t) { return as_file(file)->eof; }

herr_t get_handle(H5FD_t* file, hid_t, void** handle) {
  if (handle == nullptr) return report("get_handle", H5E_BADVALUE, "no place for the handle");
  *handle = &as_file(file)->fd;
  return 0;
}

herr_t read_bytes(H5FD_t* handle, H5FD_mem_t, hid_t, haddr_t address, std::size_t size,
                  void* buffer) {
  const File* file = as_file(handle);
  if (beyond(address, size, file->eoa))
    return report("read_bytes", H5E_OVERFLOW, "read beyond the end of the allocated space");
  auto* bytes = static_cast<unsigned char*>(buffer);
  while (size > 0) {
    const ssize_t got = pread(file->fd, bytes, size, static_cast<off_t>(address));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return report("read_bytes", H5E_READERROR, std::strerror(errno));
    if (got == 0) {  // past the end of the file: HDF5 expects zeros
      std::memset(bytes, 0, size);
      break;
    }
    bytes += got;
    address += static_cast<haddr_t>(got);
    size -= static_cast<std::size_t>(got);
  }
  return 0;
}

herr_t write_bytes(H5FD_t* handle, H5FD_mem_t, hid_t, haddr_t address, std::size_t size,
                   const void* buffer) {
  File* file = as_file(handle);
  if (beyond(address, size, file->eoa))
    return report("write_bytes", H5E_OVERFLOW, "write beyond the end of the allocated space");
  const haddr_t end = address + size;
  const auto* bytes = static_cast<const unsigned char*>(buffer);
  while (size > 0 && !failed(*file)) {
    const ssize_t put = pwrite(file->fd, bytes, size, static_cast<off_t>(address));
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) {
      if (put == 0) errno = EIO;  // no progress and no reason given
      record(*file, "writing");
      break;
    }
    bytes += put;
    address += static_cast<haddr_t>(put);
    size -= static_cast<std::size_t>(put);
  }
  if (end > file->eof) file->eof = end;  // as if written: HDF5 must not notice
  return 0;
}

herr_t truncate_file(H5FD_t* handle, hid_t, hbool_t) {
  File* file = as_file(handle);
  if (file->eoa == file->eof) return 0;
  if (!failed(*file) && ftruncate(file->fd, static_cast<off_t>(file->eoa)) != 0)
    record(*file, "truncating");
  file->eof = file->eoa;
  return 0;
}

const H5FD_class_t kDriver = {
    .name = "netadopt_failsafe",
    .maxaddr = kMaxAddress,
    .fc_degree = H5F_CLOSE_WEAK,
    .terminate = nullptr,
    .sb_size = nullptr,
    .sb_encode = nullptr,
    .sb_decode = nullptr,
    .fapl_size = sizeof(DriverInfo),
    .fapl_get = nullptr,
    .fapl_copy = nullptr,
    .fapl_free = nullptr,
    .dxpl_size = 0,
    .dxpl_copy = nullptr,
    .dxpl_free = nullptr,
    .open = open_file,
    .close = close_file,
    .cmp = compare_files,
    .query = query_features,
    .get_type_map = nullptr,
    .alloc = nullptr,
    .free = nullptr,
    .get_eoa = get_eoa,
    .set_eoa = set_eoa,
    .get_eof = get_eof,
    .get_handle = get_handle,
    .read = read_bytes,
    .write = write_bytes,
    .flush = nullptr,
    .truncate = truncate_file,
    .lock = nullptr,
    .unlock = nullptr,
    .fl_map = H5FD_FLMAP_DICHOTOMY,
};

// Registered once per library lifetime (again if the library was closed and reopened).
hid_t driver_id() {
  static hid_t id = H5I_INVALID_HID;
  if (id < 0 || H5Iis_valid(id) <= 0) id = H5FDregister(&kDriver);
  check_status(id < 0 ? -1 : 0, "registering the fail-safe file driver");
  return id;
}

}  // namespace

std::string DiskStatus::message(const std::string& path) const {
  return std::string(action) + " '" + path + "': " + std::strerror(error);
}

Handle failsafe_access(DiskStatus& status) {
  const std::string what = "setting up the fail-safe file driver";
  Handle access = property_list(H5Pcreate(H5P_FILE_ACCESS), what);
  const DriverInfo info{&status};
  check_status(H5Pset_driver(access.get(), driver_id(), &info), what);
  return access;
}

}  // namespace netadopt::io::h5
