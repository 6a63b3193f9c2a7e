// The [graph] keys and the network a scenario describes, built once per run and shared.
#include <chrono>
#include <cmath>
#include <mutex>
#include <sstream>

#include "netadopt/models/graph/graph.hpp"

namespace netadopt::models {

namespace {
using scenario::KeyType;
using Check = std::optional<std::string>;

// The graph keys matter only to the models that run on a graph.
bool uses_graph(const scenario::Scenario& s) {
  const std::string& model = s.choice("run.model");
  return model == "sir" || model == "threshold";
}

Check file_exists(const scenario::Scenario& s) {
  if (!uses_graph(s) || s.choice("graph.source") != "file") return std::nullopt;
  const auto path = graph_file_path(s);
  std::error_code error;
  if (std::filesystem::is_regular_file(path, error)) return std::nullopt;
  return "graph.source is 'file' but graph.file names no readable file: '" + path.string() + "'";
}

Check mean_degree_fits(const scenario::Scenario& s) {
  const double most = static_cast<double>(s.integer("population.size")) - 1.0;
  if (!uses_graph(s) || s.choice("graph.source") != "erdos_renyi" ||
      s.real("graph.mean_degree") <= most)
    return std::nullopt;
  std::ostringstream message;
  message << "graph.mean_degree (" << s.real("graph.mean_degree")
          << ") exceeds population.size - 1 (" << most << "): a node has at most N - 1 ties";
  return message.str();
}

Check ba_edges_fit(const scenario::Scenario& s) {
  if (!uses_graph(s) || s.choice("graph.source") != "barabasi_albert" ||
      s.integer("graph.ba_edges") < s.integer("population.size"))
    return std::nullopt;
  return "graph.ba_edges (" + std::to_string(s.integer("graph.ba_edges")) +
         ") must be below population.size (" + std::to_string(s.integer("population.size")) + ")";
}
}  // namespace

void declare_graph_keys(scenario::Schema& schema) {
  const std::string group = "sir, threshold";
  schema.add({"graph.source",
              KeyType::Choice,
              "erdos_renyi",
              "",
              {},
              {"erdos_renyi", "barabasi_albert", "file"},
              "The network of the `sir` and `threshold` models: generated (Erdos-Renyi G(N, M) "
              "or Barabasi-Albert) or read from graph.file. N is population.size.",
              "",
              group});
  schema.add(scenario::path_key(
      {"graph.file",
       KeyType::Text,
       "edges.txt",
       "",
       {},
       {},
       "Edge list read when graph.source is 'file': one tie 'u v' per line, 0-based node ids "
       "below population.size, '#' starts a comment. A relative path is taken from the "
       "scenario file's folder. Self-loops are dropped and repeated ties merged.",
       "",
       group}));
  schema.add({"graph.mean_degree",
              KeyType::Real,
              "10",
              "ties",
              {0, 1e6},
              {},
              "Mean degree k of the Erdos-Renyi network: it has M = round(k N / 2) distinct "
              "ties drawn uniformly among all pairs.",
              "",
              group});
  schema.add({"graph.ba_edges",
              KeyType::Integer,
              "3",
              "ties",
              {1, 100000},
              {},
              "Ties m that each new node of the Barabasi-Albert network makes, to earlier nodes "
              "chosen with probability proportional to their degree (the first m + 1 nodes form "
              "a clique); the mean degree is close to 2m.",
              "Barabasi and Albert (1999)",
              group});
  schema.add_check({{"run.model", "graph.source", "graph.file"}, file_exists});
  schema.add_check(
      {{"run.model", "population.size", "graph.source", "graph.mean_degree"}, mean_degree_fits});
  schema.add_check(
      {{"run.model", "population.size", "graph.source", "graph.ba_edges"}, ba_edges_fit});
  schema.declare_structural("graph.", "the network was built at the start");
}

std::filesystem::path graph_file_path(const scenario::Scenario& s) {
  const std::filesystem::path file = s.text("graph.file");
  if (file.is_absolute()) return file;
  return std::filesystem::path(s.source()).parent_path() / file;
}

namespace {
Graph generate(const scenario::Scenario& s, std::uint32_t nodes) {
  core::Stream stream(static_cast<std::uint64_t>(s.integer("run.seed")), 0,
                      core::purpose_id("graph.generate"));
  const std::string& source = s.choice("graph.source");
  if (source == "barabasi_albert")
    return barabasi_albert(nodes, static_cast<std::uint32_t>(s.integer("graph.ba_edges")), stream);
  const double ties = std::round(s.real("graph.mean_degree") * nodes / 2.0);
  return erdos_renyi(nodes, static_cast<std::uint64_t>(ties), stream);
}

std::string cache_key(const scenario::Scenario& s) {
  std::ostringstream key;
  key.precision(17);
  key << s.choice("graph.source") << '|' << s.integer("population.size") << '|'
      << s.integer("run.seed") << '|';
  const std::string& source = s.choice("graph.source");
  if (source == "file") key << graph_file_path(s).string();
  if (source == "erdos_renyi") key << s.real("graph.mean_degree");
  if (source == "barabasi_albert") key << s.integer("graph.ba_edges");
  return key.str();
}
}  // namespace

std::shared_ptr<const Graph> build_graph(const scenario::Scenario& s) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto nodes = static_cast<std::uint32_t>(s.integer("population.size"));
  auto graph = std::make_shared<Graph>(s.choice("graph.source") == "file"
                                           ? read_edge_list(graph_file_path(s), nodes)
                                           : generate(s, nodes));
  graph->stats.build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return graph;
}

std::shared_ptr<const Graph> shared_graph(const scenario::Scenario& s) {
  static std::mutex mutex;
  static std::string key;
  static std::shared_ptr<const Graph> graph;
  const std::lock_guard<std::mutex> lock(mutex);
  std::string wanted = cache_key(s);
  if (graph && wanted == key) return graph;
  graph.reset();  // free the old network before building the new one
  graph = build_graph(s);
  key = std::move(wanted);
  return graph;
}

}  // namespace netadopt::models
