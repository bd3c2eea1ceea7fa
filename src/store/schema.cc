#include "store/schema.h"

#include <string>

namespace annals::store {
namespace {

// The current schema, for a new database.
constexpr std::string_view kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE articles(
  article_pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash INTEGER NOT NULL,
  date TEXT,
  title TEXT,
  url TEXT,
  source TEXT,
  outlet TEXT NOT NULL,
  language TEXT NOT NULL,
  dateline TEXT,
  origin TEXT,
  coder TEXT NOT NULL,
  text TEXT NOT NULL);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='article_pk');

CREATE TABLE places(
  article_pk INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  mention TEXT NOT NULL,
  field TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  geonameid INTEGER,
  name TEXT,
  lat REAL,
  lon REAL,
  country TEXT,
  admin1 TEXT,
  kind TEXT NOT NULL,
  PRIMARY KEY(article_pk, ord)) WITHOUT ROWID;

CREATE TABLE mentions(
  mention_pk INTEGER PRIMARY KEY,
  article_pk INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  cameo TEXT NOT NULL,
  acled_event_type TEXT,
  acled_sub_event_type TEXT,
  date TEXT,
  day INTEGER,
  date_precision TEXT NOT NULL,
  loc_mention TEXT,
  geonameid INTEGER,
  loc_name TEXT,
  lat REAL,
  lon REAL,
  country TEXT,
  admin1 TEXT,
  admin2 TEXT,
  loc_precision TEXT,
  killed INTEGER,
  injured INTEGER,
  hospitalized INTEGER,
  arrested INTEGER,
  displaced INTEGER,
  participants INTEGER,
  seized TEXT,
  status TEXT NOT NULL,
  attribution TEXT,
  confidence REAL NOT NULL,
  trigger TEXT NOT NULL,
  trigger_span TEXT,
  evidence_spans TEXT NOT NULL,
  evidence TEXT NOT NULL,
  explanation TEXT,
  source_codes TEXT NOT NULL,
  source_texts TEXT NOT NULL,
  target_codes TEXT NOT NULL,
  target_texts TEXT NOT NULL,
  source_sig TEXT NOT NULL,
  target_sig TEXT NOT NULL,
  dedup_type TEXT NOT NULL,
  event_pk INTEGER);
CREATE INDEX mentions_by_article ON mentions(article_pk, event_pk);
CREATE INDEX mentions_by_event ON mentions(event_pk, article_pk);
CREATE INDEX mentions_by_type_day ON mentions(dedup_type, day);
CREATE VIRTUAL TABLE evidence_fts USING fts5(evidence, content='mentions', content_rowid='mention_pk');

CREATE TABLE actors(
  mention_pk INTEGER NOT NULL,
  role INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  sector TEXT,
  code TEXT NOT NULL,
  count INTEGER,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  field TEXT NOT NULL,
  PRIMARY KEY(mention_pk, role, ord)) WITHOUT ROWID;

CREATE TABLE events(
  event_pk INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  type TEXT,
  mode TEXT,
  cameo TEXT,
  acled_event_type TEXT,
  acled_sub_event_type TEXT,
  date TEXT,
  day INTEGER,
  date_precision TEXT,
  loc_mention TEXT,
  geonameid INTEGER,
  loc_name TEXT,
  lat REAL,
  lon REAL,
  country TEXT,
  admin1 TEXT,
  admin2 TEXT,
  loc_precision TEXT,
  source_codes TEXT,
  source_texts TEXT,
  target_codes TEXT,
  target_texts TEXT,
  killed INTEGER,
  injured INTEGER,
  hospitalized INTEGER,
  arrested INTEGER,
  displaced INTEGER,
  participants INTEGER,
  status TEXT,
  confidence REAL,
  mentions INTEGER NOT NULL DEFAULT 0,
  sources INTEGER NOT NULL DEFAULT 0,
  first_report TEXT,
  last_report TEXT);
CREATE INDEX events_by_day ON events(day);
CREATE INDEX events_by_type ON events(type, day);
CREATE INDEX events_by_mode ON events(mode, day);
CREATE INDEX events_by_cameo ON events(cameo, day);
CREATE INDEX events_by_acled ON events(acled_event_type, day);
CREATE INDEX events_by_acled_sub ON events(acled_sub_event_type, day);
CREATE INDEX events_by_country ON events(country, day);
CREATE INDEX events_by_country_type ON events(country, type, day);
CREATE INDEX events_by_country_acled ON events(country, acled_event_type, day);
CREATE INDEX events_by_admin1 ON events(admin1, day);
CREATE INDEX events_by_mentions ON events(mentions, day);
CREATE VIRTUAL TABLE events_rtree USING rtree(event_pk, min_lat, max_lat, min_lon, max_lon);
CREATE TABLE event_kinds(
  kind TEXT NOT NULL,
  day INTEGER,
  event_pk INTEGER NOT NULL,
  PRIMARY KEY(kind, day, event_pk)) WITHOUT ROWID;
CREATE INDEX event_kinds_by_event ON event_kinds(event_pk);

CREATE TABLE dirty(dedup_type TEXT NOT NULL, day INTEGER NOT NULL, PRIMARY KEY(dedup_type, day)) WITHOUT ROWID;
CREATE TABLE stale_events(event_pk INTEGER PRIMARY KEY);
)sql";

