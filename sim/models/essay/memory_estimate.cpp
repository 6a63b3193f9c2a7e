// The essay model's costs were measured as the peak resident memory (/usr/bin/time -v) of one
// replication on one thread of scenarios/france.ini (Release build, g++ 12), at 200,000 and
// 400,000 agents:
//   no ties at all (every degree 0), 1 to 3 platforms: 95 bytes per agent + 24 per platform;
//   with ties: 4.2 to 5.1 bytes per tie end (a 4-byte Tie and the lists' spare room, at most a
//   quarter), with the default degrees over 1, 7 and 17 years, with outside degrees of 60,
//   and for the US; 5.5 is used.
// Tie ends per agent: the nominal degree the network keys ask for, plus those that job moves
// add: each move draws about network.colleague_degree new colleague ties (two ends each) while
// the old ones are kept as outside ties (network.former_colleague_keep = 1), so
// 2 x colleague_degree x (separation + job-to-job rate) x years. Against the measured peaks
// at 200,000 agents (France: 94 MB over 7 years, 78 MB over 1, 130 MB over 17, 140 MB with
// outside degrees of 60; the US: 105 MB over 7 years) the estimate is 17%, 10%, 22%, 13% and
// 23% high; at 1,000,000 (France, 7 years: 408 MB) 15% high.
#include "netadopt/models/essay/memory_estimate.hpp"

#include "netadopt/models/essay/culture.hpp"
#include "netadopt/models/essay/structure/population.hpp"
#include "netadopt/scenario/date.hpp"

namespace netadopt::models::essay {

namespace {
constexpr double kEssayBytesPerAgent = 104.0;  // + 8: propensity and language traits
// + 9: the pending-invitation pool; + 4: the annoyance's day is a double since messages are
// drawn at deliveries (its value a float, as before): 12 bytes per agent and platform.
constexpr double kEssayBytesPerAgentPlatform = 37.0;
constexpr double kEssayBytesPerTieEnd = 5.5;

using scenario::kDaysPerYear;
using scenario::Scenario;

double occupation_share(const Scenario& s, Occupation occupation) {
  return occupation_shares(s)[static_cast<std::size_t>(occupation)];
}

// Mean degree the network keys ask for: colleagues, club fellows, outside ties.
double nominal_essay_degree(const Scenario& s) {
  const double executives = occupation_share(s, Occupation::Executive);
  const double club_members = executives * s.real("clubs.executive_membership") +
                              (1.0 - executives) * s.real("clubs.other_membership");
  const double outside =
      executives * s.real("network.outside_degree_executive") +
      occupation_share(s, Occupation::Salesperson) * s.real("network.outside_degree_salesperson") +
      occupation_share(s, Occupation::MiddleManager) *
          s.real("network.outside_degree_middle_manager");
  return s.real("network.colleague_degree") + club_members * s.real("network.club_degree") +
         outside;
}

// Tie ends per agent that job moves add over the run (former colleagues kept, new ones drawn).
double moved_tie_ends(const Scenario& s) {
  const auto rates = labour_rates(s);
  const double years =
      static_cast<double>(s.date("run.end").days - s.date("run.start").days) / kDaysPerYear;
  return 2.0 * s.real("network.colleague_degree") * (rates.separation + rates.job_to_job) * years;
}
}  // namespace

double replication_bytes(const Scenario& s) {
  const auto agents = static_cast<double>(s.integer("population.size"));
  const auto platforms = static_cast<double>(s.integer("platforms.count"));
  const double tie_ends = nominal_essay_degree(s) + moved_tie_ends(s);
  return agents * (kEssayBytesPerAgent + platforms * kEssayBytesPerAgentPlatform +
                   tie_ends * kEssayBytesPerTieEnd);
}

}  // namespace netadopt::models::essay
