// What the stage benchmarks share: the corpus, read once through the public reader, the
// stages loaded once, the corpus analysed and geoparsed once (so that a later stage is
// timed alone), and the process's memory.
//
// The corpus is ANNALS_BENCH_DATA if set, else bbc2225.jsonl of the shared bench folder
// (ANNALS_BENCH_CORPUS); without it the corpus benchmarks skip with a message.
#ifndef ANNALS_BENCH_BENCH_CORPUS_H_
#define ANNALS_BENCH_BENCH_CORPUS_H_

#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "annals/annals.h"
#include "geo/geocoder.h"
#include "text/analyzer.h"

namespace annals::bench {

inline std::string CorpusPath() {
  const char* env = std::getenv("ANNALS_BENCH_DATA");
  return env && *env ? env : ANNALS_BENCH_CORPUS;
}

struct Corpus {
  std::vector<Article> articles;
  uint64_t text_bytes = 0;  // UTF-8 bytes of the texts and titles
};

// The corpus, read once (skipped units are left out).
inline const Corpus& TheCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    auto reader = OpenArticles(CorpusPath());
    if (!reader.ok()) return c;
    ReadItem item;
    while (reader.value()->Next(&item)) {
      if (!item.article) continue;
      c.text_bytes += item.article->text.size() + (item.article->title ? item.article->title->size() : 0);
      c.articles.push_back(std::move(*item.article));
    }
    return c;
  }();
  return corpus;
}

// False (and the benchmark skipped with a message) when there is no corpus.
inline bool HaveCorpus(benchmark::State& state) {
  if (!TheCorpus().articles.empty()) return true;
  state.SkipWithError(("no corpus at " + CorpusPath() + " (set ANNALS_BENCH_DATA)").c_str());
  return false;
}

// Exits with a message when a resource does not load: nothing can be measured then.
template <typename T>
T Loaded(Result<T> result, const char* what) {
  if (!result.ok()) {
    std::fprintf(stderr, "cannot load %s from %s: %s\n", what, ANNALS_BENCH_RESOURCE_DIR,
                 result.status().message().c_str());
    std::exit(1);
  }
  return std::move(result).value();
}

inline const text::Analyzer& TheAnalyzer() {
  static const auto analyzer = Loaded(text::Analyzer::Load(ANNALS_BENCH_RESOURCE_DIR), "the text lexicons");
  return *analyzer;
}

inline const geo::Geocoder& TheGeocoder() {
  static const auto geocoder = Loaded(geo::Geocoder::Load(ANNALS_BENCH_RESOURCE_DIR), "the gazetteer");
  return *geocoder;
}

// The corpus through the text and geo stages, one entry per article.
struct Prepared {
  std::vector<text::Document> titles, bodies;
  std::vector<geo::GeoResult> places;
};

inline const Prepared& ThePrepared() {
  static const Prepared prepared = [] {
    Prepared p;
    const Corpus& c = TheCorpus();
    p.titles.resize(c.articles.size());
    p.bodies.resize(c.articles.size());
    p.places.resize(c.articles.size());
    for (size_t i = 0; i < c.articles.size(); ++i) {
      const Article& a = c.articles[i];
      TheAnalyzer().Analyse(a.title ? std::string_view(*a.title) : std::string_view(), Field::kTitle, &p.titles[i]);
      TheAnalyzer().Analyse(a.text, Field::kText, &p.bodies[i]);
      TheGeocoder().Geoparse(p.titles[i], p.bodies[i], &p.places[i]);
    }
    return p;
  }();
  return prepared;
}

// Sets the byte and article rates of a benchmark that went over the whole corpus once
// per iteration.
inline void SetCorpusRates(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.text_bytes));
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * c.articles.size()), benchmark::Counter::kIsRate);
}

// The peak resident memory of this process so far, in MB.
inline double PeakRssMb() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace annals::bench

#endif  // ANNALS_BENCH_BENCH_CORPUS_H_
