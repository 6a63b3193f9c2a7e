// The network of the reference models: edge-list files (good and malformed), Erdos-Renyi
// G(N, M) and Barabasi-Albert generators, and the [graph] keys.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "netadopt/catalog/catalog.hpp"
#include "netadopt/models/graph/graph.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/scenario/loader.hpp"

namespace {
using netadopt::models::Graph;
using netadopt::scenario::ScenarioError;
namespace fs = std::filesystem;

fs::path temp_file(const std::string& name, const std::string& text) {
  const fs::path path =
      fs::temp_directory_path() / ("netadopt_graph_" + std::to_string(getpid()) + "_" + name);
  std::ofstream(path) << text;
  return path;
}

std::vector<std::uint32_t> sorted_neighbours(const Graph& g, std::uint32_t v) {
  auto n = g.neighbours(v);
  std::vector<std::uint32_t> out(n.begin(), n.end());
  std::sort(out.begin(), out.end());
  return out;
}

// No self-loop, no repeated tie, and each tie seen from both ends.
void require_simple(const Graph& g) {
  std::uint64_t ends = 0;
  for (std::uint32_t u = 0; u < g.nodes(); ++u) {
    const auto n = sorted_neighbours(g, u);
    ends += n.size();
    REQUIRE(std::adjacent_find(n.begin(), n.end()) == n.end());
    for (std::uint32_t v : n) {
      REQUIRE(v != u);
      const auto back = sorted_neighbours(g, v);
      REQUIRE(std::binary_search(back.begin(), back.end(), u));
    }
  }
  REQUIRE(ends == 2 * g.ties());
}

// The problems a malformed file raises (it must raise some).
std::vector<netadopt::scenario::Problem> problems_of(const std::string& text, std::uint32_t n) {
  const fs::path path = temp_file("bad.txt", text);
  try {
    netadopt::models::read_edge_list(path, n);
  } catch (const ScenarioError& e) {
    fs::remove(path);
    return e.problems();
  }
  fs::remove(path);
  FAIL("the malformed edge list was accepted: " << text);
  return {};
}
}  // namespace

TEST_CASE("an edge list with comments, blanks, a self-loop and a repeat", "[graph]") {
  const auto path = temp_file("good.txt",
                              "# a comment\n0 1\n\n1\t2   # trailing comment\r\n"
                              "3 3\n2 1\n  4 0\n");
  const Graph g = netadopt::models::read_edge_list(path, 6);
  fs::remove(path);
  CHECK(g.nodes() == 6);
  CHECK(g.ties() == 3);  // 0-1, 1-2, 4-0; 3-3 dropped, 2-1 merged into 1-2
  CHECK(g.stats.self_loops_dropped == 1);
  CHECK(g.stats.duplicates_merged == 1);
  CHECK(sorted_neighbours(g, 0) == std::vector<std::uint32_t>{1, 4});
  CHECK(sorted_neighbours(g, 1) == std::vector<std::uint32_t>{0, 2});
  CHECK(g.degree(3) == 0);
  CHECK(g.degree(5) == 0);  // an id absent from the file is an isolated node
  require_simple(g);
}

TEST_CASE("each kind of malformed edge-list line is named by its line", "[graph]") {
  const auto expect = [](const std::string& text, int line, const std::string& words) {
    const auto problems = problems_of(text, 10);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == line);
    CHECK(problems[0].key == "graph.file");
    CHECK(problems[0].file.find("bad.txt") != std::string::npos);
    CHECK_THAT(problems[0].message, Catch::Contains(words));
  };
  expect("0 1\n1 x\n", 2, "'x' is not a node id");
  expect("0 1\n1.5 2\n", 2, "'1.5' is not a node id");
  expect("# c\n-1 2\n", 2, "negative");
  expect("3\n", 1, "found one");
  expect("0 1\n1 2 3\n", 2, "found more");
  expect("0 1\n2 10\n", 2, "node id 10 is out of range: population.size is 10");
  expect("99999999999999999999 1\n", 1, "out of range");
}

TEST_CASE("every malformed line of a file is reported at once", "[graph]") {
  const auto problems = problems_of("a b\n0 1\n-3 1\n4 12\n", 10);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].line == 1);
  CHECK(problems[1].line == 3);
  CHECK(problems[2].line == 4);
}

TEST_CASE("a missing edge list names the file and the key", "[graph]") {
  try {
    netadopt::models::read_edge_list("/nonexistent/netadopt/edges.txt", 5);
    FAIL("no error for a missing file");
  } catch (const ScenarioError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].key == "graph.file");
    CHECK(e.problems()[0].to_string().find("/nonexistent/netadopt/edges.txt") != std::string::npos);
    CHECK_THAT(e.problems()[0].message, Catch::Contains("No such file"));
  }
}

TEST_CASE("a scenario naming a missing graph file is refused at load", "[graph]") {
  const std::string ini = "[run]\nmodel = sir\n[graph]\nsource = file\nfile = no-such-edges.txt\n";
  try {
    netadopt::scenario::parse_scenario(netadopt::run::full_schema(), ini, "dir/s.ini");
    FAIL("the scenario was accepted");
  } catch (const ScenarioError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].key == "graph.file");
    CHECK(e.problems()[0].line == 5);
    CHECK_THAT(e.problems()[0].message, Catch::Contains("dir/no-such-edges.txt"));
  }
}

