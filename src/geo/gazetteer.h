// The compiled gazetteer (gazetteer.bin, built by gazetteer_build from the GeoNames npm
// packages and data/geo), mapped read-only into memory. Lookups touch only the pages
// they need, so loading is a few system calls and resident memory grows with use.
// Load checks the header and that every section lies inside the file; it does not walk
// the records (that would page in the whole file), so the file is trusted to come
// from gazetteer_build: callers check place indices against place_count().
#ifndef ANNALS_GEO_GAZETTEER_H_
#define ANNALS_GEO_GAZETTEER_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "annals/annals.h"
#include "geo/gazetteer_format.h"

namespace annals::geo {

class Gazetteer {
 public:
  // Maps `path`. Errors: kMissingResource when the file is absent, kCorruptResource
  // when its header or section offsets are wrong (both name the file).
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& path);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  struct Lookup {
    std::span<const format::Posting> postings;  // empty when `key` names no place
    bool prefix = false;                        // some longer key starts with `key` + " "
    uint32_t flags = 0;                         // format::EntryFlag bits
    bool found() const { return !postings.empty() || prefix; }
  };
  // The places that a folded key (token keys joined by spaces) names.
  Lookup Find(std::string_view key) const;

  uint32_t place_count() const { return header_->place_count; }
  const format::Place& place(uint32_t i) const { return places_[i]; }
  std::string_view Name(const format::Place& p) const { return String(p.name); }
  std::string_view Code(const format::Place& p) const { return String(p.code); }

  uint32_t country_count() const { return header_->country_count; }
  const format::Country& country(uint16_t i) const { return countries_[i]; }
  // The country index of an alpha-2 code, or format::kNoCountry.
  uint16_t FindCountry(std::string_view alpha2) const;
  std::string_view Alpha2(uint16_t country) const {
    return country < header_->country_count ? std::string_view(countries_[country].alpha2, 2) : std::string_view();
  }
  std::string_view Alpha3(uint16_t country) const {
    return country < header_->country_count ? std::string_view(countries_[country].alpha3, 3) : std::string_view();
  }

  size_t file_size() const { return size_; }

 private:
  Gazetteer() = default;
  std::string_view String(uint32_t offset) const { return std::string_view(strings_ + offset); }

  const void* base_ = nullptr;
  size_t size_ = 0;
  const format::Header* header_ = nullptr;
  const format::Place* places_ = nullptr;
  const format::Country* countries_ = nullptr;
  const uint32_t* slots_ = nullptr;
  const format::NameEntry* entries_ = nullptr;
  const format::Posting* postings_ = nullptr;
  const char* strings_ = nullptr;
};

}  // namespace annals::geo

#endif  // ANNALS_GEO_GAZETTEER_H_
