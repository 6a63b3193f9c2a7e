#pragma once
namespace netadopt {
const char* version();   // `git describe` at build time
const char* compiler();  // compiler id and version
}  // namespace netadopt
