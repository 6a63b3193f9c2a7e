#include "netadopt/sweep/journal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>

#include "netadopt/scenario/read_file.hpp"
#include "netadopt/sweep/sweep_spec.hpp"
#include "pair_codec.hpp"

namespace netadopt::sweep {

namespace fs = std::filesystem;

namespace {
constexpr const char* kStamp = "sweep";
constexpr const char* kLock = "lock";

// The journal's files are its own: a stamp of 16 characters and pairs of one replication's
// series. Anything larger was not written by it (read as damaged, "" or no bytes).
constexpr std::size_t kMaxStampBytes = 4096;
constexpr std::size_t kMaxPairBytes = std::size_t{1} << 30;

// The bytes of `file`; "" if it is missing, unreadable or larger than `limit`.
std::string read_all(const fs::path& file, std::size_t limit) {
  try {
    return scenario::read_text_file(file, "a file of the sweep's journal", limit);
  } catch (const scenario::FileReadError&) {
    return "";
  }
}

void write_all(const fs::path& file, const void* data, std::size_t size) {
  const fs::path temp =
      file.parent_path() / ("tmp-" + std::to_string(getpid()) + "-" + file.filename().string());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out.flush()) throw JournalError("cannot write '" + temp.string() + "'");
  }
  fs::rename(temp, file);
}

// Two runs of one sweep into one output would delete each other's temporary files.
int lock_folder(const fs::path& folder) {
  const int fd = open((folder / kLock).c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
  if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0) return fd;
  if (fd >= 0) close(fd);
  throw JournalError("'" + folder.string() + "' is in use by another netadopt sweep");
}

void check_stamp(const fs::path& folder, std::uint64_t hash) {
  const std::string found = read_all(folder / kStamp, kMaxStampBytes);
  if (found != hash_text(hash))
    throw JournalError("'" + folder.string() + "' holds the finished pairs of another sweep (" +
                       (found.empty() ? "no sweep hash" : "sweep " + found) + ", this one is " +
                       hash_text(hash) + "); remove it, or write to another output");
}

std::string pair_name(std::size_t point, std::size_t replication) {
  return "pair-" + std::to_string(point) + "-" + std::to_string(replication);
}

std::vector<unsigned char> read_bytes(const fs::path& file) {
  const std::string bytes = read_all(file, kMaxPairBytes);
  return {bytes.begin(), bytes.end()};
}
}  // namespace

fs::path Journal::folder_for(const fs::path& out) { return fs::path(out.string() + ".pairs"); }

Journal::Journal(const fs::path& out, std::uint64_t sweep_hash)
    : folder_(folder_for(out)), hash_(sweep_hash) {
  std::error_code error;
  resumed_ = fs::exists(folder_ / kStamp, error);
  fs::create_directories(folder_, error);
  if (error) throw JournalError("cannot create '" + folder_.string() + "': " + error.message());
  lock_ = lock_folder(folder_);
  try {
    if (resumed_) {
      check_stamp(folder_, hash_);
    } else {
      const std::string stamp = hash_text(hash_);
      write_all(folder_ / kStamp, stamp.data(), stamp.size());
    }
  } catch (...) {
    close(lock_);
    throw;
  }
}

Journal::~Journal() { close(lock_); }

std::vector<JournalEntry> Journal::read() const {
  std::vector<JournalEntry> entries;
  for (const auto& item : fs::directory_iterator(folder_)) {
    const std::string name = item.path().filename().string();
    if (name.starts_with("tmp-")) fs::remove(item.path());
    if (!name.starts_with("pair-")) continue;
    auto entry = detail::decode_pair(read_bytes(item.path()), hash_);
    if (entry && name == pair_name(entry->point, entry->replication))
      entries.push_back(std::move(*entry));
    else
      fs::remove(item.path());
  }
  return entries;
}

void Journal::write(const JournalEntry& entry) const {
  const auto bytes = detail::encode_pair(entry, hash_);
  write_all(folder_ / pair_name(entry.point, entry.replication), bytes.data(), bytes.size());
}

void Journal::remove() const {
  std::error_code ignored;
  fs::remove_all(folder_, ignored);
}

}  // namespace netadopt::sweep
