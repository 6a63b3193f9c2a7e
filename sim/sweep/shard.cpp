#include "netadopt/sweep/shard.hpp"

#include <charconv>
#include <stdexcept>

namespace netadopt::sweep {

namespace {
std::optional<std::size_t> whole_number(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

Shard checked(std::optional<std::size_t> index, std::optional<std::size_t> count,
              const std::string& found) {
  if (!index || !count || *count == 0 || *index >= *count)
    throw std::invalid_argument("expected a shard I/N with 0 <= I < N, found '" + found + "'");
  return Shard{*index, *count};
}
}  // namespace

std::string Shard::text() const {
  return whole() ? "all" : std::to_string(index) + "/" + std::to_string(count);
}

Shard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return checked(std::nullopt, std::nullopt, text);
  const std::string_view view(text);
  return checked(whole_number(view.substr(0, slash)), whole_number(view.substr(slash + 1)), text);
}

std::optional<Shard> shard_from_slurm(const char* task_id, const char* task_count,
                                      const char* task_min) {
  if (task_id == nullptr || task_count == nullptr) return std::nullopt;
  const auto id = whole_number(task_id), count = whole_number(task_count);
  const auto min = task_min ? whole_number(task_min) : std::optional<std::size_t>(0);
  const std::string found =
      std::string("SLURM_ARRAY_TASK_ID=") + task_id + " SLURM_ARRAY_TASK_COUNT=" + task_count;
  if (!id || !min || *id < *min) return checked(std::nullopt, count, found);
  return checked(*id - *min, count, found);
}

}  // namespace netadopt::sweep
