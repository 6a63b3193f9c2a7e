#pragma once
// Exit codes of the netadopt CLI, from sysexits.h so that scripts and schedulers can tell a
// bad scenario from a full disk.
#include <array>
#include <string>

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
  // 128 + N: stopped by signal N before any replication began (while building the models, for
  // instance): nothing was written, run the command again (the shells' code for signal N).
  kStoppedBeforeStart = 128,
};

// What each code means to a user, as the usage text lists them (one table: exit_codes.cpp
// writes the text from it).
struct ExitCodeMeaning {
  ExitCode code;
  const char* meaning;
  const char* label = nullptr;  // the code as printed, when not a plain number
};
inline constexpr std::array<ExitCodeMeaning, 10> kExitCodeMeanings = {{
    {kOk, "ok"},
    {kUsage, "usage"},
    {kDataError, "invalid scenario"},
    {kNoInput, "unreadable scenario or checkpoint"},
    {kUnavailable, "not enough memory (run --no-memory-check overrides)"},
    {kSoftware, "internal error"},
    {kCantCreate, "output cannot be created"},
    {kIoError, "output write failed"},
    {kTempFail, "interrupted by SIGTERM/SIGINT, checkpoint written (run --resume DIR)"},
    {kStoppedBeforeStart, "interrupted by signal N before any replication began, nothing written",
     "128+N"},
}};

// "exit codes: 0 ok, 64 usage, ...", wrapped to the usage text's width.
std::string exit_codes_text();

}  // namespace netadopt::cli
