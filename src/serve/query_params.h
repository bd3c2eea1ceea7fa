// The query parameters of the HTTP API, turned into store queries.
//
// /api/events, /api/stats take the filters of `annals query` under the same names
// (dashes become underscores): type, mode, cameo, acled_type, acled_sub_type, country,
// admin1, near, bbox, since, until, actor_kind, text, evidence, min_mentions,
// min_confidence. A list
// parameter takes comma-separated values, repeated or not (type=PROTEST,ASSAULT or
// type=PROTEST&type=ASSAULT), except acled_type, acled_sub_type and admin1, whose
// values may hold commas: repeat those. /api/events adds sort (newest, oldest,
// mentions), limit, offset and total (1: count the matches up to a cap, the default;
// exact: count them all, however many; 0: do not count).
//
// An unknown parameter, a scalar given twice or a value outside the contract is an
// error that names the parameter and quotes its value (kInvalidArgument).
#ifndef ANNALS_SERVE_QUERY_PARAMS_H_
#define ANNALS_SERVE_QUERY_PARAMS_H_

#include <cstdint>
#include <map>
#include <string>

#include "annals/annals.h"
#include "store/place_list.h"
#include "store/query.h"

namespace annals::serve {

// Decoded query parameters, in the order of their names (httplib::Params).
using Params = std::multimap<std::string, std::string>;

struct PageLimits {
  int64_t default_limit = 100;  // events per page when no limit is given
  int64_t max_limit = 1000;     // the largest page
  int64_t max_offset = 10000;   // the deepest page start (narrow the filters beyond)
  int64_t default_places = 100;
  int64_t max_places = 1000;
  int64_t count_cap = 1000;     // totals count this far unless total=exact
};

// What /api/events asks for.
struct EventsRequest {
  store::EventQuery query;  // filters and order; limit = offset + page size
  int64_t offset = 0;
  int64_t limit = 0;        // the page size
  enum class Total : uint8_t { kNone, kCapped, kExact };
  Total total = Total::kCapped;  // total=0, 1 (counted up to PageLimits::count_cap), exact
};

// The filters alone (for /api/stats); sort and paging parameters are errors.
Result<store::EventQuery> ParseFilters(const Params& params);
// Filters, order and paging (for /api/events).
Result<EventsRequest> ParseEventsRequest(const Params& params, const PageLimits& limits);
// country and limit (for /api/places).
Result<store::PlaceQuery> ParsePlaceQuery(const Params& params, const PageLimits& limits);

}  // namespace annals::serve

#endif  // ANNALS_SERVE_QUERY_PARAMS_H_
