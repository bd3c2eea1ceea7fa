// What `annals serve` reads from a store: one event in full (event_detail.h), the
// places list (place_list.h) and counts under filters (event_counts.h), over a small
// store written by hand (no coder involved).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/civil_date.h"
#include "store/event_counts.h"
#include "store/event_detail.h"
#include "store/place_list.h"
#include "store/recluster.h"
#include "store/writer.h"

namespace annals::store {
namespace {

namespace fs = std::filesystem;

class TempDb {
 public:
  TempDb() {
    static int counter = 0;
    path_ = (fs::temp_directory_path() /
             ("annals_browse_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".db"))
                .string();
    Remove();
  }
  ~TempDb() { Remove(); }
  const std::string& path() const { return path_; }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  std::string path_;
};

struct Doc {
  Article article;
  ArticleRecord record;
};

Doc MakeDoc(const std::string& id, const std::string& outlet, const std::string& date) {
  Doc d;
  d.article.id = id;
  d.article.source = outlet;
  d.article.date = date;
  d.article.title = "Title of " + id;
  d.record.id = id;
  d.record.date = date;
  d.record.title = d.article.title;
  return d;
}

// Appends `sentence` to the article and an event read from it.
Event& AddEvent(Doc* d, EventType type, const std::string& date, const std::string& town, double lat, double lon,
                const std::string& country, const std::string& sentence) {
  Event e;
  e.id = d->article.id + "-e" + std::to_string(d->record.events.size() + 1);
  e.type = type;
  e.cameo = type == EventType::kProtest ? "141" : "190";
  e.acled = type == EventType::kProtest ? AcledType{"Protests", "Peaceful protest"}
                                        : AcledType{"Battles", "Armed clash"};
  e.date = date;
  e.date_precision = DatePrecision::kDay;
  if (!town.empty()) {
    Location loc;
    loc.name = town;
    loc.mention = town;
    loc.geonameid = static_cast<int64_t>(lat * 1000);
    loc.lat = lat;
    loc.lon = lon;
    loc.country = country;
    loc.admin1 = "Region";
    loc.precision = LocationPrecision::kCity;
    e.location = loc;
  }
  e.confidence = 0.75;
  e.trigger = "marched";
  const uint32_t start = static_cast<uint32_t>(d->article.text.size());
  d->article.text += sentence + " ";
  e.evidence.push_back(Span{start, start + static_cast<uint32_t>(sentence.size()), Field::kText});
  e.trigger_span = Span{start + 9, start + 16, Field::kText};
  d->record.events.push_back(e);
  return d->record.events.back();
}

Actor MakeActor(ActorKind kind, const std::string& text, uint32_t start) {
  Actor a;
  a.kind = kind;
  a.text = text;
  a.code = std::string(ToString(kind)).substr(0, 3);
  a.span = Span{start, start + static_cast<uint32_t>(text.size()), Field::kText};
  return a;
}

class BrowseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> opened = Store::Open(db_.path(), false);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(opened).value();
    ASSERT_TRUE(store_->SetDedupOptions(store_->dedup_options()).ok());
    // Two outlets report one march in Lyon; one of them a clash in Goma; a third an
    // undated, unplaced clash.
    Doc a = MakeDoc("a1", "Outlet A", "2021-03-02");
    Event& march = AddEvent(&a, EventType::kProtest, "2021-03-01", "Lyon", 45.75, 4.85, "FR",
                            "Teachers marched through Lyon on Monday.");
    march.source.push_back(MakeActor(ActorKind::kLabor, "Teachers", 0));
    march.outcome.participants = 2000;
    march.attribution = {"police", "the union"};
    AddEvent(&a, EventType::kAssault, "2021-03-01", "Goma", -1.68, 29.22, "CD", "Rebels fought soldiers near Goma.");
    Doc b = MakeDoc("b1", "Outlet B", "2021-03-01");
    b.article.text = "<script>alert(1)</script> ";
    Event& march_b = AddEvent(&b, EventType::kProtest, "2021-03-01", "Lyon", 45.75, 4.85, "FR",
                              "Thousands of teachers marched in Lyon.");
    march_b.outcome.participants = 3000;
    Doc c = MakeDoc("c1", "Outlet C", "2021-03-05");
    AddEvent(&c, EventType::kAssault, "2021-03-04", "", 0, 0, "", "Gunmen clashed with guards.");
    auto writer = Writer::Create(store_.get());
    ASSERT_TRUE(writer.ok());
    WriteCounts counts;
    ASSERT_TRUE(writer.value()->WriteBatch({&a.article, &b.article, &c.article}, {&a.record, &b.record, &c.record},
                                           &counts).ok());
    DedupRunStats stats;
    ASSERT_TRUE(Deduplicate(store_.get(), &stats).ok());
    b_text_ = b.article.text;
  }

