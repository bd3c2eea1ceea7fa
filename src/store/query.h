// Reading deduplicated events back: filters, and the events with their mentions.
//
// Every filter is optional; given filters all apply (AND); a list filter matches any
// of its values (OR). The SQL is assembled from fixed fragments with one bound
// parameter per value, so no value is ever spliced into SQL text.
#ifndef ANNALS_STORE_QUERY_H_
#define ANNALS_STORE_QUERY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/annals.h"
#include "store/store.h"

namespace annals::store {

struct EventQuery {
  std::vector<std::string> types;           // PLOVER types ("PROTEST")
  std::vector<std::string> modes;           // PLOVER modes ("riot")
  std::vector<std::string> cameo_prefixes;  // "14" matches 14, 141, 1411, ...
  std::vector<std::string> acled_types;     // ACLED event types ("Protests")
  std::vector<std::string> acled_sub_types; // ACLED sub-event types ("Peaceful protest")
  std::vector<std::string> countries;       // ISO 3166-1 alpha-2 of the place
  std::vector<std::string> admin1s;         // first-level division names
  struct Circle {
    double lat = 0, lon = 0, km = 0;
    // "LAT,LON,KM" (finite numbers), as `annals query --near` and the API's near take
    // it; nullopt when malformed (ranges are Validate's).
    static std::optional<Circle> Parse(std::string_view text);
  };
  std::optional<Circle> near;               // within km of a point (great circle)
  struct Box {
    double min_lat = 0, min_lon = 0, max_lat = 0, max_lon = 0;
    // "MIN_LAT,MIN_LON,MAX_LAT,MAX_LON" (finite numbers); nullopt when malformed.
    static std::optional<Box> Parse(std::string_view text);
  };
  std::optional<Box> bbox;                  // inside a box (min_lon > max_lon crosses 180)
  std::optional<std::string> since, until;  // event date range, YYYY-MM-DD, inclusive
  std::vector<std::string> actor_kinds;     // some mention has an actor of one of these kinds
  std::optional<std::string> text;          // FTS5 query over the articles (title and text)
  std::optional<std::string> evidence;      // FTS5 query over the evidence sentences only
  int64_t min_mentions = 0;
  double min_confidence = 0;                // events the model judged at least this likely (0..1)
  int64_t limit = 0;                        // 0: no limit
  enum class Order : uint8_t { kNewest, kOldest, kMentions };
  Order order = Order::kNewest;

  // Checks values against the contract (types, kinds, dates, ranges); the error names
  // the offending value.
  Status Validate() const;
};

// One report of an event: the article and what the coder read in it.
struct StoredMention {
  std::string event_id;  // the article-level event id
  std::string article_id;
  std::optional<std::string> article_date, title, url;
  std::string outlet;
  std::string type, mode, cameo;
  std::optional<std::string> date, loc_name;
  std::string trigger;
  double confidence = 0;
  std::string evidence_spans;  // "start-end;..." ("t" before a span in the title; spans.h)
  std::string evidence;        // the sentences, joined by "\n"
};

// A deduplicated event as stored (fields of its seed mention, counts the largest any
// mention gives) and, when asked, its mentions and the seed's actors.
struct StoredEvent {
  int64_t pk = 0;
  std::string key;  // the seed mention's event id: stable across re-ingests
  std::string type, mode, cameo;
  std::optional<std::string> acled_event_type, acled_sub_event_type;
  std::optional<std::string> date;
  std::string date_precision;
  std::optional<std::string> loc_mention, loc_name, country, admin1, admin2, loc_precision;
  std::optional<int64_t> geonameid;
  std::optional<double> lat, lon;
  std::string source_codes, source_texts, target_codes, target_texts;  // ';'-joined
  std::optional<int64_t> killed, injured, hospitalized, arrested, displaced, participants;
  std::string status;
  double confidence = 0;
  int64_t mentions = 0, sources = 0;
  std::optional<std::string> first_report, last_report;
  std::vector<StoredMention> reports;  // in order of article date, then event id
  std::vector<Actor> source, target;   // the seed's actors
};

struct ReadOptions {
  bool with_reports = false;  // fill StoredEvent::reports
  bool with_actors = false;   // fill StoredEvent::source / target
};

// Runs `query`, calling `sink` for each event in the query's order until it returns
// false. Errors: an invalid query (kInvalidArgument, e.g. an FTS5 syntax error) or
// SQLite failing.
Status RunQuery(Store* store, const EventQuery& query, const ReadOptions& read,
                const std::function<bool(const StoredEvent&)>& sink);

// The number of events `query` matches (its limit ignored), counting no further than
// `cap` when cap > 0 (so the answer is min(matches, cap), at the cost of cap rows).
Result<int64_t> CountQuery(Store* store, const EventQuery& query, int64_t cap = 0);

// SQLite's plan for `query` (EXPLAIN QUERY PLAN), one step per line: which indexes it
// uses. For the benchmark and the README.
Result<std::string> ExplainQuery(Store* store, const EventQuery& query);

}  // namespace annals::store

#endif  // ANNALS_STORE_QUERY_H_
