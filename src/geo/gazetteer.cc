#include "geo/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

namespace annals::geo {

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Status(ErrorCode::kMissingResource,
                  "the gazetteer '" + path + "' is missing: build it with `cmake --build <build dir>` "
                  "(after scripts/setup has installed node_modules)");
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(format::Header))) {
    ::close(fd);
    return Status(ErrorCode::kCorruptResource, "the gazetteer '" + path + "' is too short to be one");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  void* base = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (base == MAP_FAILED) return Status(ErrorCode::kIo, "cannot map the gazetteer '" + path + "'");
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->base_ = base;
  g->size_ = size;
  const auto* h = static_cast<const format::Header*>(base);
  auto corrupt = [&](const std::string& why) {
    return Status(ErrorCode::kCorruptResource,
                  "the gazetteer '" + path + "' is malformed (" + why + "): rebuild it with `cmake --build`");
  };
  if (std::memcmp(h->magic, format::kMagic, 8) != 0) return corrupt("bad magic");
  if (h->version != format::kVersion) return corrupt("version " + std::to_string(h->version));
  if (h->file_size != size) return corrupt("size mismatch");
  auto fits = [&](uint64_t offset, uint64_t count, uint64_t item) {
    return offset % 8 == 0 && offset <= size && count <= (size - offset) / item;
  };
  if (!fits(h->places_offset, h->place_count, sizeof(format::Place)) ||
      !fits(h->countries_offset, h->country_count, sizeof(format::Country)) ||
      !fits(h->slots_offset, h->slot_count, sizeof(uint32_t)) ||
      !fits(h->entries_offset, h->entry_count, sizeof(format::NameEntry)) ||
      !fits(h->postings_offset, h->posting_count, sizeof(format::Posting)) ||
      !fits(h->strings_offset, h->string_bytes, 1) || h->string_bytes == 0 ||
      (h->slot_count & (h->slot_count - 1)) != 0 || h->slot_count <= h->entry_count)
    return corrupt("section out of range");
  const char* bytes = static_cast<const char*>(base);
  g->header_ = h;
  g->places_ = reinterpret_cast<const format::Place*>(bytes + h->places_offset);
  g->countries_ = reinterpret_cast<const format::Country*>(bytes + h->countries_offset);
  g->slots_ = reinterpret_cast<const uint32_t*>(bytes + h->slots_offset);
  g->entries_ = reinterpret_cast<const format::NameEntry*>(bytes + h->entries_offset);
  g->postings_ = reinterpret_cast<const format::Posting*>(bytes + h->postings_offset);
  g->strings_ = bytes + h->strings_offset;
  if (g->strings_[h->string_bytes - 1] != '\0') return corrupt("string pool not terminated");
  return g;
}

Gazetteer::~Gazetteer() {
  if (base_) ::munmap(const_cast<void*>(base_), size_);
}

Gazetteer::Lookup Gazetteer::Find(std::string_view key) const {
  Lookup out;
  const uint64_t h = format::Hash(key);
  const uint32_t mask = header_->slot_count - 1;
  for (uint32_t s = static_cast<uint32_t>(h) & mask;; s = (s + 1) & mask) {
    const uint32_t slot = slots_[s];
    if (slot == 0 || slot > header_->entry_count) return out;
    const format::NameEntry& e = entries_[slot - 1];
    if (e.hash != h || e.key_size != key.size() || std::memcmp(strings_ + e.key, key.data(), key.size()) != 0)
      continue;
    if (e.first_posting <= header_->posting_count && e.posting_count <= header_->posting_count - e.first_posting)
      out.postings = std::span<const format::Posting>(postings_ + e.first_posting, e.posting_count);
    out.prefix = (e.flags & format::kPrefix) != 0;
    out.flags = e.flags;
    return out;
  }
}

uint16_t Gazetteer::FindCountry(std::string_view alpha2) const {
  if (alpha2.size() != 2) return format::kNoCountry;
  for (uint16_t i = 0; i < header_->country_count; ++i)
    if (countries_[i].alpha2[0] == alpha2[0] && countries_[i].alpha2[1] == alpha2[1]) return i;
  return format::kNoCountry;
}

}  // namespace annals::geo
