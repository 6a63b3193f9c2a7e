// Checkpoints of the essay model's structure: the population (jobs change), the network
// (colleague ties move with jobs) and its summary. Static parts (clubs, hostile firms, hiring
// weights) are saved too: a checkpoint is the whole state, not a diff against a rebuild.
#include "netadopt/models/essay/structure/network.hpp"
#include "netadopt/models/essay/structure/population.hpp"

namespace netadopt::models::essay {

using core::StateArchive;

void Population::persist(core::StateArchive& archive) {
  archive.expect("agent_count", agents_.size());
  archive.expect("firms", firm_members_.size());
  archive.expect("clubs", club_members_.size());
  archive.vector("agents", agents_);
  archive.nested("firm_members", firm_members_);
  archive.vector("position_in_firm", position_in_firm_);
  archive.bools("firm_hostile", firm_hostile_);
  archive.vector("firm_size_at_start", firm_size_at_start_);
  archive.nested("club_members", club_members_);
  archive.value("role_count", role_count_);
}

void Network::persist(core::StateArchive& archive) {
  StateArchive::Scope scope(archive, "adjacency");
  adjacency_.persist(archive);
}

void persist(core::StateArchive& archive, NetworkSummary& summary) {
  archive.value("mean_degree", summary.mean_degree);
  archive.value("role_count", summary.role_count);
  archive.value("clustering", summary.clustering);
  archive.vector("size_bins", summary.size_bins);
  archive.vector("firm_size_histogram", summary.firm_size_histogram);
  archive.vector("club_size_histogram", summary.club_size_histogram);
}

}  // namespace netadopt::models::essay
