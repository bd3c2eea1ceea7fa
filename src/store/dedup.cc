// Cross-article deduplication.
//
// Twenty outlets report one clash; the coder reads twenty article-level events
// (mentions). The store keeps one event for them, with every mention. Which mentions
// belong together is decided by a pairwise rule (DedupOptions in dedup.h: same type
// key, days within max_days, places within max_km or in one admin2, compatible actors,
// different articles) and a clustering built on it.
//
// Why not connected components of the "compatible" graph? They do not depend on order,
// but they chain: protests in one city on every day of a month are each compatible
// with the next day's and would become one event. So a cluster here must be a clique:
// every two of its mentions are compatible, which bounds an event to max_days + 1 days
// and to places that are all near each other.
//
// Cliques depend on the order in which mentions are grouped, and the store must give
// the same events whatever order the articles arrived in. So the order is fixed by the
// data, not by arrival: mentions are swept by day, and within a day in the canonical
// order (CanonicalLess: the most precise place first, then the one that names more
// roles, the most precise date, the highest confidence, the event id). Seeds are thus
// the most specific reports: a report that names no actor fits any cluster, and as a
// seed it would let two different crowds join one event. Each mention joins the open
// cluster all of whose
// members it is compatible with (the nearest seed wins, then the earliest seed), or
// starts a new cluster as its seed. A cluster is named by its seed's event id, so
// names too are a function of the data. The result is a function of the set of
// mentions alone: ingest order, batch sizes and re-runs cannot change it.
//
// Incremental updates without re-clustering everything: a cluster's seed is its first
// mention in the sweep, so a cluster seeded on day s can only take mentions of days up
// to s + max_days. The sweep's state when it reaches day x is therefore the clusters
// seeded on days x - max_days .. x - 1 with their members of those days, and nothing
// else. When the mentions of day x change (an article added, replaced or removed), the
// store re-sweeps from day x, loading that state from the stored assignments (which
// days before x cannot have changed), and goes on day by day until the assignments of
// max_days consecutive days come out as they were stored: from there on the state is
// what the stored run had, so later days are unchanged too (recluster.cc). Each
// re-sweep is thus exactly the from-scratch sweep restricted to the days it can change.
#include "store/dedup.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <numeric>

#include "core/tsv.h"

namespace annals::embedded {
extern const std::string_view kActorFamiliesTsv;
}  // namespace annals::embedded

