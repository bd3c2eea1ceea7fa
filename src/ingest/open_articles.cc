// OpenArticles: picks the reader for an input by its extension or first byte.
#include <cstdio>
#include <filesystem>

#include "annals/annals.h"
#include "ingest/jsonl_reader.h"
#include "ingest/text_reader.h"

namespace annals {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// JSON Lines when the first non-blank byte opens an object.
bool LooksLikeJsonl(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return false;
  int c;
  while ((c = std::fgetc(file)) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {}
  std::fclose(file);
  return c == '{';
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
    else format = LooksLikeJsonl(path) ? InputFormat::kJsonl : InputFormat::kText;
  }
  if (format == InputFormat::kText) return NewTextReader(path, options);
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return Status(ErrorCode::kIo, path + ": cannot open");
  const uint64_t size = std::filesystem::is_regular_file(status) ? std::filesystem::file_size(path, ec) : 0;
  return NewJsonlReader(file, path, ec ? 0 : size, options);
}

}  // namespace annals
