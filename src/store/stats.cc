#include "store/stats.h"

#include "store/schema.h"

namespace annals::store {
namespace {

Result<int64_t> Scalar(Database* db, std::string_view sql) {
  Result<Statement> st = db->Prepare(sql);
  if (!st.ok()) return st.status();
  if (!st.value().Step()) return st.value().status();
  return st.value().Int(0);
}

Status Groups(Database* db, std::string_view sql, std::vector<std::pair<std::string, int64_t>>* out) {
  Result<Statement> st = db->Prepare(sql);
  if (!st.ok()) return st.status();
  while (st.value().Step()) out->emplace_back(std::string(st.value().Text(0)), st.value().Int(1));
  return st.value().status();
}

}  // namespace

Result<StoreStats> ComputeStats(Store* store) {
  Database* db = store->db();
  StoreStats stats;
  Result<int> version = ReadSchemaVersion(db);
  if (!version.ok()) return version.status();
  stats.schema_version = version.value();
  stats.dedup_settings = store->dedup_options().Fingerprint();
  const std::pair<int64_t*, std::string_view> scalars[] = {
      {&stats.articles, "SELECT count(*) FROM articles"},
      {&stats.articles_with_events, "SELECT count(DISTINCT article_pk) FROM mentions"},
      {&stats.mentions, "SELECT count(*) FROM mentions"},
      {&stats.events, "SELECT count(*) FROM events"},
      {&stats.merged_events, "SELECT count(*) FROM events WHERE mentions >= 2"},
      {&stats.located_events, "SELECT count(*) FROM events_rtree"},
      {&stats.actors, "SELECT count(*) FROM actors"},
      {&stats.places, "SELECT count(*) FROM places"},
      {&stats.pending, "SELECT (SELECT count(*) FROM dirty) + (SELECT count(*) FROM stale_events)"},
  };
  for (const auto& [field, sql] : scalars) {
    Result<int64_t> n = Scalar(db, sql);
    if (!n.ok()) return n.status();
    *field = n.value();
  }
  Status s = Groups(db, "SELECT coalesce(date, ''), count(*) FROM events GROUP BY day ORDER BY day IS NULL, day",
                    &stats.by_day);
  if (s.ok())
    s = Groups(db, "SELECT coalesce(type, ''), count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type",
               &stats.by_type);
  if (s.ok())
    s = Groups(db,
               "SELECT coalesce(country, ''), count(*) AS n FROM events GROUP BY country ORDER BY n DESC, country",
               &stats.by_country);
  if (!s.ok()) return s;
  return stats;
}

}  // namespace annals::store
