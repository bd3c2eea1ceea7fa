#include "ingest/article_fields.h"

#include "core/civil_date.h"
#include "ingest/utf8_check.h"

namespace annals {

std::optional<std::string> NormaliseArticleDate(std::string_view raw) {
  while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) raw.remove_prefix(1);
  const std::optional<CivilDate> date = ParseIsoDate(raw);
  if (!date) return std::nullopt;
  return FormatIsoDate(*date);
}

bool FinishArticle(Article article, const std::string& where, ReadItem* item) {
  item->article.reset();
  if (const auto bad = FirstInvalidUtf8(article.text)) {
    item->error = ErrorCode::kInvalidUtf8;
    item->message = where + ": text is not valid UTF-8 at byte " + std::to_string(*bad) + " of the text";
    return false;
  }
  if (article.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    item->error = ErrorCode::kMissingText;
    item->message = where + ": text is empty";
    return false;
  }
  for (std::optional<std::string>* field : {&article.title, &article.url, &article.source}) {
    if (*field && FirstInvalidUtf8(**field)) {
      article.warnings.push_back("a metadata field is not valid UTF-8 and was dropped");
      field->reset();
    }
  }
  if (article.id.empty()) article.id = ArticleIdForText(article.text);
  article.origin = where;
  item->error = ErrorCode::kOk;
  item->message.clear();
  item->article = std::move(article);
  return true;
}

}  // namespace annals
