#pragma once
// Checkpoints: design note.
//
// A checkpoint must restore a replication so exactly that the rest of the run is bit-identical
// to a run that was never interrupted (same events, same fingerprint, same output). So every
// class that holds state has one `persist(StateArchive&)` that both saves and loads it, field
// by field, in one function: the two directions cannot drift apart, and a field added to a
// class but forgotten in `persist` shows up as a resume test whose fingerprint differs.
//
// The archive is a flat, ordered map from dotted names ("model.population.agents") to the raw
// bytes of trivially copyable values and vectors; nested vectors are stored as offsets and a
// flat array. Raw bytes tie a checkpoint to the data layout of the build that wrote it, so
// writers record kStateLayoutVersion (bumped whenever a persisted type changes) and readers
// refuse any other. The core knows nothing of files: the io module writes the map to HDF5.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace netadopt::core {

// Bump when the bytes of any persisted field change meaning (a type, a field, an order).
constexpr std::int64_t kStateLayoutVersion = 2;

using StateImage = std::map<std::string, std::vector<unsigned char>, std::less<>>;

// A checkpoint that cannot be loaded: a missing entry or one of the wrong size.
class StateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class StateArchive {
 public:
  static StateArchive saving() { return StateArchive(false, {}); }
  static StateArchive loading(StateImage image) { return StateArchive(true, std::move(image)); }

  bool is_loading() const { return loading_; }
  const StateImage& image() const { return image_; }
  StateImage take_image() { return std::move(image_); }
  bool has(std::string_view name) const;  // under the current scope

  // Names inside a scope are prefixed with "name."; scopes nest.
  class Scope {
   public:
    Scope(StateArchive& archive, std::string_view name);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    StateArchive& archive_;
    std::size_t previous_;
  };

  template <class T>
  void value(std::string_view name, T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!loading_) return put(name, &v, sizeof(T));
    const auto& bytes = get(name, sizeof(T));
    if (bytes.size() != sizeof(T)) throw size_error(name, bytes.size(), sizeof(T));
    std::memcpy(&v, bytes.data(), sizeof(T));
  }

  template <class T>
  void vector(std::string_view name, std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!loading_) return put(name, v.data(), v.size() * sizeof(T));
    const auto& bytes = get(name, sizeof(T));
    v.resize(bytes.size() / sizeof(T));
    if (!bytes.empty()) std::memcpy(v.data(), bytes.data(), bytes.size());
  }

  void bools(std::string_view name, std::vector<bool>& v);

  // A vector of vectors, as "name.offsets" (n + 1 entries) and "name.values".
  template <class T>
  void nested(std::string_view name, std::vector<std::vector<T>>& v) {
    Scope scope(*this, name);
    std::vector<std::uint64_t> offsets;
    std::vector<T> flat;
    if (!loading_) {
      offsets.push_back(0);
      for (const auto& inner : v) {
        flat.insert(flat.end(), inner.begin(), inner.end());
        offsets.push_back(flat.size());
      }
    }
    vector("offsets", offsets);
    vector("values", flat);
    if (!loading_) return;
    if (offsets.empty() || offsets.back() != flat.size()) throw size_error(name, flat.size(), 0);
    v.assign(offsets.size() - 1, {});
    for (std::size_t i = 0; i + 1 < offsets.size(); ++i) {
      if (offsets[i] > offsets[i + 1]) throw size_error(name, offsets[i], offsets[i + 1]);
      v[i].assign(flat.begin() + static_cast<std::ptrdiff_t>(offsets[i]),
                  flat.begin() + static_cast<std::ptrdiff_t>(offsets[i + 1]));
    }
  }

  // On load, fails unless the saved value equals `expected` (a size the rest relies on).
  void expect(std::string_view name, std::uint64_t expected);

 private:
  StateArchive(bool loading, StateImage image) : loading_(loading), image_(std::move(image)) {}
  std::string full_name(std::string_view name) const;
  void put(std::string_view name, const void* data, std::size_t bytes);
  const std::vector<unsigned char>& get(std::string_view name, std::size_t element) const;
  StateError size_error(std::string_view name, std::size_t found, std::size_t wanted) const;

  bool loading_;
  StateImage image_;
  std::string prefix_;
};

}  // namespace netadopt::core
