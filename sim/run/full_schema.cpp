#include "netadopt/run/full_schema.hpp"

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/fork.hpp"

namespace netadopt::run {

namespace {
scenario::Schema build_schema() {
  scenario::Schema schema;
  models::declare_model_keys(schema);
  declare_fork_keys(schema);
  return schema;
}
}  // namespace

const scenario::Schema& full_schema() {
  static const scenario::Schema schema = build_schema();
  return schema;
}

}  // namespace netadopt::run
