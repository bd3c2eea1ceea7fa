// The places where the store's deduplicated events happened, with how many events
// each saw: the gazetteer entry (or name) of the event location, most events first.
#ifndef ANNALS_STORE_PLACE_LIST_H_
#define ANNALS_STORE_PLACE_LIST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "annals/annals.h"
#include "store/store.h"

namespace annals::store {

struct PlaceQuery {
  std::vector<std::string> countries;  // ISO 3166-1 alpha-2; empty: all
  int64_t limit = 100;                 // at most this many places (> 0)
};

struct PlaceCount {
  std::string name;
  std::optional<int64_t> geonameid;
  std::optional<std::string> country, admin1;
  std::optional<std::string> precision;  // of one of its events (all agree for a gazetteer entry)
  std::optional<double> lat, lon;
  int64_t events = 0;
  std::optional<std::string> first_date, last_date;  // the earliest and latest event dates
};

// Events grouped by place (geonameid, name, country, admin1), ordered by event count
// (largest first), then name, then country. Events without a place name are left out.
// Errors: a bad country code or limit (kInvalidArgument), SQLite failing.
Result<std::vector<PlaceCount>> ListPlaces(Store* store, const PlaceQuery& query);

}  // namespace annals::store

#endif  // ANNALS_STORE_PLACE_LIST_H_
