#pragma once
// Shared by the reference-model tests: run a model to the end of its events, small graphs.
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "netadopt/core/simulator.hpp"
#include "netadopt/models/graph/graph.hpp"

namespace netadopt::testing {

// Forwards events to the model and remembers when the last one ran.
class LastEventTime : public core::EventHandler, public core::Observer {
 public:
  explicit LastEventTime(core::EventHandler& model) : model_(model) {}
  void handle(const core::Event& e, core::Simulator& sim) override {
    last = e.time;
    model_.handle(e, sim);
  }
  void sample(std::size_t, core::Time) override {}
  double last = 0.0;

 private:
  core::EventHandler& model_;
};

// Starts `model` and runs it until no event is left (or `horizon` days); the last event's time.
template <class Model>
double run_to_end(Model& model, double horizon = 1e9) {
  core::Simulator sim;
  model.start(sim);
  LastEventTime handler(model);
  sim.run(handler, handler, core::RunWindow{horizon, horizon});
  return handler.last;
}

inline std::shared_ptr<const models::Graph> graph_of(
    std::uint32_t nodes, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ties) {
  std::vector<std::uint64_t> offsets(nodes + 1, 0);
  for (auto [u, v] : ties) ++offsets[u + 1], ++offsets[v + 1];
  for (std::size_t i = 1; i <= nodes; ++i) offsets[i] += offsets[i - 1];
  std::vector<std::uint32_t> neighbours(offsets.back());
  std::vector<std::uint64_t> cursor(offsets.begin(), offsets.end() - 1);
  for (auto [u, v] : ties) neighbours[cursor[u]++] = v, neighbours[cursor[v]++] = u;
  return std::make_shared<models::Graph>(std::move(offsets), std::move(neighbours));
}

inline std::vector<std::pair<std::uint32_t, std::uint32_t>> star(std::uint32_t leaves) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ties;
  for (std::uint32_t leaf = 1; leaf <= leaves; ++leaf) ties.emplace_back(0, leaf);
  return ties;
}

inline std::vector<std::pair<std::uint32_t, std::uint32_t>> chain(std::uint32_t nodes) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ties;
  for (std::uint32_t u = 0; u + 1 < nodes; ++u) ties.emplace_back(u, u + 1);
  return ties;
}

}  // namespace netadopt::testing
