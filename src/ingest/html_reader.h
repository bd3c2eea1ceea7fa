// HTML pages: the headline, publication date and main text of a news web page.
#ifndef ANNALS_INGEST_HTML_READER_H_
#define ANNALS_INGEST_HTML_READER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/annals.h"

namespace annals {

// A page larger than this once its comments, scripts and styles are dropped is not
// parsed (kTooLarge): news pages hold well under 2 MB of markup, and the parse of a
// 50 MB page takes seconds and close to a gigabyte.
inline constexpr uint64_t kMaxHtmlBytes = 16u << 20;
// A page whose elements nest deeper than this (an estimate made before parsing) is not
// parsed (kTooLarge): the parser's time grows with the square of the depth.
inline constexpr int kMaxHtmlDepth = 2000;

struct HtmlOptions {
  // The page's character encoding when known from outside the page: an HTTP header's
  // charset, or "utf-8" for markup already held in a JSON string. Empty: the page's own
  // <meta charset> decides, else UTF-8 (windows-1252 when the bytes are not UTF-8).
  std::string charset;
  uint64_t max_bytes = kMaxHtmlBytes;
};

// What a page says about its article.
struct HtmlPage {
  std::string text;                   // the main text, paragraphs separated by blank lines
  std::optional<std::string> title;   // og:title and the like, JSON-LD headline, <title>, <h1>
  std::optional<std::string> date;    // YYYY-MM-DD: meta tags, JSON-LD datePublished, <time>
  std::vector<std::string> warnings;  // problems met and worked around (an unknown charset)
};

// Reads the article of a web page (see html_reader.cc for how the main text is found).
// Errors: kTooLarge (over options.max_bytes without comments, scripts and styles, or
// nested deeper than kMaxHtmlDepth), kMissingText (no main text found), kCorruptResource
// (the embedded data/ingest/html_hints.tsv is malformed: a build defect). The message
// states the reason without a location; callers prefix "where: ".
Result<HtmlPage> ReadHtmlPage(std::string_view html, const HtmlOptions& options = {});

// One article per HTML file (`path`): the id is the file name without folder and
// extension; the file is read whole, up to options.max_article_bytes.
std::unique_ptr<ArticleReader> NewHtmlReader(std::string path, const ReaderOptions& options);

// Fills `article` (text, and title and date where absent) from a page, for readers of
// containers that hold HTML (a JSON Lines `html` field, a WARC response). Returns the
// page's error, the article untouched, when the page cannot be read.
Status FillFromHtml(std::string_view html, const HtmlOptions& options, Article* article);

}  // namespace annals

#endif  // ANNALS_INGEST_HTML_READER_H_
