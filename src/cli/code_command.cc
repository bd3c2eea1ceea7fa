// `annals code`: reads articles, codes them, writes one record per article.
//
// The streaming pipeline
// ----------------------
// Every input unit becomes one Item: an article to code, a unit the reader skipped, an
// input that could not be opened, or the note that an input was empty. Items keep the
// order of the inputs, and everything the command prints (records on stdout; skip
// reports, warnings and the summary on stderr) is printed by one writer, item after
// item, so the output is the same byte for byte whatever the number of threads.
//
// With --threads 1 one thread does it all: read an item, code it, write it. With
// --threads N > 1, a reader thread cuts the items into batches, N workers code and format
// whole batches (Pipeline::Code is const and thread-safe; each worker keeps its own
// scratch buffers), and the calling thread writes the batches in order. A batch closes at
// kBatchArticles items or kBatchBytes of text; on stdin it holds one item, so that each
// record leaves as soon as it is coded (a stream filter under Spark's RDD.pipe, Hadoop
// streaming or a shell pipe sees one output line per input line without waiting).
//
// Memory is bounded by a ring of slots, one batch each: batch number s lives in slot
// s % slots. The reader fills slot s only after the writer has written batch s - slots,
// so at most `slots` batches (read, being coded, or coded and waiting for an earlier
// one) exist at any time, whatever the size of the input. The ring is also the reorder
// buffer: the writer waits for slot `written % slots` to be coded, writes it and frees
// it. One mutex guards the three counters (filled, taken, written) and the done flags;
// the coding and the writing run outside it.
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "annals/annals.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/progress.h"
#include "cli/table_formatter.h"