namespace annals::store {

std::string_view DedupOptions::TypeKeyName(TypeKey key) {
  switch (key) {
    case TypeKey::kPlover: return "plover";
    case TypeKey::kAcled: return "acled";
    case TypeKey::kCameo: return "cameo";
  }
  return "plover";
}

std::optional<DedupOptions::TypeKey> DedupOptions::TypeKeyFromName(std::string_view name) {
  if (name == "plover") return TypeKey::kPlover;
  if (name == "acled") return TypeKey::kAcled;
  if (name == "cameo") return TypeKey::kCameo;
  return std::nullopt;
}

std::string DedupOptions::Fingerprint() const {
  char km[32];
  std::snprintf(km, sizeof km, "%.6g", max_km);
  return "type=" + std::string(TypeKeyName(type_key)) + " days=" + std::to_string(max_days) + " km=" + km +
         " admin2=" + (same_admin2 ? "on" : "off") + " actors=" + (actors ? "on" : "off") +
         " coarsest=" + std::string(ToString(coarsest));
}

Status DedupOptions::Validate() const {
  if (max_days < 0 || max_days > 30)
    return Status(ErrorCode::kInvalidArgument, "dedup days " + std::to_string(max_days) + " is outside 0..30");
  if (!(max_km >= 0 && max_km <= 1000))
    return Status(ErrorCode::kInvalidArgument, "dedup km " + std::to_string(max_km) + " is outside 0..1000");
  return Status::Ok();
}

std::optional<LocationPrecision> PrecisionFromName(std::string_view name) {
  for (int p = 0; p <= static_cast<int>(LocationPrecision::kCountry); ++p)
    if (ToString(static_cast<LocationPrecision>(p)) == name) return static_cast<LocationPrecision>(p);
  return std::nullopt;
}

std::string DedupTypeKey(DedupOptions::TypeKey key, std::string_view plover_type, std::string_view cameo,
                         const std::optional<std::string>& acled_event_type) {
  switch (key) {
    case DedupOptions::TypeKey::kPlover: return std::string(plover_type);
    case DedupOptions::TypeKey::kAcled:
      return acled_event_type ? "ACLED:" + *acled_event_type : std::string(plover_type);
    case DedupOptions::TypeKey::kCameo: return "CAMEO:" + std::string(cameo.substr(0, 2));
  }
  return std::string(plover_type);
}

Result<ActorFamilies> ActorFamilies::Load() {
  static constexpr std::string_view kName = "data/store/actor_families.tsv";
  Result<TsvTable> table = ParseTsv(embedded::kActorFamiliesTsv, kName, 2);
  if (!table.ok()) return table.status();
  ActorFamilies families;
  std::unordered_map<std::string, int> ids;  // family name -> id
  // Step 1: every kind of the contract is a family of its own...
  for (int k = 0; k <= static_cast<int>(ActorKind::kUnknown); ++k) {
    const std::string kind(ToString(static_cast<ActorKind>(k)));
    if (kind != "unknown") families.family_[kind] = k;
  }
  // Step 2: ...unless the table puts it into a named family.
  int next = 1000;
  for (const TsvTable::Row& row : table.value().rows) {
    const std::string kind(row.fields[0]);
    if (!ActorKindFromString(kind) || kind == "unknown")
      return Status(ErrorCode::kCorruptResource,
                    std::string(kName) + ":" + std::to_string(row.line) + ": '" + kind + "' is not an actor kind");
    auto [it, added] = ids.emplace(std::string(row.fields[1]), next);
    if (added) ++next;
    families.family_[kind] = it->second;
  }
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : embedded::kActorFamiliesTsv) {
    h ^= c;
    h *= 1099511628211ull;
  }
  families.table_hash_ = h;
  return families;
}

int ActorFamilies::Family(std::string_view kind) const {
  auto it = family_.find(std::string(kind));
  return it == family_.end() ? kAny : it->second;
}

std::string ActorSignature(const std::vector<Actor>& actors) {
  std::string sig;
  for (const Actor& actor : actors) {
    if (!sig.empty()) sig.push_back(' ');
    sig.append(ToString(actor.kind));
    sig.push_back(':');
    if (actor.country) sig.append(*actor.country);
  }
  return sig;
}

std::vector<ActorSig> ParseActorSignature(std::string_view sig, const ActorFamilies& families) {
  std::vector<ActorSig> out;
  for (std::string_view item : SplitView(sig, ' ')) {
    if (item.empty()) continue;
    const size_t colon = item.find(':');
    ActorSig actor;
    actor.family = families.Family(item.substr(0, colon));
    if (colon != std::string_view::npos) actor.country = std::string(item.substr(colon + 1));
    out.push_back(std::move(actor));
  }
  return out;
}

bool CanonicalLess(const MentionFeatures& a, const MentionFeatures& b) {
  if (a.day != b.day) return a.day < b.day;
  if (a.location_rank != b.location_rank) return a.location_rank < b.location_rank;
  const int roles_a = !a.source.empty() + !a.target.empty(), roles_b = !b.source.empty() + !b.target.empty();
  if (roles_a != roles_b) return roles_a > roles_b;
  if (a.date_rank != b.date_rank) return a.date_rank < b.date_rank;
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return a.event_id < b.event_id;
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(h)));
}

