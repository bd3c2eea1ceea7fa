// How many deduplicated events match a query, by day, type and country: what a
// dashboard's timeline and filter lists show for the current filters.
#ifndef ANNALS_STORE_EVENT_COUNTS_H_
#define ANNALS_STORE_EVENT_COUNTS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "annals/annals.h"
#include "store/query.h"
#include "store/store.h"

namespace annals::store {

struct EventCounts {
  int64_t events = 0;   // events matching
  int64_t located = 0;  // of which with coordinates
  // Days in date order ("" for undated, last); types and countries by count, largest
  // first, then by name ("" for no country). The same forms as StoreStats.
  std::vector<std::pair<std::string, int64_t>> by_day, by_type, by_country;
};

// Whether `query` filters anything (its order and limit aside).
bool HasFilters(const EventQuery& query);

// The counts of the events `query` matches (its order and limit ignored). Without
// filters they come from GROUP BY over the events table; with filters from the events
// RunQuery yields, so every filter means what it means there. Errors: those of RunQuery.
Result<EventCounts> CountEvents(Store* store, const EventQuery& query);

}  // namespace annals::store

#endif  // ANNALS_STORE_EVENT_COUNTS_H_
