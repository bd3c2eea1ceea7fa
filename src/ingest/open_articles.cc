// OpenArticles: picks the reader for an input by its extension or first byte.
#include <cstdio>
#include <filesystem>

#include "annals/annals.h"
#include "ingest/html_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/text_reader.h"
#include "ingest/warc_reader.h"

namespace annals {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The format of a file without a known extension, by its first bytes: JSON Lines when
// the first non-blank byte opens an object, WARC when it starts "WARC/" or is gzip (the
// only compressed input read), HTML when it starts with '<' and names html or a
// doctype early on, else plain text.
InputFormat SniffFormat(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return InputFormat::kText;
  char buf[512];
  const size_t n = std::fread(buf, 1, sizeof buf, file);
  std::fclose(file);
  std::string_view head(buf, n);
  if (head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b') return InputFormat::kWarc;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const size_t first = head.find_first_not_of(" \n\r\t");
  if (first == std::string_view::npos) return InputFormat::kText;
  head.remove_prefix(first);
  if (head[0] == '{') return InputFormat::kJsonl;
  if (head.substr(0, 5) == "WARC/") return InputFormat::kWarc;
  if (head[0] == '<') {
    std::string lower(head);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (lower.find("<html") != std::string::npos || lower.find("<!doctype html") != std::string::npos)
      return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

}  // namespace

Result<std::unique_ptr<ArticleReader>> OpenArticles(const std::string& path, const ReaderOptions& options) {
  if (path == "-") return NewJsonlReader(stdin, "<stdin>", 0, options);
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return Status(ErrorCode::kIo, path + ": no such file");
  if (std::filesystem::is_directory(status))
    return Status(ErrorCode::kIo, path + ": is a folder; pass the files in it");
  InputFormat format = options.format;
  if (format == InputFormat::kAuto) {
    if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson") || EndsWith(path, ".json")) format = InputFormat::kJsonl;
    else if (EndsWith(path, ".txt")) format = InputFormat::kText;
    else if (EndsWith(path, ".html") || EndsWith(path, ".htm") || EndsWith(path, ".xhtml")) format = InputFormat::kHtml;
    else if (EndsWith(path, ".warc") || EndsWith(path, ".warc.gz")) format = InputFormat::kWarc;
    else format = SniffFormat(path);
  }
  if (format == InputFormat::kText) return NewTextReader(path, options);
  if (format == InputFormat::kHtml) return NewHtmlReader(path, options);
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return Status(ErrorCode::kIo, path + ": cannot open");
  const uint64_t size = std::filesystem::is_regular_file(status) ? std::filesystem::file_size(path, ec) : 0;
  if (format == InputFormat::kWarc) return NewWarcReader(file, path, ec ? 0 : size, options);
  return NewJsonlReader(file, path, ec ? 0 : size, options);
}

}  // namespace annals
