#pragma once
// The process-wide stop request, set by the CLI's SIGTERM/SIGINT handlers: a lock-free atomic,
// the only kind of state a handler may touch safely. Replications poll it before each event
// (run/), and the long loops that build a model (a population of millions takes minutes) poll
// it through poll_stop and throw Stopped, so a stop is prompt whatever the run is doing.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace netadopt::core {

void request_stop(int signal) noexcept;  // async-signal-safe
int stop_requested() noexcept;           // the signal number, or 0
void clear_stop_request() noexcept;      // for tests, and before a new run

// Thrown by a model's construction when a stop was requested: nothing was built.
class Stopped : public std::runtime_error {
 public:
  Stopped(int signal, const std::string& during)
      : std::runtime_error("stopped by signal " + std::to_string(signal) + " while " + during),
        signal_(signal) {}
  int signal() const { return signal_; }

 private:
  int signal_;
};

// Throws Stopped if a stop was requested. `during`: what was being done ("building the
// population").
void throw_if_stopped(const char* during);

// For a hot loop: checks the flag every 65,536 calls of this thread (the loop need not pay an
// atomic load per step).
inline void poll_stop(const char* during) {
  thread_local std::uint32_t calls = 0;
  if ((++calls & 0xFFFFu) == 0) throw_if_stopped(during);
}

}  // namespace netadopt::core
