// The store's SQLite schema, its version, and the migrations between versions.
//
// The version lives in two places kept equal: PRAGMA user_version (cheap to read) and
// meta('schema_version'). A new database gets the current schema in one transaction.
// An older one is migrated step by step (each step one transaction that ends by
// writing the new version), so a crash mid-migration leaves the previous version,
// whole. A database of a newer version than this program is refused.
//
// Tables (the README has the columns users see):
//   meta          key/value: schema_version, dedup settings fingerprint
//   articles      one row per article id: metadata, text, content hash, dateline
//   articles_fts  FTS5 over articles(title, text), external content
//   places        the toponyms found in each article
//   mentions      one row per article-level event (an article's report of an event):
//                 its coded fields, evidence spans and sentences, dedup features and
//                 the deduplicated event it belongs to (event_pk)
//   evidence_fts  FTS5 over mentions(evidence), external content
//   actors        the source and target actors of each mention
//   events        one row per deduplicated event: the seed mention's fields, the
//                 largest counts, mentions, distinct sources, first and last report
//   events_rtree  R*Tree over the events' coordinates
//   event_kinds   (kind, day, event) for filtering by actor kind
//   dirty         (type key, day) whose clusters must be recomputed (dedup pending)
//   stale_events  events whose aggregates must be recomputed (dedup pending)
#ifndef ANNALS_STORE_SCHEMA_H_
#define ANNALS_STORE_SCHEMA_H_

#include "annals/annals.h"
#include "store/sqlite.h"

namespace annals::store {

// 1: the first schema; 2: covering indexes mentions(article_pk, event_pk) and
// mentions(event_pk, article_pk); 3: events(country, type, day) and
// events(country, acled_event_type, day), for the commonest pairs of filters.
inline constexpr int kSchemaVersion = 3;

// The schema version of an open database (0 for an empty one).
Result<int> ReadSchemaVersion(Database* db);

// Creates the schema in an empty database or migrates an older one to
// kSchemaVersion. Errors: a newer version, or SQLite failing.
Status CreateOrMigrate(Database* db);

}  // namespace annals::store

#endif  // ANNALS_STORE_SCHEMA_H_
