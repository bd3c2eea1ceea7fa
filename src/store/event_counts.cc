#include "store/event_counts.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace annals::store {
namespace {

using Counts = std::vector<std::pair<std::string, int64_t>>;

Status Groups(Database* db, std::string_view sql, Counts* out) {
  Result<Statement> st = db->Prepare(sql);
  if (!st.ok()) return st.status();
  while (st.value().Step()) out->emplace_back(std::string(st.value().Text(0)), st.value().Int(1));
  return st.value().status();
}

// Largest count first, then by name.
Counts ByCount(const std::unordered_map<std::string, int64_t>& counts) {
  Counts out(counts.begin(), counts.end());
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  return out;
}

}  // namespace

bool HasFilters(const EventQuery& q) {
  return !q.types.empty() || !q.modes.empty() || !q.cameo_prefixes.empty() || !q.acled_types.empty() ||
         !q.acled_sub_types.empty() || !q.countries.empty() || !q.admin1s.empty() || q.near || q.bbox || q.since ||
         q.until || !q.actor_kinds.empty() || q.text || q.evidence || q.min_mentions > 0 ||
         q.min_confidence > 0;
}

Result<EventCounts> CountEvents(Store* store, const EventQuery& query) {
  EventCounts counts;
  if (!HasFilters(query)) {
    Database* db = store->db();
    Counts totals;
    Status s = Groups(db, "SELECT 'events', count(*) FROM events UNION ALL SELECT 'located', count(*) FROM events_rtree",
                      &totals);
    if (s.ok())
      s = Groups(db, "SELECT coalesce(date, ''), count(*) FROM events GROUP BY day ORDER BY day IS NULL, day",
                 &counts.by_day);
    if (s.ok())
      s = Groups(db, "SELECT coalesce(type, ''), count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type",
                 &counts.by_type);
    if (s.ok())
      s = Groups(db,
                 "SELECT coalesce(country, ''), count(*) AS n FROM events GROUP BY country ORDER BY n DESC, country",
                 &counts.by_country);
    if (!s.ok()) return s;
    for (const auto& [name, n] : totals) (name == "events" ? counts.events : counts.located) = n;
    return counts;
  }
  EventQuery q = query;
  q.limit = 0;
  std::map<std::string, int64_t> days;  // "" sorts first; moved last below
  std::unordered_map<std::string, int64_t> types, countries;
  Status s = RunQuery(store, q, ReadOptions(), [&](const StoredEvent& e) {
    ++counts.events;
    if (e.lat && e.lon) ++counts.located;
    ++days[e.date.value_or("")];
    ++types[e.type];
    ++countries[e.country.value_or("")];
    return true;
  });
  if (!s.ok()) return s;
  for (const auto& [day, n] : days)
    if (!day.empty()) counts.by_day.emplace_back(day, n);
  if (auto undated = days.find(""); undated != days.end()) counts.by_day.emplace_back("", undated->second);
  counts.by_type = ByCount(types);
  counts.by_country = ByCount(countries);
  return counts;
}

}  // namespace annals::store
