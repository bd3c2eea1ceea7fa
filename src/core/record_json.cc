#include "core/record_json.h"

namespace annals {
namespace {

constexpr int kCoordinateDigits = 5;  // about 1 m
constexpr int kConfidenceDigits = 3;

void WriteSpanFields(const Span& span, JsonWriter* json) {
  json->Key("start");
  json->Int(span.start);
  json->Key("end");
  json->Int(span.end);
  if (span.field == Field::kTitle) {
    json->Key("field");
    json->String("title");
  }
}

void WriteActors(const std::vector<Actor>& actors, JsonWriter* json) {
  json->BeginArray();
  for (const Actor& actor : actors) WriteActor(actor, json);
  json->EndArray();
}

}  // namespace

void WriteSpan(const Span& span, JsonWriter* json) {
  json->BeginObject();
  WriteSpanFields(span, json);
  json->EndObject();
}

void WritePlaceMention(const PlaceMention& place, JsonWriter* json) {
  json->BeginObject();
  json->Key("mention");
  json->String(place.mention);
  WriteSpanFields(place.span, json);
  json->Key("geonameid");
  json->OptionalInt(place.geonameid);
  json->Key("name");
  json->OptionalString(place.name);
  json->Key("lat");
  json->OptionalDouble(place.lat, kCoordinateDigits);
  json->Key("lon");
  json->OptionalDouble(place.lon, kCoordinateDigits);
  json->Key("country");
  json->OptionalString(place.country);
  json->Key("admin1");
  json->OptionalString(place.admin1);
  json->Key("kind");
  json->String(ToString(place.kind));
  json->EndObject();
}

void WriteLocation(const std::optional<Location>& location, JsonWriter* json) {
  if (!location) {
    json->Null();
    return;
  }
  json->BeginObject();
  json->Key("mention");
  json->OptionalString(location->mention);
  json->Key("geonameid");
  json->OptionalInt(location->geonameid);
  json->Key("name");
  json->OptionalString(location->name);
  json->Key("lat");
  json->OptionalDouble(location->lat, kCoordinateDigits);
  json->Key("lon");
  json->OptionalDouble(location->lon, kCoordinateDigits);
  json->Key("country");
  json->OptionalString(location->country);
  json->Key("admin1");
  json->OptionalString(location->admin1);
  json->Key("precision");
  json->String(ToString(location->precision));
  json->EndObject();
}

void WriteActor(const Actor& actor, JsonWriter* json) {
  json->BeginObject();
  json->Key("text");
  json->String(actor.text);
  json->Key("kind");
  json->String(ToString(actor.kind));
  json->Key("country");
  json->OptionalString(actor.country);
  json->Key("sector");
  json->OptionalString(actor.sector);
  json->Key("code");
  json->String(actor.code);
  json->Key("count");
  json->OptionalInt(actor.count);
  WriteSpanFields(actor.span, json);
  json->EndObject();
}

void WriteOutcome(const Outcome& outcome, JsonWriter* json) {
  json->BeginObject();
  json->Key("killed");
  json->OptionalInt(outcome.killed);
  json->Key("injured");
  json->OptionalInt(outcome.injured);
  json->Key("hospitalized");
  json->OptionalInt(outcome.hospitalized);
  json->Key("arrested");
  json->OptionalInt(outcome.arrested);
  json->Key("displaced");
  json->OptionalInt(outcome.displaced);
  json->Key("participants");
  json->OptionalInt(outcome.participants);
  json->Key("seized");
  json->BeginArray();
  for (const Seized& seized : outcome.seized) {
    json->BeginObject();
    json->Key("what");
    json->String(seized.what);
    json->Key("count");
    json->OptionalInt(seized.count);
    json->EndObject();
  }
  json->EndArray();
  json->EndObject();
}

void WriteEventFields(const Event& event, JsonWriter* json) {
  json->Key("id");
  json->String(event.id);
  json->Key("type");
  json->String(ToString(event.type));
  json->Key("mode");
  if (event.mode.empty()) json->Null(); else json->String(event.mode);
  json->Key("cameo");
  json->String(event.cameo);
  json->Key("acled");
  if (event.acled) {
    json->BeginObject();
    json->Key("event_type");
    json->String(event.acled->event_type);
    json->Key("sub_event_type");
    json->String(event.acled->sub_event_type);
    json->EndObject();
  } else {
    json->Null();
  }
  json->Key("date");
  json->OptionalString(event.date);
  json->Key("date_precision");
  json->String(ToString(event.date_precision));
  json->Key("location");
  WriteLocation(event.location, json);
  json->Key("source");
  WriteActors(event.source, json);
  json->Key("target");
  WriteActors(event.target, json);
  json->Key("outcome");
  WriteOutcome(event.outcome, json);
  json->Key("status");
  json->String(ToString(event.status));
  json->Key("attribution");
  json->BeginArray();
  for (const std::string& who : event.attribution) json->String(who);
  json->EndArray();
  json->Key("evidence");
  json->BeginArray();
  for (const Span& span : event.evidence) WriteSpan(span, json);
  json->EndArray();
  json->Key("confidence");
  json->Double(event.confidence, kConfidenceDigits);
  json->Key("trigger");
  json->BeginObject();
  json->Key("text");
  json->String(event.trigger);
  WriteSpanFields(event.trigger_span, json);
  json->EndObject();
  json->Key("explanation");
  json->BeginArray();
  for (const std::string& step : event.explanation) json->String(step);
  json->EndArray();
}

void WriteArticleRecord(const ArticleRecord& record, JsonWriter* json) {
  json->BeginObject();
  json->Key("id");
  json->String(record.id);
  json->Key("date");
  json->OptionalString(record.date);
  json->Key("title");
  json->OptionalString(record.title);
  // Added fields of the contract: written only when the input gave them.
  if (record.url) {
    json->Key("url");
    json->String(*record.url);
  }
  if (record.source) {
    json->Key("source");
    json->String(*record.source);
  }
  json->Key("language");
  json->String(record.language);
  json->Key("dateline");
  json->OptionalString(record.dateline);
  json->Key("places");
  json->BeginArray();
  for (const PlaceMention& place : record.places) WritePlaceMention(place, json);
  json->EndArray();
  json->Key("events");
  json->BeginArray();
  for (const Event& event : record.events) {
    json->BeginObject();
    WriteEventFields(event, json);
    json->EndObject();
  }
  json->EndArray();
  json->Key("quotes");
  json->BeginArray();
  for (const Quote& quote : record.quotes) {
    json->BeginObject();
    json->Key("text");
    json->String(quote.text);
    json->Key("speaker");
    json->OptionalString(quote.speaker);
    WriteSpanFields(quote.span, json);
    json->EndObject();
  }
  json->EndArray();
  json->Key("warnings");
  json->BeginArray();
  for (const std::string& warning : record.warnings) json->String(warning);
  json->EndArray();
  json->EndObject();
}

}  // namespace annals
