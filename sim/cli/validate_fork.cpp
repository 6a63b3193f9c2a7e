// `netadopt validate FORK.ini`: a fork resolves against its checkpoint, so validate reads the
// checkpoint, plans the fork as `run` would, and prints the base's scenario with the fork's
// changes marked `# fork: was ...`, after comments naming the checkpoint and the date: the
// text the fork's output keeps as its `scenario` attribute.
#include <iostream>

#include "checkpoint_folder.hpp"
#include "exit_codes.hpp"
#include "run_support.hpp"

namespace netadopt::cli {

int validate_fork(const scenario::Scenario& fork_file) {
  const ForkStart start = start_fork(fork_file);
  const scenario::Scenario& fork = start.plan.fork;
  std::cout << run::fork_preamble(start.plan.origin)
            << fork.annotated_ini(validate_annotations(fork));
  return kOk;
}

}  // namespace netadopt::cli
