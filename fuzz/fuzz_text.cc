// Plain-text reader on arbitrary bytes: the header line, the date line, the UTF-8 check.
#include <string>

#include "fuzz_common.h"
#include "ingest/article_fields.h"
#include "ingest/text_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string contents(reinterpret_cast<const char*>(data), size);
  annals::Article article = annals::ArticleFromPlainText(std::move(contents), "folder/fuzz.txt");
  annals::fuzz::Check(article.id == "fuzz");
  annals::ReadItem item;
  if (annals::FinishArticle(std::move(article), "folder/fuzz.txt", &item)) {
    annals::fuzz::Check(item.article.has_value());
    annals::fuzz::CheckArticle(*item.article);
  } else {
    annals::fuzz::Check(!item.article.has_value() && item.error != annals::ErrorCode::kOk);
  }
  // The date normaliser on the same bytes.
  if (auto date = annals::NormaliseArticleDate(std::string_view(reinterpret_cast<const char*>(data), size)))
    annals::fuzz::Check(date->size() == 10);
  return 0;
}
