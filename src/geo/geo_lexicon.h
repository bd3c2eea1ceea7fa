// The geo stage's context words (data/geo/context_words.tsv, embedded at build time):
// prepositions, titles, qualifiers and generic heads that the finder reads around names.
#ifndef ANNALS_GEO_GEO_LEXICON_H_
#define ANNALS_GEO_GEO_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "annals/annals.h"

namespace annals::geo {

enum WordClass : uint32_t {
  kLocative = 1u << 0,     // "in", "near"
  kTitle = 1u << 1,        // "Gov.", "Mayor"
  kQualifier = 1u << 2,    // "Northern", "downtown"
  kAdminHead = 1u << 3,    // "County", "province"
  kCityHead = 1u << 4,     // "city", "commune"
  kSubHead = 1u << 5,      // "Zone", "camp"
  kCountryHead = 1u << 6,  // "country"
  kOrgHead = 1u << 7,      // "Police", "University" after a place name
  kTime = 1u << 8,         // "May", "Sunday"
  kConnector = 1u << 9,    // "al", "de" inside a name
  kCurrency = 1u << 10,    // "dollar" after "US": money, not a place
  kNamePrefix = 1u << 11,  // "Ad", "Kafr": begins a longer name ("Ad Dali")
  kRoute = 1u << 12,       // "highway" after "Dhaka-Mymensingh": the way between them
  kQuarter = 1u << 13,     // "neighborhood" after a town's name: a part of another town
  kKin = 1u << 14,         // "clan", "tribe" after a name: a kin group, not a place
};

class GeoLexicon {
 public:
  // Parses the embedded table; an error names the bad line.
  static Result<std::unique_ptr<GeoLexicon>> Load();
  // The classes of a token key (a WordClass bit set), 0 for other words.
  uint32_t Classes(std::string_view key) const {
    auto it = classes_.find(key);
    return it == classes_.end() ? 0 : it->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> classes_;
};

}  // namespace annals::geo

#endif  // ANNALS_GEO_GEO_LEXICON_H_
