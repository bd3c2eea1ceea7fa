// Bringing the deduplicated events up to date with the mentions (dedup.cc explains
// the clustering; this file applies it to the database).
#ifndef ANNALS_STORE_RECLUSTER_H_
#define ANNALS_STORE_RECLUSTER_H_

#include <cstdint>
#include <functional>

#include "annals/annals.h"
#include "store/store.h"

namespace annals::store {

struct DedupRunStats {
  uint64_t days = 0;              // (type key, day) pairs swept
  uint64_t mentions = 0;          // mentions assigned
  uint64_t reassigned = 0;        // mentions whose event changed
  uint64_t events_refreshed = 0;  // events whose fields were recomputed or removed
};

// Re-sweeps every dirty (type key, day) until the assignments converge, recomputes
// the fields of every event whose members changed, and clears the marks. Commits
// every `commit_every` swept mentions (and at the end), leaving marks that let a
// later call finish the work after a crash. `progress`, when set, is called after
// each commit with the stats so far.
Status Deduplicate(Store* store, DedupRunStats* stats, const std::function<void(const DedupRunStats&)>& progress = {},
                   uint64_t commit_every = 50000);

}  // namespace annals::store

#endif  // ANNALS_STORE_RECLUSTER_H_
