// Cross-article deduplication: which reports (mentions) tell the same real-world event.
// See dedup.cc for the algorithm and why it does not depend on ingest order.
#ifndef ANNALS_STORE_DEDUP_H_
#define ANNALS_STORE_DEDUP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/annals.h"

namespace annals::store {

// The rule's settings. Two mentions of different articles may tell one event when
//   - their type keys are equal (see TypeKey),
//   - their days differ by at most max_days,
//   - their places are at most max_km apart, or (same_admin2) lie in the same admin2
//     division (country, admin1 and admin2 code all known and equal); a mention
//     without a place, or placed only more coarsely than `coarsest` (by default a
//     whole country: its centre says nothing about where), never matches; two
//     sublocations of different names are different places (a sublocation carries
//     the coordinates of its town, so distance cannot tell them apart);
//   - (actors) their actors are compatible: each role (source, target) is empty on
//     one side or shares a compatible actor (kinds of one family, see
//     data/store/actor_families.tsv; `unknown` fits all; countries equal or one
//     unknown), taking the roles as given, or swapped when an actor is then shared.
// A cluster holds at most one mention per article and its mentions agree pairwise.
struct DedupOptions {
  enum class TypeKey : uint8_t {
    kPlover,  // the PLOVER type ("PROTEST")
    kAcled,   // the ACLED event type, else the PLOVER type (verbal events)
    kCameo,   // the CAMEO root code (first two digits)
  };
  TypeKey type_key = TypeKey::kPlover;
  int max_days = 1;
  double max_km = 25.0;
  bool same_admin2 = true;
  bool actors = true;
  // The coarsest place precision that may merge.
  LocationPrecision coarsest = LocationPrecision::kAdmin1;

  // "plover" / "acled" / "cameo", and the inverse (nullopt for another word).
  // (Precisions are named as in the output contract: "city", "admin1", ...)
  static std::string_view TypeKeyName(TypeKey key);
  static std::optional<TypeKey> TypeKeyFromName(std::string_view name);
  // A canonical text of the settings (stored in the database; a change re-clusters).
  std::string Fingerprint() const;
  // Checks the ranges: max_days 0..30, max_km 0..1000.
  Status Validate() const;
};

// The precision named as in the output contract ("city", "admin1", ...); nullopt else.
std::optional<LocationPrecision> PrecisionFromName(std::string_view name);

// The type key of an event under `key` (the value the store keeps in mentions.dedup_type).
std::string DedupTypeKey(DedupOptions::TypeKey key, std::string_view plover_type, std::string_view cameo,
                         const std::optional<std::string>& acled_event_type);

// Actor kind families (data/store/actor_families.tsv), loaded once, read-only.
class ActorFamilies {
 public:
  static Result<ActorFamilies> Load();
  // The family id of an actor kind word; kAny for "unknown" (and an empty word).
  static constexpr int kAny = -1;
  int Family(std::string_view kind) const;
  // A hash of the table's text (part of the settings fingerprint).
  uint64_t table_hash() const { return table_hash_; }

 private:
  std::unordered_map<std::string, int> family_;
  uint64_t table_hash_ = 0;
};

// One actor as the rule sees it: its family and its country (alpha-3, "" unknown).
struct ActorSig {
  int family = ActorFamilies::kAny;
  std::string country;
};

// The signature text of actors as stored in mentions.source_sig / target_sig:
// "kind:COUNTRY" items separated by spaces ("police:FRA protesters:").
std::string ActorSignature(const std::vector<Actor>& actors);
std::vector<ActorSig> ParseActorSignature(std::string_view sig, const ActorFamilies& families);

// What the rule needs to know about one mention.
struct MentionFeatures {
  int64_t mention_pk = 0;
  std::string event_id;        // the article-level event id: the cluster key of a seed
  int64_t article_pk = 0;
  int64_t day = 0;             // days since 1970-01-01
  std::optional<double> lat, lon;
  std::string country, admin1, admin2;  // "" when unknown
  std::string sublocation;     // a sublocation's name, lower case; "" for other places
  int location_rank = 5;       // 0 sublocation ... 4 country, 5 no place
  int date_rank = 4;           // 0 day ... 4 article
  double confidence = 0;
  std::vector<ActorSig> source, target;
  bool has_place() const { return (lat && lon) || !admin2.empty(); }
  // Whether the mention may be merged at all under `options` (it has a place that is
  // precise enough).
  bool Mergeable(const DedupOptions& options) const {
    return has_place() && location_rank <= static_cast<int>(options.coarsest);
  }
};

// The canonical order of mentions: day, then the most precise place, the more roles
// (source, target) named, the most precise date, the highest confidence, then the
// event id. A total order (event ids are unique).
bool CanonicalLess(const MentionFeatures& a, const MentionFeatures& b);

// Great-circle distance in km (spherical Earth, R = 6371.0088 km).
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// Whether two mentions may tell the same event under `options` (types are assumed
// equal: the caller groups by type key). Symmetric.
bool Compatible(const MentionFeatures& a, const MentionFeatures& b, const DedupOptions& options);

// The greedy sweep of one type key over days in increasing order (dedup.cc explains it).
class DaySweep {
 public:
  explicit DaySweep(const DedupOptions& options) : options_(options) {}

  // Seeds the state with a cluster formed before the sweep starts: its seed and the
  // members it has so far (all on days before the first day swept). Call in any order
  // before the first AssignDay.
  void AddOpenCluster(std::vector<MentionFeatures> members_seed_first);

  // Assigns the mentions of day `day` (any order; sorted canonically here). Returns,
  // for each input mention in input order, the event id of its cluster's seed.
  std::vector<std::string> AssignDay(int64_t day, std::vector<MentionFeatures>* mentions);

 private:
  struct Cluster {
    std::vector<MentionFeatures> members;  // members[0] is the seed
  };
  DedupOptions options_;
  std::vector<Cluster> open_;  // in canonical order of their seeds
};

}  // namespace annals::store

#endif  // ANNALS_STORE_DEDUP_H_
