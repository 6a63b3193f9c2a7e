#include "netadopt/sweep/progress.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace netadopt::sweep {

namespace {
constexpr std::size_t kBarWidth = 30;
constexpr double kRedrawSeconds = 0.2;

double rate(std::size_t fresh, double elapsed) {
  return elapsed > 0 ? static_cast<double>(fresh) / elapsed : 0.0;
}

std::string duration(double seconds) {
  if (!std::isfinite(seconds)) return "?";
  const auto s = static_cast<long>(std::lround(seconds));
  char text[32];
  std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return text;
}

std::string counts(std::size_t done, std::size_t total, std::size_t fresh, double elapsed) {
  const double r = rate(fresh, elapsed);
  const double eta = r > 0 ? static_cast<double>(total - done) / r : NAN;
  char text[128];
  std::snprintf(text, sizeof text, "%zu/%zu pairs (%.0f%%), %.1f pairs/s, ETA %s", done, total,
                total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0, r,
                done == total ? "0:00:00" : duration(eta).c_str());
  return text;
}
}  // namespace

Progress::Progress(std::ostream& out, ProgressStyle style, double interval_seconds)
    : out_(out), style_(style), interval_(interval_seconds) {}

std::string Progress::line(std::size_t done, std::size_t total, std::size_t fresh, double elapsed) {
  return "sweep: " + counts(done, total, fresh, elapsed) + "\n";
}

std::string Progress::bar(std::size_t done, std::size_t total, std::size_t fresh, double elapsed) {
  const std::size_t filled = total ? done * kBarWidth / total : kBarWidth;
  return "\r[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "] " +
         counts(done, total, fresh, elapsed) + "\033[K";
}

double Progress::elapsed() const {
  return std::chrono::duration<double>(Clock::now() - started_).count();
}

void Progress::start(std::size_t done, std::size_t total) {
  started_ = last_ = Clock::now();
  first_ = done_ = done;
  total_ = total;
  if (style_ == ProgressStyle::Quiet) return;
  if (done > 0) out_ << "sweep: resuming, " << done << " of " << total << " pairs already done\n";
  print(false);
}

void Progress::update(std::size_t done) {
  done_ = done;
  const double since = std::chrono::duration<double>(Clock::now() - last_).count();
  if (since >= (style_ == ProgressStyle::Bar ? kRedrawSeconds : interval_)) print(false);
}

void Progress::finish() { print(true); }

void Progress::print(bool final) {
  if (style_ == ProgressStyle::Quiet) return;
  last_ = Clock::now();
  if (style_ == ProgressStyle::Bar)
    out_ << bar(done_, total_, done_ - first_, elapsed()) << (final ? "\n" : "");
  else
    out_ << line(done_, total_, done_ - first_, elapsed());
  out_.flush();
}

ProgressStyle progress_style(int fd, bool quiet) {
  if (quiet) return ProgressStyle::Quiet;
  return isatty(fd) ? ProgressStyle::Bar : ProgressStyle::Lines;
}

}  // namespace netadopt::sweep
