// The output formats of `annals code --format`: articles and events (JSON Lines), CSV
// (RFC 4180, one row per event) and GeoJSON (RFC 7946, one Point feature per located
// event; longitude first).
#include <charconv>

#include "annals/annals.h"
#include "core/csv.h"
#include "core/json_writer.h"
#include "core/record_json.h"

namespace annals {
namespace {

std::string IntText(const std::optional<int64_t>& value) {
  return value ? std::to_string(*value) : std::string();
}

std::string DoubleText(const std::optional<double>& value, int digits) {
  if (!value) return {};
  std::string out;
  JsonWriter json(&out);
  json.Double(*value, digits);
  return out;
}

// Joins the actors' codes or texts with ';'.
std::string JoinActors(const std::vector<Actor>& actors, bool codes) {
  std::string out;
  for (const Actor& actor : actors) {
    if (!out.empty()) out.push_back(';');
    out.append(codes ? actor.code : actor.text);
  }
  return out;
}

void AppendCsvRow(const ArticleRecord& record, const Event& event, std::string* out) {
  const Location* loc = event.location ? &*event.location : nullptr;
  std::string seized, attribution, evidence;
  for (const Seized& s : event.outcome.seized) {
    if (!seized.empty()) seized.push_back(';');
    seized.append(s.count ? std::to_string(*s.count) + " " + s.what : s.what);
  }
  for (const std::string& who : event.attribution) {
    if (!attribution.empty()) attribution.push_back(';');
    attribution.append(who);
  }
  for (const Span& span : event.evidence) {
    if (!evidence.empty()) evidence.push_back(';');
    evidence.append(std::to_string(span.start) + "-" + std::to_string(span.end));
  }
  const std::string fields[] = {
      record.id,
      record.date.value_or(""),
      event.id,
      std::string(ToString(event.type)),
      event.mode,
      event.cameo,
      event.acled ? event.acled->event_type : "",
      event.acled ? event.acled->sub_event_type : "",
      event.date.value_or(""),
      std::string(ToString(event.date_precision)),
      loc ? loc->name.value_or("") : "",
      loc ? loc->mention.value_or("") : "",
      loc ? loc->country.value_or("") : "",
      loc ? loc->admin1.value_or("") : "",
      loc ? DoubleText(loc->lat, 5) : "",
      loc ? DoubleText(loc->lon, 5) : "",
      loc ? std::string(ToString(loc->precision)) : "",
      loc ? IntText(loc->geonameid) : "",
      JoinActors(event.source, true),
      JoinActors(event.source, false),
      JoinActors(event.target, true),
      JoinActors(event.target, false),
      IntText(event.outcome.killed),
      IntText(event.outcome.injured),
      IntText(event.outcome.hospitalized),
      IntText(event.outcome.arrested),
      IntText(event.outcome.displaced),
      IntText(event.outcome.participants),
      seized,
      std::string(ToString(event.status)),
      attribution,
      DoubleText(event.confidence, 3),
      event.trigger,
      evidence,
  };
  bool first = true;
  for (const std::string& field : fields) {
    if (!first) out->push_back(',');
    first = false;
    AppendCsvField(field, out);
  }
  out->append("\r\n");
}

}  // namespace

const std::vector<std::string_view>& CsvColumns() {
  static const std::vector<std::string_view> kColumns = {
      "article_id", "article_date", "event_id", "type", "mode", "cameo", "acled_event_type",
      "acled_sub_event_type", "date", "date_precision", "location_name", "location_mention",
      "country", "admin1", "lat", "lon", "location_precision", "geonameid", "source_codes",
      "source_texts", "target_codes", "target_texts", "killed", "injured", "hospitalized",
      "arrested", "displaced", "participants", "seized", "status", "attribution", "confidence",
      "trigger", "evidence"};
  return kColumns;
}

std::string RecordFormatter::Begin() const {
  switch (format_) {
    case OutputFormat::kCsv: {
      std::string header;
      for (std::string_view column : CsvColumns()) {
        if (!header.empty()) header.push_back(',');
        header.append(column);
      }
      header.append("\r\n");
      return header;
    }
    case OutputFormat::kGeoJson:
      return "{\"type\":\"FeatureCollection\",\"features\":[\n";
    default:
      return {};
  }
}

std::string RecordFormatter::End() const {
  return format_ == OutputFormat::kGeoJson ? "\n]}\n" : std::string();
}

std::string_view RecordFormatter::Separator() const {
  return format_ == OutputFormat::kGeoJson ? ",\n" : "";
}

void RecordFormatter::Append(const ArticleRecord& record, std::string* out) const {
  switch (format_) {
    case OutputFormat::kArticles: {
      JsonWriter json(out);
      WriteArticleRecord(record, &json);
      out->push_back('\n');
      return;
    }
    case OutputFormat::kEvents:
      for (const Event& event : record.events) {
        JsonWriter json(out);
        json.BeginObject();
        json.Key("article_id");
        json.String(record.id);
        json.Key("article_date");
        json.OptionalString(record.date);
        WriteEventFields(event, &json);
        json.EndObject();
        out->push_back('\n');
      }
      return;
    case OutputFormat::kCsv:
      for (const Event& event : record.events) AppendCsvRow(record, event, out);
      return;
    case OutputFormat::kGeoJson: {
      bool first = true;
      for (const Event& event : record.events) {
        if (!event.location || !event.location->lat || !event.location->lon) continue;
        if (!first) out->append(",\n");
        first = false;
        JsonWriter json(out);
        json.BeginObject();
        json.Key("type");
        json.String("Feature");
        json.Key("geometry");
        json.BeginObject();
        json.Key("type");
        json.String("Point");
        json.Key("coordinates");
        json.BeginArray();
        json.Double(*event.location->lon, 5);
        json.Double(*event.location->lat, 5);
        json.EndArray();
        json.EndObject();
        json.Key("properties");
        json.BeginObject();
        json.Key("article_id");
        json.String(record.id);
        json.Key("article_date");
        json.OptionalString(record.date);
        WriteEventFields(event, &json);
        json.EndObject();
        json.EndObject();
      }
      return;
    }
  }
}

}  // namespace annals
