// The whole Pipeline on arbitrary bytes: Code() on an article whose text (and, after a
// first '\n' when byte 0 is odd, title) are the fuzzer's bytes, whose date comes from
// byte 1; then every output format. Every span lies inside its field; when the input is
// UTF-8, the JSON Lines output parses and names the article.
#include <memory>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "fuzz_common.h"

namespace {

const annals::Pipeline& ThePipeline() {
  static const std::unique_ptr<annals::Pipeline> pipeline = [] {
    annals::PipelineOptions options;
    options.data_dir = annals::fuzz::DataDir();
    auto loaded = annals::Pipeline::Load(options);
    annals::fuzz::Check(loaded.ok());
    return std::move(loaded).value();
  }();
  return *pipeline;
}

void CheckSpan(const annals::Span& span, const annals::Article& article) {
  const size_t size = span.field == annals::Field::kTitle ? (article.title ? article.title->size() : 0)
                                                          : article.text.size();
  annals::fuzz::Check(span.start <= span.end && span.end <= size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using annals::fuzz::Check;
  if (size < 2) return 0;
  annals::Article article;
  article.id = "fuzz";
  static const char* const kDates[] = {"2021-03-04", "1999-12-31", "2024-02-29", "0001-01-01", "9999-12-31"};
  if (data[1] % 6 < 5) article.date = kDates[data[1] % 6];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 2, size - 2);
  const size_t eol = bytes.find('\n');
  if ((data[0] & 1) && eol != std::string_view::npos) {
    article.title.emplace(bytes.substr(0, eol));
    bytes.remove_prefix(eol + 1);
  }
  article.text.assign(bytes);
  const annals::ArticleRecord record = ThePipeline().Code(article);
  Check(record.id == "fuzz");
  for (const annals::PlaceMention& p : record.places) CheckSpan(p.span, article);
  for (const annals::Quote& q : record.quotes) CheckSpan(q.span, article);
  for (const annals::Event& e : record.events) {
    Check(!e.evidence.empty());
    for (const annals::Span& s : e.evidence) CheckSpan(s, article);
    CheckSpan(e.trigger_span, article);
    for (const auto* side : {&e.source, &e.target})
      for (const annals::Actor& a : *side) CheckSpan(a.span, article);
  }
  std::string out;
  for (auto format : {annals::OutputFormat::kEvents, annals::OutputFormat::kCsv, annals::OutputFormat::kGeoJson}) {
    annals::RecordFormatter formatter(format);
    out = formatter.Begin();
    formatter.Append(record, &out);
    out += formatter.End();
  }
  out.clear();
  annals::RecordFormatter(annals::OutputFormat::kArticles).Append(record, &out);
  const bool utf8 = !annals::FirstInvalidUtf8(article.text).has_value() &&
                    !(article.title && annals::FirstInvalidUtf8(*article.title).has_value());
  if (utf8) {
    static simdjson::ondemand::parser parser;
    simdjson::padded_string json(out);
    simdjson::ondemand::document doc;
    Check(parser.iterate(json).get(doc) == simdjson::SUCCESS);
    std::string_view id;
    Check(doc["id"].get_string().get(id) == simdjson::SUCCESS && id == "fuzz");
  }
  return 0;
}
