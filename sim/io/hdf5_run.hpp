#pragma once
// Internal to netadopt_io: one RunResult in the standard run layout (dimension scales, one
// dataset per variable, events and fingerprints, the attributes population_size and
// workforce_share) and its provenance, at a location that is the file's root (`netadopt run`)
// or a group (`netadopt compare`, one group per scenario).
#include "netadopt/io/hdf5_handles.hpp"
#include "netadopt/run/result.hpp"

namespace netadopt::io::h5 {

void write_run(hid_t location, const run::RunResult& result);
void write_provenance(hid_t location, const run::Provenance& provenance);

}  // namespace netadopt::io::h5