  TempDb db_;
  std::unique_ptr<Store> store_;
  std::string b_text_;
};

TEST_F(BrowseTest, EventDetailHasEveryReportWithItsArticle) {
  // The march's key is its seed's event id: the earlier report (b1 was published first
  // but both tell the same day; the seed is the canonical first).
  Result<std::optional<EventDetail>> missing = ReadEventDetail(store_.get(), "nope-e1");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing.value().has_value());

  Result<Statement> key = store_->db()->Prepare("SELECT key FROM events WHERE type = 'PROTEST'");
  ASSERT_TRUE(key.value().Step());
  const std::string march_key(key.value().Text(0));
  EXPECT_FALSE(key.value().Step());  // the two reports are one event

  Result<std::optional<EventDetail>> detail = ReadEventDetail(store_.get(), march_key);
  ASSERT_TRUE(detail.ok()) << detail.status().message();
  ASSERT_TRUE(detail.value().has_value());
  const EventDetail& d = *detail.value();
  EXPECT_EQ(d.event.key, march_key);
  EXPECT_EQ(d.event.type, "PROTEST");
  EXPECT_EQ(d.event.mentions, 2);
  EXPECT_EQ(d.event.sources, 2);
  EXPECT_EQ(d.event.participants, 3000);  // the largest count a report gives
  EXPECT_EQ(d.event.loc_name, "Lyon");
  ASSERT_EQ(d.mentions.size(), 2u);
  // In order of article date: b1 (March 1) then a1 (March 2).
  const MentionDetail& b = d.mentions[0];
  const MentionDetail& a = d.mentions[1];
  EXPECT_EQ(b.mention.article_id, "b1");
  EXPECT_EQ(a.mention.article_id, "a1");
  EXPECT_EQ(b.article_text, b_text_);
  EXPECT_EQ(b.mention.evidence, "Thousands of teachers marched in Lyon.");
  EXPECT_EQ(b.mention.evidence_spans, "26-64");
  EXPECT_EQ(b.article_text.substr(26, 64 - 26), b.mention.evidence);
  EXPECT_EQ(b.mention.title, "Title of b1");
  EXPECT_EQ(b.mention.outlet, "Outlet B");
  EXPECT_EQ(b.participants, 3000);
  EXPECT_EQ(a.participants, 2000);
  EXPECT_EQ(a.attribution_json, "[\"police\",\"the union\"]");
  EXPECT_EQ(b.attribution_json, "");
  EXPECT_EQ(a.trigger_span, "9-16");
  EXPECT_EQ(a.status, "occurred");
  EXPECT_EQ(a.country, "FR");
  EXPECT_EQ(a.geonameid, 45750);
  EXPECT_EQ(a.admin2, std::nullopt);
  ASSERT_EQ(a.source.size(), 1u);
  EXPECT_EQ(a.source[0].text, "Teachers");
  EXPECT_EQ(a.source[0].kind, ActorKind::kLabor);
  EXPECT_EQ(a.source[0].span.end, 8u);
  EXPECT_TRUE(b.source.empty());
  // The event's actors are its seed's.
  const MentionDetail& seed = d.mentions[0].mention.event_id == march_key ? d.mentions[0] : d.mentions[1];
  EXPECT_EQ(d.event.source.size(), seed.source.size());
}

TEST_F(BrowseTest, PlacesByEventCount) {
  Result<std::vector<PlaceCount>> places = ListPlaces(store_.get(), PlaceQuery());
  ASSERT_TRUE(places.ok()) << places.status().message();
  ASSERT_EQ(places.value().size(), 2u);  // the unplaced clash is left out
  // One event each: ordered by name.
  EXPECT_EQ(places.value()[0].name, "Goma");
  EXPECT_EQ(places.value()[0].country, "CD");
  EXPECT_EQ(places.value()[0].events, 1);
  EXPECT_EQ(places.value()[1].name, "Lyon");
  EXPECT_NEAR(*places.value()[1].lat, 45.75, 1e-9);
  EXPECT_EQ(places.value()[1].first_date, "2021-03-01");
  PlaceQuery fr;
  fr.countries = {"FR"};
  fr.limit = 5;
  places = ListPlaces(store_.get(), fr);
  ASSERT_EQ(places.value().size(), 1u);
  EXPECT_EQ(places.value()[0].name, "Lyon");
  PlaceQuery bad;
  bad.countries = {"FR' OR 1=1 --"};
  EXPECT_EQ(ListPlaces(store_.get(), bad).status().code(), ErrorCode::kInvalidArgument);
  bad.countries.clear();
  bad.limit = 0;
  EXPECT_EQ(ListPlaces(store_.get(), bad).status().code(), ErrorCode::kInvalidArgument);
}

TEST_F(BrowseTest, CountsWithAndWithoutFilters) {
  using Counts = std::vector<std::pair<std::string, int64_t>>;
  Result<EventCounts> all = CountEvents(store_.get(), EventQuery());
  ASSERT_TRUE(all.ok()) << all.status().message();
  EXPECT_EQ(all.value().events, 3);
  EXPECT_EQ(all.value().located, 2);
  EXPECT_EQ(all.value().by_day, (Counts{{"2021-03-01", 2}, {"2021-03-04", 1}}));
  EXPECT_EQ(all.value().by_type, (Counts{{"ASSAULT", 2}, {"PROTEST", 1}}));
  EXPECT_EQ(all.value().by_country, (Counts{{"", 1}, {"CD", 1}, {"FR", 1}}));

  // A filter that keeps everything goes the other way and gives the same counts.
  EventQuery since;
  since.since = "2000-01-01";
  ASSERT_TRUE(HasFilters(since));
  Result<EventCounts> same = CountEvents(store_.get(), since);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same.value().events, 3);
  EXPECT_EQ(same.value().located, 2);
  EXPECT_EQ(same.value().by_day, all.value().by_day);
  EXPECT_EQ(same.value().by_type, all.value().by_type);
  EXPECT_EQ(same.value().by_country, all.value().by_country);

  EventQuery assaults;
  assaults.types = {"ASSAULT"};
  Result<EventCounts> some = CountEvents(store_.get(), assaults);
  ASSERT_TRUE(some.ok());
  EXPECT_EQ(some.value().events, 2);
  EXPECT_EQ(some.value().located, 1);
  EXPECT_EQ(some.value().by_day, (Counts{{"2021-03-01", 1}, {"2021-03-04", 1}}));
  EXPECT_EQ(some.value().by_country, (Counts{{"", 1}, {"CD", 1}}));

  // CountQuery's cap (query.h): counts no further.
  EXPECT_EQ(CountQuery(store_.get(), EventQuery(), 2).value(), 2);
  EXPECT_EQ(CountQuery(store_.get(), EventQuery(), 10).value(), 3);
  EXPECT_EQ(CountQuery(store_.get(), assaults, 1).value(), 1);
  EXPECT_EQ(CountQuery(store_.get(), assaults).value(), 2);

  EventQuery bad;
  bad.types = {"PROTEST' OR '1'='1"};
  EXPECT_EQ(CountEvents(store_.get(), bad).status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace annals::store
