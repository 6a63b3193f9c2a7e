#include "netadopt/core/rate_tree.hpp"

#include <stdexcept>

#include "netadopt/core/state_archive.hpp"

namespace netadopt::core {

RateTree::RateTree(std::size_t n) : n_(n) {
  while (leaves_ < n) leaves_ *= 2;
  tree_.assign(2 * leaves_, 0.0);
}

void RateTree::set(std::size_t i, double rate) {
  if (i >= n_) throw std::out_of_range("RateTree::set: index out of range");
  if (!(rate >= 0.0)) throw std::invalid_argument("RateTree::set: rate must be >= 0");
  std::size_t node = leaves_ + i;
  tree_[node] = rate;
  for (node /= 2; node >= 1; node /= 2) tree_[node] = tree_[2 * node] + tree_[2 * node + 1];
}

void RateTree::persist(StateArchive& archive) {
  archive.expect("entities", n_);
  archive.vector("tree", tree_);
  if (tree_.size() != 2 * leaves_) throw StateError("checkpoint: a rate tree has the wrong size");
}

std::size_t RateTree::find(double target) const {
  if (!(total() > 0.0)) throw std::logic_error("RateTree::find: total rate is zero");
  std::size_t node = 1;
  while (node < leaves_) {
    const double left = tree_[2 * node];
    if (target < left || tree_[2 * node + 1] <= 0.0) {
      node = 2 * node;
    } else {
      target -= left;
      node = 2 * node + 1;
    }
  }
  return node - leaves_;
}

}  // namespace netadopt::core
