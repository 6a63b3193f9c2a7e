#include "netadopt/models/essay/structure/tie_lists.hpp"

#include <mutex>
#include <numeric>
#include <stdexcept>

#include "netadopt/core/stop.hpp"

namespace netadopt::models::essay {

namespace {
std::size_t checked(std::size_t agents) {
  if (agents > Tie::kMaxAgents)
    throw std::invalid_argument("the essay network holds at most 2^30 - 1 agents");
  return agents;
}
}  // namespace

TieLists::TieLists(std::size_t agents) : lists_(checked(agents)) {}

void TieLists::reserve_all(const std::vector<std::uint32_t>& capacity) {
  if (ends_ > 0 || capacity.size() != lists_.size())
    throw std::logic_error("TieLists::reserve_all: only before any tie, one capacity per agent");
  for (std::size_t i = 0; i < lists_.size(); ++i) {
    core::poll_stop("drawing the network");
    lists_[i].reserve(capacity[i]);
  }
}

void TieLists::push_back(std::uint32_t i, Tie tie) {
  auto& list = lists_[i];
  if (list.size() == list.capacity()) list.reserve(list.size() + list.size() / 4 + 4);
  list.push_back(tie);
  ++ends_;
}

void TieLists::remove_at(std::uint32_t i, std::size_t k) {
  auto& list = lists_[i];
  list[k] = list.back();
  list.pop_back();
  --ends_;
}

void TieLists::trim() {
  for (auto& list : lists_) {
    core::poll_stop("drawing the network");
    list.shrink_to_fit();
  }
}

void TieLists::abandon() {
  static std::mutex guard;  // replications building in parallel may both be stopped
  // Never destroyed, not even at exit; reachable, so not a leak to LeakSanitizer.
  static auto* const abandoned = new std::vector<std::vector<std::vector<Tie>>>;
  const std::lock_guard<std::mutex> lock(guard);
  abandoned->push_back(std::move(lists_));
  lists_.clear();
  ends_ = 0;
}

void TieLists::persist(core::StateArchive& archive) {
  archive.expect("agents", lists_.size());
  archive.nested("lists", lists_);
  if (archive.is_loading())
    ends_ = std::accumulate(lists_.begin(), lists_.end(), std::size_t{0},
                            [](std::size_t n, const auto& list) { return n + list.size(); });
}

}  // namespace netadopt::models::essay
