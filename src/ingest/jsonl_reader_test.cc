#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace annals {
namespace {

namespace fs = std::filesystem;

// Writes test inputs into a fresh folder that is removed at the end of the test.
class JsonlReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("annals_ingest_jsonl_" + std::to_string(::getpid()) + "_" + info->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes `contents` to `name` and returns every item the reader yields for it.
  std::vector<ReadItem> ReadAll(const std::string& name, const std::string& contents,
                                uint64_t max_article_bytes = 64u << 20) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << contents;
    ReaderOptions options;
    options.max_article_bytes = max_article_bytes;
    auto reader = OpenArticles(path, options);
    EXPECT_TRUE(reader.ok()) << reader.status().message();
    std::vector<ReadItem> items;
    if (!reader.ok()) return items;
    ReadItem item;
    while (reader.value()->Next(&item)) items.push_back(item);
    EXPECT_EQ(reader.value()->BytesRead(), contents.size());
    EXPECT_EQ(reader.value()->SizeHint(), contents.size());
    return items;
  }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

// A file that opens with a UTF-8 byte-order mark loses no article; a mark later on is
// not JSON.
TEST_F(JsonlReaderTest, ByteOrderMarkOpeningTheFileIsSkipped) {
  const auto items = ReadAll("bom.jsonl",
                             "\xEF\xBB\xBF{\"id\":\"b1\",\"text\":\"Police marched.\"}\n"
                             "\xEF\xBB\xBF{\"id\":\"b2\",\"text\":\"Police marched.\"}\n");
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].article);
  EXPECT_EQ(items[0].article->id, "b1");
  EXPECT_EQ(items[0].article->text, "Police marched.");
  EXPECT_FALSE(items[1].article);
  EXPECT_EQ(items[1].error, ErrorCode::kInvalidJson);
}

TEST_F(JsonlReaderTest, ReadsKnownFieldsAndIgnoresUnknownOnes) {
  const auto items = ReadAll(
      "a.jsonl",
      R"({"id":"k1","text":"Police cleared the camp.","date":"2021-12-31","title":"Camp cleared",)"
      R"("url":"https://example.org/a","source":"Example News","language":"fr",)"
      R"("gold":{"type":"COERCE"},"tags":[1,2,{"x":null}],"score":0.5})"
      "\n");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].article);
  const Article& a = *items[0].article;
  EXPECT_EQ(a.id, "k1");
  EXPECT_EQ(a.text, "Police cleared the camp.");
  EXPECT_EQ(a.date, "2021-12-31");
  EXPECT_EQ(a.title, "Camp cleared");
  EXPECT_EQ(a.url, "https://example.org/a");
  EXPECT_EQ(a.source, "Example News");
  EXPECT_EQ(a.language, "fr");
  EXPECT_EQ(a.origin, Path("a.jsonl") + ":1");
  EXPECT_TRUE(a.warnings.empty());
  EXPECT_EQ(items[0].error, ErrorCode::kOk);
}

TEST_F(JsonlReaderTest, DecodesJsonEscapesInText) {
  const auto items = ReadAll("esc.jsonl", R"({"text":"Brian\u00e7on:\n\"calm\" \ud83d\ude00"})" "\n");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].article);
  EXPECT_EQ(items[0].article->text, "Briançon:\n\"calm\" \xF0\x9F\x98\x80");
}

TEST_F(JsonlReaderTest, IdAsNumberOrMissing) {
  const auto items = ReadAll("ids.jsonl",
                             R"({"id":42,"text":"One."})" "\n"
                             R"({"id":-7,"text":"Two."})" "\n"
                             R"({"id":4.5,"text":"B"})" "\n"
                             R"({"text":"Students marched."})" "\n");
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].article->id, "42");
  EXPECT_EQ(items[1].article->id, "-7");
  // Not an integer or string: the id of the text (FNV-1a 64 of "B").
  EXPECT_EQ(items[2].article->id, "af63ff4c86022805");
  EXPECT_EQ(items[3].article->id, "7abea7792a1cb3af");
  EXPECT_EQ(ArticleIdForText("Students marched."), "7abea7792a1cb3af");
}

TEST_F(JsonlReaderTest, Dates) {
  const auto items = ReadAll("dates.jsonl",
                             R"({"text":"a","date":null})" "\n"
                             R"({"text":"b","date":"2021-12-31T08:15:00+01:00"})" "\n"
                             R"({"text":"c","date":"2021-02-30"})" "\n"
                             R"({"text":"d","date":20211231})" "\n"
                             R"({"text":"e","date":"31/12/2021"})" "\n"
                             R"({"text":"f","date":" 2024-02-29"})" "\n");
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[0].article->date, std::nullopt);
  EXPECT_TRUE(items[0].article->warnings.empty());
  EXPECT_EQ(items[1].article->date, "2021-12-31");
  EXPECT_TRUE(items[1].article->warnings.empty());
  EXPECT_EQ(items[2].article->date, std::nullopt);
  EXPECT_EQ(items[2].article->warnings,
            (std::vector<std::string>{"field \"date\" is not a date (\"2021-02-30\"); ignored"}));
  EXPECT_EQ(items[3].article->date, std::nullopt);
  EXPECT_EQ(items[3].article->warnings, (std::vector<std::string>{"field \"date\" is not a string; ignored"}));
  EXPECT_EQ(items[4].article->warnings,
            (std::vector<std::string>{"field \"date\" is not a date (\"31/12/2021\"); ignored"}));
  EXPECT_EQ(items[5].article->date, "2024-02-29");
}