TEST_CASE("a graph written and read back is the same graph", "[graph]") {
  netadopt::core::Stream stream(7, 0, 1);
  const Graph g = netadopt::models::erdos_renyi(500, 1500, stream);
  const auto path = temp_file("roundtrip.txt", "");
  netadopt::models::write_edge_list(g, path);
  const Graph back = netadopt::models::read_edge_list(path, 500);
  fs::remove(path);
  REQUIRE(back.ties() == g.ties());
  for (std::uint32_t v = 0; v < 500; ++v)
    REQUIRE(sorted_neighbours(back, v) == sorted_neighbours(g, v));
}

TEST_CASE("Erdos-Renyi G(N, M) has exactly M distinct ties and binomial degrees", "[graph]") {
  // N = 1000, M = 20000: about M^2 / N^2 = 400 repeated draws to replace.
  netadopt::core::Stream stream(3, 0, 1);
  const Graph g = netadopt::models::erdos_renyi(1000, 20000, stream);
  CHECK(g.ties() == 20000);
  require_simple(g);
  // Degree variance of G(N, M): about k (1 - k / (N - 1)) = 40 x 0.96 = 38.4.
  double ss = 0;
  for (std::uint32_t v = 0; v < 1000; ++v) ss += (g.degree(v) - 40.0) * (g.degree(v) - 40.0);
  CHECK(ss / 999 == Approx(38.4).epsilon(0.15));
}

TEST_CASE("a dense Erdos-Renyi graph fills in without repeats", "[graph]") {
  netadopt::core::Stream stream(4, 0, 1);
  const Graph g = netadopt::models::erdos_renyi(30, 430, stream);  // of 435 pairs
  CHECK(g.ties() == 430);
  require_simple(g);
  netadopt::core::Stream again(4, 0, 1);
  const Graph same = netadopt::models::erdos_renyi(30, 430, again);
  for (std::uint32_t v = 0; v < 30; ++v)
    CHECK(sorted_neighbours(same, v) == sorted_neighbours(g, v));
}

TEST_CASE("Barabasi-Albert: degree sum 2M, minimum degree m, hubs", "[graph]") {
  const std::uint32_t n = 10000, m = 3;
  netadopt::core::Stream stream(5, 0, 1);
  const Graph g = netadopt::models::barabasi_albert(n, m, stream);
  const std::uint64_t ties = m * (m + 1) / 2 + std::uint64_t{n - m - 1} * m;
  CHECK(g.ties() == ties);
  require_simple(g);
  std::uint32_t least = UINT32_MAX, most = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    least = std::min(least, g.degree(v));
    most = std::max(most, g.degree(v));
  }
  CHECK(least == m);
  CHECK(most > 20 * m);  // preferential attachment grows hubs (~ m sqrt(N) = 300)
}

// Offsets are uint32 unless the tie ends exceed 2^32 - 1 (16 GiB of ties, too many for a test),
// so the uint64 path is forced here: same rows, same digest, which is the FNV-1a over 64-bit
// offset words that checkpoints saved before the offsets could be narrow.
TEST_CASE("uint32 and uint64 offsets give the same network and digest", "[graph]") {
  netadopt::core::Stream stream(8, 0, 1);
  const Graph narrow = netadopt::models::erdos_renyi(2000, 9000, stream);
  REQUIRE_FALSE(narrow.wide_offsets());
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> ends;
  for (std::uint32_t v = 0; v <= narrow.nodes(); ++v) offsets.push_back(narrow.offset(v));
  for (std::uint32_t v = 0; v < narrow.nodes(); ++v)
    for (std::uint32_t u : narrow.neighbours(v)) ends.push_back(u);
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (std::uint64_t word : offsets) h = (h ^ word) * 0x100000001b3ULL;
  for (std::uint64_t word : ends) h = (h ^ word) * 0x100000001b3ULL;

  const Graph wide(offsets, ends, Graph::OffsetWidth::kWide);
  const Graph narrowed(offsets, ends);
  REQUIRE(wide.wide_offsets());
  REQUIRE_FALSE(narrowed.wide_offsets());
  for (const Graph* g : {&narrow, &wide, &narrowed}) {
    CHECK(g->nodes() == 2000);
    CHECK(g->ties() == 9000);
    CHECK(g->digest() == h);
    for (std::uint32_t v = 0; v < 2000; ++v) {
      REQUIRE(g->degree(v) == narrow.degree(v));
      REQUIRE(g->neighbours(v).data() - &*g->neighbours(0).begin() ==
              static_cast<std::ptrdiff_t>(offsets[v]));
      REQUIRE(sorted_neighbours(*g, v) == sorted_neighbours(narrow, v));
    }
  }
  CHECK(wide.memory_bytes() == narrowed.memory_bytes() + 4 * 2001);
  CHECK(Graph().nodes() == 0);
  CHECK(Graph().ties() == 0);
  CHECK_THROWS_AS(Graph({0, 3}, {1, 0}), std::invalid_argument);
}
