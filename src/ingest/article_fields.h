// What the readers share: turning raw field values into a checked Article.
#ifndef ANNALS_INGEST_ARTICLE_FIELDS_H_
#define ANNALS_INGEST_ARTICLE_FIELDS_H_

#include <optional>
#include <string>
#include <string_view>

#include "annals/annals.h"

namespace annals {

// Normalises a publication date ("YYYY-MM-DD" or an ISO 8601 timestamp) to
// "YYYY-MM-DD". Returns nullopt for anything else.
std::optional<std::string> NormaliseArticleDate(std::string_view raw);

// Completes an article whose text has been read: checks that the text is UTF-8 and
// not blank, gives it an id when it has none. On failure fills `item` with the skip
// report (`where: reason`) and returns false; on success moves the article into it.
bool FinishArticle(Article article, const std::string& where, ReadItem* item);

}  // namespace annals

#endif  // ANNALS_INGEST_ARTICLE_FIELDS_H_
