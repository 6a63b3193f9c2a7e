#pragma once
// Progress of a sweep on stderr: on a terminal, a bar redrawn in place (done/total, pairs per
// second, ETA); in a log (stderr not a terminal: a cluster job's output), one line every
// `interval` seconds and a last one at the end; nothing when quiet. The rate counts only the
// pairs computed by this process, so a resumed sweep does not report the journal's pairs as
// instant.
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace netadopt::sweep {

enum class ProgressStyle { Bar, Lines, Quiet };

class Progress {
 public:
  using Clock = std::chrono::steady_clock;
  Progress(std::ostream& out, ProgressStyle style, double interval_seconds);

  void start(std::size_t done, std::size_t total);  // `done` already in the journal
  void update(std::size_t done);
  void finish();

  // One report, as it would be printed, for `done` of `total` after `elapsed` seconds with
  // `fresh` of them computed by this process.
  static std::string line(std::size_t done, std::size_t total, std::size_t fresh, double elapsed);
  static std::string bar(std::size_t done, std::size_t total, std::size_t fresh, double elapsed);

 private:
  void print(bool final);
  double elapsed() const;

  std::ostream& out_;
  ProgressStyle style_;
  double interval_;
  Clock::time_point started_;
  Clock::time_point last_;
  std::size_t first_ = 0, done_ = 0, total_ = 0;
};

// Bar if `fd` is a terminal, else Lines; Quiet when quiet.
ProgressStyle progress_style(int fd, bool quiet);

}  // namespace netadopt::sweep
