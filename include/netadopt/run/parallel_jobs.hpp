#pragma once
// The one parallel loop of runs, comparisons and resumable runs: independent jobs (replications,
// or variant x replication pairs) spread over OpenMP threads.
#include <cstddef>
#include <functional>

namespace netadopt::run {

// Runs job(i) for every i in [0, count) on `threads` threads (0: OpenMP's default), one job at
// a time per thread (dynamic schedule: jobs differ in length). After each job, finished or
// failed, `after(i)` runs under a lock (progress counters). The first exception a job throws is
// rethrown once every job has run: an exception must not leave an OpenMP loop.
void parallel_jobs(std::size_t count, int threads, const std::function<void(std::size_t)>& job,
                   const std::function<void(std::size_t)>& after = nullptr);

}  // namespace netadopt::run
