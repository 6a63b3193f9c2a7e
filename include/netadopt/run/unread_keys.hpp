#pragma once
// Keys a scenario sets that its model never reads. A file with only a [culture] section used
// to run the default model (Bass) and ignore every culture key without a word; now each such
// key is a problem naming the model that was chosen (or defaulted to) and the models that do
// read the key. The CLI refuses them (exit 65), or warns with --allow-unread-keys.
#include <vector>

#include "netadopt/scenario/loader.hpp"
#include "netadopt/scenario/scenario.hpp"

namespace netadopt::run {

// One problem per key set in the file or by --set that run.model does not read; keys of the
// run layer ([fork]) are read whatever the model.
std::vector<scenario::Problem> unread_key_problems(const scenario::Scenario& scenario);

}  // namespace netadopt::run
