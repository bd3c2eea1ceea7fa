// `annals ingest [--db annals.db] FILES...|-`: codes articles with the Pipeline and
// stores them (src/store), then brings the deduplicated events up to date.
//
// Flow: the calling thread reads a batch of articles and drops those the store already
// holds with the same content (they need no coding); --threads workers code the batch
// while the calling thread writes the previous one, one transaction per batch. A crash
// or kill loses at most the batches not yet committed; re-running the same command
// skips what is stored and completes the rest, including deduplication left unfinished
// (its marks are in the database). With no FILES, ingest only migrates the schema,
// applies new dedup settings and finishes pending deduplication.
#include <sched.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "annals/annals.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/progress.h"
#include "store/recluster.h"
#include "store/store.h"
#include "store/writer.h"

namespace annals::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> inputs;
  std::string db = "annals.db";
  std::string input_format = "auto";
  PipelineOptions pipeline;
  unsigned threads = 0;
  size_t batch = 256;
  bool quiet = false;
  bool strict = false;
  bool recode = false;
  uint64_t max_article_bytes = 64u << 20;
  // Dedup settings; unset ones keep the database's.
  std::optional<std::string> dedup_type;
  std::optional<int> dedup_days;
  std::optional<double> dedup_km;
  std::optional<std::string> dedup_admin2, dedup_actors, dedup_coarsest;
};

unsigned UsableCores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return static_cast<unsigned>(CPU_COUNT(&set));
  const unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

uint64_t FileBytes(const std::string& path) {
  std::error_code ec;
  const uint64_t n = std::filesystem::file_size(path, ec);
  return ec ? 0 : n;
}

// Articles to code, with their records once coded.
struct Batch {
  std::vector<Article> articles;
  std::vector<ArticleRecord> records;
  uint64_t bytes_read = 0;  // input position after the batch, for progress
  uint64_t units = 0;       // units read (articles and skips) up to the batch
};

// Codes the batch's articles on `threads` threads (Pipeline::Code is thread-safe).
void CodeBatch(const Pipeline& pipeline, unsigned threads, Batch* batch) {
  const size_t n = batch->articles.size();
  batch->records.assign(n, ArticleRecord());
  if (n == 0) return;
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(n)));
  auto work = [&](size_t first) {
    for (size_t i = first; i < n; i += threads) batch->records[i] = pipeline.Code(batch->articles[i]);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& t : pool) t.join();
}

