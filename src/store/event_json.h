// The one JSON form of a stored (deduplicated) event and of its reports, written by
// every front end that shows the store: `annals query --format jsonl` and `annals
// export` (export.h: JSON Lines objects, GeoJSON properties) and `annals serve`
// (GET /api/events, GET /api/events/{id}).
//
// A field has one name and one shape wherever it appears; the options only choose
// which fields a front end writes. The event's fields, in order:
//   "event_id", "type", "mode" (null when none), "cameo",
//   "acled" ({"event_type", "sub_event_type"}, null for verbal events),
//   "date", "date_precision",
//   "location" ({"mention", "geonameid", "name", "lat", "lon", "country", "admin1",
//     "admin2", "precision"}, null when unplaced) or, flat, "location_name", "country",
//     "admin1", "location_precision",
//   "source_texts", "source_codes", "target_texts", "target_codes" (arrays of strings),
//   "source", "target" (actor objects of core/record_json.h),
//   "outcome" ({"killed", "injured", "hospitalized", "arrested", "displaced",
//     "participants"}, each a number or null), "status", "confidence", "mentions",
//   "sources", "first_report", "last_report", "reports" ([report...]).
// A report: "event_id", "article_id", "article_date", "title", "url", "source" (the
// outlet), "type", "mode", "cameo", "date", "location_name", "trigger", "confidence",
// "evidence" (spans), "sentences"; in full (WriteReportDetail) also the article's
// "dateline" and "text", and what was coded in it: "date_precision", "status",
// "location", "source_actors", "target_actors", "outcome", "attribution",
// "trigger_span" (a report's "source" being its outlet, its actors are
// "source_actors" and "target_actors").
//
// The location is the output contract's (spec/EVENTS.md) with the store's "admin2"
// (the GeoNames admin2 code dedup compares), so it is not core's WriteLocation; the
// outcome has no "seized" (the store keeps the largest counts only), so it is not
// core's WriteOutcome. Actors and spans are core's.
#ifndef ANNALS_STORE_EVENT_JSON_H_
#define ANNALS_STORE_EVENT_JSON_H_

#include "core/json_writer.h"
#include "store/event_detail.h"
#include "store/query.h"

namespace annals::store {

struct EventJsonOptions {
  // "location" as an object; false: the flat "location_name", "country", "admin1",
  // "location_precision" (GeoJSON properties, whose coordinates are the geometry).
  bool nested_location = true;
  // "source_texts", "source_codes", "target_texts", "target_codes": the seed's actors
  // as strings, from the event alone (for lists that do not read the actors).
  bool actor_names = false;
  // "source", "target": the seed's actors in full (ReadOptions::with_actors).
  bool actors = true;
  // "reports": each report of the event (ReadOptions::with_reports).
  bool reports = false;
};

// What RunQuery must read for the fields `options` writes.
ReadOptions ReadOptionsFor(const EventJsonOptions& options);

// Writes the fields of `event` that `options` selects, without the braces, so that a
// caller may add its own (GeoJSON adds "article_ids").
void WriteStoredEventFields(const StoredEvent& event, const EventJsonOptions& options, JsonWriter* json);

// Writes `event` as one object: {fields}.
void WriteStoredEvent(const StoredEvent& event, const EventJsonOptions& options, JsonWriter* json);

// Writes one report in full as an object: the fields of a report in "reports", then
// the article's dateline and text and everything coded in the report (for a reader
// checking it).
void WriteReportDetail(const MentionDetail& report, JsonWriter* json);

}  // namespace annals::store

#endif  // ANNALS_STORE_EVENT_JSON_H_
