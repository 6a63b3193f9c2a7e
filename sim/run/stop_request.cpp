// The stop request set by signal handlers: a lock-free atomic, the only kind of state a handler
// may touch safely. Replications poll it before each event.
#include <atomic>

#include "netadopt/run/resumable.hpp"

namespace netadopt::run {

namespace {
std::atomic<int> requested{0};
static_assert(std::atomic<int>::is_always_lock_free);
}  // namespace

void request_stop(int signal) noexcept { requested.store(signal, std::memory_order_relaxed); }
int stop_requested() noexcept { return requested.load(std::memory_order_relaxed); }
void clear_stop_request() noexcept { requested.store(0, std::memory_order_relaxed); }

}  // namespace netadopt::run
