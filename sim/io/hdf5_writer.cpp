#include "netadopt/io/hdf5_writer.hpp"

#include "hdf5_run.hpp"
#include "netadopt/io/hdf5_image.hpp"
#include "netadopt/io/hdf5_tables.hpp"
#include "output_path.hpp"
#include "result_layout.hpp"

namespace netadopt::io {

namespace {

void write_group(hid_t file, const GroupRun& run) {
  h5::Handle group = create_group(file, run.name);
  h5::write_run(group.get(), *run.result);
  h5::write_provenance(group.get(), run.provenance);
  group.close("closing group '" + run.name + "'");
}

}  // namespace

void write_hdf5(const std::filesystem::path& out, const run::RunResult& result,
                const run::Provenance& provenance, bool force) {
  refuse_existing_output(out, force);
  check_layout(result);
  write_file_atomically(out, [&](hid_t file) {
    h5::write_run(file, result);
    h5::write_provenance(file, provenance);
  });
}

void write_hdf5_groups(const std::filesystem::path& out, const std::vector<GroupRun>& runs,
                       const RootContent& root, bool force) {
  refuse_existing_output(out, force);
  for (const GroupRun& run : runs) check_layout(*run.result);
  check_tables(root);
  write_file_atomically(out, [&](hid_t file) {
    for (const GroupRun& run : runs) write_group(file, run);
    h5::write_root_content(file, root);
  });
}

}  // namespace netadopt::io
