#pragma once
// Resume: design note.
//
// A sweep may be killed at any instant (SIGKILL, wall-time limit, node failure) and rerun with
// the same command; it must then carry on without computing a finished pair again, without
// losing one, and without ever leaving a corrupt file. An HDF5 file updated in place cannot
// promise that: a kill in the middle of a metadata write can leave the whole file unreadable.
// So the sweep keeps a journal beside its output, the folder OUT.pairs/:
//  * `sweep` holds the sweep's hash; a journal of another sweep is refused, never mixed in.
//  * Each finished pair is one small file `pair-P-R`, written under a temporary name and
//    renamed into place, so it is either wholly there or absent. Its content ends with a
//    checksum; a file that fails it (a disk that lied) is deleted and the pair recomputed.
//  * When every pair of the run is in the journal, the output is written from it at once
//    (to OUT.tmp-<pid>, renamed to OUT), and only then is the journal deleted.
// A kill loses at most the pairs in flight. Costs: one file per pair (inodes; 10^5 pairs
// are fine on a local or parallel file system) and one extra write and read of every series.
// Files are not fsync'ed: a killed process loses nothing the kernel has accepted, which is what
// a rerun needs; a power cut may lose the last pairs, which the checksum then catches.
// Pair files hold native-endian binary and are read back only on the machine that wrote them.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "netadopt/sweep/sweep_data.hpp"

namespace netadopt::sweep {

class JournalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct JournalEntry {
  std::size_t point = 0;
  std::size_t replication = 0;
  PairOutcome outcome;
};

class Journal {
 public:
  // Opens the journal folder of `out` (OUT.pairs), creating it if absent. Throws JournalError
  // if it belongs to another sweep or cannot be created.
  // While it lives, it holds a lock on the folder (released by a kill too): two runs of one
  // sweep into one output are refused.
  Journal(const std::filesystem::path& out, std::uint64_t sweep_hash);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  static std::filesystem::path folder_for(const std::filesystem::path& out);
  bool resumed() const { return resumed_; }  // it existed before

  std::vector<JournalEntry> read() const;       // every intact pair; deletes damaged files
  void write(const JournalEntry& entry) const;  // atomically; thread-safe
  void remove() const;

 private:
  std::filesystem::path folder_;
  std::uint64_t hash_;
  bool resumed_ = false;
  int lock_ = -1;
};

}  // namespace netadopt::sweep
