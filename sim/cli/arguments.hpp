#pragma once
// What every command shares: parsing its arguments with Boost.Program_options (bad ones become
// a UsageError, exit 64), the check of an output path before any work, and the UTC time stamp
// written into outputs.
#include <boost/program_options.hpp>
#include <filesystem>
#include <string>

#include "commands.hpp"

namespace netadopt::cli {

// `positional` names the arguments without a flag (FILE, A.ini B.ini, ...).
boost::program_options::variables_map parse_arguments(
    const Args& args, const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional);

// `out` can be written (absent, or `force`; its folder exists and is writable): else throws
// CannotCreateOutput (exit 73).
void check_output(const std::filesystem::path& out, bool force);

std::string utc_now();  // ISO 8601, seconds, "Z"

}  // namespace netadopt::cli
