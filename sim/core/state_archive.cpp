#include "netadopt/core/state_archive.hpp"

namespace netadopt::core {

StateArchive::Scope::Scope(StateArchive& archive, std::string_view name)
    : archive_(archive), previous_(archive.prefix_.size()) {
  archive_.prefix_.append(name).push_back('.');
}

StateArchive::Scope::~Scope() { archive_.prefix_.resize(previous_); }

std::string StateArchive::full_name(std::string_view name) const {
  return prefix_ + std::string(name);
}

bool StateArchive::has(std::string_view name) const {
  return image_.find(full_name(name)) != image_.end();
}

void StateArchive::put(std::string_view name, const void* data, std::size_t bytes) {
  const auto* first = static_cast<const unsigned char*>(data);
  auto [it, inserted] = image_.try_emplace(full_name(name));
  if (!inserted) throw StateError("checkpoint: state entry '" + it->first + "' saved twice");
  if (bytes > 0) it->second.assign(first, first + bytes);
}

const std::vector<unsigned char>& StateArchive::get(std::string_view name,
                                                    std::size_t element) const {
  const auto it = image_.find(full_name(name));
  if (it == image_.end())
    throw StateError("checkpoint: state entry '" + full_name(name) +
                     "' is missing (written by another model or another netadopt?)");
  if (element > 0 && it->second.size() % element != 0)
    throw size_error(name, it->second.size(), element);
  return it->second;
}

StateError StateArchive::size_error(std::string_view name, std::size_t found,
                                    std::size_t wanted) const {
  return StateError("checkpoint: state entry '" + full_name(name) + "' is damaged (" +
                    std::to_string(found) + " bytes or items where " + std::to_string(wanted) +
                    " fit)");
}

void StateArchive::bools(std::string_view name, std::vector<bool>& v) {
  std::vector<std::uint8_t> bytes(v.begin(), v.end());
  vector(name, bytes);
  if (loading_) v.assign(bytes.begin(), bytes.end());
}

void StateArchive::expect(std::string_view name, std::uint64_t expected) {
  std::uint64_t saved = expected;
  value(name, saved);
  if (loading_ && saved != expected)
    throw StateError("checkpoint: '" + full_name(name) + "' is " + std::to_string(saved) +
                     " in the checkpoint but " + std::to_string(expected) +
                     " in the scenario (a key that shapes the state was changed)");
}

}  // namespace netadopt::core