TEST_F(JsonlReaderTest, BadLinesAreReportedAndTheNextLineIsRead) {
  const std::string name = "bad.jsonl";
  const auto items = ReadAll(name,
                             R"({"id":"ok1","text":"First."})" "\n"
                             R"({"id":"broken","text":"no closing brace")" "\n"
                             "\n"
                             "   \t\n"
                             R"({"id":"nt","title":"No text here"})" "\n"
                             R"({"id":"num","text":12})" "\n"
                             R"([1,2,3])" "\n"
                             R"({"id":"blank","text":" \n\t "})" "\n"
                             R"({"id":"ok2","text":"Last."})" "\n");
  ASSERT_EQ(items.size(), 7u);  // the two blank lines yield nothing
  EXPECT_EQ(items[0].article->id, "ok1");
  EXPECT_FALSE(items[1].article);
  EXPECT_EQ(items[1].error, ErrorCode::kInvalidJson);
  EXPECT_EQ(items[1].message.rfind(Path(name) + ":2: not valid JSON (", 0), 0u) << items[1].message;
  EXPECT_EQ(items[2].error, ErrorCode::kMissingText);
  EXPECT_EQ(items[2].message, Path(name) + ":5: no \"text\" field");
  EXPECT_EQ(items[3].error, ErrorCode::kMissingText);
  EXPECT_EQ(items[3].message, Path(name) + ":6: field \"text\" is not a string");
  EXPECT_EQ(items[4].error, ErrorCode::kInvalidJson);
  EXPECT_EQ(items[4].message, Path(name) + ":7: the line is JSON but not an object");
  EXPECT_EQ(items[5].error, ErrorCode::kMissingText);
  EXPECT_EQ(items[5].message, Path(name) + ":8: text is empty");
  ASSERT_TRUE(items[6].article);
  EXPECT_EQ(items[6].article->id, "ok2");
  EXPECT_EQ(items[6].article->origin, Path(name) + ":9");
}

TEST_F(JsonlReaderTest, InvalidUtf8IsReportedWithItsByteOffset) {
  const std::string name = "utf8.jsonl";
  const auto items = ReadAll(name,
                             "{\"text\":\"caf\xE9 au lait\"}\n"      // Latin-1 é: byte 12 of the line
                             "{\"text\":\"ok \xC3\xA9\"}\n"          // UTF-8 é
                             "{\"text\":\"x\",\"title\":\"\xC0\xAF\"}\n");  // overlong, in the title
  ASSERT_EQ(items.size(), 3u);
  EXPECT_FALSE(items[0].article);
  EXPECT_EQ(items[0].error, ErrorCode::kInvalidUtf8);
  EXPECT_EQ(items[0].message, Path(name) + ":1: not valid UTF-8 at byte 12 of the line");
  ASSERT_TRUE(items[1].article);
  EXPECT_EQ(items[1].article->text, "ok é");
  EXPECT_FALSE(items[2].article);
  EXPECT_EQ(items[2].error, ErrorCode::kInvalidUtf8);
  EXPECT_EQ(items[2].message, Path(name) + ":3: not valid UTF-8 at byte 21 of the line");
}

TEST_F(JsonlReaderTest, CrlfLinesAndLastLineWithoutNewline) {
  const auto items = ReadAll("crlf.jsonl",
                             "{\"id\":\"a\",\"text\":\"One.\"}\r\n"
                             "\r\n"
                             "{\"id\":\"b\",\"text\":\"Two.\"}\r\n"
                             "{\"id\":\"c\",\"text\":\"Three.\"}");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].article->text, "One.");
  EXPECT_EQ(items[1].article->id, "b");
  EXPECT_EQ(items[1].article->origin, Path("crlf.jsonl") + ":3");
  EXPECT_EQ(items[2].article->id, "c");
  EXPECT_EQ(items[2].article->text, "Three.");
}

TEST_F(JsonlReaderTest, LineOverTheLimitIsSkippedAndTheNextLineRead) {
  const std::string big = R"({"id":"big","text":")" + std::string(300, 'x') + "\"}";
  const std::string name = "big.jsonl";
  const auto items = ReadAll(name,
                             R"({"id":"small","text":"Fits."})" "\n" + big + "\n" +
                                 R"({"id":"after","text":"Read after the long line."})" "\n",
                             100);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].article->id, "small");
  EXPECT_FALSE(items[1].article);
  EXPECT_EQ(items[1].error, ErrorCode::kTooLarge);
  EXPECT_EQ(items[1].message, Path(name) + ":2: line is longer than the limit of 100 bytes");
  ASSERT_TRUE(items[2].article);
  EXPECT_EQ(items[2].article->id, "after");
  EXPECT_EQ(items[2].article->origin, Path(name) + ":3");
}

TEST_F(JsonlReaderTest, LineLongerThanTheReadBufferIsKeptWhole) {
  // 3 MB of text: more than the reader's 1 MB buffer, under the default limit.
  const std::string text(3u << 20, 'a');
  const auto items = ReadAll("long.jsonl", R"({"text":")" + text + "\"}\n" + R"({"text":"next"})");
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].article);
  EXPECT_EQ(items[0].article->text.size(), text.size());
  EXPECT_EQ(items[1].article->text, "next");
}

TEST_F(JsonlReaderTest, EmptyFileYieldsNothing) {
  EXPECT_TRUE(ReadAll("empty.jsonl", "").empty());
  EXPECT_TRUE(ReadAll("blank.jsonl", "\n\n  \n").empty());
}

}  // namespace
}  // namespace annals
