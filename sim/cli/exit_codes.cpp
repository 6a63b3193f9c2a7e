#include "exit_codes.hpp"

namespace netadopt::cli {

const char* exit_code_meaning(int code) {
  switch (code) {
    case kOk: return "success";
    case kUsage: return "usage error (unknown command or option)";
    case kDataError: return "invalid scenario";
    case kNoInput: return "scenario file or checkpoint cannot be read";
    case kUnavailable: return "not enough memory for the run";
    case kSoftware: return "internal error";
    case kCantCreate: return "output cannot be created";
    case kIoError: return "output could not be written";
    case kTempFail: return "interrupted; a checkpoint was written (run --resume)";
    default: return "unknown";
  }
}

}  // namespace netadopt::cli
