// The spelling skeleton of a place name: what stays of a transliterated name across the
// spellings that news, ACLED and GeoNames give it ("Dahod" and "Dohad", "Tillabery" and
// "Tillaberi", "Rourkela" and "Raurkela"). The gazetteer stores every city and division
// name also under "~" + its skeleton (NameKind::kSkeleton); the geocoder reads those
// entries only for a name that the text ties to a container and that the gazetteer
// lacks as written, and keeps a candidate only inside that container.
#ifndef ANNALS_GEO_SPELLING_SKELETON_H_
#define ANNALS_GEO_SPELLING_SKELETON_H_

#include <string>
#include <string_view>

namespace annals::geo {

// The skeleton of a folded key (lower case, ASCII-folded words joined by spaces):
// letters only, "ph" as "f", "q" and "c" as "k", "z" as "s", "w" as "v", no "h" after
// the first letter, each run of vowels (with "y") as one "a", doubled consonants
// single; spaces and other marks are dropped first. "dahod" and "dohad" -> "dad",
// "tillabery" and "tillaberi" -> "talabara".
std::string SpellingSkeleton(std::string_view key);

// The key under which the gazetteer stores places of that skeleton.
inline std::string SkeletonKey(std::string_view key) { return "~" + SpellingSkeleton(key); }

// Skeletons shorter than this match too many places to be worth a look-up (inside a
// division; inside a country, kMinSkeletonSizeInCountry).
constexpr size_t kMinSkeletonSize = 3;
constexpr size_t kMinSkeletonSizeInCountry = 5;

}  // namespace annals::geo

#endif  // ANNALS_GEO_SPELLING_SKELETON_H_
