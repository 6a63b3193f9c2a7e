// Keys of the essay model's network: [network]. Degrees and preferences are stated guesses
// shaped by the essay's hypotheses (H1: executives' wide, executive-heavy networks; H2:
// salespeople's clients everywhere; H5: middle managers' networks stay inside the firm).
#include <optional>
#include <string>

#include "netadopt/models/essay/structure/network.hpp"

namespace netadopt::models::essay {

namespace {
using scenario::KeySpec;
using scenario::KeyType;

std::string outside_key(int a) { return "network.outside_degree_" + occupation_names()[a]; }
std::string mix_key(int from, int to) {
  return "network.mix_" + occupation_names()[from] + "_" + occupation_names()[to];
}

void declare_group_degrees(scenario::Schema& schema) {
  schema.add({"network.colleague_degree",
              KeyType::Real,
              "10",
              "ties",
              {0, 1000},
              {},
              "Mean number of colleague ties: the people one works with directly (a team and "
              "its neighbours). A firm with at most this many + 1 members is a clique.",
              "",
              ""});
  schema.add({"network.former_colleague_keep",
              KeyType::Real,
              "1",
              "",
              {0, 1},
              {},
              "Share of colleague ties kept, as outside ties, when an agent leaves its firm "
              "(the others are lost with the job). 1: every former colleague stays a contact, "
              "so job mobility widens networks (H5, H9); lower values bound that growth.",
              "",
              "H9"});
  schema.add({"network.club_degree",
              KeyType::Real,
              "8",
              "ties",
              {0, 1000},
              {},
              "Mean number of ties among the members of a closed club: fellow members one knows "
              "well enough to ask a favour (H6).",
              "",
              "H6"});
}

const std::string kOutsideHelp[kOccupations] = {
    "Target mean outside ties (clients, suppliers, former colleagues, peers) of an executive: "
    "many, reaching influential people across firms (H1).",
    "Target mean outside ties of a salesperson: clients and prospects, many (H2).",
    "Target mean outside ties of a middle manager: few, half the colleague degree, since their "
    "network stays within the firm (H5)."};
const char* kOutsideDefault[kOccupations] = {"30", "30", "5"};
const char* kOutsideGroup[kOccupations] = {"H1", "H2", "H5"};

void declare_outside_degrees(scenario::Schema& schema) {
  for (int a = 0; a < kOccupations; ++a)
    schema.add(
        {outside_key(a),
         KeyType::Real,
         kOutsideDefault[a],
         "ties",
         {0, 1000},
         {},
         kOutsideHelp[a] +
             std::string(
                 " Outside ties are symmetrised with the other "
                 "roles' preferences, so the realised mean is halfway between this target and "
                 "the ties the other roles direct at this one."),
         "",
         kOutsideGroup[a]});
}

// Rows: from; columns: to. Only ratios within a row matter.
const char* kMixDefault[kOccupations][kOccupations] = {
    {"6", "2", "2"}, {"1", "1", "1"}, {"1", "2", "7"}};
const std::string kMixWhy[kOccupations] = {
    "Executives mix preferentially with executives (H1): 60% of their outside ties go to "
    "executives, four times their share of the population.",
    "Salespeople tie to everybody: clients and prospects in every role, equal weights.",
    "Middle managers' few outside ties go mostly to their counterparts in other firms."};
const char* kMixGroup[kOccupations] = {"H1", "", "H5"};

void declare_mix_row(scenario::Schema& schema, int from) {
  for (int to = 0; to < kOccupations; ++to)
    schema.add({mix_key(from, to),
                KeyType::Real,
                kMixDefault[from][to],
                "",
                {0, 1e6},
                {},
                "Preference weight of a " + occupation_names()[from] + "'s outside ties for " +
                    occupation_names()[to] + "s. Each row (network.mix_" +
                    occupation_names()[from] +
                    "_*) is normalised to sum to 1, so only ratios "
                    "within a row matter. " +
                    kMixWhy[from],
                "",
                kMixGroup[from]});
}

double row_sum(const scenario::Scenario& s, int from) {
  double sum = 0.0;
  for (int to = 0; to < kOccupations; ++to) sum += s.real(mix_key(from, to));
  return sum;
}

void check_mix_row(scenario::Schema& schema, int from) {
  schema.add_check({{mix_key(from, 0), mix_key(from, 1), mix_key(from, 2)},
                    [from](const scenario::Scenario& s) -> std::optional<std::string> {
                      if (row_sum(s, from) > 0.0) return std::nullopt;
                      return mix_key(from, 0) + ", " + mix_key(from, 1) + " and " +
                             mix_key(from, 2) + " sum to 0: the " + occupation_names()[from] +
                             " row needs a positive preference for some role";
                    }});
}
}  // namespace

void declare_network_keys(scenario::Schema& schema) {
  declare_group_degrees(schema);
  declare_outside_degrees(schema);
  for (int from = 0; from < kOccupations; ++from) declare_mix_row(schema, from);
  for (int from = 0; from < kOccupations; ++from) check_mix_row(schema, from);
  schema.declare_structural("network.", "the network was built at the start");
  schema.declare_structural("network.former_colleague_keep", "");  // applies at each job move
}

NetworkParams network_params(const scenario::Scenario& s) {
  NetworkParams p;
  p.colleague_degree = s.real("network.colleague_degree");
  p.former_colleague_keep = s.real("network.former_colleague_keep");
  p.club_degree = s.real("network.club_degree");
  for (int a = 0; a < kOccupations; ++a) p.outside_degree[a] = s.real(outside_key(a));
  for (int from = 0; from < kOccupations; ++from)
    for (int to = 0; to < kOccupations; ++to)
      p.mixing(from, to) = s.real(mix_key(from, to)) / row_sum(s, from);
  return p;
}

}  // namespace netadopt::models::essay