int RunIngest(const IngestOptions& options) {
  const auto start = std::chrono::steady_clock::now();

  // Step 1: the store and its dedup settings.
  auto opened = store::Store::Open(options.db, false);
  if (!opened.ok()) {
    std::fprintf(stderr, "annals: %s\n", opened.status().message().c_str());
    return 2;
  }
  store::Store* db = opened.value().get();
  store::DedupOptions dedup = db->dedup_options();
  if (options.dedup_type) dedup.type_key = *store::DedupOptions::TypeKeyFromName(*options.dedup_type);
  if (options.dedup_days) dedup.max_days = *options.dedup_days;
  if (options.dedup_km) dedup.max_km = *options.dedup_km;
  if (options.dedup_admin2) dedup.same_admin2 = *options.dedup_admin2 == "on";
  if (options.dedup_actors) dedup.actors = *options.dedup_actors == "on";
  if (options.dedup_coarsest) dedup.coarsest = *store::PrecisionFromName(*options.dedup_coarsest);
  const bool had_settings = db->has_stored_settings();
  Result<bool> changed = db->SetDedupOptions(dedup);
  if (!changed.ok()) {
    std::fprintf(stderr, "annals: %s\n", changed.status().message().c_str());
    return 2;
  }
  if (changed.value() && had_settings && !options.quiet)
    std::fprintf(stderr, "annals: dedup settings %s: every event will be recomputed\n", dedup.Fingerprint().c_str());
  auto writer = store::Writer::Create(db);
  if (!writer.ok()) {
    std::fprintf(stderr, "annals: %s\n", writer.status().message().c_str());
    return 2;
  }
  writer.value()->set_rewrite_unchanged(options.recode);

  // Step 2: read, code and write the inputs.
  std::unique_ptr<Pipeline> pipeline;
  if (!options.inputs.empty()) {
    auto loaded = Pipeline::Load(options.pipeline);
    if (!loaded.ok()) {
      std::fprintf(stderr, "annals: %s\n", loaded.status().message().c_str());
      return 2;
    }
    pipeline = std::move(loaded).value();
  }
  const unsigned threads = options.threads ? options.threads : UsableCores();
  ReaderOptions reader_options;
  reader_options.format = InputFormatNamed(options.input_format);
  reader_options.max_article_bytes = options.max_article_bytes;
  uint64_t total_bytes = 0;
  for (const std::string& input : options.inputs) {
    const uint64_t n = input == "-" ? 0 : FileBytes(input);
    if (n == 0) {
      total_bytes = 0;
      break;
    }
    total_bytes += n;
  }
  ProgressLine progress(stderr, ProgressLine::ShouldShow(stderr, options.quiet));

  store::WriteCounts counts;
  uint64_t read = 0, skipped_by_filter = 0, events = 0, bytes_done = 0;
  std::map<std::string, uint64_t> skipped;
  Status failure;
  std::future<void> coding;
  std::unique_ptr<Batch> coding_batch, next = std::make_unique<Batch>();
  // Waits for the batch being coded and writes it.
  auto finish = [&]() {
    if (!coding_batch) return;
    coding.get();
    std::vector<const Article*> articles;
    std::vector<const ArticleRecord*> records;
    for (size_t i = 0; i < coding_batch->articles.size(); ++i) {
      articles.push_back(&coding_batch->articles[i]);
      records.push_back(&coding_batch->records[i]);
      events += coding_batch->records[i].events.size();
    }
    if (failure.ok()) failure = writer.value()->WriteBatch(articles, records, &counts);
    progress.Update(coding_batch->units, coding_batch->bytes_read, total_bytes);
    coding_batch.reset();
  };
  // Starts coding `next` in the background (after writing the one before it).
  auto dispatch = [&]() {
    finish();
    coding_batch = std::move(next);
    next = std::make_unique<Batch>();
    Batch* b = coding_batch.get();
    coding = std::async(std::launch::async, [&pipeline, threads, b] { CodeBatch(*pipeline, threads, b); });
  };
  for (const std::string& input : options.inputs) {
    if (!failure.ok()) break;
    auto reader = OpenArticles(input, reader_options);
    if (!reader.ok()) {
      progress.Clear();
      std::fprintf(stderr, "annals: %s\n", reader.status().message().c_str());
      ++skipped[std::string(ErrorCodeName(reader.status().code()))];
      continue;
    }
    ReadItem item;
    while (failure.ok() && reader.value()->Next(&item)) {
      ++read;
      if (!item.article) {
        ++skipped[std::string(ErrorCodeName(item.error))];
        if (!options.quiet) {
          progress.Clear();
          std::fprintf(stderr, "annals: skipped %s\n", item.message.c_str());
        }
        continue;
      }
      Result<store::Writer::Admission> admission = writer.value()->Admit(*item.article);
      if (!admission.ok()) {
        failure = admission.status();
        break;
      }
      if (admission.value() == store::Writer::Admission::kUnchanged) {
        ++skipped_by_filter;
        continue;
      }
      if (admission.value() == store::Writer::Admission::kRepeated) {
        ++skipped[std::string(ErrorCodeName(ErrorCode::kDuplicateId))];
        if (!options.quiet) {
          progress.Clear();
          std::fprintf(stderr, "annals: skipped %s: id '%s' was read before in this run; the first is kept\n",
                       item.article->origin.c_str(), item.article->id.c_str());
        }
        continue;
      }
      next->articles.push_back(std::move(*item.article));
      next->bytes_read = bytes_done + reader.value()->BytesRead();
      next->units = read;
      if (next->articles.size() >= options.batch) dispatch();
    }
    bytes_done += reader.value()->BytesRead();
  }
  if (failure.ok() && !next->articles.empty()) dispatch();
  finish();
  progress.Clear();
  if (!failure.ok()) {
    std::fprintf(stderr, "annals: %s\n", failure.message().c_str());
    return 2;
  }
  const double ingest_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // Step 3: deduplicate what changed.
  store::DedupRunStats dedup_stats;
  Status s = store::Deduplicate(db, &dedup_stats);
  if (!s.ok()) {
    std::fprintf(stderr, "annals: deduplication: %s\n", s.message().c_str());
    return 2;
  }
  // Step 4: planner statistics, and the WAL folded into the database file.
  (void)db->db()->Exec("PRAGMA optimize");
  (void)db->db()->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  uint64_t total_skipped = 0;
  std::string reasons;
  for (const auto& [reason, count] : skipped) {
    total_skipped += count;
    reasons += (reasons.empty() ? " (" : ", ") + reason + " " + std::to_string(count);
  }
  if (!reasons.empty()) reasons += ")";
  Result<store::Statement> total = db->db()->Prepare("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), "
                                              "(SELECT count(*) FROM events)");
  int64_t n_articles = 0, n_mentions = 0, n_events = 0;
  if (total.ok() && total.value().Step()) {
    n_articles = total.value().Int(0);
    n_mentions = total.value().Int(1);
    n_events = total.value().Int(2);
  }
  const uint64_t db_bytes = FileBytes(options.db) + FileBytes(options.db + "-wal");
  std::fprintf(stderr,
               "annals: read %llu, new %llu, replaced %llu, unchanged %llu, skipped %llu%s; mentions +%llu -%llu "
               "(coded events %llu); dedup swept %llu mentions, (re)assigned %llu\n",
               static_cast<unsigned long long>(read), static_cast<unsigned long long>(counts.added),
               static_cast<unsigned long long>(counts.replaced),
               static_cast<unsigned long long>(counts.unchanged + skipped_by_filter),
               static_cast<unsigned long long>(total_skipped), reasons.c_str(),
               static_cast<unsigned long long>(counts.mentions_added),
               static_cast<unsigned long long>(counts.mentions_removed), static_cast<unsigned long long>(events),
               static_cast<unsigned long long>(dedup_stats.mentions),
               static_cast<unsigned long long>(dedup_stats.reassigned));
  std::fprintf(stderr,
               "annals: store %s: %lld articles, %lld mentions, %lld events, %.1f MB; %.1f s (%.0f articles/s, "
               "ingest %.1f s, dedup %.1f s)\n",
               options.db.c_str(), static_cast<long long>(n_articles), static_cast<long long>(n_mentions),
               static_cast<long long>(n_events), static_cast<double>(db_bytes) / 1e6, seconds,
               seconds > 0 ? static_cast<double>(read) / seconds : 0.0, ingest_seconds, seconds - ingest_seconds);
  return options.strict && total_skipped > 0 ? 1 : 0;
}

}  // namespace

