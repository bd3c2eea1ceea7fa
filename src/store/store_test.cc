// The store over real SQLite files: schema and version, idempotent writes, article
// replacement, deduplication (and its independence of ingest order), queries, exports
// and stats. Records are built by hand, so these tests do not depend on the coder.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "core/civil_date.h"
#include "store/export.h"
#include "store/query.h"
#include "store/recluster.h"
#include "store/schema.h"
#include "store/stats.h"
#include "store/store.h"
#include "store/writer.h"

namespace annals::store {
namespace {

namespace fs = std::filesystem;

// A fresh database path, removed (with its WAL files) at the end of the test.
class TempDb {
 public:
  TempDb() {
    static int counter = 0;
    path_ = (fs::temp_directory_path() /
             ("annals_store_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".db"))
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

std::unique_ptr<Store> OpenStore(const std::string& path) {
  Result<std::unique_ptr<Store>> store = Store::Open(path, false);
  EXPECT_TRUE(store.ok()) << store.status().message();
  Result<bool> set = store.value()->SetDedupOptions(store.value()->dedup_options());
  EXPECT_TRUE(set.ok()) << set.status().message();
  return std::move(store).value();
}

int64_t Count(Store* store, const std::string& table) {
  Result<Statement> st = store->db()->Prepare("SELECT count(*) FROM " + table);
  EXPECT_TRUE(st.ok());
  EXPECT_TRUE(st.value().Step());
  return st.value().Int(0);
}

std::string Day(int64_t day) { return FormatIsoDate(CivilFromDays(day)); }

struct Doc {
  Article article;
  ArticleRecord record;
};

Actor MakeActor(ActorKind kind, std::optional<std::string> country, std::string text) {
  Actor a;
  a.kind = kind;
  a.country = std::move(country);
  a.text = std::move(text);
  a.code = (a.country ? *a.country : "") + std::string(ToString(kind)).substr(0, 3);
  return a;
}

// An article of `outlet` published on `published` (days since 1970) with one
// sentence per event.
Doc MakeDoc(const std::string& id, const std::string& outlet, int64_t published) {
  Doc d;
  d.article.id = id;
  d.article.source = outlet;
  d.article.date = Day(published);
  d.article.title = "Report " + id;
  d.record.id = id;
  d.record.date = d.article.date;
  d.record.title = d.article.title;
  return d;
}

Event& AddEvent(Doc* d, EventType type, int64_t day, double lat, double lon, const std::string& country,
                const std::string& sentence) {
  Event e;
  e.id = d->article.id + "-e" + std::to_string(d->record.events.size() + 1);
  e.type = type;
  e.cameo = type == EventType::kProtest ? "141" : type == EventType::kAssault ? "180" : "111";
  if (type == EventType::kProtest) e.acled = AcledType{"Protests", "Peaceful protest"};
  e.date = Day(day);
  e.date_precision = DatePrecision::kDay;
  Location loc;
  loc.name = "Town";
  loc.lat = lat;
  loc.lon = lon;
  loc.country = country;
  loc.admin1 = "Region";
  loc.precision = LocationPrecision::kCity;
  e.location = loc;
  e.confidence = 0.7;
  e.trigger = "protested";
  const uint32_t start = static_cast<uint32_t>(d->article.text.size());
  d->article.text += sentence + " ";
  e.evidence.push_back(Span{start, start + static_cast<uint32_t>(sentence.size()), Field::kText});
  d->record.events.push_back(e);
  return d->record.events.back();
}

Status Write(Writer* writer, const std::vector<const Doc*>& docs, WriteCounts* counts) {
  std::vector<const Article*> articles;
  std::vector<const ArticleRecord*> records;
  for (const Doc* d : docs) {
    articles.push_back(&d->article);
    records.push_back(&d->record);
  }
  return writer->WriteBatch(articles, records, counts);
}

void Dedup(Store* store, uint64_t commit_every = 50000) {
  DedupRunStats stats;
  Status s = Deduplicate(store, &stats, {}, commit_every);
  ASSERT_TRUE(s.ok()) << s.message();
}

// event id -> the key of its deduplicated event.
std::map<std::string, std::string> Assignment(Store* store) {
  std::map<std::string, std::string> out;
  Result<Statement> st =
      store->db()->Prepare("SELECT m.event_id, e.key FROM mentions m LEFT JOIN events e ON e.event_pk = m.event_pk");
  while (st.value().Step()) out[std::string(st.value().Text(0))] = std::string(st.value().Text(1));
  return out;
}

// key -> "mentions sources first last type date" for every event.
std::map<std::string, std::string> EventRows(Store* store) {
  std::map<std::string, std::string> out;
  Result<Statement> st = store->db()->Prepare(
      "SELECT key, mentions, sources, first_report, last_report, type, date, killed FROM events");
  while (st.value().Step()) {
    std::string row;
    for (int c = 1; c < 8; ++c) row += std::string(st.value().Text(c)) + "|";
    out[std::string(st.value().Text(0))] = row;
  }
  return out;
}

TEST(StoreTest, SchemaVersionAndRefusals) {
  TempDb tmp;
  {
    auto store = OpenStore(tmp.path());
    EXPECT_EQ(ReadSchemaVersion(store->db()).value(), kSchemaVersion);
    Result<Statement> meta = store->db()->Prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    ASSERT_TRUE(meta.value().Step());
    EXPECT_EQ(meta.value().Text(0), std::to_string(kSchemaVersion));
    Result<Statement> mode = store->db()->Prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.value().Step());
    EXPECT_EQ(mode.value().Text(0), "wal");
  }
  // Read-only: fine now; a missing file is an error that names it.
  EXPECT_TRUE(Store::Open(tmp.path(), true).ok());
  Result<std::unique_ptr<Store>> missing = Store::Open(tmp.path() + ".absent", true);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kIo);
  EXPECT_NE(missing.status().message().find(".absent"), std::string::npos);
  // A newer schema is refused.
  {
    Result<Database> db = Database::Open(tmp.path(), false);
    ASSERT_TRUE(db.value().Exec("PRAGMA user_version = 99").ok());
  }
  Result<std::unique_ptr<Store>> newer = Store::Open(tmp.path(), false);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("newer"), std::string::npos);
  // A database of something else is refused too.
  TempDb other;
  {
    Result<Database> db = Database::Open(other.path(), false);
    ASSERT_TRUE(db.value().Exec("CREATE TABLE t(x)").ok());
  }
  EXPECT_FALSE(Store::Open(other.path(), false).ok());
}

TEST(StoreTest, RewritingAddsNothingAndChangedTextReplaces) {
  TempDb tmp;
  auto store = OpenStore(tmp.path());
  auto writer = Writer::Create(store.get()).value();
  Doc a = MakeDoc("a", "Outlet A", 19000);
  Event& e = AddEvent(&a, EventType::kProtest, 19000, 50.95, 1.86, "FR", "Farmers protested in Town.");
  e.source.push_back(MakeActor(ActorKind::kLabor, "FRA", "Farmers"));
  AddEvent(&a, EventType::kDisapprove, 19000, 50.95, 1.86, "FR", "The mayor condemned it.");
  a.record.places.push_back(PlaceMention{"Town", Span{10, 14, Field::kText}, 1, "Town", 50.95, 1.86, "FR",
                                         "Region", PlaceKind::kCity});
  WriteCounts counts;
  ASSERT_TRUE(Write(writer.get(), {&a}, &counts).ok());
  EXPECT_EQ(counts.added, 1u);
  EXPECT_EQ(counts.mentions_added, 2u);
  EXPECT_TRUE(writer->IsStored(a.article).value());
  Dedup(store.get());
  const std::vector<std::string> tables = {"articles", "mentions", "actors", "places", "events", "event_kinds",
                                           "events_rtree", "articles_fts", "evidence_fts"};
  std::map<std::string, int64_t> before;
  for (const std::string& t : tables) before[t] = Count(store.get(), t);
  EXPECT_EQ(before["articles"], 1);
  EXPECT_EQ(before["mentions"], 2);
  EXPECT_EQ(before["actors"], 1);
  EXPECT_EQ(before["places"], 1);
  EXPECT_EQ(before["events"], 2);
  EXPECT_EQ(before["event_kinds"], 1);

  // The same article again: nothing changes.
  counts = {};
  ASSERT_TRUE(Write(writer.get(), {&a}, &counts).ok());
  Dedup(store.get());
  EXPECT_EQ(counts.unchanged, 1u);
  EXPECT_EQ(counts.mentions_added, 0u);
  for (const std::string& t : tables) EXPECT_EQ(Count(store.get(), t), before[t]) << t;

  // Rewriting on purpose (--recode) replaces the same content: same rows, new ids.
  writer->set_rewrite_unchanged(true);
  counts = {};
  ASSERT_TRUE(Write(writer.get(), {&a}, &counts).ok());
  Dedup(store.get());
  writer->set_rewrite_unchanged(false);
  EXPECT_EQ(counts.replaced, 1u);
  EXPECT_EQ(counts.mentions_removed, 2u);
  EXPECT_EQ(counts.mentions_added, 2u);
  for (const std::string& t : tables) EXPECT_EQ(Count(store.get(), t), before[t]) << t;

  // Changed text: the old mentions go, the new ones come, under the same article row.
  Doc a2 = MakeDoc("a", "Outlet A", 19000);
  AddEvent(&a2, EventType::kAssault, 19001, 50.95, 1.86, "FR", "Police beat farmers the next day.");
  EXPECT_FALSE(writer->IsStored(a2.article).value());
  counts = {};
  ASSERT_TRUE(Write(writer.get(), {&a2}, &counts).ok());
  Dedup(store.get());
  EXPECT_EQ(counts.replaced, 1u);
  EXPECT_EQ(counts.mentions_removed, 2u);
  EXPECT_EQ(counts.mentions_added, 1u);
  EXPECT_EQ(Count(store.get(), "articles"), 1);
  EXPECT_EQ(Count(store.get(), "mentions"), 1);
  EXPECT_EQ(Count(store.get(), "actors"), 0);
  EXPECT_EQ(Count(store.get(), "places"), 0);
  EXPECT_EQ(Count(store.get(), "events"), 1);
  EXPECT_EQ(Count(store.get(), "event_kinds"), 0);
  EXPECT_EQ(Count(store.get(), "dirty"), 0);
  EXPECT_EQ(Count(store.get(), "stale_events"), 0);
  // The full-text index follows the text.
  Result<Statement> fts = store->db()->Prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'farmers'");
  ASSERT_TRUE(fts.value().Step());
  EXPECT_EQ(fts.value().Int(0), 1);
  Result<Statement> old = store->db()->Prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'mayor'");
  ASSERT_TRUE(old.value().Step());
  EXPECT_EQ(old.value().Int(0), 0);
  Result<Statement> ev = store->db()->Prepare("SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH 'beat'");
  ASSERT_TRUE(ev.value().Step());
  EXPECT_EQ(ev.value().Int(0), 1);
  Result<Statement> integrity = store->db()->Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(integrity.value().Step());
  EXPECT_EQ(integrity.value().Text(0), "ok");
}

// Three outlets report one protest (one a day later, 1.1 km away); a fourth reports a
// protest 30 km away the same day; a fifth, students in the same town (another crowd).
struct ClashCorpus {
  Doc a = MakeDoc("lemonde-1", "Le Monde", 19000), b = MakeDoc("bbc-7", "BBC", 19001),
      c = MakeDoc("afp-3", "AFP", 19000), d = MakeDoc("local-9", "Local", 19000),
      e = MakeDoc("campus-2", "Campus", 19000);
  ClashCorpus() {
    AddEvent(&a, EventType::kProtest, 19000, 50.950, 1.860, "FR", "Dockers marched through the port.")
        .source.push_back(MakeActor(ActorKind::kLabor, "FRA", "dockers"));
    Event& eb = AddEvent(&b, EventType::kProtest, 19000, 50.960, 1.850, "FR", "Port workers rallied on Monday.");
    eb.source.push_back(MakeActor(ActorKind::kLabor, std::nullopt, "port workers"));
    eb.outcome.participants = 3000;
    eb.date_precision = DatePrecision::kWeek;
    Event& ec = AddEvent(&c, EventType::kProtest, 19000, 50.952, 1.858, "FR", "Thousands of dockers protested.");
    ec.source.push_back(MakeActor(ActorKind::kLabor, std::nullopt, "thousands of dockers"));
    ec.outcome.participants = 2000;
    ec.confidence = 0.6;
    AddEvent(&d, EventType::kProtest, 19000, 50.680, 1.860, "FR", "Dockers protested in another town.")
        .source.push_back(MakeActor(ActorKind::kLabor, std::nullopt, "dockers"));
    AddEvent(&e, EventType::kProtest, 19000, 50.950, 1.860, "FR", "Students protested against fees.")
        .source.push_back(MakeActor(ActorKind::kStudents, "FRA", "students"));
  }
  std::vector<const Doc*> all() const { return {&a, &b, &c, &d, &e}; }
};

TEST(StoreTest, AdmitKeepsTheFirstArticleOfAnIdInARun) {
  TempDb tmp;
  auto store = OpenStore(tmp.path());
  Doc a = MakeDoc("a", "Outlet A", 19000);
  AddEvent(&a, EventType::kProtest, 19000, 50.95, 1.86, "FR", "Farmers protested in Town.");
  Doc other_text = MakeDoc("a", "Outlet A", 19000);
  other_text.article.text = "Another text under the same id.";
  {
    auto writer = Writer::Create(store.get()).value();
    EXPECT_EQ(writer->Admit(a.article).value(), Writer::Admission::kCode);
    EXPECT_EQ(writer->Admit(other_text.article).value(), Writer::Admission::kRepeated);
    EXPECT_EQ(writer->Admit(a.article).value(), Writer::Admission::kRepeated);
    WriteCounts counts;
    ASSERT_TRUE(Write(writer.get(), {&a}, &counts).ok());
  }
  // A new run: the stored content is unchanged, the other text would replace it, and
  // each id is admitted once.
  auto writer = Writer::Create(store.get()).value();
  EXPECT_EQ(writer->Admit(a.article).value(), Writer::Admission::kUnchanged);
  EXPECT_EQ(writer->Admit(other_text.article).value(), Writer::Admission::kRepeated);
  auto next_run = Writer::Create(store.get()).value();
  EXPECT_EQ(next_run->Admit(other_text.article).value(), Writer::Admission::kCode);
  next_run->set_rewrite_unchanged(true);
  Doc b = MakeDoc("b", "Outlet B", 19000);
  EXPECT_EQ(next_run->Admit(a.article).value(), Writer::Admission::kRepeated);
  EXPECT_EQ(next_run->Admit(b.article).value(), Writer::Admission::kCode);
}

TEST(StoreTest, ReportsOfOneEventBecomeOneEvent) {
  TempDb tmp;
  auto store = OpenStore(tmp.path());
  auto writer = Writer::Create(store.get()).value();
  ClashCorpus corpus;
  WriteCounts counts;
  ASSERT_TRUE(Write(writer.get(), corpus.all(), &counts).ok());
  Dedup(store.get());
  const std::map<std::string, std::string> keys = Assignment(store.get());
  // The seed is the most specific mention: Le Monde's gives a day (the BBC's only a
  // week), a higher confidence than AFP's, and its id comes first.
  EXPECT_EQ(keys.at("lemonde-1-e1"), "lemonde-1-e1");
  EXPECT_EQ(keys.at("afp-3-e1"), "lemonde-1-e1");
  EXPECT_EQ(keys.at("bbc-7-e1"), "lemonde-1-e1");
  EXPECT_EQ(keys.at("local-9-e1"), "local-9-e1");
  EXPECT_EQ(keys.at("campus-2-e1"), "campus-2-e1");
  const std::map<std::string, std::string> rows = EventRows(store.get());
  ASSERT_EQ(rows.size(), 3u);
  // mentions, sources, first report, last report, type, date, killed.
  EXPECT_EQ(rows.at("lemonde-1-e1"), "3|3|" + Day(19000) + "|" + Day(19001) + "|PROTEST|" + Day(19000) + "||");
  Result<Statement> participants = store->db()->Prepare("SELECT participants FROM events WHERE key = 'lemonde-1-e1'");
  ASSERT_TRUE(participants.value().Step());
  EXPECT_EQ(participants.value().Int(0), 3000);  // the largest any report gives

  // Wider settings re-cluster the whole store: at 40 km the other town's protest joins.
  DedupOptions wider = store->dedup_options();
  wider.max_km = 40;
  EXPECT_TRUE(store->SetDedupOptions(wider).value());
  EXPECT_FALSE(store->SetDedupOptions(wider).value());
  Dedup(store.get());
  EXPECT_EQ(Assignment(store.get()).at("local-9-e1"), "lemonde-1-e1");
  EXPECT_EQ(Count(store.get(), "events"), 2);
  // Without the actor rule the students join too.
  wider.actors = false;
  EXPECT_TRUE(store->SetDedupOptions(wider).value());
  Dedup(store.get());
  EXPECT_EQ(Count(store.get(), "events"), 1);
  // The settings persist in the database.
  store.reset();
  Result<std::unique_ptr<Store>> reopened = Store::Open(tmp.path(), true);
  EXPECT_EQ(reopened.value()->dedup_options().Fingerprint(), "type=plover days=1 km=40 admin2=on actors=off coarsest=admin1");
}

// Random articles over a few days and places; the clustering must come out the same
// whatever the order of articles, the batch sizes, when deduplication runs, how often
// it commits, and whether an article first came with other content.
std::vector<Doc> RandomCorpus(std::mt19937* rng, int n) {
  std::vector<Doc> docs;
  const ActorKind kinds[] = {ActorKind::kPolice, ActorKind::kProtesters, ActorKind::kRioters, ActorKind::kStudents,
                             ActorKind::kUnknown};
  for (int i = 0; i < n; ++i) {
    Doc d = MakeDoc("art" + std::to_string(i), "outlet" + std::to_string((*rng)() % 5), 19000 + (*rng)() % 6);
    const int events = 1 + static_cast<int>((*rng)() % 3);
    for (int k = 0; k < events; ++k) {
      const EventType type = (*rng)() % 3 == 0 ? EventType::kAssault : EventType::kProtest;
      const int64_t day = 19000 + static_cast<int64_t>((*rng)() % 6);
      const double lat = 48.80 + 0.05 * static_cast<double>((*rng)() % 8);
      const double lon = 2.30 + 0.05 * static_cast<double>((*rng)() % 4);
      Event& e = AddEvent(&d, type, day, lat, lon, "FR", "Sentence " + std::to_string(k) + " of " + d.article.id + ".");
      if ((*rng)() % 2) e.source.push_back(MakeActor(kinds[(*rng)() % 5], std::nullopt, "someone"));
      if ((*rng)() % 2) e.target.push_back(MakeActor(kinds[(*rng)() % 5], std::nullopt, "others"));
      e.confidence = 0.5 + 0.1 * static_cast<double>((*rng)() % 4);
      if ((*rng)() % 5 == 0) e.date_precision = DatePrecision::kArticle;
      if ((*rng)() % 11 == 0) e.date.reset();  // undated: an event of its own
      e.outcome.killed = static_cast<int64_t>((*rng)() % 3);
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

TEST(StoreTest, ClusteringDoesNotDependOnIngestOrder) {
  std::mt19937 rng(2024);
  const std::vector<Doc> docs = RandomCorpus(&rng, 60);
  TempDb reference_db;
  auto reference = OpenStore(reference_db.path());
  {
    auto writer = Writer::Create(reference.get()).value();
    std::vector<const Doc*> all;
    for (const Doc& d : docs) all.push_back(&d);
    WriteCounts counts;
    ASSERT_TRUE(Write(writer.get(), all, &counts).ok());
    Dedup(reference.get());
  }
  const auto want_keys = Assignment(reference.get());
  const auto want_rows = EventRows(reference.get());
  std::set<std::string> distinct;
  for (const auto& [id, key] : want_keys) distinct.insert(key);
  ASSERT_GT(want_keys.size(), distinct.size() + 10);  // a fair amount of merging happens

  for (int trial = 0; trial < 6; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    TempDb tmp;
    auto store = OpenStore(tmp.path());
    auto writer = Writer::Create(store.get()).value();
    std::vector<const Doc*> order;
    for (const Doc& d : docs) order.push_back(&d);
    std::shuffle(order.begin(), order.end(), rng);
    // Some articles first arrive with other content (another day and place), later
    // replaced by their real content.
    std::vector<Doc> early;
    for (int k = 0; k < 5; ++k) {
      Doc d = *order[static_cast<size_t>(k)];
      d.article.text += " (first version)";
      for (Event& e : d.record.events) {
        e.date = Day(19002);
        e.location->lat = 48.9;
      }
      early.push_back(std::move(d));
    }
    WriteCounts counts;
    for (const Doc& d : early) ASSERT_TRUE(Write(writer.get(), {&d}, &counts).ok());
    Dedup(store.get(), 1 + static_cast<uint64_t>(trial));
    size_t i = 0;
    while (i < order.size()) {
      const size_t n = std::min(order.size() - i, 1 + static_cast<size_t>(rng() % 9));
      ASSERT_TRUE(Write(writer.get(), std::vector<const Doc*>(order.begin() + static_cast<long>(i),
                                                             order.begin() + static_cast<long>(i + n)),
                        &counts)
                      .ok());
      i += n;
      if (rng() % 3 == 0) Dedup(store.get(), 1 + rng() % 20);
    }
    Dedup(store.get(), 1 + rng() % 20);
    EXPECT_EQ(Assignment(store.get()), want_keys);
    EXPECT_EQ(EventRows(store.get()), want_rows);
    EXPECT_EQ(Count(store.get(), "event_kinds"), Count(reference.get(), "event_kinds"));
    EXPECT_EQ(Count(store.get(), "events_rtree"), Count(reference.get(), "events_rtree"));
  }
}

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(tmp_.path());
    auto writer = Writer::Create(store_.get()).value();
    WriteCounts counts;
    ASSERT_TRUE(Write(writer.get(), corpus_.all(), &counts).ok());
    // Two more: an assault in Paris with police, and a condemnation in Berlin.
    paris_ = MakeDoc("wire-paris", "Wire", 19010);
    Event& e = AddEvent(&paris_, EventType::kAssault, 19010, 48.8566, 2.3522, "FR", "Police fired tear gas at youths.");
    e.source.push_back(MakeActor(ActorKind::kPolice, "FRA", "police"));
    e.outcome.injured = 4;
    e.mode = "beat";
    berlin_ = MakeDoc("wire-berlin", "Wire", 19020);
    AddEvent(&berlin_, EventType::kDisapprove, 19020, 52.52, 13.405, "DE", "The minister condemned the raid.");
    ASSERT_TRUE(Write(writer.get(), {&paris_, &berlin_}, &counts).ok());
    Dedup(store_.get());
  }

  std::vector<std::string> Keys(EventQuery q) {
    std::vector<std::string> keys;
    Status s = RunQuery(store_.get(), q, {}, [&](const StoredEvent& e) {
      keys.push_back(e.key);
      return true;
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return keys;
  }

  TempDb tmp_;
  std::unique_ptr<Store> store_;
  ClashCorpus corpus_;
  Doc paris_, berlin_;
};

TEST_F(QueryTest, Filters) {
  using V = std::vector<std::string>;
  EventQuery all;
  // Newest first, then by key.
  EXPECT_EQ(Keys(all), (V{"wire-berlin-e1", "wire-paris-e1", "campus-2-e1", "lemonde-1-e1", "local-9-e1"}));
  all.order = EventQuery::Order::kMentions;
  EXPECT_EQ(Keys(all)[0], "lemonde-1-e1");
  EventQuery q;
  q.types = {"PROTEST"};
  EXPECT_EQ(Keys(q), (V{"campus-2-e1", "lemonde-1-e1", "local-9-e1"}));
  q.min_mentions = 2;
  EXPECT_EQ(Keys(q), (V{"lemonde-1-e1"}));
  q = {};
  q.countries = {"DE"};
  EXPECT_EQ(Keys(q), (V{"wire-berlin-e1"}));
  q = {};
  q.cameo_prefixes = {"18"};
  EXPECT_EQ(Keys(q), (V{"wire-paris-e1"}));
  q.cameo_prefixes = {"1"};
  EXPECT_EQ(Keys(q).size(), 5u);
  q = {};
  q.modes = {"beat"};
  EXPECT_EQ(Keys(q), (V{"wire-paris-e1"}));
  q = {};
  q.acled_sub_types = {"Peaceful protest"};
  EXPECT_EQ(Keys(q).size(), 3u);
  q = {};
  q.since = Day(19005);
  q.until = Day(19015);
  EXPECT_EQ(Keys(q), (V{"wire-paris-e1"}));
  q = {};
  // 20 km around Calais: the dockers' and the students' protests, not the town 30 km off.
  q.near = EventQuery::Circle{50.95, 1.86, 20};
  EXPECT_EQ(Keys(q), (V{"campus-2-e1", "lemonde-1-e1"}));
  q.near->km = 35;
  EXPECT_EQ(Keys(q), (V{"campus-2-e1", "lemonde-1-e1", "local-9-e1"}));
  q = {};
  q.bbox = EventQuery::Box{48, 2, 53, 14};
  EXPECT_EQ(Keys(q), (V{"wire-berlin-e1", "wire-paris-e1"}));
  q = {};
  q.actor_kinds = {"police"};
  EXPECT_EQ(Keys(q), (V{"wire-paris-e1"}));
  q.actor_kinds = {"labor", "students"};
  EXPECT_EQ(Keys(q), (V{"campus-2-e1", "lemonde-1-e1", "local-9-e1"}));
  q = {};
  q.text = "\"tear gas\"";
  EXPECT_EQ(Keys(q), (V{"wire-paris-e1"}));
  q.text = "dockers";  // evidence of two events
  EXPECT_EQ(Keys(q), (V{"lemonde-1-e1", "local-9-e1"}));
  q.text = "zebra";  // nothing says it
  EXPECT_TRUE(Keys(q).empty());
  q.text = "Report";  // every title says it: the article text index covers titles
  EXPECT_EQ(Keys(q).size(), 5u);
  q = {};
  q.evidence = "dockers";  // the sentences events were read from
  EXPECT_EQ(Keys(q), (V{"lemonde-1-e1", "local-9-e1"}));
  q.evidence = "report";  // in the titles only, never in evidence
  EXPECT_TRUE(Keys(q).empty());
  q = {};
  q.limit = 2;
  EXPECT_EQ(Keys(q), (V{"wire-berlin-e1", "wire-paris-e1"}));
  EXPECT_EQ(CountQuery(store_.get(), q).value(), 5);
}

TEST_F(QueryTest, BadQueriesAreErrors) {
  EventQuery q;
  q.types = {"RIOT"};
  EXPECT_EQ(RunQuery(store_.get(), q, {}, [](const StoredEvent&) { return true; }).code(),
            ErrorCode::kInvalidArgument);
  q = {};
  q.text = "\"unbalanced";
  Status s = RunQuery(store_.get(), q, {}, [](const StoredEvent&) { return true; });
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(s.message().find("unbalanced"), std::string::npos) << s.message();
  q = {};
  q.since = "2020-13-01";
  EXPECT_FALSE(q.Validate().ok());
  q = {};
  q.near = EventQuery::Circle{95, 0, 10};
  EXPECT_FALSE(q.Validate().ok());
  q = {};
  q.countries = {"fr"};
  EXPECT_FALSE(q.Validate().ok());
}

TEST_F(QueryTest, ExportsAndReports) {
  EventQuery q;
  q.types = {"PROTEST"};
  q.min_mentions = 2;
  std::string csv, jsonl, geo;
  for (auto [format, out] : {std::pair{ExportFormat::kCsv, &csv}, std::pair{ExportFormat::kJsonl, &jsonl},
                             std::pair{ExportFormat::kGeoJson, &geo}}) {
    EventExporter exporter(format);
    *out = exporter.Begin();
    ASSERT_TRUE(RunQuery(store_.get(), q, exporter.read_options(), [&](const StoredEvent& e) {
                  exporter.Append(e, out);
                  return true;
                }).ok());
    out->append(exporter.End());
  }
  const std::string header =
      "event_id,date,date_precision,type,mode,cameo,acled_event_type,acled_sub_event_type,status,location_name,"
      "location_mention,country,admin1,admin2,lat,lon,location_precision,geonameid,source_codes,source_texts,"
      "target_codes,target_texts,killed,injured,hospitalized,arrested,displaced,participants,confidence,mentions,"
      "sources,first_report,last_report,article_ids,mention_ids,evidence\r\n";
  EXPECT_EQ(csv, header + "lemonde-1-e1," + Day(19000) +
                     ",day,PROTEST,,141,Protests,Peaceful protest,occurred,Town,,FR,Region,,50.95,1.86,city,,FRAlab,"
                     "dockers,,,,,,,,3000,0.7,3,3," +
                     Day(19000) + "," + Day(19001) +
                     ",afp-3;lemonde-1;bbc-7,afp-3-e1;lemonde-1-e1;bbc-7-e1,Dockers marched through the port.\r\n");
  EXPECT_EQ(jsonl.substr(0, 102),
            "{\"event_id\":\"lemonde-1-e1\",\"type\":\"PROTEST\",\"mode\":null,\"cameo\":\"141\",\"acled\":{\"event_type\":"
            "\"Protests\"");
  EXPECT_NE(jsonl.find("\"mentions\":3,\"sources\":3"), std::string::npos);
  EXPECT_NE(jsonl.find("\"evidence\":[{\"start\":0,\"end\":31}],\"sentences\":\"Thousands of dockers protested.\""),
            std::string::npos);
  EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), 1);
  EXPECT_EQ(geo.substr(0, 134),
            "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"id\":\"lemonde-1-e1\",\"geometry\":{"
            "\"type\":\"Point\",\"coordinates\":[1.86,50.95]},");
  EXPECT_EQ(geo.substr(geo.size() - 4), "\n]}\n");
}

TEST_F(QueryTest, Stats) {
  Result<StoreStats> stats = ComputeStats(store_.get());
  ASSERT_TRUE(stats.ok());
  const StoreStats& s = stats.value();
  EXPECT_EQ(s.schema_version, kSchemaVersion);
  EXPECT_EQ(s.articles, 7);
  EXPECT_EQ(s.mentions, 7);
  EXPECT_EQ(s.events, 5);
  EXPECT_EQ(s.merged_events, 1);
  EXPECT_EQ(s.located_events, 5);
  EXPECT_EQ(s.pending, 0);
  using P = std::vector<std::pair<std::string, int64_t>>;
  EXPECT_EQ(s.by_type, (P{{"PROTEST", 3}, {"ASSAULT", 1}, {"DISAPPROVE", 1}}));
  EXPECT_EQ(s.by_country, (P{{"FR", 4}, {"DE", 1}}));
  EXPECT_EQ(s.by_day, (P{{Day(19000), 3}, {Day(19010), 1}, {Day(19020), 1}}));
}

// Set filters either drive the query or are probed in date order (query.cc); the two
// plans must give the same events. 1500 articles make the sets large enough to probe.
TEST(StoreTest, ProbeAndDrivePlansAgree) {
  TempDb tmp;
  auto store = OpenStore(tmp.path());
  auto writer = Writer::Create(store.get()).value();
  std::vector<Doc> docs;
  for (int i = 0; i < 1500; ++i) {
    Doc d = MakeDoc("bulk" + std::to_string(i), "outlet" + std::to_string(i % 7), 18000 + i % 300);
    const bool police = i % 5 != 0;
    Event& e = AddEvent(&d, i % 3 ? EventType::kProtest : EventType::kAssault, 18000 + (i * 7) % 300,
                        48.0 + (i % 10) * 0.001, 2.0, "FR",
                        police ? "Police dispersed the crowd." : "Workers marched in the rain.");
    d.article.text += police ? "" : "No police came.";  // in the text, not the evidence
    if (police) e.source.push_back(MakeActor(ActorKind::kPolice, "FRA", "police"));
    e.location->precision = LocationPrecision::kCountry;  // so that nothing merges
    docs.push_back(std::move(d));
  }
  std::vector<const Doc*> all;
  for (const Doc& d : docs) all.push_back(&d);
  WriteCounts counts;
  ASSERT_TRUE(Write(writer.get(), all, &counts).ok());
  Dedup(store.get());
  const int64_t events = Count(store.get(), "events");
  ASSERT_EQ(events, 1500);
  std::vector<EventQuery> queries(6);
  queries[0].text = "police";
  queries[1].evidence = "the";
  queries[2].near = EventQuery::Circle{48.0, 2.0, 5};
  queries[3].actor_kinds = {"police"};
  queries[4].text = "police";
  queries[4].types = {"ASSAULT"};
  queries[5].near = EventQuery::Circle{48.0, 2.0, 5};
  queries[5].order = EventQuery::Order::kOldest;
  for (size_t i = 0; i < queries.size(); ++i) {
    SCOPED_TRACE("query " + std::to_string(i));
    EventQuery q = queries[i];
    // Without a limit the sets drive; with a small one the large sets are probed.
    std::vector<std::string> everything, first;
    ASSERT_TRUE(RunQuery(store.get(), q, {}, [&](const StoredEvent& e) {
                  everything.push_back(e.key);
                  return true;
                }).ok());
    q.limit = 10;
    const std::string plan = ExplainQuery(store.get(), q).value();
    EXPECT_EQ(plan.find("USING INTEGER PRIMARY KEY"), std::string::npos) << plan;  // probed, not driven
    ASSERT_TRUE(RunQuery(store.get(), q, {}, [&](const StoredEvent& e) {
                  first.push_back(e.key);
                  return true;
                }).ok());
    ASSERT_GE(everything.size(), 10u);
    EXPECT_EQ(first, std::vector<std::string>(everything.begin(), everything.begin() + 10));
    EXPECT_EQ(CountQuery(store.get(), q).value(), static_cast<int64_t>(everything.size()));
  }
}

// A database of schema version 1 is migrated when opened for writing, refused (with
// the way out) when opened read-only.
TEST(StoreTest, MigratesVersionOne) {
  TempDb tmp;
  ClashCorpus corpus;
  {
    auto store = OpenStore(tmp.path());
    auto writer = Writer::Create(store.get()).value();
    WriteCounts counts;
    ASSERT_TRUE(Write(writer.get(), corpus.all(), &counts).ok());
    Dedup(store.get());
    // Back to version 1's indexes and number.
    ASSERT_TRUE(store->db()
                    ->Exec("DROP INDEX mentions_by_article; DROP INDEX mentions_by_event;"
                           "CREATE UNIQUE INDEX mentions_by_article ON mentions(article_pk, ordinal);"
                           "CREATE INDEX mentions_by_event ON mentions(event_pk);"
                           "DROP INDEX events_by_country_type; DROP INDEX events_by_country_acled;"
                           "PRAGMA user_version = 1; UPDATE meta SET value = '1' WHERE key = 'schema_version'")
                    .ok());
  }
  Result<std::unique_ptr<Store>> read_only = Store::Open(tmp.path(), true);
  ASSERT_FALSE(read_only.ok());
  EXPECT_NE(read_only.status().message().find("annals ingest --db"), std::string::npos);
  auto store = OpenStore(tmp.path());
  EXPECT_EQ(ReadSchemaVersion(store->db()).value(), kSchemaVersion);
  Result<Statement> meta = store->db()->Prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  ASSERT_TRUE(meta.value().Step());
  EXPECT_EQ(meta.value().Text(0), std::to_string(kSchemaVersion));
  Result<Statement> columns = store->db()->Prepare("SELECT group_concat(name, ',') FROM pragma_index_info('mentions_by_event')");
  ASSERT_TRUE(columns.value().Step());
  EXPECT_EQ(columns.value().Text(0), "event_pk,article_pk");
  // Step 2 -> 3: the pairs of country and type.
  Result<Statement> pair = store->db()->Prepare("SELECT group_concat(name, ',') FROM pragma_index_info('events_by_country_acled')");
  ASSERT_TRUE(pair.value().Step());
  EXPECT_EQ(pair.value().Text(0), "country,acled_event_type,day");
  EXPECT_EQ(Count(store.get(), "mentions"), 5);
  EXPECT_EQ(Count(store.get(), "events"), 3);
  Result<Statement> integrity = store->db()->Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(integrity.value().Step());
  EXPECT_EQ(integrity.value().Text(0), "ok");
}

TEST(StoreTest, ContentHashAndOutlet) {
  Article a;
  a.id = "x";
  a.text = "Text.";
  Article b = a;
  EXPECT_EQ(ContentHash(a), ContentHash(b));
  b.title = "";  // an empty title is not a missing one
  EXPECT_NE(ContentHash(a), ContentHash(b));
  b = a;
  b.text = "Text!";
  EXPECT_NE(ContentHash(a), ContentHash(b));
  EXPECT_EQ(OutletOf(a), "article:x");
  a.url = "https://www.example.org/news/1?x=2";
  EXPECT_EQ(OutletOf(a), "example.org");
  a.source = "Example News";
  EXPECT_EQ(OutletOf(a), "Example News");
}

}  // namespace
}  // namespace annals::store
