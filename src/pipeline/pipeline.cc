// Pipeline: the one path from Article to ArticleRecord that every front end uses.
#include <cstdlib>

#include "annals/annals.h"
#include "code/event_coder.h"
#include "geo/geocoder.h"
#include "text/analyzer.h"

#ifndef ANNALS_DEFAULT_DATA_DIR
#define ANNALS_DEFAULT_DATA_DIR "data"
#endif

namespace annals {

struct Pipeline::Impl {
  std::unique_ptr<text::Analyzer> analyzer;
  std::unique_ptr<geo::Geocoder> geocoder;
  std::unique_ptr<code::EventCoder> coder;
};

namespace {

// Per-thread buffers, reused from article to article so that coding allocates little.
struct Scratch {
  text::Document title;
  text::Document body;
  geo::GeoResult places;
};

std::string ResolveDataDir(const PipelineOptions& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  if (const char* env = std::getenv("ANNALS_DATA"); env && *env) return env;
  return ANNALS_DEFAULT_DATA_DIR;
}

}  // namespace

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Load(const PipelineOptions& options) {
  const std::string data_dir = ResolveDataDir(options);
  auto impl = std::make_unique<Impl>();
  auto analyzer = text::Analyzer::Load(data_dir);
  if (!analyzer.ok()) return analyzer.status();
  impl->analyzer = std::move(analyzer).value();
  auto geocoder = geo::Geocoder::Load(data_dir);
  if (!geocoder.ok()) return geocoder.status();
  impl->geocoder = std::move(geocoder).value();
  auto coder = code::EventCoder::Load(data_dir, options, impl->geocoder.get(), &impl->analyzer->lemmatizer());
  if (!coder.ok()) return coder.status();
  impl->coder = std::move(coder).value();
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

ArticleRecord Pipeline::Code(const Article& article) const {
  thread_local Scratch scratch;
  ArticleRecord record;
  record.id = article.id;
  record.date = article.date;
  record.title = article.title;
  record.url = article.url;
  record.source = article.source;
  record.language = article.language;
  record.warnings = article.warnings;
  if (article.language != "en" && article.language.substr(0, 3) != "en-")
    record.warnings.push_back("language '" + article.language + "' is not English; coded with English rules");

  // Step 1: text.
  impl_->analyzer->Analyse(article.title ? std::string_view(*article.title) : std::string_view(), Field::kTitle,
                           &scratch.title);
  impl_->analyzer->Analyse(article.text, Field::kText, &scratch.body);
  // Step 2: places.
  impl_->geocoder->Geoparse(scratch.title, scratch.body, &scratch.places);
  record.dateline = scratch.places.dateline;
  if (!record.dateline && scratch.body.dateline_end > scratch.body.dateline_first) {
    // The dateline's place part: up to the first comma, bracket or dash.
    uint32_t end = scratch.body.dateline_first;
    while (end < scratch.body.dateline_end && scratch.body.tokens[end].Is(text::kWord)) ++end;
    if (end > scratch.body.dateline_first)
      record.dateline = std::string(scratch.body.SpanText(scratch.body.dateline_first, end));
  }
  record.places.reserve(scratch.places.places.size());
  for (const geo::FoundPlace& place : scratch.places.places) record.places.push_back(place.mention);
  // Step 3 and 4: phrases and events.
  impl_->coder->Code(article, scratch.title, scratch.body, scratch.places, &record);
  return record;
}

double Pipeline::min_confidence() const { return impl_->coder->min_confidence(); }

}  // namespace annals
