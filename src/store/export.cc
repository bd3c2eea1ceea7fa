#include "store/export.h"

#include "core/csv.h"
#include "core/json_writer.h"
#include "store/event_json.h"

namespace annals::store {
namespace {

constexpr int kCoordinateDigits = 5;
constexpr int kConfidenceDigits = 3;

std::string IntText(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

std::string DoubleText(const std::optional<double>& v, int digits) {
  if (!v) return {};
  std::string out;
  JsonWriter json(&out);
  json.Double(*v, digits);
  return out;
}

// The seed's report (the one whose event id is the key), else the first.
const StoredMention* SeedReport(const StoredEvent& e) {
  for (const StoredMention& m : e.reports)
    if (m.event_id == e.key) return &m;
  return e.reports.empty() ? nullptr : &e.reports.front();
}

}  // namespace

std::optional<ExportFormat> ExportFormatFromName(std::string_view name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "geojson") return ExportFormat::kGeoJson;
  return std::nullopt;
}

const std::vector<std::string_view>& StoreCsvColumns() {
  static const std::vector<std::string_view> kColumns = {
      "event_id", "date", "date_precision", "type", "mode", "cameo", "acled_event_type", "acled_sub_event_type",
      "status", "location_name", "location_mention", "country", "admin1", "admin2", "lat", "lon",
      "location_precision", "geonameid", "source_codes", "source_texts", "target_codes", "target_texts", "killed",
      "injured", "hospitalized", "arrested", "displaced", "participants", "confidence", "mentions", "sources",
      "first_report", "last_report", "article_ids", "mention_ids", "evidence"};
  return kColumns;
}

ReadOptions EventExporter::read_options() const {
  ReadOptions read;
  read.with_reports = true;
  read.with_actors = format_ != ExportFormat::kCsv;
  return read;
}

std::string EventExporter::Begin() const {
  if (format_ == ExportFormat::kCsv) {
    std::string header;
    for (std::string_view column : StoreCsvColumns()) {
      if (!header.empty()) header.push_back(',');
      header.append(column);
    }
    return header + "\r\n";
  }
  if (format_ == ExportFormat::kGeoJson) return "{\"type\":\"FeatureCollection\",\"features\":[\n";
  return {};
}

std::string EventExporter::End() const { return format_ == ExportFormat::kGeoJson ? "\n]}\n" : std::string(); }

bool EventExporter::Append(const StoredEvent& e, std::string* out) {
  switch (format_) {
    case ExportFormat::kCsv: {
      std::string article_ids, mention_ids, evidence;
      for (const StoredMention& m : e.reports) {
        if (!article_ids.empty()) article_ids.push_back(';');
        article_ids.append(m.article_id);
        if (!mention_ids.empty()) mention_ids.push_back(';');
        mention_ids.append(m.event_id);
      }
      if (const StoredMention* seed = SeedReport(e)) {
        evidence = seed->evidence;
        for (char& c : evidence)
          if (c == '\n') c = ' ';
      }
      const std::string fields[] = {
          e.key, e.date.value_or(""), e.date_precision, e.type, e.mode, e.cameo, e.acled_event_type.value_or(""),
          e.acled_sub_event_type.value_or(""), e.status, e.loc_name.value_or(""), e.loc_mention.value_or(""),
          e.country.value_or(""), e.admin1.value_or(""), e.admin2.value_or(""), DoubleText(e.lat, kCoordinateDigits),
          DoubleText(e.lon, kCoordinateDigits), e.loc_precision.value_or(""), IntText(e.geonameid), e.source_codes,
          e.source_texts, e.target_codes, e.target_texts, IntText(e.killed), IntText(e.injured),
          IntText(e.hospitalized), IntText(e.arrested), IntText(e.displaced), IntText(e.participants),
          DoubleText(e.confidence, kConfidenceDigits), std::to_string(e.mentions), std::to_string(e.sources),
          e.first_report.value_or(""), e.last_report.value_or(""), article_ids, mention_ids, evidence};
      bool first = true;
      for (const std::string& field : fields) {
        if (!first) out->push_back(',');
        first = false;
        AppendCsvField(field, out);
      }
      out->append("\r\n");
      return true;
    }
    case ExportFormat::kJsonl: {
      JsonWriter json(out);
      EventJsonOptions options;
      options.reports = true;
      WriteStoredEvent(e, options, &json);
      out->push_back('\n');
      return true;
    }
    case ExportFormat::kGeoJson: {
      if (!e.lat || !e.lon) return false;
      if (!first_) out->append(",\n");
      first_ = false;
      JsonWriter json(out);
      json.BeginObject();
      json.Key("type");
      json.String("Feature");
      json.Key("id");
      json.String(e.key);
      json.Key("geometry");
      json.BeginObject();
      json.Key("type");
      json.String("Point");
      json.Key("coordinates");
      json.BeginArray();
      json.Double(*e.lon, kCoordinateDigits);
      json.Double(*e.lat, kCoordinateDigits);
      json.EndArray();
      json.EndObject();
      json.Key("properties");
      json.BeginObject();
      EventJsonOptions options;
      options.nested_location = false;
      WriteStoredEventFields(e, options, &json);
      json.Key("article_ids");
      json.BeginArray();
      for (const StoredMention& m : e.reports) json.String(m.article_id);
      json.EndArray();
      json.EndObject();
      json.EndObject();
      return true;
    }
  }
  return false;
}

}  // namespace annals::store
