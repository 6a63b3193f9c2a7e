#include "netadopt/run/checkpoint.hpp"

namespace netadopt::run {

const char* stage_name(Stage stage) {
  switch (stage) {
    case Stage::NotStarted: return "not started";
    case Stage::Paused: return "paused";
    case Stage::Finished: return "finished";
  }
  return "unknown";
}

}  // namespace netadopt::run
