// WARC files: the HTML pages of a web crawl (Common Crawl's CC-NEWS and the like).
#ifndef ANNALS_INGEST_WARC_READER_H_
#define ANNALS_INGEST_WARC_READER_H_

#include <cstdio>
#include <memory>
#include <string>

#include "annals/annals.h"

namespace annals {

// Reads a WARC/1.0 or WARC/1.1 file, plain or gzip-compressed (one gzip member per
// record, as the standard recommends, or one member for the whole file). Each
// `response` record whose HTTP payload is an HTML page with status 2xx becomes an
// article: its main text, title and date from the page (html_reader.h), the date of
// the WARC-Date header when the page gives none, WARC-Target-URI as url and as id.
// Other records (requests, metadata, redirects, images) are passed over silently.
//
// A broken record is reported as "name:offset: reason" and reading goes on with the
// next record: a gzip member that is truncated or corrupt (reading resumes at the next
// gzip member), a Content-Length that does not end at a record boundary (reading
// resumes at the next "WARC/1." line after the header), a malformed header, a record
// over options.max_article_bytes. The offset is that of the record's gzip member in a
// compressed file, of the record itself in a plain one. Takes ownership of `file`,
// which should be seekable (resuming after a corrupt gzip member seeks back to it).
std::unique_ptr<ArticleReader> NewWarcReader(std::FILE* file, std::string name, uint64_t size_hint,
                                             const ReaderOptions& options);

}  // namespace annals

#endif  // ANNALS_INGEST_WARC_READER_H_
