#include "netadopt/run/parallel_jobs.hpp"

#include <omp.h>

#include <exception>

namespace netadopt::run {

void parallel_jobs(std::size_t count, int threads, const std::function<void(std::size_t)>& job,
                   const std::function<void(std::size_t)>& after) {
  const int used = threads > 0 ? threads : omp_get_max_threads();
  std::exception_ptr failure;
#pragma omp parallel for schedule(dynamic, 1) num_threads(used)
  for (long j = 0; j < static_cast<long>(count); ++j) {
    const auto i = static_cast<std::size_t>(j);
    try {
      job(i);
    } catch (...) {
#pragma omp critical(netadopt_job_failure)
      if (!failure) failure = std::current_exception();
    }
#pragma omp critical(netadopt_job_after)
    if (after) after(i);
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace netadopt::run
