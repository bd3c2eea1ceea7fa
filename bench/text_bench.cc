// Text-stage benchmarks: Analyse (tokenize + split + lemmatize) over news text, each
// step alone, the lemma table's load time, and the number and date parsers run over
// every token / sentence of the corpus (what the extract stage does at most).
//
//   build-text/bench/text_bench [--benchmark_filter=...]
// The corpus is bbc2225.jsonl from the shared bench folder (ANNALS_BENCH_DATA overrides);
// without it the corpus benchmarks are skipped.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "text/analyzer.h"
#include "text/date_expressions.h"
#include "text/lemmatizer.h"
#include "text/numbers.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace annals {
namespace {

struct Corpus {
  std::vector<std::string> texts;
  size_t bytes = 0;
};

const Corpus& LoadCorpus() {
  static Corpus corpus = [] {
    Corpus c;
    const char* env = std::getenv("ANNALS_BENCH_DATA");
    const std::string path = env && *env ? env : ANNALS_BENCH_CORPUS;
    std::ifstream in(path);
    std::string line;
    simdjson::dom::parser parser;
    while (std::getline(in, line)) {
      simdjson::dom::element e;
      if (parser.parse(line).get(e)) continue;
      std::string_view text;
      if (e["text"].get(text)) continue;
      c.texts.emplace_back(text);
      c.bytes += text.size();
    }
    return c;
  }();
  return corpus;
}

const text::Analyzer& A() {
  static std::unique_ptr<text::Analyzer> analyzer = [] {
    auto a = text::Analyzer::Load(ANNALS_BENCH_RESOURCE_DIR);
    if (!a.ok()) {
      std::fprintf(stderr, "cannot load resources from %s: %s\n", ANNALS_BENCH_RESOURCE_DIR,
                   a.status().message().c_str());
      std::exit(1);
    }
    return std::move(a).value();
  }();
  return *analyzer;
}

bool HaveCorpus(benchmark::State& state) {
  if (LoadCorpus().texts.empty()) {
    state.SkipWithError("no corpus (set ANNALS_BENCH_DATA)");
    return false;
  }
  return true;
}

// The whole text stage, as the Pipeline runs it, one reused Document.
void BM_Analyse(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const Corpus& corpus = LoadCorpus();
  text::Document doc;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const std::string& t : corpus.texts) {
      A().Analyse(t, Field::kText, &doc);
      tokens += doc.tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Analyse)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const Corpus& corpus = LoadCorpus();
  text::Document doc;
  for (auto _ : state) {
    for (const std::string& t : corpus.texts) {
      doc.Clear(t, Field::kText);
      text::Tokenize(A().abbreviations(), &doc);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

// Splitting and lemmatizing alone, over documents tokenized beforehand.
void BM_SplitAndLemmatize(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const Corpus& corpus = LoadCorpus();
  std::vector<text::Document> docs(corpus.texts.size());
  for (size_t k = 0; k < docs.size(); ++k) {
    docs[k].Clear(corpus.texts[k], Field::kText);
    text::Tokenize(A().abbreviations(), &docs[k]);
  }
  const int step = static_cast<int>(state.range(0));  // 0 split, 1 lemmatize
  for (auto _ : state) {
    for (text::Document& doc : docs) {
      if (step == 0) text::SplitSentences(A().abbreviations(), &doc);
      else A().lemmatizer().Lemmatize(&doc);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.SetLabel(step == 0 ? "split" : "lemmatize");
}
BENCHMARK(BM_SplitAndLemmatize)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_LemmatizerLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto lemmatizer = text::Lemmatizer::Load(ANNALS_BENCH_RESOURCE_DIR);
    benchmark::DoNotOptimize(lemmatizer);
  }
}
BENCHMARK(BM_LemmatizerLoad)->Unit(benchmark::kMicrosecond);

// ParseNumberAt at every token of the corpus (analysed beforehand).
void BM_ParseNumberAtEveryToken(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const Corpus& corpus = LoadCorpus();
  std::vector<text::Document> docs(corpus.texts.size());
  for (size_t k = 0; k < docs.size(); ++k) A().Analyse(corpus.texts[k], Field::kText, &docs[k]);
  size_t found = 0;
  for (auto _ : state) {
    for (const text::Document& doc : docs)
      for (uint32_t i = 0; i < doc.tokens.size(); ++i) found += text::ParseNumberAt(doc, i).has_value();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["numbers"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ParseNumberAtEveryToken)->Unit(benchmark::kMillisecond);

// FindDates over every sentence of the corpus, with an article date.
void BM_FindDatesEverySentence(benchmark::State& state) {
  if (!HaveCorpus(state)) return;
  const Corpus& corpus = LoadCorpus();
  std::vector<text::Document> docs(corpus.texts.size());
  for (size_t k = 0; k < docs.size(); ++k) A().Analyse(corpus.texts[k], Field::kText, &docs[k]);
  std::vector<text::DateMatch> dates;
  size_t found = 0;
  for (auto _ : state) {
    for (const text::Document& doc : docs)
      for (const text::Sentence& s : doc.sentences) {
        text::FindDates(doc, s.first_token, s.end_token, CivilDate{2005, 3, 1}, &dates);
        found += dates.size();
      }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["dates"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_FindDatesEverySentence)->Unit(benchmark::kMillisecond);

// Absurd input: 4 MB of one word repeated without spaces, and of random bytes.
void BM_AnalyseAbsurd(benchmark::State& state) {
  std::string text;
  if (state.range(0) == 0) {
    while (text.size() < (4u << 20)) text += "protesters";
  } else {
    uint32_t x = 12345;
    text.resize(4u << 20);
    for (char& c : text) c = static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
  }
  text::Document doc;
  for (auto _ : state) A().Analyse(text, Field::kText, &doc);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetLabel(state.range(0) == 0 ? "one 4 MB word" : "4 MB random bytes");
}
BENCHMARK(BM_AnalyseAbsurd)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals

BENCHMARK_MAIN();
