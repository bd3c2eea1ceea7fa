#ifndef ANNALS_INGEST_TEXT_READER_H_
#define ANNALS_INGEST_TEXT_READER_H_

#include <memory>
#include <string>

#include "annals/annals.h"

namespace annals {

// Splits a plain-text article into its parts. When the first non-blank line is
// `date YYYY-MM-DD headline`, the date and headline come from it; otherwise the first
// line is the title when more lines follow. `text` is everything after that line.
// `id` is the file name without folder and extension.
Article ArticleFromPlainText(std::string contents, const std::string& path);

// One article per file (`path`); the file is read whole, up to the size limit.
std::unique_ptr<ArticleReader> NewTextReader(std::string path, const ReaderOptions& options);

}  // namespace annals

#endif  // ANNALS_INGEST_TEXT_READER_H_