// One migration step: the SQL that turns version `from` into version `from` + 1.
struct Migration {
  int from;
  std::string_view sql;
};

// Migrations in order.
constexpr Migration kMigrations[] = {
    // 2: the indexes from articles to events and back cover both columns, so that a
    // full-text filter maps articles to events without reading the mention rows.
    {1, R"sql(
DROP INDEX mentions_by_article;
DROP INDEX mentions_by_event;
CREATE INDEX mentions_by_article ON mentions(article_pk, event_pk);
CREATE INDEX mentions_by_event ON mentions(event_pk, article_pk);
)sql"},
    // 3: a country with a PLOVER or ACLED type, the dashboard's commonest pair of
    // filters, read from one index in date order: with the country's index alone,
    // counting the first 1,000 riots in a country of 344,000 events read 27,000 rows
    // (150 ms); with the pair's, 1,000 index entries (3 ms).
    {2, R"sql(
CREATE INDEX events_by_country_type ON events(country, type, day);
CREATE INDEX events_by_country_acled ON events(country, acled_event_type, day);
ANALYZE events;
)sql"},
};

Status WriteVersion(Database* db, int version) {
  Status s = db->Exec("PRAGMA user_version = " + std::to_string(version));
  if (!s.ok()) return s;
  Result<Statement> put = db->Prepare("INSERT INTO meta(key, value) VALUES('schema_version', ?1) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!put.ok()) return put.status();
  put.value().BindText(1, std::to_string(version));
  return put.value().Run();
}

}  // namespace

Result<int> ReadSchemaVersion(Database* db) {
  Result<Statement> st = db->Prepare("PRAGMA user_version");
  if (!st.ok()) return st.status();
  if (!st.value().Step()) return st.value().status();
  return static_cast<int>(st.value().Int(0));
}

Status CreateOrMigrate(Database* db) {
  Result<int> version = ReadSchemaVersion(db);
  if (!version.ok()) return version.status();
  if (version.value() > kSchemaVersion)
    return Status(ErrorCode::kInvalidArgument, "the database has schema version " + std::to_string(version.value()) +
                                                   ", newer than this annals (" + std::to_string(kSchemaVersion) +
                                                   "): use a newer annals");
  if (version.value() == kSchemaVersion) return Status::Ok();
  if (version.value() == 0) {
    // A database with tables but no version is not ours.
    Result<Statement> count = db->Prepare("SELECT count(*) FROM sqlite_master");
    if (!count.ok()) return count.status();
    if (count.value().Step() && count.value().Int(0) > 0)
      return Status(ErrorCode::kInvalidArgument, "the database has tables but no annals schema version");
    Transaction tx(db);
    if (!tx.status().ok()) return tx.status();
    Status s = db->Exec(kSchema);
    if (s.ok()) s = WriteVersion(db, kSchemaVersion);
    if (s.ok()) s = tx.Commit();
    return s;
  }
  for (int v = version.value(); v < kSchemaVersion; ++v) {
    const Migration* step = nullptr;
    for (const Migration& m : kMigrations)
      if (m.from == v) step = &m;
    if (!step || step->sql.empty())
      return Status(ErrorCode::kInvalidArgument, "no migration from schema version " + std::to_string(v));
    Transaction tx(db);
    if (!tx.status().ok()) return tx.status();
    Status s = db->Exec(step->sql);
    if (s.ok()) s = WriteVersion(db, v + 1);
    if (s.ok()) s = tx.Commit();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace annals::store
