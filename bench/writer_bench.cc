// Writer benchmarks: formatting the corpus's records (coded once beforehand) as JSON Lines
// articles, events, CSV, GeoJSON and the human-readable table.
//
//   build/bench/writer_bench [--benchmark_filter=...]
// The corpus is bbc2225.jsonl from the shared bench folder (ANNALS_BENCH_DATA overrides).
#include <benchmark/benchmark.h>

#include "bench_corpus.h"
#include "cli/table_formatter.h"

namespace annals::bench {
namespace {

const std::vector<ArticleRecord>& Records() {
  static const std::vector<ArticleRecord> records = [] {
    std::vector<ArticleRecord> out;
    const auto pipeline = Loaded(Pipeline::Load(PipelineOptions{ANNALS_BENCH_RESOURCE_DIR}), "the pipeline");
    for (const Article& article : TheCorpus().articles) out.push_back(pipeline->Code(article));
    return out;
  }();
  return records;
}

// Range 0..3: articles, events, csv, geojson; 4: table.
void BM_Format(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const std::vector<ArticleRecord>& records = Records();
  const int which = static_cast<int>(state.range(0));
  const RecordFormatter formatter(static_cast<OutputFormat>(which < 4 ? which : 0));
  const cli::TableFormatter table;
  std::string out;
  size_t out_bytes = 0;
  for (auto _ : state) {
    out_bytes = 0;
    for (size_t i = 0; i < records.size(); ++i) {
      out.clear();
      if (which == 4) table.Append(TheCorpus().articles[i], records[i], &out);
      else formatter.Append(records[i], &out);
      out_bytes += out.size();
    }
  }
  SetCorpusRates(state);
  state.counters["output_mb"] = static_cast<double>(out_bytes) / 1e6;
  static const char* const kNames[] = {"articles", "events", "csv", "geojson", "table"};
  state.SetLabel(kNames[which]);
}
BENCHMARK(BM_Format)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals::bench

BENCHMARK_MAIN();
