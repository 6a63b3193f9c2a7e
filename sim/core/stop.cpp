#include "netadopt/core/stop.hpp"

#include <atomic>

namespace netadopt::core {

namespace {
std::atomic<int> requested{0};
static_assert(std::atomic<int>::is_always_lock_free);
}  // namespace

void request_stop(int signal) noexcept { requested.store(signal, std::memory_order_relaxed); }
int stop_requested() noexcept { return requested.load(std::memory_order_relaxed); }
void clear_stop_request() noexcept { requested.store(0, std::memory_order_relaxed); }

void throw_if_stopped(const char* during) {
  if (const int signal = stop_requested(); signal != 0) throw Stopped(signal, during);
}

}  // namespace netadopt::core
