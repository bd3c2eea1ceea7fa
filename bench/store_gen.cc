// store_gen: builds a large event store by repeating coded corpora with shifted dates,
// for the query benchmark (store_query_bench) and the size figures of the README.
//
//   build/bench/store_gen --db big.db --copies 19 --shift-days 400 FILES.jsonl...
//
// Each article is coded once with the Pipeline; copy k (k = 0 .. copies-1) stores it
// as article "<id>~k" with its publication date and every event date moved k *
// shift-days later (event ids follow the new article id), through the store's Writer,
// 1000 articles per transaction; then Deduplicate runs over the whole store. Copies
// are far enough apart in time not to merge with each other, so the store holds about
// copies times the events of one copy. Prints the counts, sizes and times.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "annals/annals.h"
#include "core/civil_date.h"
#include "store/recluster.h"
#include "store/store.h"
#include "store/writer.h"

using namespace annals;

namespace {

std::optional<std::string> Shift(const std::optional<std::string>& date, long days) {
  if (!date) return date;
  std::optional<CivilDate> d = ParseIsoDate(*date);
  if (!d) return date;
  return FormatIsoDate(AddDays(*d, days)) + date->substr(10);
}

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  int copies = 1;
  long shift = 400;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--db" && i + 1 < argc) db_path = argv[++i];
    else if (arg == "--copies" && i + 1 < argc) copies = std::atoi(argv[++i]);
    else if (arg == "--shift-days" && i + 1 < argc) shift = std::atol(argv[++i]);
    else inputs.push_back(arg);
  }
  if (db_path.empty() || inputs.empty() || copies < 1) {
    std::fprintf(stderr, "usage: store_gen --db FILE [--copies N] [--shift-days D] FILES.jsonl...\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();

  // Step 1: read and code every article once.
  auto pipeline = Pipeline::Load();
  if (!pipeline.ok()) {
    std::fprintf(stderr, "store_gen: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  std::vector<Article> articles;
  for (const std::string& input : inputs) {
    auto reader = OpenArticles(input);
    if (!reader.ok()) {
      std::fprintf(stderr, "store_gen: %s\n", reader.status().message().c_str());
      return 2;
    }
    ReadItem item;
    while (reader.value()->Next(&item))
      if (item.article) articles.push_back(std::move(*item.article));
  }
  std::vector<ArticleRecord> records(articles.size());
  {
    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        for (size_t i = t; i < articles.size(); i += threads) records[i] = pipeline.value()->Code(articles[i]);
      });
    for (std::thread& t : pool) t.join();
  }
  size_t events = 0;
  for (const ArticleRecord& r : records) events += r.events.size();
  std::fprintf(stderr, "store_gen: coded %zu articles, %zu events in %.1f s\n", articles.size(), events, Since(start));

  // Step 2: write the copies.
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix);
  auto store = store::Store::Open(db_path, false);
  if (!store.ok()) {
    std::fprintf(stderr, "store_gen: %s\n", store.status().message().c_str());
    return 2;
  }
  if (auto s = store.value()->SetDedupOptions(store.value()->dedup_options()); !s.ok()) return 2;
  auto writer = store::Writer::Create(store.value().get());
  if (!writer.ok()) return 2;
  const auto write_start = std::chrono::steady_clock::now();
  store::WriteCounts counts;
  constexpr size_t kBatch = 1000;
  for (int k = 0; k < copies; ++k) {
    std::vector<Article> batch_articles;
    std::vector<ArticleRecord> batch_records;
    auto flush = [&]() -> bool {
      std::vector<const Article*> a;
      std::vector<const ArticleRecord*> r;
      for (size_t i = 0; i < batch_articles.size(); ++i) {
        a.push_back(&batch_articles[i]);
        r.push_back(&batch_records[i]);
      }
      Status s = writer.value()->WriteBatch(a, r, &counts);
      if (!s.ok()) std::fprintf(stderr, "store_gen: %s\n", s.message().c_str());
      batch_articles.clear();
      batch_records.clear();
      return s.ok();
    };
    const long days = static_cast<long>(k) * shift;
    for (size_t i = 0; i < articles.size(); ++i) {
      Article a = articles[i];
      ArticleRecord r = records[i];
      a.id += "~" + std::to_string(k);
      a.date = Shift(a.date, days);
      r.id = a.id;
      r.date = a.date;
      for (size_t e = 0; e < r.events.size(); ++e) {
        r.events[e].id = a.id + "-e" + std::to_string(e + 1);
        r.events[e].date = Shift(r.events[e].date, days);
      }
      batch_articles.push_back(std::move(a));
      batch_records.push_back(std::move(r));
      if (batch_articles.size() >= kBatch && !flush()) return 1;
    }
    if (!batch_articles.empty() && !flush()) return 1;
    std::fprintf(stderr, "store_gen: copy %d written (%llu mentions so far, %.1f s)\n", k + 1,
                 static_cast<unsigned long long>(counts.mentions_added), Since(write_start));
  }
  const double write_seconds = Since(write_start);

  // Step 3: deduplicate, planner statistics, checkpoint.
  const auto dedup_start = std::chrono::steady_clock::now();
  store::DedupRunStats stats;
  Status s = store::Deduplicate(store.value().get(), &stats);
  if (!s.ok()) {
    std::fprintf(stderr, "store_gen: %s\n", s.message().c_str());
    return 1;
  }
  const double dedup_seconds = Since(dedup_start);
  (void)store.value()->db()->Exec("ANALYZE");
  (void)store.value()->db()->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  auto count = [&](const char* sql) {
    auto st = store.value()->db()->Prepare(sql);
    return st.ok() && st.value().Step() ? st.value().Int(0) : -1;
  };
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(db_path, ec);
  std::printf("store_gen: %lld articles, %lld mentions, %lld events (%lld located); %.0f MB; write %.1f s "
              "(%.0f articles/s), dedup %.1f s, total %.1f s\n",
              static_cast<long long>(count("SELECT count(*) FROM articles")),
              static_cast<long long>(count("SELECT count(*) FROM mentions")),
              static_cast<long long>(count("SELECT count(*) FROM events")),
              static_cast<long long>(count("SELECT count(*) FROM events_rtree")), static_cast<double>(bytes) / 1e6,
              write_seconds, static_cast<double>(counts.added) / write_seconds, dedup_seconds, Since(start));
  return 0;
}
