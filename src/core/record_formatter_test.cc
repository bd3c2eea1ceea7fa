#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>
#include <vector>

#include "annals/annals.h"

namespace annals {
namespace {

// A small article record with every kind of part, filled by hand.
ArticleRecord SampleRecord() {
  ArticleRecord record;
  record.id = "a1";
  record.date = "2021-12-31";
  record.title = "T";
  PlaceMention lyon;
  lyon.mention = "Lyon";
  lyon.span = Span{10, 14, Field::kText};
  lyon.geonameid = 2996944;
  lyon.name = "Lyon";
  lyon.lat = 45.74846;
  lyon.lon = 4.84671;
  lyon.country = "FR";
  lyon.admin1 = "Auvergne-Rhône-Alpes";
  lyon.kind = PlaceKind::kCity;
  record.places.push_back(lyon);

  Event event;
  event.id = "a1-e1";
  event.type = EventType::kProtest;
  event.mode = "demo";
  event.cameo = "141";
  event.acled = AcledType{"Protests", "Peaceful protest"};
  event.date = "2021-12-30";
  event.date_precision = DatePrecision::kDay;
  Location location;
  location.mention = "Lyon";
  location.geonameid = 2996944;
  location.name = "Lyon";
  location.lat = 45.74846;
  location.lon = 4.84671;
  location.country = "FR";
  location.admin1 = "Auvergne-Rhône-Alpes";
  location.precision = LocationPrecision::kCity;
  event.location = location;
  Actor nurses;
  nurses.text = "nurses";
  nurses.kind = ActorKind::kHealth;
  nurses.country = "FRA";
  nurses.sector = "HLH";
  nurses.code = "FRAHLH";
  nurses.count = 200;
  nurses.span = Span{0, 6, Field::kText};
  event.source.push_back(nurses);
  event.outcome.participants = 200;
  event.attribution = {"police"};
  event.evidence = {Span{0, 40, Field::kText}, Span{0, 1, Field::kTitle}};
  event.confidence = 0.8;
  event.trigger = "marched";
  event.trigger_span = Span{7, 14, Field::kText};
  event.explanation = {"trigger marched"};
  record.events.push_back(event);

  record.quotes.push_back(Quote{"enough", std::nullopt, Span{50, 56, Field::kText}});
  record.warnings = {"w"};
  return record;
}

std::string Format(OutputFormat format, const ArticleRecord& record) {
  std::string out;
  RecordFormatter(format).Append(record, &out);
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TEST(ArticlesFormatTest, ExactRecordLine) {
  const std::string expected =
      R"({"id":"a1","date":"2021-12-31","title":"T","language":"en","dateline":null,)"
      R"("places":[{"mention":"Lyon","start":10,"end":14,"geonameid":2996944,"name":"Lyon",)"
      R"("lat":45.74846,"lon":4.84671,"country":"FR","admin1":"Auvergne-Rhône-Alpes","kind":"city"}],)"
      R"("events":[{"id":"a1-e1","type":"PROTEST","mode":"demo","cameo":"141",)"
      R"("acled":{"event_type":"Protests","sub_event_type":"Peaceful protest"},)"
      R"("date":"2021-12-30","date_precision":"day",)"
      R"("location":{"mention":"Lyon","geonameid":2996944,"name":"Lyon","lat":45.74846,"lon":4.84671,)"
      R"("country":"FR","admin1":"Auvergne-Rhône-Alpes","precision":"city"},)"
      R"("source":[{"text":"nurses","kind":"health","country":"FRA","sector":"HLH","code":"FRAHLH",)"
      R"("count":200,"start":0,"end":6}],"target":[],)"
      R"("outcome":{"killed":null,"injured":null,"hospitalized":null,"arrested":null,"displaced":null,)"
      R"("participants":200,"seized":[]},"status":"occurred","attribution":["police"],)"
      R"("evidence":[{"start":0,"end":40},{"start":0,"end":1,"field":"title"}],"confidence":0.8,)"
      R"("trigger":{"text":"marched","start":7,"end":14},"explanation":["trigger marched"]}],)"
      R"("quotes":[{"text":"enough","speaker":null,"start":50,"end":56}],"warnings":["w"]})"
      "\n";
  EXPECT_EQ(Format(OutputFormat::kArticles, SampleRecord()), expected);
}

TEST(ArticlesFormatTest, EmptyRecordStillHasEveryField) {
  ArticleRecord record;
  record.id = "x";
  EXPECT_EQ(Format(OutputFormat::kArticles, record),
            R"({"id":"x","date":null,"title":null,"language":"en","dateline":null,"places":[],)"
            R"("events":[],"quotes":[],"warnings":[]})"
            "\n");
  EXPECT_EQ(RecordFormatter(OutputFormat::kArticles).Begin(), "");
  EXPECT_EQ(RecordFormatter(OutputFormat::kArticles).End(), "");
  EXPECT_EQ(RecordFormatter(OutputFormat::kArticles).Separator(), "");
}

TEST(EventsFormatTest, OneLinePerEventWithArticleId) {
  ArticleRecord record = SampleRecord();
  Event bare;  // every field at its default
  bare.id = "a1-e2";
  record.events.push_back(bare);
  const std::vector<std::string> lines = Lines(Format(OutputFormat::kEvents, record));
  ASSERT_EQ(lines.size(), 2u);
  const std::string prefix = R"({"article_id":"a1","article_date":"2021-12-31","id":"a1-e1","type":"PROTEST",)";
  EXPECT_EQ(lines[0].substr(0, prefix.size()), prefix);
  const std::string suffix = R"(,"explanation":["trigger marched"]})";
  EXPECT_EQ(lines[0].substr(lines[0].size() - suffix.size()), suffix);
  EXPECT_EQ(lines[1],
            R"({"article_id":"a1","article_date":"2021-12-31","id":"a1-e2","type":"CONSULT","mode":null,)"
            R"("cameo":"","acled":null,"date":null,"date_precision":"article","location":null,"source":[],)"
            R"("target":[],"outcome":{"killed":null,"injured":null,"hospitalized":null,"arrested":null,)"
            R"("displaced":null,"participants":null,"seized":[]},"status":"occurred","attribution":[],)"
            R"("evidence":[],"confidence":0,"trigger":{"text":"","start":0,"end":0},"explanation":[]})");
  // An article without events writes nothing.
  ArticleRecord empty;
  empty.id = "e";
  EXPECT_EQ(Format(OutputFormat::kEvents, empty), "");
}

// Splits one RFC 4180 record (without its CRLF) into fields.
std::vector<std::string> CsvFields(std::string_view row) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < row.size(); ++i) {
    const char c = row[i];
    if (quoted) {
      if (c == '"' && i + 1 < row.size() && row[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  return fields;
}

TEST(CsvFormatTest, HeaderIsCsvColumns) {
  const std::string header = RecordFormatter(OutputFormat::kCsv).Begin();
  ASSERT_GE(header.size(), 2u);
  EXPECT_EQ(header.substr(header.size() - 2), "\r\n");
  const std::vector<std::string> names = CsvFields(header.substr(0, header.size() - 2));
  ASSERT_EQ(names.size(), CsvColumns().size());
  for (size_t i = 0; i < names.size(); ++i) EXPECT_EQ(names[i], CsvColumns()[i]) << i;
  EXPECT_EQ(CsvColumns().size(), 34u);
  EXPECT_EQ(CsvColumns().front(), "article_id");
  EXPECT_EQ(CsvColumns().back(), "evidence");
  EXPECT_EQ(RecordFormatter(OutputFormat::kCsv).End(), "");
}

TEST(CsvFormatTest, ExactRow) {
  EXPECT_EQ(Format(OutputFormat::kCsv, SampleRecord()),
            "a1,2021-12-31,a1-e1,PROTEST,demo,141,Protests,Peaceful protest,2021-12-30,day,Lyon,Lyon,FR,"
            "Auvergne-Rhône-Alpes,45.74846,4.84671,city,2996944,FRAHLH,nurses,,,,,,,,200,,occurred,police,"
            "0.8,marched,0-40;0-1\r\n");
}

TEST(CsvFormatTest, QuotesCommasQuotesAndLineBreaks) {
  ArticleRecord record = SampleRecord();
  Event& event = record.events[0];
  event.trigger = R"(said "no", then)";
  event.source[0].text = "nurses\nand doctors";
  Actor police;
  police.text = "police";
  police.code = "FRACOP";
  event.target = {police};
  event.attribution = {"France 3", "the mayor, Ms Roux"};
  event.outcome.seized = {Seized{"makeshift shelters", 30}, Seized{"tents", std::nullopt}};
  event.outcome.killed = 0;
  const std::string out = Format(OutputFormat::kCsv, record);
  EXPECT_NE(out.find(R"(,"said ""no"", then",)"), std::string::npos) << out;
  EXPECT_NE(out.find(",\"nurses\nand doctors\",FRACOP,police,0,"), std::string::npos) << out;
  EXPECT_NE(out.find(",30 makeshift shelters;tents,occurred,\"France 3;the mayor, Ms Roux\",0.8,"),
            std::string::npos)
      << out;
  ASSERT_EQ(out.substr(out.size() - 2), "\r\n");
  const std::vector<std::string> fields = CsvFields(out.substr(0, out.size() - 2));
  ASSERT_EQ(fields.size(), CsvColumns().size());
  EXPECT_EQ(fields[32], R"(said "no", then)");  // trigger
  EXPECT_EQ(fields[19], "nurses\nand doctors");  // source_texts
  EXPECT_EQ(fields[22], "0");                    // killed: stated as zero, not empty
}

TEST(GeoJsonFormatTest, ValidCollectionWithLonLatAndCommas) {
  // Two articles: the first with two located events and one without a location, the
  // second with one located event, as the code command frames them.
  ArticleRecord first = SampleRecord();
  Event unlocated = first.events[0];
  unlocated.id = "a1-e2";
  unlocated.location.reset();
  Event second_place = first.events[0];
  second_place.id = "a1-e3";
  second_place.location->lat = -33.45694;
  second_place.location->lon = -70.64827;
  first.events = {first.events[0], unlocated, second_place};
  ArticleRecord second = SampleRecord();
  second.id = "b2";
  second.events[0].id = "b2-e1";
  ArticleRecord none;
  none.id = "c3";

  const RecordFormatter formatter(OutputFormat::kGeoJson);
  std::string out = formatter.Begin();
  bool any = false;
  for (const ArticleRecord* record : {&first, &none, &second}) {
    std::string chunk;
    formatter.Append(*record, &chunk);
    if (record == &none) {
      EXPECT_EQ(chunk, "");
    }
    if (chunk.empty()) continue;
    if (any) out.append(formatter.Separator());
    out.append(chunk);
    any = true;
  }
  out.append(formatter.End());
  EXPECT_EQ(formatter.Separator(), ",\n");

  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(out).get(root), simdjson::SUCCESS) << out;
  EXPECT_EQ(std::string_view(root["type"].get_string().value()), "FeatureCollection");
  simdjson::dom::array features = root["features"].get_array().value();
  ASSERT_EQ(features.size(), 3u);
  std::vector<std::string> ids;
  for (simdjson::dom::element feature : features) {
    EXPECT_EQ(std::string_view(feature["type"].get_string().value()), "Feature");
    EXPECT_EQ(std::string_view(feature["geometry"]["type"].get_string().value()), "Point");
    ids.emplace_back(feature["properties"]["id"].get_string().value());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a1-e1", "a1-e3", "b2-e1"}));
  // Longitude first (RFC 7946).
  simdjson::dom::array lyon = features.at(0)["geometry"]["coordinates"].get_array().value();
  EXPECT_DOUBLE_EQ(lyon.at(0).get_double().value(), 4.84671);
  EXPECT_DOUBLE_EQ(lyon.at(1).get_double().value(), 45.74846);
  simdjson::dom::array santiago = features.at(1)["geometry"]["coordinates"].get_array().value();
  EXPECT_DOUBLE_EQ(santiago.at(0).get_double().value(), -70.64827);
  EXPECT_DOUBLE_EQ(santiago.at(1).get_double().value(), -33.45694);
  EXPECT_EQ(std::string_view(features.at(2)["properties"]["article_id"].get_string().value()), "b2");
}

TEST(GeoJsonFormatTest, NoLocatedEventsIsAnEmptyCollection) {
  const RecordFormatter formatter(OutputFormat::kGeoJson);
  EXPECT_EQ(formatter.Begin() + formatter.End(), "{\"type\":\"FeatureCollection\",\"features\":[\n\n]}\n");
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(formatter.Begin() + formatter.End()).get(root), simdjson::SUCCESS);
  EXPECT_EQ(root["features"].get_array().value().size(), 0u);
}

}  // namespace
}  // namespace annals
