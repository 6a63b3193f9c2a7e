#include "huge_pages.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace netadopt::cli {

namespace {
constexpr const char* kTunable = "glibc.malloc.hugetlb";
}

void restart_with_huge_pages(char** argv) {
  const char* off = std::getenv("NETADOPT_HUGEPAGES");
  if (off && std::string(off) == "0") return;
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  const std::string current = tunables ? tunables : "";
  if (current.find(kTunable) != std::string::npos) return;  // set already (by us, or the user)
  const std::string next = (current.empty() ? "" : current + ":") + kTunable + "=1";
  if (setenv("GLIBC_TUNABLES", next.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);  // returns only on failure: then run without huge pages
}

}  // namespace netadopt::cli
