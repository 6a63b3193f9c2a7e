#include "pair_codec.hpp"

#include <cstring>
#include <string>

#include "netadopt/core/fnv1a.hpp"

namespace netadopt::sweep::detail {

namespace {
constexpr char kMagic[8] = {'N', 'A', 'P', 'A', 'I', 'R', '0', '1'};

std::uint64_t fnv1a(const unsigned char* data, std::size_t size) {
  return core::fnv1a({reinterpret_cast<const char*>(data), size});
}

class Writer {
 public:
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    out_.insert(out_.end(), p, p + size);
  }
  void u64(std::uint64_t value) { bytes(&value, sizeof value); }
  void text(const std::string& value) { u64(value.size()), bytes(value.data(), value.size()); }
  void doubles(const std::vector<double>& values) {
    u64(values.size());
    bytes(values.data(), values.size() * sizeof(double));
  }
  std::vector<unsigned char> finish() {
    u64(fnv1a(out_.data(), out_.size()));
    return std::move(out_);
  }

 private:
  std::vector<unsigned char> out_;
};

// Reads fields in order; any read past the end makes ok() false (and reads zeros).
class Reader {
 public:
  explicit Reader(const std::vector<unsigned char>& in, std::size_t end) : in_(in), end_(end) {}
  bool ok() const { return ok_; }
  void bytes(void* data, std::size_t size) {
    if (size > end_ - at_) ok_ = false, size = 0;
    if (size > 0) std::memcpy(data, in_.data() + at_, size);
    at_ += size;
  }
  std::uint64_t u64() {
    std::uint64_t value = 0;
    bytes(&value, sizeof value);
    return value;
  }
  std::string text() {
    std::string value(bounded(u64(), 1), '\0');
    bytes(value.data(), value.size());
    return value;
  }
  std::vector<double> doubles() {
    std::vector<double> values(bounded(u64(), sizeof(double)));
    bytes(values.data(), values.size() * sizeof(double));
    return values;
  }

 private:
  std::size_t bounded(std::uint64_t count, std::size_t size) {
    if (count > (end_ - at_) / size) return ok_ = false, 0;
    return static_cast<std::size_t>(count);
  }
  const std::vector<unsigned char>& in_;
  std::size_t end_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

bool checksum_holds(const std::vector<unsigned char>& bytes) {
  if (bytes.size() < sizeof kMagic + sizeof(std::uint64_t)) return false;
  const std::size_t body = bytes.size() - sizeof(std::uint64_t);
  std::uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + body, sizeof stored);
  return stored == fnv1a(bytes.data(), body) &&
         std::memcmp(bytes.data(), kMagic, sizeof kMagic) == 0;
}
}  // namespace

std::vector<unsigned char> encode_pair(const JournalEntry& entry, std::uint64_t sweep_hash) {
  Writer out;
  out.bytes(kMagic, sizeof kMagic);
  for (const std::uint64_t field :
       {sweep_hash, std::uint64_t{entry.point}, std::uint64_t{entry.replication},
        entry.outcome.output.events, entry.outcome.output.fingerprint})
    out.u64(field);
  out.text(entry.outcome.failure);
  out.u64(entry.outcome.output.series.size());
  for (const auto& series : entry.outcome.output.series) out.doubles(series);
  return out.finish();
}

std::optional<JournalEntry> decode_pair(const std::vector<unsigned char>& bytes,
                                        std::uint64_t sweep_hash) {
  if (!checksum_holds(bytes)) return std::nullopt;
  Reader in(bytes, bytes.size() - sizeof(std::uint64_t));
  char magic[sizeof kMagic];
  in.bytes(magic, sizeof magic);
  if (in.u64() != sweep_hash) return std::nullopt;
  JournalEntry entry;
  entry.point = static_cast<std::size_t>(in.u64());
  entry.replication = static_cast<std::size_t>(in.u64());
  entry.outcome.output.events = in.u64();
  entry.outcome.output.fingerprint = in.u64();
  entry.outcome.failure = in.text();
  const std::uint64_t variables = in.u64();
  for (std::uint64_t v = 0; v < variables && in.ok(); ++v)
    entry.outcome.output.series.push_back(in.doubles());
  if (!in.ok()) return std::nullopt;
  return entry;
}

}  // namespace netadopt::sweep::detail
