// JSON forms of the output records (spec/EVENTS.md): the article record, and the
// pieces that other formats (events JSONL, GeoJSON properties) reuse.
#ifndef ANNALS_CORE_RECORD_JSON_H_
#define ANNALS_CORE_RECORD_JSON_H_

#include "annals/annals.h"
#include "core/json_writer.h"

namespace annals {

void WriteSpan(const Span& span, JsonWriter* json);  // {"start","end"[,"field"]}
void WritePlaceMention(const PlaceMention& place, JsonWriter* json);
void WriteLocation(const std::optional<Location>& location, JsonWriter* json);
void WriteActor(const Actor& actor, JsonWriter* json);
void WriteOutcome(const Outcome& outcome, JsonWriter* json);
// The fields of one event, without the braces, so callers can add their own.
void WriteEventFields(const Event& event, JsonWriter* json);
void WriteArticleRecord(const ArticleRecord& record, JsonWriter* json);

}  // namespace annals

#endif  // ANNALS_CORE_RECORD_JSON_H_
