// The event store: an SQLite database of articles, their events (mentions), and the
// deduplicated events that the mentions report. This header opens it; writer.h adds
// articles, recluster.h deduplicates, query.h, export.h and stats.h read it.
//
// A Store is one connection: use it from one thread at a time.
#ifndef ANNALS_STORE_STORE_H_
#define ANNALS_STORE_STORE_H_

#include <memory>
#include <string>

#include "annals/annals.h"
#include "store/dedup.h"
#include "store/sqlite.h"

namespace annals::store {

class Store {
 public:
  // Opens the database at `path`. For writing: creates it when absent, migrates an
  // older schema, WAL journal, synchronous=NORMAL (a crash or kill loses at most the
  // transactions not yet committed, never consistency). Read-only: the file must exist
  // with the current schema version.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, bool read_only);

  Database* db() { return &db_; }
  bool read_only() const { return read_only_; }
  const std::string& path() const { return path_; }

  // The deduplication settings of this database (the defaults for a new one).
  const DedupOptions& dedup_options() const { return dedup_; }
  const ActorFamilies& families() const { return families_; }

  // Makes `options` the settings. When they (or the actor families table) differ
  // from the stored ones, recomputes every mention's type key, drops the events and
  // marks every day for re-clustering, all in one transaction; Deduplicate
  // (recluster.h) then rebuilds the events. Returns whether anything changed.
  Result<bool> SetDedupOptions(const DedupOptions& options);

  // Whether the database held dedup settings when opened (false for a new one).
  bool has_stored_settings() const { return settings_stored_; }

  // Rows waiting for Deduplicate: marked days plus events to re-aggregate.
  Result<int64_t> PendingDedup();

 private:
  Store() = default;
  Status LoadSettings();
  Database db_;
  bool read_only_ = false;
  std::string path_;
  DedupOptions dedup_;
  ActorFamilies families_;
  bool settings_stored_ = false;
};

}  // namespace annals::store

#endif  // ANNALS_STORE_STORE_H_
