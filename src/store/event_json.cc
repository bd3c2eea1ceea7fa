#include "store/event_json.h"

#include <simdjson.h>

#include "core/record_json.h"
#include "store/spans.h"

namespace annals::store {
namespace {

constexpr int kCoordinateDigits = 5;  // about 1 m
constexpr int kConfidenceDigits = 3;

// A place as the store keeps it, in an event's row or a report's.
struct StoredPlace {
  const std::optional<std::string>& mention;
  const std::optional<int64_t>& geonameid;
  const std::optional<std::string>& name;
  const std::optional<double>& lat;
  const std::optional<double>& lon;
  const std::optional<std::string>& country;
  const std::optional<std::string>& admin1;
  const std::optional<std::string>& admin2;
  const std::optional<std::string>& precision;  // nullopt: no place
};

void WriteLocation(const StoredPlace& p, JsonWriter* json) {
  if (!p.precision) {
    json->Null();
    return;
  }
  json->BeginObject();
  json->Key("mention");
  json->OptionalString(p.mention);
  json->Key("geonameid");
  json->OptionalInt(p.geonameid);
  json->Key("name");
  json->OptionalString(p.name);
  json->Key("lat");
  json->OptionalDouble(p.lat, kCoordinateDigits);
  json->Key("lon");
  json->OptionalDouble(p.lon, kCoordinateDigits);
  json->Key("country");
  json->OptionalString(p.country);
  json->Key("admin1");
  json->OptionalString(p.admin1);
  json->Key("admin2");
  json->OptionalString(p.admin2);
  json->Key("precision");
  json->String(*p.precision);
  json->EndObject();
}

// The counts, in the order of the output contract's outcome.
void WriteOutcome(const std::optional<int64_t>* const (&counts)[6], JsonWriter* json) {
  static constexpr std::string_view kNames[6] = {"killed",   "injured",   "hospitalized",
                                                 "arrested", "displaced", "participants"};
  json->BeginObject();
  for (int i = 0; i < 6; ++i) {
    json->Key(kNames[i]);
    json->OptionalInt(*counts[i]);
  }
  json->EndObject();
}

void WriteMode(const std::string& mode, JsonWriter* json) {
  json->Key("mode");
  if (mode.empty()) json->Null();
  else json->String(mode);
}

void WriteActors(std::string_view key, const std::vector<Actor>& actors, JsonWriter* json) {
  json->Key(key);
  json->BeginArray();
  for (const Actor& a : actors) WriteActor(a, json);
  json->EndArray();
}

// A ';'-joined list as a JSON array of strings.
void WriteJoined(std::string_view key, std::string_view joined, JsonWriter* json) {
  json->Key(key);
  json->BeginArray();
  while (!joined.empty()) {
    const size_t semi = joined.find(';');
    json->String(joined.substr(0, semi));
    joined = semi == std::string_view::npos ? std::string_view() : joined.substr(semi + 1);
  }
  json->EndArray();
}

// A JSON array of strings stored as text ("" for none) written back as an array.
void WriteStringArray(std::string_view stored, JsonWriter* json) {
  json->BeginArray();
  if (!stored.empty()) {
    simdjson::dom::parser parser;
    simdjson::dom::array array;
    if (!parser.parse(stored.data(), stored.size()).get_array().get(array)) {
      for (simdjson::dom::element item : array) {
        std::string_view s;
        if (!item.get_string().get(s)) json->String(s);
      }
    }
  }
  json->EndArray();
}

void WriteReportFields(const StoredMention& m, JsonWriter* json) {
  json->Key("event_id");
  json->String(m.event_id);
  json->Key("article_id");
  json->String(m.article_id);
  json->Key("article_date");
  json->OptionalString(m.article_date);
  json->Key("title");
  json->OptionalString(m.title);
  json->Key("url");
  json->OptionalString(m.url);
  json->Key("source");
  json->String(m.outlet);
  json->Key("type");
  json->String(m.type);
  WriteMode(m.mode, json);
  json->Key("cameo");
  json->String(m.cameo);
  json->Key("date");
  json->OptionalString(m.date);
  json->Key("location_name");
  json->OptionalString(m.loc_name);
  json->Key("trigger");
  json->String(m.trigger);
  json->Key("confidence");
  json->Double(m.confidence, kConfidenceDigits);
  json->Key("evidence");
  json->BeginArray();
  for (const Span& span : ParseSpans(m.evidence_spans)) WriteSpan(span, json);
  json->EndArray();
  json->Key("sentences");
  json->String(m.evidence);
}

}  // namespace

ReadOptions ReadOptionsFor(const EventJsonOptions& options) {
  ReadOptions read;
  read.with_actors = options.actors;
  read.with_reports = options.reports;
  return read;
}

void WriteStoredEventFields(const StoredEvent& e, const EventJsonOptions& options, JsonWriter* json) {
  // Step 1: what happened, when.
  json->Key("event_id");
  json->String(e.key);
  json->Key("type");
  json->String(e.type);
  WriteMode(e.mode, json);
  json->Key("cameo");
  json->String(e.cameo);
  json->Key("acled");
  if (e.acled_event_type) {
    json->BeginObject();
    json->Key("event_type");
    json->String(*e.acled_event_type);
    json->Key("sub_event_type");
    json->OptionalString(e.acled_sub_event_type);
    json->EndObject();
  } else {
    json->Null();
  }
  json->Key("date");
  json->OptionalString(e.date);
  json->Key("date_precision");
  json->String(e.date_precision);
  // Step 2: where.
  if (options.nested_location) {
    json->Key("location");
    WriteLocation({e.loc_mention, e.geonameid, e.loc_name, e.lat, e.lon, e.country, e.admin1, e.admin2,
                   e.loc_precision},
                  json);
  } else {
    json->Key("location_name");
    json->OptionalString(e.loc_name);
    json->Key("country");
    json->OptionalString(e.country);
    json->Key("admin1");
    json->OptionalString(e.admin1);
    json->Key("location_precision");
    json->OptionalString(e.loc_precision);
  }
  // Step 3: who, and what came of it.
  if (options.actor_names) {
    WriteJoined("source_texts", e.source_texts, json);
    WriteJoined("source_codes", e.source_codes, json);
    WriteJoined("target_texts", e.target_texts, json);
    WriteJoined("target_codes", e.target_codes, json);
  }
  if (options.actors) {
    WriteActors("source", e.source, json);
    WriteActors("target", e.target, json);
  }
  json->Key("outcome");
  WriteOutcome({&e.killed, &e.injured, &e.hospitalized, &e.arrested, &e.displaced, &e.participants}, json);
  json->Key("status");
  json->String(e.status);
  json->Key("confidence");
  json->Double(e.confidence, kConfidenceDigits);
  // Step 4: who told it.
  json->Key("mentions");
  json->Int(e.mentions);
  json->Key("sources");
  json->Int(e.sources);
  json->Key("first_report");
  json->OptionalString(e.first_report);
  json->Key("last_report");
  json->OptionalString(e.last_report);
  if (options.reports) {
    json->Key("reports");
    json->BeginArray();
    for (const StoredMention& m : e.reports) {
      json->BeginObject();
      WriteReportFields(m, json);
      json->EndObject();
    }
    json->EndArray();
  }
}

void WriteStoredEvent(const StoredEvent& event, const EventJsonOptions& options, JsonWriter* json) {
  json->BeginObject();
  WriteStoredEventFields(event, options, json);
  json->EndObject();
}

void WriteReportDetail(const MentionDetail& d, JsonWriter* json) {
  json->BeginObject();
  WriteReportFields(d.mention, json);
  json->Key("dateline");
  json->OptionalString(d.dateline);
  json->Key("text");
  json->String(d.article_text);
  json->Key("date_precision");
  json->String(d.date_precision);
  json->Key("status");
  json->String(d.status);
  json->Key("location");
  WriteLocation({d.loc_mention, d.geonameid, d.mention.loc_name, d.lat, d.lon, d.country, d.admin1, d.admin2,
                 d.loc_precision},
                json);
  WriteActors("source_actors", d.source, json);
  WriteActors("target_actors", d.target, json);
  json->Key("outcome");
  WriteOutcome({&d.killed, &d.injured, &d.hospitalized, &d.arrested, &d.displaced, &d.participants}, json);
  json->Key("attribution");
  WriteStringArray(d.attribution_json, json);
  json->Key("trigger_span");
  if (const std::vector<Span> spans = ParseSpans(d.trigger_span); !spans.empty()) WriteSpan(spans[0], json);
  else json->Null();
  json->EndObject();
}

}  // namespace annals::store
