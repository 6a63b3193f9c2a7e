#pragma once
// The essay's actors. An agent has an occupation (executive, salesperson, middle manager) and an
// employment status; the four reported roles are the three occupations of employed agents and
// "job seeker" for the unemployed of any occupation.
#include <array>
#include <cstdint>
#include <string>

namespace netadopt::models::essay {

enum class Occupation : std::uint8_t { Executive = 0, Salesperson = 1, MiddleManager = 2 };
enum class Role : std::uint8_t { Executive = 0, Salesperson = 1, MiddleManager = 2, JobSeeker = 3 };
enum class TieKind : std::uint8_t { Colleague = 0, Club = 1, Outside = 2 };

constexpr int kOccupations = 3;
constexpr int kRoles = 4;
constexpr int kTieKinds = 3;

inline const std::array<std::string, kOccupations>& occupation_names() {
  static const std::array<std::string, kOccupations> names = {"executive", "salesperson",
                                                              "middle_manager"};
  return names;
}
inline const std::array<std::string, kRoles>& role_names() {
  static const std::array<std::string, kRoles> names = {"executive", "salesperson",
                                                        "middle_manager", "job_seeker"};
  return names;
}
inline const std::array<std::string, kTieKinds>& tie_kind_names() {
  static const std::array<std::string, kTieKinds> names = {"colleague", "club", "outside"};
  return names;
}

inline Role role_of(Occupation occupation, bool employed) {
  return employed ? static_cast<Role>(occupation) : Role::JobSeeker;
}

}  // namespace netadopt::models::essay
