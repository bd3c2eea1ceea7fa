// The API's endpoints called directly over a store written by hand (and, for
// /api/code, the real Pipeline over the build's resources).
#include "serve/api.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "core/civil_date.h"
#include "store/export.h"
#include "store/recluster.h"
#include "store/writer.h"

namespace annals::serve {
namespace {

namespace fs = std::filesystem;

constexpr int kDays = 60;       // events on 60 days, 3 days apart (so that none merge)
constexpr int kPerDay = 50;     // 50 a day: 3000 events
constexpr int64_t kFirstDay = 18628;  // 2021-01-01

std::string Day(int64_t day) { return FormatIsoDate(CivilFromDays(day)); }

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = (fs::temp_directory_path() / ("annals_api_test_" + std::to_string(getpid()) + ".db")).string();
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(path_ + s);
    auto store = store::Store::Open(path_, false);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE(store.value()->SetDedupOptions(store.value()->dedup_options()).ok());
    // One article per event, each in its own town (nothing merges): day d, number i.
    std::vector<Article> articles;
    std::vector<ArticleRecord> records;
    for (int d = 0; d < kDays; ++d) {
      for (int i = 0; i < kPerDay; ++i) {
        Article a;
        a.id = "d" + std::to_string(d) + "n" + std::to_string(i);
        a.date = Day(kFirstDay + 3 * d);
        a.source = "Outlet " + std::to_string(i % 7);
        a.text = "Farmers protested in Town " + std::to_string(i) + " <b>today</b>.";
        ArticleRecord r;
        r.id = a.id;
        r.date = a.date;
        Event e;
        e.id = a.id + "-e1";
        e.type = i % 3 == 0 ? EventType::kAssault : EventType::kProtest;
        e.cameo = i % 3 == 0 ? "190" : "141";
        e.date = a.date;
        e.date_precision = DatePrecision::kDay;
        Location loc;
        loc.name = "Town " + std::to_string(i);
        loc.lat = -40 + i;
        loc.lon = -100 + 4 * i;
        loc.country = i % 2 ? "FR" : "KE";
        loc.precision = LocationPrecision::kCity;
        e.location = loc;
        e.confidence = 0.5;
        e.trigger = "protested";
        e.evidence.push_back(Span{0, static_cast<uint32_t>(a.text.size()), Field::kText});
        r.events.push_back(e);
        articles.push_back(std::move(a));
        records.push_back(std::move(r));
      }
    }
    auto writer = store::Writer::Create(store.value().get());
    std::vector<const Article*> ap;
    std::vector<const ArticleRecord*> rp;
    for (size_t i = 0; i < articles.size(); ++i) {
      ap.push_back(&articles[i]);
      rp.push_back(&records[i]);
    }
    store::WriteCounts counts;
    ASSERT_TRUE(writer.value()->WriteBatch(ap, rp, &counts).ok());
    store::DedupRunStats stats;
    ASSERT_TRUE(store::Deduplicate(store.value().get(), &stats).ok());
  }
  static void TearDownTestSuite() {
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(path_ + s);
  }

  void SetUp() override {
    auto pool = StorePool::Open(path_, 2);
    ASSERT_TRUE(pool.ok()) << pool.status().message();
    pool_ = std::move(pool).value();
  }

  Api MakeApi(ApiLimits limits = {}, std::shared_ptr<const Pipeline> pipeline = nullptr) {
    return Api(pool_.get(), std::move(pipeline), "no resources in this test", limits);
  }

  simdjson::dom::element Parse(const ApiResponse& r) {
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
    simdjson::dom::element root;
    EXPECT_FALSE(parser_.parse(r.body).get(root)) << r.body;
    return root;
  }

  static std::string path_;
  std::unique_ptr<StorePool> pool_;
  simdjson::dom::parser parser_;
};

std::string ApiTest::path_;

std::vector<std::string> Ids(simdjson::dom::element root) {
  std::vector<std::string> ids;
  for (simdjson::dom::element e : root["events"].get_array()) ids.emplace_back(std::string_view(e["event_id"]));
  return ids;
}

