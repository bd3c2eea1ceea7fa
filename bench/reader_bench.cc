// Reader benchmarks: the JSON Lines reader (line splitting, simdjson, field checks, UTF-8
// checks) over the corpus file, a stream of small lines, one large article, and the plain
// text reader over files with a header line.
//
//   build/bench/reader_bench [--benchmark_filter=...]
// The corpus is bbc2225.jsonl from the shared bench folder (ANNALS_BENCH_DATA overrides).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "annals/annals.h"
#include "bench_corpus.h"

namespace annals::bench {
namespace {

// A file in the temporary folder, removed at exit.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& contents)
      : path_((std::filesystem::temp_directory_path() / ("annals_reader_bench_" + std::to_string(::getpid()) +
                                                          "_" + name))
                  .string()) {
    std::ofstream(path_, std::ios::binary) << contents;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Reads every unit of `path`; returns the articles read and adds their text bytes.
size_t ReadAll(const std::string& path, uint64_t* text_bytes) {
  auto reader = OpenArticles(path);
  if (!reader.ok()) return 0;
  ReadItem item;
  size_t articles = 0;
  while (reader.value()->Next(&item)) {
    if (!item.article) continue;
    ++articles;
    *text_bytes += item.article->text.size();
  }
  return articles;
}

void BM_ReadJsonlCorpus(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const std::string path = CorpusPath();
  const uint64_t file_bytes = std::filesystem::file_size(path);
  size_t articles = 0;
  for (auto _ : state) {
    uint64_t text = 0;
    articles = ReadAll(path, &text);
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * file_bytes));
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * articles), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadJsonlCorpus)->Unit(benchmark::kMillisecond);

// 100,000 one-sentence articles with every optional field: the per-line cost.
void BM_ReadJsonlSmallLines(benchmark::State& state) {
  std::string contents;
  for (int i = 0; i < 100000; ++i)
    contents += "{\"id\":\"n" + std::to_string(i) +
                "\",\"date\":\"2021-03-04\",\"title\":\"Dock strike\",\"url\":\"https://example.org/" +
                std::to_string(i) + "\",\"source\":\"wire\",\"text\":\"Dock workers in Antwerp went on strike.\"}\n";
  const TempFile file("small.jsonl", contents);
  for (auto _ : state) {
    uint64_t text = 0;
    benchmark::DoNotOptimize(ReadAll(file.path(), &text));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * contents.size()));
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * 100000), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadJsonlSmallLines)->Unit(benchmark::kMillisecond);

// One 16 MB article with escapes and non-ASCII text.
void BM_ReadJsonlOneLargeArticle(benchmark::State& state) {
  std::string text;
  while (text.size() < (16u << 20)) text += "Les \\\"gilets jaunes\\\" ont manifesté à Besançon. ";
  const std::string contents = "{\"id\":\"big\",\"text\":\"" + text + "\"}\n";
  const TempFile file("large.jsonl", contents);
  for (auto _ : state) {
    uint64_t bytes = 0;
    benchmark::DoNotOptimize(ReadAll(file.path(), &bytes));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * contents.size()));
}
BENCHMARK(BM_ReadJsonlOneLargeArticle)->Unit(benchmark::kMillisecond);

// The plain text reader: one file per article, the first line "date YYYY-MM-DD headline".
void BM_ReadTextFiles(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const Corpus& c = TheCorpus();
  std::vector<std::unique_ptr<TempFile>> files;
  uint64_t bytes = 0;
  for (size_t i = 0; i < c.articles.size() && i < 500; ++i) {
    const std::string contents = "2005-03-01 " + c.articles[i].title.value_or("News") + "\n\n" + c.articles[i].text;
    bytes += contents.size();
    files.push_back(std::make_unique<TempFile>(std::to_string(i) + ".txt", contents));
  }
  for (auto _ : state) {
    uint64_t text = 0;
    for (const auto& f : files) benchmark::DoNotOptimize(ReadAll(f->path(), &text));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * files.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadTextFiles)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals::bench

BENCHMARK_MAIN();
