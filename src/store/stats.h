// Summary counts of a store: totals, and deduplicated events by day, type and country.
#ifndef ANNALS_STORE_STATS_H_
#define ANNALS_STORE_STATS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace annals::store {

struct StoreStats {
  int schema_version = 0;
  std::string dedup_settings;     // DedupOptions::Fingerprint of the store
  int64_t articles = 0;
  int64_t articles_with_events = 0;
  int64_t mentions = 0;           // article-level events
  int64_t events = 0;             // deduplicated events
  int64_t merged_events = 0;      // events told by two or more mentions
  int64_t located_events = 0;     // events with coordinates
  int64_t actors = 0;
  int64_t places = 0;
  int64_t pending = 0;            // dedup work left (dirty days + stale events)
  // Deduplicated events per value: days in date order ("" for undated, last); types and
  // countries by count, largest first, then by name ("" for no country).
  std::vector<std::pair<std::string, int64_t>> by_day, by_type, by_country;
};

Result<StoreStats> ComputeStats(Store* store);

}  // namespace annals::store

#endif  // ANNALS_STORE_STATS_H_
