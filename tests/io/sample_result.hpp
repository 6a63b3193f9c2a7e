#pragma once
// Test helper: small, hand-made run results whose every number is known in advance.
#include <filesystem>
#include <string>
#include <vector>

#include "netadopt/run/result.hpp"

namespace netadopt::io::testing {

inline constexpr int kDays1970To2003 = 12053;  // 2003-01-01

// 2 replications x 3 times; "members_by_role" (int64, extra dim role = lurker, poster) holds
// 100*r + 10*t + k; "mean_degree" (float64) holds r + t/4. Events 1000 + r, fingerprints fixed.
run::RunResult small_result();
run::Provenance sample_provenance();

// A fresh, empty directory under the build tree, removed with its contents on destruction.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  std::vector<std::string> entries() const;  // file names, sorted

 private:
  std::filesystem::path path_;
};

}  // namespace netadopt::io::testing
