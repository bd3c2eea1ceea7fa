// One deduplicated event in full, for a reader who wants to check it: the event's
// fields, and each report (mention) with the whole article it came from, the
// sentences it was read from, its actors, counts and attribution.
#ifndef ANNALS_STORE_EVENT_DETAIL_H_
#define ANNALS_STORE_EVENT_DETAIL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/annals.h"
#include "store/query.h"
#include "store/store.h"

namespace annals::store {

// One report of the event with its article.
struct MentionDetail {
  StoredMention mention;  // ids, article metadata, coded fields, evidence spans and sentences
  std::string article_text;
  std::optional<std::string> dateline;
  std::string date_precision;
  std::string status;
  std::optional<std::string> loc_mention, country, admin1, admin2, loc_precision;
  std::optional<int64_t> geonameid;
  std::optional<double> lat, lon;
  std::optional<int64_t> killed, injured, hospitalized, arrested, displaced, participants;
  std::string attribution_json;  // a JSON array of the sources the article credits ("" for none)
  std::string trigger_span;      // "start-end" ("t" before a title span; spans.h), "" when unknown
  std::vector<Actor> source, target;
};

struct EventDetail {
  StoredEvent event;                  // the event's fields and its seed's actors (reports left empty)
  std::vector<MentionDetail> mentions;  // in order of article date, then event id
};

// The event whose key (its seed mention's event id) is `key`: nullopt when the store
// has no such event. Errors: SQLite failing.
Result<std::optional<EventDetail>> ReadEventDetail(Store* store, std::string_view key);

}  // namespace annals::store

#endif  // ANNALS_STORE_EVENT_DETAIL_H_