namespace {

bool ActorsMatch(const ActorSig& a, const ActorSig& b) {
  if (a.family != ActorFamilies::kAny && b.family != ActorFamilies::kAny && a.family != b.family) return false;
  return a.country.empty() || b.country.empty() || a.country == b.country;
}

// Roles match when one is empty (the report does not say) or they share an actor.
// `shared` is set when they share one.
bool RolesMatch(const std::vector<ActorSig>& a, const std::vector<ActorSig>& b, bool* shared) {
  if (a.empty() || b.empty()) return true;
  for (const ActorSig& x : a)
    for (const ActorSig& y : b)
      if (ActorsMatch(x, y)) {
        *shared = true;
        return true;
      }
  return false;
}

bool PlacesMatch(const MentionFeatures& a, const MentionFeatures& b, const DedupOptions& options) {
  if (!a.Mergeable(options) || !b.Mergeable(options)) return false;
  if (!a.sublocation.empty() && !b.sublocation.empty() && a.sublocation != b.sublocation) return false;
  if (a.lat && a.lon && b.lat && b.lon && HaversineKm(*a.lat, *a.lon, *b.lat, *b.lon) <= options.max_km) return true;
  return options.same_admin2 && !a.admin2.empty() && a.admin2 == b.admin2 && a.admin1 == b.admin1 &&
         a.country == b.country && !a.country.empty();
}

// How far `m` is from a cluster's seed, for choosing between clusters.
double SeedDistance(const MentionFeatures& m, const MentionFeatures& seed) {
  if (m.lat && m.lon && seed.lat && seed.lon) return HaversineKm(*m.lat, *m.lon, *seed.lat, *seed.lon);
  return 0.0;
}

}  // namespace

bool Compatible(const MentionFeatures& a, const MentionFeatures& b, const DedupOptions& options) {
  if (a.article_pk == b.article_pk) return false;
  if (std::llabs(a.day - b.day) > options.max_days) return false;
  if (!PlacesMatch(a, b, options)) return false;
  if (!options.actors) return true;
  bool shared = false;
  if (RolesMatch(a.source, b.source, &shared) && RolesMatch(a.target, b.target, &shared)) return true;
  // Swapped roles ("police attacked protesters", "protesters attacked police") only
  // when an actor is really shared: else two sources with no targets would always fit.
  shared = false;
  return RolesMatch(a.source, b.target, &shared) && RolesMatch(a.target, b.source, &shared) && shared;
}

void DaySweep::AddOpenCluster(std::vector<MentionFeatures> members_seed_first) {
  if (members_seed_first.empty()) return;
  Cluster cluster;
  cluster.members = std::move(members_seed_first);
  open_.push_back(std::move(cluster));
}

std::vector<std::string> DaySweep::AssignDay(int64_t day, std::vector<MentionFeatures>* mentions) {
  // Step 1: close the clusters whose seed is too old to take this day's mentions, and
  // keep the rest in the canonical order of their seeds.
  std::erase_if(open_, [&](const Cluster& c) { return c.members[0].day < day - options_.max_days; });
  std::stable_sort(open_.begin(), open_.end(),
                   [](const Cluster& a, const Cluster& b) { return CanonicalLess(a.members[0], b.members[0]); });

  // Step 2: the day's mentions in canonical order.
  std::vector<size_t> order(mentions->size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return CanonicalLess((*mentions)[a], (*mentions)[b]); });

  // Step 3: each joins the nearest cluster it fits entirely, or seeds a new one.
  std::vector<std::string> keys(mentions->size());
  for (size_t index : order) {
    MentionFeatures& m = (*mentions)[index];
    int best = -1;
    double best_distance = 0;
    if (m.Mergeable(options_)) {
      for (size_t c = 0; c < open_.size(); ++c) {
        const Cluster& cluster = open_[c];
        bool fits = true;
        for (const MentionFeatures& member : cluster.members)
          if (!Compatible(m, member, options_)) {
            fits = false;
            break;
          }
        if (!fits) continue;
        const double distance = SeedDistance(m, cluster.members[0]);
        if (best < 0 || distance < best_distance) {
          best = static_cast<int>(c);
          best_distance = distance;
        }
      }
    }
    if (best >= 0) {
      keys[index] = open_[static_cast<size_t>(best)].members[0].event_id;
      open_[static_cast<size_t>(best)].members.push_back(m);
    } else {
      keys[index] = m.event_id;
      if (!m.Mergeable(options_)) continue;  // stays alone
      Cluster cluster;
      cluster.members.push_back(m);
      open_.push_back(std::move(cluster));
    }
  }
  return keys;
}

}  // namespace annals::store
