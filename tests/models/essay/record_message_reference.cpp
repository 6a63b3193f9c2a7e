// Writes the statistics of message_statistics.hpp for replications 0..R-1 of the message
// scenario as CSV (a header, then one row per replication) on standard output:
//   record_message_reference [R]      (default 1000)
// The shipped reference, data/message_reference.csv, was written by this program built at
// commit dcd331a, the last with one event per prospecting message.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "message_statistics.hpp"

int main(int argc, char** argv) {
  const long replications = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 1000;
  const auto names = essay_validation::message_statistic_names();
  for (std::size_t k = 0; k < names.size(); ++k) std::cout << (k ? "," : "") << names[k];
  std::cout << "\n";
  const auto keys = essay_validation::message_scenario();
  for (long r = 0; r < replications; ++r) {
    const auto values = essay_validation::message_statistics(keys, static_cast<std::uint64_t>(r));
    if (values.size() != names.size()) {
      std::cerr << "record_message_reference: " << values.size() << " values for " << names.size()
                << " names\n";
      return 1;
    }
    for (std::size_t k = 0; k < values.size(); ++k) {
      char cell[32];
      std::snprintf(cell, sizeof cell, "%.9g", values[k]);
      std::cout << (k ? "," : "") << cell;
    }
    std::cout << "\n";
  }
  return 0;
}
