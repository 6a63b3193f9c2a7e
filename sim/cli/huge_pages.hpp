#pragma once
// Huge pages for the heap: design note.
//
// A large essay run spends much of its time on TLB misses: every job move scans the tie lists
// of about ten random agents, each its own small heap block, over gigabytes. glibc's malloc
// backs its heap with transparent huge pages when the tunable glibc.malloc.hugetlb=1 is set
// (glibc 2.35 and later; Debian 12 has 2.36), which cut France at 10^6 agents from 26 s to
// 20 s on the development machine, results unchanged. Tunables are read only when a program
// starts, so netadopt sets it and executes itself again, once, keeping its process id (signals
// and job schedulers are not affected). NETADOPT_HUGEPAGES=0 turns this off; where the kernel
// does not allow transparent huge pages, the tunable does nothing.
namespace netadopt::cli {

// Returns only if netadopt already runs with the tunable, is told not to, or cannot re-execute.
void restart_with_huge_pages(char** argv);

}  // namespace netadopt::cli
