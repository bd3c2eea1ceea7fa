// HTML reader on arbitrary bytes: gumbo, the charset decoding, the main-text finder, the
// title and date finders. The first byte picks the charset given from outside.
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "ingest/article_fields.h"
#include "ingest/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kCharsets[] = {"", "utf-8", "windows-1252", "iso-8859-1", "koi8-r", "bogus"};
  annals::HtmlOptions options;
  options.charset = kCharsets[data[0] % 6];
  options.max_bytes = 1u << 20;
  std::string_view html(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto page = annals::ReadHtmlPage(html, options);
  if (page.ok()) {
    const annals::HtmlPage& p = page.value();
    annals::fuzz::Check(!annals::FirstInvalidUtf8(p.text).has_value());
    if (p.title) annals::fuzz::Check(!annals::FirstInvalidUtf8(*p.title).has_value());
    if (p.date) annals::fuzz::Check(p.date->size() == 10);
  } else {
    annals::fuzz::Check(page.status().code() != annals::ErrorCode::kCorruptResource);
  }
  annals::Article article;
  if (annals::FillFromHtml(html, options, &article).ok()) {
    annals::ReadItem item;
    if (annals::FinishArticle(std::move(article), "fuzz.html", &item)) annals::fuzz::CheckArticle(*item.article);
  }
  return 0;
}
