// Code-stage and per-article benchmarks: EventCoder::Code (extract, drafts, merging,
// PLOVER/CAMEO/ACLED types, the event model's decision) over the analysed and geoparsed corpus, the whole
// Pipeline::Code per article on one thread, and the load times that make start-up.
//
//   build/bench/code_bench [--benchmark_filter=...]
// The corpus is bbc2225.jsonl from the shared bench folder (ANNALS_BENCH_DATA overrides).
#include <benchmark/benchmark.h>

#include "bench_corpus.h"
#include "code/event_coder.h"

namespace annals::bench {
namespace {

// The coder as the pipeline loads it by default (the event model judging every candidate).
const code::EventCoder& Coder() {
  static const auto coder = Loaded(code::EventCoder::Load(ANNALS_BENCH_RESOURCE_DIR, PipelineOptions{},
                                                          &TheGeocoder(), &TheAnalyzer().lemmatizer()),
                                   "the coder");
  return *coder;
}

const Pipeline& ThePipeline() {
  static const auto pipeline = Loaded(Pipeline::Load(PipelineOptions{ANNALS_BENCH_RESOURCE_DIR}), "the pipeline");
  return *pipeline;
}

// Start-up: every resource of the pipeline (mmapped gazetteer and lemmas, lexicons).
void BM_PipelineLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto pipeline = Pipeline::Load(PipelineOptions{ANNALS_BENCH_RESOURCE_DIR});
    benchmark::DoNotOptimize(pipeline.ok());
  }
}
BENCHMARK(BM_PipelineLoad)->Unit(benchmark::kMillisecond);

void BM_EventCoderLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto coder = code::EventCoder::Load(ANNALS_BENCH_RESOURCE_DIR, PipelineOptions{}, &TheGeocoder(),
                                        &TheAnalyzer().lemmatizer());
    benchmark::DoNotOptimize(coder.ok());
  }
}
BENCHMARK(BM_EventCoderLoad)->Unit(benchmark::kMillisecond);

// The extract and code stages together, as the pipeline runs them after geo.
void BM_EventCoderCode(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const Corpus& c = TheCorpus();
  const Prepared& p = ThePrepared();
  size_t events = 0;
  for (auto _ : state) {
    events = 0;
    for (size_t i = 0; i < c.articles.size(); ++i) {
      ArticleRecord record;
      Coder().Code(c.articles[i], p.titles[i], p.bodies[i], p.places[i], &record);
      events += record.events.size();
    }
  }
  SetCorpusRates(state);
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_EventCoderCode)->Unit(benchmark::kMillisecond);

// Every stage, article after article, on one thread (what one coding worker does).
void BM_PipelineCode(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const Corpus& c = TheCorpus();
  size_t events = 0;
  for (auto _ : state) {
    events = 0;
    for (const Article& article : c.articles) events += ThePipeline().Code(article).events.size();
  }
  SetCorpusRates(state);
  state.counters["events"] = static_cast<double>(events);
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_PipelineCode)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals::bench

BENCHMARK_MAIN();