void RegisterIngest(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand("ingest", "Code articles and store them in an SQLite database, deduplicated");
  cmd->add_option("inputs", options->inputs, "Input files (.jsonl, .txt, .html, .warc, .warc.gz), or - for JSON Lines on stdin");
  cmd->add_option("--db", options->db, "The database file (created when absent)")->capture_default_str();
  AddInputFormatOption(cmd, &options->input_format);
  AddPipelineOptions(cmd, &options->pipeline);
  cmd->add_option("--threads", options->threads, "Coding threads (0: all usable cores)")->capture_default_str();
  cmd->add_option("--batch", options->batch, "Articles per transaction")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
  cmd->add_option("--max-article-bytes", options->max_article_bytes, "Skip articles larger than this")
      ->capture_default_str();
  cmd->add_flag("--recode", options->recode, "Code and rewrite articles even when stored unchanged");
  cmd->add_flag("--strict", options->strict, "Exit 1 if any article was skipped");
  cmd->add_flag("--quiet,-q", options->quiet, "No per-article messages or progress on stderr");
  cmd->add_option("--dedup-type", options->dedup_type,
                  "Events merge within one type key: plover (type), acled (ACLED event type), cameo (root code)")
      ->check(CLI::IsMember({"plover", "acled", "cameo"}));
  cmd->add_option("--dedup-days", options->dedup_days, "Most days between merged mentions (default 1)")
      ->check(CLI::Range(0, 30));
  cmd->add_option("--dedup-km", options->dedup_km, "Most km between merged mentions' places (default 25)")
      ->check(CLI::Range(0.0, 1000.0));
  cmd->add_option("--dedup-admin2", options->dedup_admin2, "Places in one admin2 division match: on or off")
      ->check(CLI::IsMember({"on", "off"}));
  cmd->add_option("--dedup-actors", options->dedup_actors, "Require compatible actors: on or off")
      ->check(CLI::IsMember({"on", "off"}));
  cmd->add_option("--dedup-coarsest", options->dedup_coarsest,
                  "Coarsest place precision that may merge: sublocation, city, admin2, admin1 (default), country")
      ->check(CLI::IsMember({"sublocation", "city", "admin2", "admin1", "country"}));
  cmd->callback([options, exit_code] { *exit_code = RunIngest(*options); });
}

}  // namespace annals::cli
