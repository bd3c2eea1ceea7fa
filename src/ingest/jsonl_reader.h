#ifndef ANNALS_INGEST_JSONL_READER_H_
#define ANNALS_INGEST_JSONL_READER_H_

#include <cstdio>
#include <memory>
#include <string>

#include "annals/annals.h"

namespace annals {

// Reads JSON Lines: one object per line with `text` (required) and optionally `id`,
// `date`, `title`, `url`, `source`, `language`; a line without `text` but with `html`
// takes its text, and its title and date where absent, from that page (html_reader.h);
// other fields are ignored. Blank lines
// are skipped silently; a line that is not a JSON object, lacks a text or is too long
// becomes a skip report "name:line: reason". Takes ownership of `file` (not stdin).
std::unique_ptr<ArticleReader> NewJsonlReader(std::FILE* file, std::string name, uint64_t size_hint,
                                              const ReaderOptions& options);

}  // namespace annals

#endif  // ANNALS_INGEST_JSONL_READER_H_
