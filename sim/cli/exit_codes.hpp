#pragma once
// Exit codes of the netadopt CLI, from sysexits.h so that scripts and schedulers can tell a
// bad scenario from a full disk.
namespace netadopt::cli {

enum ExitCode : int {
  kOk = 0,
  kUsage = 64,        // EX_USAGE: unknown command, bad flag
  kDataError = 65,    // EX_DATAERR: the scenario is invalid
  kNoInput = 66,      // EX_NOINPUT: the scenario file (or a checkpoint) cannot be read
  kUnavailable = 69,  // EX_UNAVAILABLE: the run needs more memory than the machine has
  kSoftware = 70,     // EX_SOFTWARE: an internal error (a bug: please report it)
  kCantCreate = 73,   // EX_CANTCREAT: the output exists (no --force) or its folder is missing
  kIoError = 74,      // EX_IOERR: writing the output failed (disk full, permissions)
  kTempFail = 75,     // EX_TEMPFAIL: stopped by SIGTERM/SIGINT, checkpoint written: resume it
};

const char* exit_code_meaning(int code);

}  // namespace netadopt::cli
