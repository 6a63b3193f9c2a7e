#pragma once
// The professional network: colleague ties within firms, club ties within clubs, and outside
// ties (clients, suppliers, former colleagues) drawn with a role-by-role mixing matrix.
//
// Outside ties. With n_a agents of occupation a, mean outside degree d_a and a row-stochastic
// preference matrix P (P_ab: share of a's outside ties that go to b), the expected number of
// tie ends of a that lie at b is the symmetrised E = (S P + (S P)^T) / 2, S = diag(n_a d_a)
// (Eigen): E_ab ties between a and b when a != b, E_aa / 2 ties within a. The realised mean
// outside degree of a is sum_b E_ab / n_a: d_a when the preferences are balanced, otherwise
// halfway between d_a and the ties the other roles direct at a.
// Each tie joins a uniform agent of a and a uniform agent of b; self-ties and repeats (of any
// kind) are redrawn a bounded number of times, then dropped. A pair has at most one tie: the
// first kind drawn (colleague, then club, then outside) wins. Cost O(ties x mean degree), the
// repeat check scanning the shorter of the two lists; degrees do not grow with N.
// Colleague ties: a firm of size s <= k + 1 is a clique; a larger one gets s k / 2 ties between
// uniform pairs of its members (mean degree k). Clubs likewise with their own degree.
// On a job move the old colleague ties become outside ties ("former colleagues", H5/H9) and
// new colleague ties form in the new firm.
#include <Eigen/Dense>
#include <array>
#include <cstdint>
#include <vector>

#include "netadopt/core/random.hpp"
#include "netadopt/core/state_archive.hpp"
#include "netadopt/models/essay/structure/population.hpp"
#include "netadopt/models/essay/structure/tie_lists.hpp"

namespace netadopt::models::essay {

// Defaults equal the scenario keys' defaults (network_keys.cpp says why).
struct NetworkParams {
  double colleague_degree = 10.0;
  double club_degree = 8.0;
  double former_colleague_keep = 1.0;  // share of colleague ties kept (as outside) on leaving
  std::array<double, kOccupations> outside_degree = {30.0, 30.0, 5.0};
  Eigen::Matrix3d mixing =  // rows sum to 1; rows: from, columns: to
      (Eigen::Matrix3d() << 0.6, 0.2, 0.2, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0.1, 0.2, 0.7).finished();
};

NetworkParams network_params(const scenario::Scenario& scenario);  // mixing rows normalised
void declare_network_keys(scenario::Schema& schema);               // [network]

// E above, from the number of agents of each occupation (employed or not).
Eigen::Matrix3d expected_outside_ties(const std::array<std::size_t, kOccupations>& occupation_count,
                                      const NetworkParams& params);

class Network {
 public:
  Network(const Population& population, const NetworkParams& params, core::Stream& stream);

  std::span<const Tie> ties(std::uint32_t i) const { return adjacency_[i]; }
  std::size_t tie_count() const;  // undirected

  // Colleague ties of i become outside ties (both ends): i left its firm.
  void colleagues_become_outside(std::uint32_t i);
  // As colleagues_become_outside, but each former colleague is kept only with probability
  // `keep`; the others are dropped at both ends (contacts lost with the job). Returns them.
  std::vector<std::uint32_t> keep_former_colleagues(std::uint32_t i, double keep,
                                                    core::Stream& stream);
  // i joined `firm` (already hired into it in `population`): draws about k new colleague ties
  // (all other members if there are at most k; k's fraction by a Bernoulli draw). A member
  // already tied to i keeps the tie's kind.
  void form_colleague_ties(std::uint32_t i, const Population& population, core::Stream& stream);

  void persist(core::StateArchive& archive);  // checkpoints

 private:
  void build(const Population& population, const NetworkParams& params, core::Stream& stream);
  void add_tie(std::uint32_t a, std::uint32_t b, TieKind kind);  // unless a == b or tied
  TieLists adjacency_;
  double colleague_degree_;
};

// What the output reports about the network, computed at time 0.
struct NetworkSummary {
  // mean degree by role (rows) and tie kind (columns)
  std::array<std::array<double, kTieKinds>, kRoles> mean_degree{};
  std::array<std::size_t, kRoles> role_count{};
  double clustering = 0.0;        // estimated global clustering (share of closed wedges), sampled
  std::vector<double> size_bins;  // upper bounds of log2 size bins: 1, 2, 4, ...
  std::vector<std::uint64_t> firm_size_histogram;  // firms per bin
  std::vector<std::uint64_t> club_size_histogram;  // clubs per bin
};

void persist(core::StateArchive& archive, NetworkSummary& summary);  // checkpoints

NetworkSummary summarize_network(const Population& population, const Network& network,
                                 core::Stream& stream);

}  // namespace netadopt::models::essay