TEST_F(ApiTest, EventsPagesFiltersAndCounts) {
  Api api = MakeApi();
  ApiResponse r = api.Events({{"type", "ASSAULT"}, {"country", "KE"}, {"limit", "1000"}, {"sort", "oldest"}});
  ASSERT_EQ(r.status, 200) << r.body;
  simdjson::dom::element all = Parse(r);
  // Numbers i with i % 3 == 0 and i even: 0, 6, ..., 48: 9 a day.
  EXPECT_EQ(int64_t(all["total"]), 9 * kDays);
  const std::vector<std::string> ids = Ids(all);
  ASSERT_EQ(ids.size(), 9u * kDays);
  EXPECT_EQ(ids.front(), "d0n0-e1");
  simdjson::dom::element first = all["events"].at(0);
  EXPECT_EQ(std::string_view(first["type"]), "ASSAULT");
  EXPECT_EQ(std::string_view(first["date"]), "2021-01-01");
  EXPECT_EQ(std::string_view(first["location"]["country"]), "KE");
  EXPECT_DOUBLE_EQ(double(first["location"]["lat"]), -40.0);
  EXPECT_EQ(int64_t(first["mentions"]), 1);
  // Pages of 100 put together are the whole list, in order.
  std::vector<std::string> paged;
  for (int offset = 0; offset < 9 * kDays; offset += 100) {
    ApiResponse page = api.Events({{"type", "ASSAULT"}, {"country", "KE"}, {"limit", "100"}, {"sort", "oldest"},
                                   {"offset", std::to_string(offset)}, {"total", "0"}});
    ASSERT_EQ(page.status, 200);
    simdjson::dom::element p = Parse(page);
    EXPECT_TRUE(p["total"].is_null());
    EXPECT_EQ(int64_t(p["offset"]), offset);
    for (const std::string& id : Ids(p)) paged.push_back(id);
  }
  EXPECT_EQ(paged, ids);
  // Totals: counted up to the cap unless exact; known without counting on a short page.
  ApiLimits capped;
  capped.pages.count_cap = 100;
  Api small = MakeApi(capped);
  simdjson::dom::element c = Parse(small.Events({{"type", "ASSAULT"}, {"country", "KE"}, {"limit", "10"}}));
  EXPECT_EQ(int64_t(c["total"]), 100);
  EXPECT_FALSE(bool(c["total_exact"]));
  c = Parse(small.Events({{"type", "ASSAULT"}, {"country", "KE"}, {"limit", "10"}, {"total", "exact"}}));
  EXPECT_EQ(int64_t(c["total"]), 9 * kDays);
  EXPECT_TRUE(bool(c["total_exact"]));
  c = Parse(small.Events({{"type", "ASSAULT"}, {"country", "KE"}, {"limit", "10"}, {"offset", "535"}}));
  EXPECT_EQ(int64_t(c["total"]), 9 * kDays);  // the page ran short: every match was seen
  EXPECT_TRUE(bool(c["total_exact"]));
  EXPECT_EQ(c["events"].get_array().size(), 5u);
  // Dates.
  r = api.Events({{"since", Day(kFirstDay + 30)}, {"until", Day(kFirstDay + 33)}, {"limit", "1"}});
  EXPECT_EQ(int64_t(Parse(r)["total"]), 2 * kPerDay);
  EXPECT_EQ(Ids(Parse(r)), std::vector<std::string>{"d11n0-e1"});  // newest first, then by key
  // Bad parameters are 400 with the reason; a page over the limit too.
  r = api.Events({{"limit", "1001"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(std::string_view(Parse(r)["error"]), "parameter 'limit' = '1001': must be 1 to 1000");
  r = api.Events({{"text", "\"unbalanced"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("not a valid FTS5 query"), std::string::npos);
}

TEST_F(ApiTest, EventDetailStatsPlacesHealth) {
  Api api = MakeApi();
  ApiResponse r = api.Event("d3n4-e1");
  ASSERT_EQ(r.status, 200) << r.body;
  simdjson::dom::element d = Parse(r);
  EXPECT_EQ(std::string_view(d["event"]["event_id"]), "d3n4-e1");
  simdjson::dom::element report = d["reports"].at(0);
  EXPECT_EQ(std::string_view(report["text"]), "Farmers protested in Town 4 <b>today</b>.");
  EXPECT_EQ(std::string_view(report["sentences"]), "Farmers protested in Town 4 <b>today</b>.");
  EXPECT_EQ(int64_t(report["evidence"].at(0)["end"]), 41);
  EXPECT_EQ(std::string_view(report["source"]), "Outlet 4");
  EXPECT_EQ(api.Event("nope").status, 404);
  EXPECT_EQ(api.Event("' OR 1=1 --").status, 404);
  EXPECT_EQ(api.Event(std::string(600, 'x')).status, 404);

  r = api.Stats({{"country", "FR"}});
  ASSERT_EQ(r.status, 200) << r.body;
  simdjson::dom::element s = Parse(r);
  EXPECT_EQ(int64_t(s["events"]), 25 * kDays);
  EXPECT_EQ(int64_t(s["located"]), 25 * kDays);
  EXPECT_EQ(std::string_view(s["by_day"].at(0).at(0)), "2021-01-01");
  EXPECT_EQ(int64_t(s["by_day"].at(0).at(1)), 25);
  EXPECT_EQ(std::string_view(s["by_type"].at(0).at(0)), "PROTEST");  // odd i: 17 protests, 8 assaults a day
  EXPECT_EQ(int64_t(s["by_type"].at(0).at(1)), 17 * kDays);
  EXPECT_EQ(int64_t(Parse(api.Stats({}))["events"]), kDays * kPerDay);

  r = api.Places({{"country", "KE"}, {"limit", "3"}});
  ASSERT_EQ(r.status, 200) << r.body;
  simdjson::dom::element places = Parse(r)["places"];
  ASSERT_EQ(places.get_array().size(), 3u);
  EXPECT_EQ(std::string_view(places.at(0)["name"]), "Town 0");
  EXPECT_EQ(int64_t(places.at(0)["events"]), kDays);

  r = api.Health();
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(std::string_view(Parse(r)["status"]), "ok");
  EXPECT_EQ(std::string_view(Parse(r)["coder"]), "unavailable: no resources in this test");
  simdjson::dom::element v = Parse(api.Vocabulary());
  EXPECT_EQ(v["types"].get_array().size(), static_cast<size_t>(kEventTypeCount));
  EXPECT_EQ(std::string_view(v["actor_kinds"].at(0)), "police");
}

// Events and reports are written by the store's one writer (store/event_json.h): every
// field the API shares with `annals export --format jsonl` is the same to the byte.
TEST_F(ApiTest, EventsAndReportsAreTheExportsFields) {
  // The export of the first day's events, by event id.
  std::map<std::string, std::string> exported;
  {
    std::optional<StorePool::Lease> lease = pool_->Acquire(std::chrono::seconds(5), std::chrono::seconds(5));
    ASSERT_TRUE(lease);
    store::EventQuery query;
    query.since = query.until = Day(kFirstDay);
    store::EventExporter exporter(store::ExportFormat::kJsonl);
    Status s = store::RunQuery(lease->store(), query, exporter.read_options(), [&](const store::StoredEvent& e) {
      exporter.Append(e, &exported[e.key]);
      return true;
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }
  ASSERT_EQ(exported.size(), static_cast<size_t>(kPerDay));
  simdjson::dom::parser export_parser;
  // Returns how many fields `from_api` shares with `from_export`, each expected equal.
  auto shared = [](simdjson::dom::object from_api, simdjson::dom::object from_export, const std::string& what) {
    int n = 0;
    for (auto [key, value] : from_api) {
      simdjson::dom::element other;
      if (from_export[key].get(other)) continue;  // a field the export does not write
      EXPECT_EQ(simdjson::minify(value), simdjson::minify(other)) << what << ": " << key;
      ++n;
    }
    return n;
  };

  // Step 1: the list's events: every field but the actor names is the export's.
  Api api = MakeApi();
  ApiResponse r = api.Events({{"since", Day(kFirstDay)}, {"until", Day(kFirstDay)}, {"limit", "1000"}});
  ASSERT_EQ(r.status, 200) << r.body;
  simdjson::dom::element list = Parse(r);
  ASSERT_EQ(list["events"].get_array().size(), static_cast<size_t>(kPerDay));
  for (simdjson::dom::element e : list["events"].get_array()) {
    const std::string key = std::string(std::string_view(e["event_id"]));
    simdjson::dom::element x = export_parser.parse(exported.at(key));
    EXPECT_EQ(shared(e.get_object(), x.get_object(), key), static_cast<int>(e.get_object().size()) - 4);
    EXPECT_TRUE(e["acled"].is_null());
    EXPECT_EQ(std::string_view(e["location"]["precision"]), "city");
    EXPECT_EQ(e["source_texts"].get_array().size(), 0u);
  }

  // Step 2: one event in full: the event is the export's but for its reports, and
  // each report carries the export's report fields.
  const std::string key = exported.begin()->first;
  r = api.Event(key);
  ASSERT_EQ(r.status, 200) << r.body;
  simdjson::dom::element d = Parse(r);
  simdjson::dom::element x = export_parser.parse(exported.at(key));
  EXPECT_EQ(shared(d["event"].get_object(), x.get_object(), key), static_cast<int>(x.get_object().size()) - 1);
  ASSERT_EQ(d["reports"].get_array().size(), x["reports"].get_array().size());
  for (size_t i = 0; i < x["reports"].get_array().size(); ++i) {
    simdjson::dom::object report = d["reports"].at(i).get_object();
    EXPECT_EQ(shared(report, x["reports"].at(i).get_object(), key + " report"),
              static_cast<int>(x["reports"].at(i).get_object().size()));
    EXPECT_EQ(std::string_view(report["article_id"]), std::string_view(x["reports"].at(i)["article_id"]));
    EXPECT_EQ(std::string_view(report["trigger"]), "protested");
  }
}

TEST_F(ApiTest, QueryTimeLimitAnswers504AndTheConnectionRecovers) {
  ApiLimits limits;
  limits.query_time = std::chrono::milliseconds(0);  // any statement of more than a few thousand steps stops
  Api slow = MakeApi(limits);
  ApiResponse r = slow.Events({{"limit", "1000"}});
  EXPECT_EQ(r.status, 504) << r.body;
  EXPECT_NE(r.body.find("longer than the limit of 0 ms"), std::string::npos);
  // The same pooled connections serve the next request normally.
  Api api = MakeApi();
  r = api.Events({{"limit", "5"}, {"total", "exact"}});
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(int64_t(Parse(r)["total"]), kDays * kPerDay);
  r = api.Events({{"limit", "5"}});
  EXPECT_EQ(int64_t(Parse(r)["total"]), 1000);  // the default cap
  EXPECT_FALSE(bool(Parse(r)["total_exact"]));
}

TEST_F(ApiTest, CodeRunsThePipelineWithinTheLimits) {
  EXPECT_EQ(MakeApi().Code("{\"text\":\"x\"}").status, 503);
  PipelineOptions options;
  options.data_dir = ANNALS_TEST_RESOURCE_DIR;
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Load(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  ApiLimits limits;
  limits.max_body_bytes = 4096;
  Api api = MakeApi(limits, std::shared_ptr<const Pipeline>(std::move(pipeline).value()));
  // Pretty-printed JSON is one article too.
  ApiResponse r = api.Code("{\n  \"id\": \"req-1\",\n  \"date\": \"2022-05-03\",\n  \"text\": \"Riot police fired tear gas "
                           "at students who marched through Santiago on Tuesday.\"\n}\n");
  ASSERT_EQ(r.status, 200) << r.body;
  simdjson::dom::element record = Parse(r);
  EXPECT_EQ(std::string_view(record["id"]), "req-1");
  EXPECT_EQ(std::string_view(record["date"]), "2022-05-03");
  EXPECT_GE(record["events"].get_array().size(), 1u);
  EXPECT_EQ(std::string_view(record["events"].at(0)["location"]["name"]), "Santiago");
  // Refusals.
  EXPECT_EQ(api.Code("").status, 400);
  EXPECT_EQ(api.Code("{\"text\": ").status, 400);
  EXPECT_EQ(api.Code("[{\"text\": \"a\"}]").status, 400);
  EXPECT_EQ(api.Code("{\"title\": \"no text\"}").status, 400);
  EXPECT_EQ(api.Code("{\"text\": \"\xff\xfe bad bytes\"}").status, 400);
  EXPECT_EQ(api.Code("{\"text\": \"" + std::string(5000, 'a') + "\"}").status, 413);
}

}  // namespace
}  // namespace annals::serve
