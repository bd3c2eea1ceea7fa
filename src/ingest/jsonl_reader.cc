#include "ingest/jsonl_reader.h"

#include <simdjson.h>

#include "ingest/article_fields.h"
#include "ingest/html_reader.h"
#include "ingest/line_reader.h"
#include "ingest/utf8_check.h"

namespace annals {
namespace {

class JsonlReader final : public ArticleReader {
 public:
  JsonlReader(std::FILE* file, std::string name, uint64_t size_hint, const ReaderOptions& options)
      : lines_(file, options.max_article_bytes), name_(std::move(name)), size_hint_(size_hint),
        max_bytes_(options.max_article_bytes) {}

  bool Next(ReadItem* item) override {
    while (true) {
      switch (lines_.Next(&line_)) {
        case LineReader::Outcome::kEnd:
          return false;
        case LineReader::Outcome::kError:
          if (io_error_reported_) return false;
          io_error_reported_ = true;
          return Skip(item, ErrorCode::kIo, "read error after " + std::to_string(lines_.bytes_read()) + " bytes");
        case LineReader::Outcome::kTooLong:
          return Skip(item, ErrorCode::kTooLarge,
                      "line is longer than the limit of " + std::to_string(max_bytes_) + " bytes");
        case LineReader::Outcome::kLine:
          if (line_.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
          Parse(item);
          return true;
      }
    }
  }

  uint64_t BytesRead() const override { return lines_.bytes_read(); }
  uint64_t SizeHint() const override { return size_hint_; }

 private:
  std::string Where() const { return name_ + ":" + std::to_string(lines_.line_number()); }

  bool Skip(ReadItem* item, ErrorCode code, const std::string& reason) {
    item->article.reset();
    item->error = code;
    item->message = Where() + ": " + reason;
    return true;
  }

  void Parse(ReadItem* item) {
    // A byte-order mark that opens the file (editors on Windows write one) is not JSON.
    const size_t skip = lines_.line_number() == 1 && line_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    simdjson::dom::element root;
    const simdjson::error_code error = parser_.parse(line_.data() + skip, line_.size() - skip).get(root);
    if (error) {
      std::string reason = std::string("not valid JSON (") + simdjson::error_message(error) + ")";
      if (error == simdjson::UTF8_ERROR) {
        const auto bad = FirstInvalidUtf8(line_);
        reason = "not valid UTF-8 at byte " + std::to_string(bad.value_or(0)) + " of the line";
        Skip(item, ErrorCode::kInvalidUtf8, reason);
        return;
      }
      Skip(item, ErrorCode::kInvalidJson, reason);
      return;
    }
    simdjson::dom::object object;
    if (root.get_object().get(object)) {
      Skip(item, ErrorCode::kInvalidJson, "the line is JSON but not an object");
      return;
    }
    Article article;
    bool has_text = false;
    std::optional<std::string_view> html;  // the `html` field, read when there is no text
    for (auto [key, value] : object) {
      if (key == "text") {
        std::string_view text;
        if (value.get_string().get(text)) {
          Skip(item, ErrorCode::kMissingText, "field \"text\" is not a string");
          return;
        }
        article.text.assign(text);
        has_text = true;
      } else if (key == "id") {
        std::string_view s;
        int64_t n;
        if (!value.get_string().get(s)) article.id.assign(s);
        else if (!value.get_int64().get(n)) article.id = std::to_string(n);
      } else if (key == "date") {
        std::string_view s;
        if (value.is_null()) continue;
        if (value.get_string().get(s)) {
          article.warnings.push_back("field \"date\" is not a string; ignored");
        } else if (auto date = NormaliseArticleDate(s)) {
          article.date = std::move(date);
        } else {
          article.warnings.push_back("field \"date\" is not a date (\"" + std::string(s.substr(0, 40)) +
                                     "\"); ignored");
        }
      } else if (key == "html") {
        std::string_view s;
        if (!value.get_string().get(s)) html = s;
      } else if (key == "title" || key == "url" || key == "source" || key == "language") {
        std::string_view s;
        if (value.get_string().get(s)) continue;  // null or another type: treated as absent
        if (key == "title") article.title.emplace(s);
        else if (key == "url") article.url.emplace(s);
        else if (key == "source") article.source.emplace(s);
        else if (!s.empty()) article.language.assign(s);
      }
    }
    if (!has_text && html) {  // a web page: its main text, and its title and date where absent
      const Status status = FillFromHtml(*html, HtmlOptions{"utf-8"}, &article);
      if (!status.ok()) {
        Skip(item, status.code(), "field \"html\": " + status.message());
        return;
      }
      has_text = true;
    }
    if (!has_text) {
      Skip(item, ErrorCode::kMissingText, "no \"text\" field");
      return;
    }
    FinishArticle(std::move(article), Where(), item);
  }

  LineReader lines_;
  std::string name_;
  uint64_t size_hint_;
  uint64_t max_bytes_;
  std::string line_;
  simdjson::dom::parser parser_;
  bool io_error_reported_ = false;
};

}  // namespace

std::unique_ptr<ArticleReader> NewJsonlReader(std::FILE* file, std::string name, uint64_t size_hint,
                                              const ReaderOptions& options) {
  return std::make_unique<JsonlReader>(file, std::move(name), size_hint, options);
}

}  // namespace annals
