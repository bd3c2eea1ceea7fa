// Geocoding benchmarks: geoparsing alone over pre-analysed news text (the text stage is
// measured separately), the gazetteer's load time and resident memory, and absurd
// inputs (10,000 capitalised words, 5,000 city names, combining characters).
//
//   build-geo/bench/geo_bench [--benchmark_filter=...]
// The corpus is bbc2225.jsonl from the shared bench folder (ANNALS_BENCH_DATA overrides);
// without it the corpus benchmarks are skipped.
#include <benchmark/benchmark.h>
#include <simdjson.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/geocoder.h"
#include "text/analyzer.h"

namespace annals {
namespace {

// Resident memory of this process in MB (from /proc/self/statm).
double ResidentMb() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  long size = 0, resident = 0;
  if (std::fscanf(f, "%ld %ld", &size, &resident) != 2) resident = 0;
  std::fclose(f);
  return resident * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

struct Corpus {
  std::vector<std::string> titles, texts;
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
      std::string_view text, title;
      if (e["text"].get(text)) continue;
      if (e["title"].get(title)) title = {};
      c.texts.emplace_back(text);
      c.titles.emplace_back(title);
      c.bytes += text.size() + title.size();
    }
    return c;
  }();
  return corpus;
}

struct Stage {
  std::unique_ptr<text::Analyzer> analyzer;
  std::unique_ptr<geo::Geocoder> geocoder;
};

const Stage& S() {
  static Stage s = [] {
    Stage x;
    auto analyzer = text::Analyzer::Load(ANNALS_BENCH_RESOURCE_DIR);
    auto geocoder = geo::Geocoder::Load(ANNALS_BENCH_RESOURCE_DIR);
    if (!analyzer.ok() || !geocoder.ok()) {
      std::fprintf(stderr, "cannot load resources from %s\n", ANNALS_BENCH_RESOURCE_DIR);
      std::exit(1);
    }
    x.analyzer = std::move(analyzer).value();
    x.geocoder = std::move(geocoder).value();
    return x;
  }();
  return s;
}

// The corpus analysed once (tokens, sentences), so that geoparsing is timed alone.
struct Analysed {
  std::vector<text::Document> titles, bodies;
};

const Analysed& AnalysedCorpus() {
  static Analysed a = [] {
    Analysed x;
    const Corpus& c = LoadCorpus();
    x.titles.resize(c.texts.size());
    x.bodies.resize(c.texts.size());
    for (size_t i = 0; i < c.texts.size(); ++i) {
      S().analyzer->Analyse(c.titles[i], Field::kTitle, &x.titles[i]);
      S().analyzer->Analyse(c.texts[i], Field::kText, &x.bodies[i]);
    }
    return x;
  }();
  return a;
}

void BM_GazetteerLoad(benchmark::State& state) {
  const std::string path = std::string(ANNALS_BENCH_RESOURCE_DIR) + "/gazetteer.bin";
  const double before = ResidentMb();
  double after = 0;
  size_t size = 0;
  for (auto _ : state) {
    auto g = geo::Gazetteer::Load(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().message().c_str());
      return;
    }
    size = g.value()->file_size();
    after = ResidentMb();
    benchmark::DoNotOptimize(g.value()->place_count());
  }
  state.counters["file_mb"] = size / (1024.0 * 1024.0);
  state.counters["rss_growth_mb"] = after - before;
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMicrosecond);

void BM_GeocoderLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto g = geo::Geocoder::Load(ANNALS_BENCH_RESOURCE_DIR);
    benchmark::DoNotOptimize(g.ok());
  }
}
BENCHMARK(BM_GeocoderLoad)->Unit(benchmark::kMicrosecond);

void BM_Analyse(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  if (c.texts.empty()) {
    state.SkipWithError("no corpus (set ANNALS_BENCH_DATA)");
    return;
  }
  text::Document title, body;
  for (auto _ : state)
    for (size_t i = 0; i < c.texts.size(); ++i) {
      S().analyzer->Analyse(c.titles[i], Field::kTitle, &title);
      S().analyzer->Analyse(c.texts[i], Field::kText, &body);
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(BM_Analyse)->Unit(benchmark::kMillisecond);

void BM_Geoparse(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  if (c.texts.empty()) {
    state.SkipWithError("no corpus (set ANNALS_BENCH_DATA)");
    return;
  }
  const Analysed& a = AnalysedCorpus();
  static double first_before = ResidentMb();  // before the first pass of any run
  geo::GeoResult result;
  size_t places = 0;
  for (auto _ : state) {
    places = 0;
    for (size_t i = 0; i < a.bodies.size(); ++i) {
      S().geocoder->Geoparse(a.titles[i], a.bodies[i], &result);
      places += result.places.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["articles"] = static_cast<double>(a.bodies.size());
  state.counters["places"] = static_cast<double>(places);
  state.counters["rss_mb"] = ResidentMb();
  // What geoparsing added to the resident memory: the gazetteer pages it touched and
  // its scratch buffers (the corpus and its analysis were resident before).
  state.counters["rss_growth_mb"] = ResidentMb() - first_before;
}
BENCHMARK(BM_Geoparse)->Unit(benchmark::kMillisecond);

// Absurd inputs: analysis and geoparsing together, with their resident memory.
void RunAbsurd(benchmark::State& state, const std::string& text) {
  text::Document title, body;
  S().analyzer->Analyse("", Field::kTitle, &title);
  geo::GeoResult result;
  for (auto _ : state) {
    S().analyzer->Analyse(text, Field::kText, &body);
    S().geocoder->Geoparse(title, body, &result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["places"] = static_cast<double>(result.places.size());
  state.counters["rss_mb"] = ResidentMb();
}

void BM_Absurd10kCapitalisedWords(benchmark::State& state) {
  std::string text;
  const char* words[] = {"Alpha", "Paris", "Georgia", "Springfield", "Bravo", "Jordan", "Nice", "Zulu"};
  for (int i = 0; i < 10000; ++i) text += std::string(words[(i * 7) % 8]) + " ";
  RunAbsurd(state, text);
}
BENCHMARK(BM_Absurd10kCapitalisedWords)->Unit(benchmark::kMillisecond);

void BM_Absurd5kCityNames(benchmark::State& state) {
  // 5,000 distinct city names of the gazetteer, in a comma-separated list.
  const geo::Gazetteer& g = S().geocoder->gazetteer();
  std::string text;
  int added = 0;
  for (uint32_t i = 0; i < g.place_count() && added < 5000; i += 17) {
    const auto& p = g.place(i);
    if (p.type != geo::format::PlaceType::kCity) continue;
    text += std::string(g.Name(p)) + ", ";
    ++added;
  }
  RunAbsurd(state, text);
}
BENCHMARK(BM_Absurd5kCityNames)->Unit(benchmark::kMillisecond);

void BM_AbsurdCombiningCharacters(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Brianc\u0327on and Calai\u0301\u0301\u0301s in Fran\u0327ce. ";
  for (int i = 0; i < 5000; ++i) text += "\u0301";
  RunAbsurd(state, text);
}
BENCHMARK(BM_AbsurdCombiningCharacters)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals

BENCHMARK_MAIN();
