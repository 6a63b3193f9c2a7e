// Measuring a case in a forked child: memory from /proc/self/status, the result sent back
// through a pipe as one tab-separated line.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "bench.hpp"

namespace netadopt::bench {

double resident_bytes(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(field) + ":";
  while (std::getline(status, line))
    if (line.rfind(prefix, 0) == 0) return std::stod(line.substr(prefix.size())) * 1024.0;
  return 0.0;
}

namespace {
std::string encode(const Measure& m) {
  std::ostringstream out;
  out.precision(17);
  out << m.agents << '\t' << m.ties << '\t' << m.threads << '\t' << m.replications << '\t'
      << m.events << '\t' << m.wall_seconds << '\t' << m.cpu_seconds << '\t' << m.build_seconds
      << '\t' << m.base_bytes << '\t' << m.peak_bytes << '\t' << m.tie_bytes << '\n';
  return out.str();
}

bool decode(const std::string& text, Measure& m) {
  std::istringstream in(text);
  return static_cast<bool>(in >> m.agents >> m.ties >> m.threads >> m.replications >> m.events >>
                           m.wall_seconds >> m.cpu_seconds >> m.build_seconds >> m.base_bytes >>
                           m.peak_bytes >> m.tie_bytes);
}

[[noreturn]] void child(const Case& c, int fd) {
  int code = 0;
  try {
    const double base = resident_bytes("VmRSS");
    Measure m = c.run();
    m.base_bytes = base;
    m.peak_bytes = resident_bytes("VmHWM");
    const std::string line = encode(m);
    code = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "netadopt_bench: case " << c.name << " failed: " << e.what() << '\n';
    code = 1;
  }
  std::fflush(nullptr);
  _exit(code);
}

// Runs `f` in a child and waits; returns what the child wrote, and whether it exited with 0.
bool in_child(const std::function<void(int)>& f, std::string& text) {
  int fds[2];
  if (pipe(fds) != 0) return false;
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    f(fds[1]);
  }
  close(fds[1]);
  char buffer[512];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
    text.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
}  // namespace

bool run_isolated(const Case& c, Measure& out) {
  std::string ignored, text;
  if (c.prepare && !in_child(
                       [&](int) {
                         c.prepare();
                         std::fflush(nullptr);
                         _exit(0);
                       },
                       ignored))
    return false;
  if (!in_child([&](int fd) { child(c, fd); }, text)) return false;
  out.name = c.name;
  return decode(text, out);
}

namespace {
std::string fixed(double value, int digits) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

// Bytes per agent beyond the ties (the "X bytes per agent plus 8 per tie").
double agent_bytes(const Measure& m) {
  return (m.peak_bytes - m.base_bytes - m.tie_bytes) / static_cast<double>(m.agents);
}

std::string rate(double count, double seconds) {
  char text[32];
  if (count <= 0 || seconds <= 0) return "-";
  std::snprintf(text, sizeof text, "%.3g", count / seconds);
  return text;
}
}  // namespace

void print_header() {
  std::printf("%-24s %9s %9s %3s %4s %11s %8s %10s %8s %11s %9s %7s %8s %7s %6s\n", "case", "N",
              "ties", "thr", "reps", "events", "wall_s", "events/s", "cpu_s", "events/cpu_s",
              "runs/cpu_s", "build_s", "peak_MB", "B/agent", "B/tie");
}

void print_row(const Measure& m) {
  std::printf("%-24s %9llu %9s %3d %4d %11llu %8.3f %10s %8.3f %11s %9s %7s %8.1f %7.1f %6s\n",
              m.name.c_str(), static_cast<unsigned long long>(m.agents),
              m.ties ? std::to_string(m.ties).c_str() : "-", m.threads, m.replications,
              static_cast<unsigned long long>(m.events), m.wall_seconds,
              rate(static_cast<double>(m.events), m.wall_seconds).c_str(), m.cpu_seconds,
              rate(static_cast<double>(m.events), m.cpu_seconds).c_str(),
              rate(m.replications, m.cpu_seconds).c_str(),
              m.build_seconds < 0 ? "-" : fixed(m.build_seconds, 3).c_str(),
              m.peak_bytes / 1048576.0, agent_bytes(m),
              m.ties ? fixed(m.tie_bytes / static_cast<double>(m.ties), 1).c_str() : "-");
  std::fflush(stdout);
}

void write_csv(const std::string& path, const std::vector<Measure>& rows) {
  std::ofstream out(path);
  out << "case,agents,ties,threads,replications,events,wall_seconds,events_per_second,cpu_seconds,"
         "runs_per_cpu_second,build_seconds,base_bytes,peak_bytes,bytes_per_agent_beyond_ties,"
         "bytes_per_tie\n";
  for (const auto& m : rows)
    out << m.name << ',' << m.agents << ',' << m.ties << ',' << m.threads << ',' << m.replications
        << ',' << m.events << ',' << m.wall_seconds << ','
        << static_cast<double>(m.events) / m.wall_seconds << ',' << m.cpu_seconds << ','
        << m.replications / m.cpu_seconds << ',' << m.build_seconds << ',' << m.base_bytes << ','
        << m.peak_bytes << ',' << agent_bytes(m) << ','
        << (m.ties ? m.tie_bytes / static_cast<double>(m.ties) : 0.0) << '\n';
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace netadopt::bench
