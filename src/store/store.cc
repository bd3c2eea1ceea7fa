#include "store/store.h"

#include <charconv>
#include <filesystem>

#include <sqlite3.h>

#include "store/schema.h"

namespace annals::store {
namespace {

// annals_km(lat1, lon1, lat2, lon2): the great-circle distance in km; NULL when an
// argument is NULL.
void KmFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
  for (int i = 0; i < argc; ++i)
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
      sqlite3_result_null(context);
      return;
    }
  sqlite3_result_double(context, HaversineKm(sqlite3_value_double(argv[0]), sqlite3_value_double(argv[1]),
                                             sqlite3_value_double(argv[2]), sqlite3_value_double(argv[3])));
}

std::string SettingsText(const DedupOptions& options, const ActorFamilies& families) {
  return options.Fingerprint() + " families=" + std::to_string(families.table_hash());
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, bool read_only) {
  if (read_only && !std::filesystem::exists(path))
    return Status(ErrorCode::kIo, "no database at '" + path + "' (annals ingest creates it)");
  std::unique_ptr<Store> store(new Store());
  store->read_only_ = read_only;
  store->path_ = path;
  Result<Database> db = Database::Open(path, read_only);
  if (!db.ok()) return db.status();
  store->db_ = std::move(db).value();
  Database* d = &store->db_;
  // Step 1: connection settings and the SQL functions of the queries.
  if (sqlite3_create_function_v2(d->handle(), "annals_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                 KmFunction, nullptr, nullptr, nullptr) != SQLITE_OK)
    return Status(ErrorCode::kIo, "sqlite: " + d->ErrorMessage() + " (registering annals_km)");
  Status s = d->Exec(
      "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 268435456;"
      "PRAGMA foreign_keys = OFF");
  if (!s.ok()) return s;
  if (!read_only) {
    s = d->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = OFF");
    if (!s.ok()) return s;
    // Step 2: schema.
    s = CreateOrMigrate(d);
    if (!s.ok()) return Status(s.code(), "'" + path + "': " + s.message());
  } else {
    Result<int> version = ReadSchemaVersion(d);
    if (!version.ok()) return Status(version.status().code(), "'" + path + "': " + version.status().message());
    if (version.value() != kSchemaVersion)
      return Status(ErrorCode::kInvalidArgument,
                    "'" + path + "' has schema version " + std::to_string(version.value()) + ", this annals reads " +
                        std::to_string(kSchemaVersion) + (version.value() < kSchemaVersion
                                                              ? " (run `annals ingest --db " + path + "` to migrate it)"
                                                              : " (use a newer annals)"));
  }
  // Step 3: dedup settings.
  Result<ActorFamilies> families = ActorFamilies::Load();
  if (!families.ok()) return families.status();
  store->families_ = std::move(families).value();
  s = store->LoadSettings();
  if (!s.ok()) return s;
  return store;
}

Status Store::LoadSettings() {
  Result<Statement> get = db_.Prepare("SELECT key, value FROM meta WHERE key LIKE 'dedup.%'");
  if (!get.ok()) return get.status();
  Statement& st = get.value();
  while (st.Step()) {
    const std::string_view key = st.Text(0), value = st.Text(1);
    settings_stored_ = true;
    if (key == "dedup.type") {
      if (auto k = DedupOptions::TypeKeyFromName(value)) dedup_.type_key = *k;
    } else if (key == "dedup.days") {
      std::from_chars(value.data(), value.data() + value.size(), dedup_.max_days);
    } else if (key == "dedup.km") {
      dedup_.max_km = std::stod(std::string(value));
    } else if (key == "dedup.admin2") {
      dedup_.same_admin2 = value == "on";
    } else if (key == "dedup.actors") {
      dedup_.actors = value == "on";
    } else if (key == "dedup.coarsest") {
      if (auto p = PrecisionFromName(value)) dedup_.coarsest = *p;
    }
  }
  return st.status();
}

Result<bool> Store::SetDedupOptions(const DedupOptions& options) {
  Status s = options.Validate();
  if (!s.ok()) return s;
  // Step 1: compare with what the database holds.
  Result<Statement> get = db_.Prepare("SELECT value FROM meta WHERE key = 'dedup.settings'");
  if (!get.ok()) return get.status();
  std::string stored;
  if (get.value().Step()) stored = std::string(get.value().Text(0));
  if (!get.value().status().ok()) return get.value().status();
  const std::string wanted = SettingsText(options, families_);
  if (stored == wanted) {
    dedup_ = options;
    return false;
  }
  // Step 2: store the settings and mark everything for re-clustering.
  char km[32];
  std::snprintf(km, sizeof km, "%.6g", options.max_km);
  Transaction tx(&db_);
  if (!tx.status().ok()) return tx.status();
  Result<Statement> put = db_.Prepare("INSERT INTO meta(key, value) VALUES(?1, ?2) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!put.ok()) return put.status();
  const std::pair<std::string, std::string> rows[] = {
      {"dedup.type", std::string(DedupOptions::TypeKeyName(options.type_key))},
      {"dedup.days", std::to_string(options.max_days)},
      {"dedup.km", km},
      {"dedup.admin2", options.same_admin2 ? "on" : "off"},
      {"dedup.actors", options.actors ? "on" : "off"},
      {"dedup.coarsest", std::string(ToString(options.coarsest))},
      {"dedup.settings", wanted}};
  for (const auto& [key, value] : rows) {
    put.value().BindText(1, key);
    put.value().BindText(2, value);
    s = put.value().Run();
    if (!s.ok()) return s;
  }
  // The type key in SQL, as DedupTypeKey computes it.
  std::string type_expr = "type";
  if (options.type_key == DedupOptions::TypeKey::kAcled)
    type_expr = "CASE WHEN acled_event_type IS NULL THEN type ELSE 'ACLED:' || acled_event_type END";
  else if (options.type_key == DedupOptions::TypeKey::kCameo)
    type_expr = "'CAMEO:' || substr(cameo, 1, 2)";
  s = db_.Exec(
      "UPDATE mentions SET dedup_type = " + type_expr +
      ", event_pk = NULL;"
      "DELETE FROM events; DELETE FROM events_rtree; DELETE FROM event_kinds; DELETE FROM stale_events;"
      "DELETE FROM dirty;"
      "INSERT INTO dirty(dedup_type, day) SELECT DISTINCT dedup_type, day FROM mentions WHERE day IS NOT NULL;"
      // Undated mentions are events of their own.
      "INSERT INTO events(key) SELECT event_id FROM mentions WHERE day IS NULL;"
      "UPDATE mentions SET event_pk = (SELECT event_pk FROM events WHERE key = mentions.event_id) "
      "WHERE day IS NULL;"
      "INSERT INTO stale_events(event_pk) SELECT event_pk FROM mentions WHERE day IS NULL");
  if (!s.ok()) return s;
  s = tx.Commit();
  if (!s.ok()) return s;
  dedup_ = options;
  settings_stored_ = true;
  return true;
}

Result<int64_t> Store::PendingDedup() {
  Result<Statement> st =
      db_.Prepare("SELECT (SELECT count(*) FROM dirty) + (SELECT count(*) FROM stale_events)");
  if (!st.ok()) return st.status();
  if (!st.value().Step()) return st.value().status();
  return st.value().Int(0);
}

}  // namespace annals::store
