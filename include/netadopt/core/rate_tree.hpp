#pragma once
// A sum tree over per-entity rates, for Gillespie's direct method when rates differ between
// entities: set one rate in O(log n), read the total in O(1), and pick an entity with
// probability proportional to its rate in O(log n). Parents are recomputed from their children
// (never updated by differences), so the total does not drift after millions of updates.
#include <cstddef>
#include <vector>

namespace netadopt::core {

class StateArchive;

class RateTree {
 public:
  explicit RateTree(std::size_t n = 0);

  void set(std::size_t i, double rate);  // rate >= 0
  double rate(std::size_t i) const { return tree_[leaves_ + i]; }
  double total() const { return tree_[1]; }
  std::size_t size() const { return n_; }
  // The entity whose cumulative-rate interval holds `target`, for target in [0, total()).
  std::size_t find(double target) const;

  void persist(StateArchive& archive);  // checkpoints: the size must match on load

 private:
  std::size_t n_ = 0;
  std::size_t leaves_ = 1;
  std::vector<double> tree_;
};

}  // namespace netadopt::core
