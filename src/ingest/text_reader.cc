#include "ingest/text_reader.h"

#include <cstdio>
#include <filesystem>

#include "ingest/article_fields.h"

namespace annals {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

class TextReader final : public ArticleReader {
 public:
  TextReader(std::string path, const ReaderOptions& options) : path_(std::move(path)), options_(options) {}

  bool Next(ReadItem* item) override {
    if (done_) return false;
    done_ = true;
    item->article.reset();
    std::error_code ec;
    const uint64_t size = std::filesystem::file_size(path_, ec);
    if (!ec && size > options_.max_article_bytes) {
      item->error = ErrorCode::kTooLarge;
      item->message = path_ + ": file is " + std::to_string(size) + " bytes, over the limit of " +
                      std::to_string(options_.max_article_bytes);
      bytes_ = size;
      return true;
    }
    std::FILE* file = std::fopen(path_.c_str(), "rb");
    if (!file) {
      item->error = ErrorCode::kIo;
      item->message = path_ + ": cannot open";
      return true;
    }
    std::string contents;
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, file)) > 0) {
      contents.append(buf, n);
      if (contents.size() > options_.max_article_bytes) break;
    }
    const bool failed = std::ferror(file);
    std::fclose(file);
    bytes_ = contents.size();
    if (failed) {
      item->error = ErrorCode::kIo;
      item->message = path_ + ": read error";
      return true;
    }
    if (contents.size() > options_.max_article_bytes) {
      item->error = ErrorCode::kTooLarge;
      item->message = path_ + ": file is over the limit of " + std::to_string(options_.max_article_bytes) + " bytes";
      return true;
    }
    FinishArticle(ArticleFromPlainText(std::move(contents), path_), path_, item);
    return true;
  }

  uint64_t BytesRead() const override { return bytes_; }

 private:
  std::string path_;
  ReaderOptions options_;
  bool done_ = false;
  uint64_t bytes_ = 0;
};

}  // namespace

Article ArticleFromPlainText(std::string contents, const std::string& path) {
  Article article;
  article.id = std::filesystem::path(path).stem().string();
  // The first non-blank line is the header line.
  size_t start = 0;
  while (start < contents.size()) {
    const size_t eol = contents.find('\n', start);
    if (Trim(std::string_view(contents).substr(start, eol - start)).empty() && eol != std::string::npos) {
      start = eol + 1;
      continue;
    }
    break;
  }
  const size_t eol = contents.find('\n', start);
  if (eol == std::string::npos) {  // a single line: all text, no title
    article.text = std::move(contents);
    return article;
  }
  std::string_view header = Trim(std::string_view(contents).substr(start, eol - start));
  if (header.substr(0, 5) == "date " ) {
    std::string_view rest = Trim(header.substr(5));
    const size_t space = rest.find(' ');
    if (auto date = NormaliseArticleDate(rest.substr(0, space))) {
      article.date = std::move(date);
      header = space == std::string_view::npos ? std::string_view() : Trim(rest.substr(space + 1));
    } else {
      article.warnings.push_back("first line starts with \"date\" but no YYYY-MM-DD date follows");
    }
  }
  if (!header.empty()) article.title.emplace(header);
  article.text = contents.substr(eol + 1);
  return article;
}

std::unique_ptr<ArticleReader> NewTextReader(std::string path, const ReaderOptions& options) {
  return std::make_unique<TextReader>(std::move(path), options);
}

}  // namespace annals