namespace annals::cli {
namespace {

constexpr size_t kBatchArticles = 64;
constexpr uint64_t kBatchBytes = 256u << 10;
constexpr size_t kSlotsPerWorker = 4;         // batches in flight per worker (files)
constexpr size_t kStreamSlotsPerWorker = 16;  // single-item batches in flight per worker (stdin)

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string format = "articles";
  std::string input_format = "auto";
  PipelineOptions pipeline;
  bool strict = false;
  bool quiet = false;
  unsigned threads = 0;  // 0: all the cores this process may run on
  uint64_t max_article_bytes = 64u << 20;
};

// The cores this process may run on (taskset, cgroups), at least 1.
unsigned UsableCores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return static_cast<unsigned>(CPU_COUNT(&set));
  const unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

// The total size of the inputs in bytes, or 0 when one of them has no size (a pipe).
uint64_t TotalInputBytes(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  for (const std::string& input : inputs) {
    struct stat st;
    if (input == "-") {
      if (::fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
      const off_t at = ::lseek(STDIN_FILENO, 0, SEEK_CUR);
      total += static_cast<uint64_t>(st.st_size - (at > 0 ? at : 0));
    } else if (::stat(input.c_str(), &st) == 0) {
      if (!S_ISREG(st.st_mode)) {
        if (!S_ISDIR(st.st_mode)) return 0;  // a fifo or a device; a folder is refused unread
      } else {
        total += static_cast<uint64_t>(st.st_size);
      }
    }
  }
  return total;
}

enum class ItemKind : uint8_t {
  kArticle,     // an article: coded, then its record is written
  kSkipped,     // a unit the reader could not make an article of
  kOpenFailed,  // an input that could not be opened
  kEmptyInput,  // an input without a single unit
};

struct Item {
  ItemKind kind = ItemKind::kArticle;
  std::optional<Article> article;  // kArticle, until it is coded
  ErrorCode error = ErrorCode::kOk;
  std::string messages;            // what goes to stderr for this item, whole lines
  size_t output_end = 0;           // the end of this item's output in Batch::output
  uint64_t events = 0;
};

struct Batch {
  std::vector<Item> items;
  std::string output;       // the formatted records of the items, one after the other
  uint64_t bytes_done = 0;  // input bytes consumed up to the end of the last item
  bool streaming = false;   // read from stdin: flush after each record
  uint64_t text_bytes = 0;  // article text held, to close the batch
  void Clear() {
    items.clear();
    output.clear();
    bytes_done = 0;
    streaming = false;
    text_bytes = 0;
  }
};

// Turns the inputs into items, one input after the other.
class ItemSource {
 public:
  ItemSource(const CodeOptions& options, const ReaderOptions& reader_options)
      : options_(options), reader_options_(reader_options) {}

  // Appends the next item to `batch`; false when every input is done.
  bool Next(Batch* batch) {
    while (true) {
      if (!reader_) {
        if (next_input_ == options_.inputs.size()) return false;
        input_ = &options_.inputs[next_input_++];
        auto reader = OpenArticles(*input_, reader_options_);
        if (!reader.ok()) {
          Item& item = batch->items.emplace_back();
          item.kind = ItemKind::kOpenFailed;
          item.error = reader.status().code();
          item.messages = "annals: " + reader.status().message() + "\n";
          batch->streaming = *input_ == "-";
          return true;
        }
        reader_ = std::move(reader).value();
        units_ = 0;
      }
      ReadItem read;
      if (reader_->Next(&read)) {
        ++units_;
        Item& item = batch->items.emplace_back();
        if (read.article) {
          item.kind = ItemKind::kArticle;
          batch->text_bytes += read.article->text.size();
          item.article = std::move(read.article);
        } else {
          item.kind = ItemKind::kSkipped;
          item.error = read.error;
          if (!options_.quiet) item.messages = "annals: skipped " + read.message + "\n";
        }
        batch->bytes_done = bytes_before_ + reader_->BytesRead();
        batch->streaming = *input_ == "-";
        return true;
      }
      // The input is done. One without a single article or skip report (an empty file)
      // is said, not silent.
      bytes_before_ += reader_->BytesRead();
      reader_.reset();
      if (units_ == 0 && !options_.quiet) {
        Item& item = batch->items.emplace_back();
        item.kind = ItemKind::kEmptyInput;
        item.messages = "annals: warning: " + *input_ + ": no articles (the input is empty)\n";
        batch->bytes_done = bytes_before_;
        return true;
      }
    }
  }

  // Whether the batch should be handed on now.
  static bool Full(const Batch& batch) {
    return batch.streaming || batch.items.size() >= kBatchArticles || batch.text_bytes >= kBatchBytes;
  }

 private:
  const CodeOptions& options_;
  const ReaderOptions& reader_options_;
  size_t next_input_ = 0;
  const std::string* input_ = nullptr;
  std::unique_ptr<ArticleReader> reader_;
  uint64_t units_ = 0;
  uint64_t bytes_before_ = 0;
};

// Codes and formats the articles of a batch. Const and thread-safe.
class BatchCoder {
 public:
  BatchCoder(const Pipeline& pipeline, const CodeOptions& options, const RecordFormatter& formatter,
             const TableFormatter* table)
      : pipeline_(pipeline), options_(options), formatter_(formatter), table_(table) {}

  void Code(Batch* batch) const {
    for (Item& item : batch->items) {
      if (item.kind == ItemKind::kArticle) {
        const Article& article = *item.article;
        const ArticleRecord record = pipeline_.Code(article);
        item.events = record.events.size();
        if (!options_.quiet)
          for (const std::string& warning : record.warnings)
            item.messages += "annals: warning: " + article.origin + ": " + warning + "\n";
        if (table_) table_->Append(article, record, &batch->output);
        else formatter_.Append(record, &batch->output);
        item.article.reset();  // the text is no longer needed: free it now
      }
      item.output_end = batch->output.size();
    }
  }

 private:
  const Pipeline& pipeline_;
  const CodeOptions& options_;
  const RecordFormatter& formatter_;
  const TableFormatter* table_;
};

// Counts for the closing summary line.
struct Tally {
  uint64_t read = 0, coded = 0, events = 0;
  std::map<std::string, uint64_t> skipped;  // by reason
  uint64_t skipped_total() const {
    uint64_t n = 0;
    for (const auto& [reason, count] : skipped) n += count;
    return n;
  }
};

// Writes coded batches, in order: records to stdout, messages to stderr, the tally.
class BatchWriter {
 public:
  BatchWriter(const RecordFormatter& formatter, bool table, ProgressLine* progress, uint64_t total_bytes)
      : separator_(table ? std::string_view() : formatter.Separator()), progress_(progress),
        total_bytes_(total_bytes) {}

  void Write(const Batch& batch) {
    size_t begin = 0;
    for (const Item& item : batch.items) {
      const std::string_view chunk(batch.output.data() + begin, item.output_end - begin);
      begin = item.output_end;
      switch (item.kind) {
        case ItemKind::kArticle:
          ++tally_.read;
          ++tally_.coded;
          tally_.events += item.events;
          break;
        case ItemKind::kSkipped:
          ++tally_.read;
          ++tally_.skipped[std::string(ErrorCodeName(item.error))];
          break;
        case ItemKind::kOpenFailed:
          ++tally_.skipped[std::string(ErrorCodeName(item.error))];
          break;
        case ItemKind::kEmptyInput:
          break;
      }
      if (!item.messages.empty()) {
        progress_->Clear();
        std::fputs(item.messages.c_str(), stderr);
      }
      if (!chunk.empty()) {
        if (any_output_ && !separator_.empty()) std::fwrite(separator_.data(), 1, separator_.size(), stdout);
        std::fwrite(chunk.data(), 1, chunk.size(), stdout);
        any_output_ = true;
        if (batch.streaming) std::fflush(stdout);
      }
    }
    progress_->Update(tally_.read, batch.bytes_done, total_bytes_);
  }

  const Tally& tally() const { return tally_; }

 private:
  std::string_view separator_;
  ProgressLine* progress_;
  uint64_t total_bytes_;
  Tally tally_;
  bool any_output_ = false;
};

// --threads 1: read, code and write on the calling thread.
void RunInline(ItemSource* source, const BatchCoder& coder, BatchWriter* writer) {
  Batch batch;
  while (true) {
    batch.Clear();
    if (!source->Next(&batch)) break;
    coder.Code(&batch);
    writer->Write(batch);
  }
}

// --threads N > 1: the reader thread, N workers, and the writer on the calling thread.
class ParallelRun {
 public:
  ParallelRun(ItemSource* source, const BatchCoder& coder, BatchWriter* writer, unsigned workers, bool streaming)
      : source_(source), coder_(coder), writer_(writer), workers_(workers),
        slots_(workers * (streaming ? kStreamSlotsPerWorker : kSlotsPerWorker)), done_(slots_.size()) {}

  void Run() {
    std::thread reader([this] { ReadAll(); });
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < workers_; ++i) workers.emplace_back([this] { CodeAll(); });
    WriteAll();
    reader.join();
    for (std::thread& worker : workers) worker.join();
  }

 private:
  void ReadAll() {
    Batch batch;
    bool more = true;
    while (more) {
      // Step 1: read a batch (outside the lock).
      batch.Clear();
      while ((more = source_->Next(&batch)) && !ItemSource::Full(batch)) {}
      if (batch.items.empty()) break;
      // Step 2: wait for its slot to be free, move it in, and hand it to the workers.
      std::unique_lock lock(mutex_);
      reader_wait_.wait(lock, [&] { return filled_ - written_ < slots_.size(); });
      std::swap(slots_[filled_ % slots_.size()], batch);
      ++filled_;
      lock.unlock();
      worker_wait_.notify_one();
    }
    std::lock_guard lock(mutex_);
    reading_done_ = true;
    worker_wait_.notify_all();
    writer_wait_.notify_all();
  }

  void CodeAll() {
    while (true) {
      std::unique_lock lock(mutex_);
      worker_wait_.wait(lock, [&] { return taken_ < filled_ || reading_done_; });
      if (taken_ == filled_) return;  // reading is done and every batch is taken
      const uint64_t seq = taken_++;
      lock.unlock();
      coder_.Code(&slots_[seq % slots_.size()]);
      lock.lock();
      done_[seq % slots_.size()] = true;
      if (seq == written_) writer_wait_.notify_one();
    }
  }

  void WriteAll() {
    while (true) {
      std::unique_lock lock(mutex_);
      const size_t slot = written_ % slots_.size();
      writer_wait_.wait(lock, [&] { return done_[slot] || (reading_done_ && written_ == filled_); });
      if (!done_[slot]) return;  // everything is written
      lock.unlock();
      writer_->Write(slots_[slot]);
      slots_[slot].Clear();
      lock.lock();
      done_[slot] = false;
      ++written_;
      lock.unlock();
      reader_wait_.notify_one();
    }
  }

  ItemSource* source_;
  const BatchCoder& coder_;
  BatchWriter* writer_;
  unsigned workers_;
  std::vector<Batch> slots_;
  std::mutex mutex_;
  std::condition_variable reader_wait_, worker_wait_, writer_wait_;
  std::vector<bool> done_;  // per slot: coded, not yet written
  uint64_t filled_ = 0, taken_ = 0, written_ = 0;
  bool reading_done_ = false;
};

int RunCode(const CodeOptions& options) {
  static const std::map<std::string, OutputFormat> kFormats = {
      {"articles", OutputFormat::kArticles}, {"events", OutputFormat::kEvents},
      {"csv", OutputFormat::kCsv}, {"geojson", OutputFormat::kGeoJson}};

  auto pipeline = Pipeline::Load(options.pipeline);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "annals: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  // "table" is for people (cli/table_formatter.h); every other format is a RecordFormatter.
  const bool table = options.format == "table";
  const RecordFormatter formatter(table ? OutputFormat::kArticles : kFormats.at(options.format));
  const TableFormatter table_formatter;
  ReaderOptions reader_options;
  reader_options.format = InputFormatNamed(options.input_format);
  reader_options.max_article_bytes = options.max_article_bytes;
  const unsigned threads = options.threads > 0 ? options.threads : UsableCores();
  bool streaming = false;
  for (const std::string& input : options.inputs) streaming = streaming || input == "-";

  // Records leave in large writes (flushed after each one when reading stdin).
  static char stdout_buffer[1 << 18];
  std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
  ProgressLine progress(stderr, ProgressLine::ShouldShow(stderr, options.quiet));
  const std::string begin = table ? table_formatter.Begin() : formatter.Begin();
  std::fwrite(begin.data(), 1, begin.size(), stdout);
  ItemSource source(options, reader_options);
  const BatchCoder coder(*pipeline.value(), options, formatter, table ? &table_formatter : nullptr);
  BatchWriter writer(formatter, table, &progress, progress.enabled() ? TotalInputBytes(options.inputs) : 0);
  if (threads == 1) {
    RunInline(&source, coder, &writer);
  } else {
    ParallelRun(&source, coder, &writer, threads, streaming).Run();
  }
  if (!table) {
    const std::string end = formatter.End();
    std::fwrite(end.data(), 1, end.size(), stdout);
  }
  std::fflush(stdout);
  progress.Clear();

  const Tally& tally = writer.tally();
  std::string reasons;
  for (const auto& [reason, count] : tally.skipped)
    reasons += (reasons.empty() ? " (" : ", ") + reason + " " + std::to_string(count);
  if (!reasons.empty()) reasons += ")";
  std::fprintf(stderr, "annals: read %llu, coded %llu, skipped %llu%s, events %llu\n",
               static_cast<unsigned long long>(tally.read), static_cast<unsigned long long>(tally.coded),
               static_cast<unsigned long long>(tally.skipped_total()), reasons.c_str(),
               static_cast<unsigned long long>(tally.events));
  return options.strict && tally.skipped_total() > 0 ? 1 : 0;
}

}  // namespace

void RegisterCode(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<CodeOptions>();
  CLI::App* code = app.add_subcommand("code", "Code articles into event records (one record per article on stdout)");
  code->add_option("inputs", options->inputs, "Input files (.jsonl, .txt, .html, .warc, .warc.gz), or - for JSON Lines on stdin")
      ->required();
  code->add_option("--format", options->format, "Output: articles, events, csv, geojson or table (for reading)")
      ->check(CLI::IsMember({"articles", "events", "csv", "geojson", "table"}))
      ->capture_default_str();
  AddInputFormatOption(code, &options->input_format);
  AddPipelineOptions(code, &options->pipeline);
  code->add_option("--threads,-j", options->threads,
                   "Coding threads (default: all cores, here " + std::to_string(UsableCores()) +
                       "); the output is the same for any number")
      ->check(CLI::Range(1u, 1024u));
  code->add_option("--max-article-bytes", options->max_article_bytes, "Skip articles larger than this")
      ->capture_default_str();
  code->add_flag("--strict", options->strict, "Exit 1 if any article was skipped");
  code->add_flag("--quiet,-q", options->quiet, "No progress line and no per-article warnings on stderr");
  code->callback([options, exit_code] { *exit_code = RunCode(*options); });
}

}  // namespace annals::cli
