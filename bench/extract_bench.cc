// Extract-stage benchmarks: Extract() (triggers, actors, roles, outcomes, attributions,
// quotes) over the analysed and geoparsed corpus, the phrase matchers alone as the stage
// calls them, the word classes, and the lexicons' load time (part of start-up).
//
//   build/bench/extract_bench [--benchmark_filter=...]
// The corpus is bbc2225.jsonl from the shared bench folder (ANNALS_BENCH_DATA overrides).
#include <benchmark/benchmark.h>

#include "bench_corpus.h"
#include "extract/analysis.h"
#include "extract/lexicons.h"
#include "extract/steps.h"

namespace annals::bench {
namespace {

const extract::Lexicons& Lex() {
  static const auto lexicons = Loaded(extract::Lexicons::Load(), "the extract lexicons");
  return *lexicons;
}

void BM_LexiconsLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto lexicons = extract::Lexicons::Load();
    benchmark::DoNotOptimize(lexicons.ok());
  }
}
BENCHMARK(BM_LexiconsLoad)->Unit(benchmark::kMicrosecond);

// The whole stage on both fields of every article, as the event coder runs it.
void BM_Extract(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const Prepared& p = ThePrepared();
  extract::FieldAnalysis analysis;
  size_t triggers = 0, actors = 0;
  for (auto _ : state) {
    triggers = actors = 0;
    for (size_t i = 0; i < p.bodies.size(); ++i) {
      for (const text::Document* doc : {&p.titles[i], &p.bodies[i]}) {
        extract::ExtractContext ctx{Lex(), *doc, p.places[i].places, &TheGeocoder(),
                                    &TheAnalyzer().lemmatizer(), analysis};
        extract::Extract(ctx);
        triggers += analysis.triggers.size();
        actors += analysis.actors.size();
      }
    }
  }
  SetCorpusRates(state);
  state.counters["triggers"] = static_cast<double>(triggers);
  state.counters["actors"] = static_cast<double>(actors);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

// One phrase matcher over the body of every article: MatchAt at every token (triggers,
// cues) or FindAll over every sentence (actors, titles), as the stage calls them.
void BM_PhraseMatcher(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const Prepared& p = ThePrepared();
  const int which = static_cast<int>(state.range(0));
  const extract::PhraseMatcher& matcher = which == 0   ? Lex().trigger_matcher()
                                          : which == 1 ? Lex().cue_matcher()
                                          : which == 2 ? Lex().actor_matcher()
                                                       : Lex().title_matcher();
  std::vector<extract::PhraseMatcher::Match> matches;
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const text::Document& doc : p.bodies)
      for (const text::Sentence& s : doc.sentences) {
        matches.clear();
        if (which < 2)
          for (uint32_t t = s.first_token; t < s.end_token; ++t) matcher.MatchAt(doc, t, s.end_token, &matches);
        else
          matcher.FindAll(doc, s.first_token, s.end_token, &matches);
        found += matches.size();
      }
  }
  SetCorpusRates(state);
  state.counters["matches"] = static_cast<double>(found);
  state.SetLabel(which == 0 ? "triggers, MatchAt" : which == 1 ? "cues, MatchAt" : which == 2 ? "actors, FindAll"
                                                                                               : "titles, FindAll");
}
BENCHMARK(BM_PhraseMatcher)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

// The word classes of every token of every body.
void BM_ClassesOf(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const Prepared& p = ThePrepared();
  uint64_t bits = 0;
  for (auto _ : state) {
    for (const text::Document& doc : p.bodies)
      for (uint32_t t = 0; t < doc.tokens.size(); ++t) bits += Lex().ClassesOf(doc, t) != 0;
  }
  SetCorpusRates(state);
  state.counters["classed_tokens"] = static_cast<double>(bits) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ClassesOf)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals::bench

BENCHMARK_MAIN();
