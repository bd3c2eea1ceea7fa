#include "ingest/text_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace annals {
namespace {

namespace fs = std::filesystem;

TEST(ArticleFromPlainTextTest, DateHeadlineLineWithLeadingSpace) {
  const Article a = ArticleFromPlainText(" date 2021-12-31 Police clear a camp in Lyon\nBody one.\nBody two.\n",
                                         "/some/folder/lyon_camp.txt");
  EXPECT_EQ(a.id, "lyon_camp");
  EXPECT_EQ(a.date, "2021-12-31");
  EXPECT_EQ(a.title, "Police clear a camp in Lyon");
  EXPECT_EQ(a.text, "Body one.\nBody two.\n");
  EXPECT_TRUE(a.warnings.empty());
}

TEST(ArticleFromPlainTextTest, BlankLinesBeforeTheHeaderAndCrlf) {
  const Article a = ArticleFromPlainText("\n  \r\ndate 2022-03-04   Headline here  \r\nBody.\r\n", "x.txt");
  EXPECT_EQ(a.date, "2022-03-04");
  EXPECT_EQ(a.title, "Headline here");
  EXPECT_EQ(a.text, "Body.\r\n");
}

TEST(ArticleFromPlainTextTest, DateWithoutHeadline) {
  const Article a = ArticleFromPlainText("date 2022-03-04\nBody.", "x.txt");
  EXPECT_EQ(a.date, "2022-03-04");
  EXPECT_EQ(a.title, std::nullopt);
  EXPECT_EQ(a.text, "Body.");
}

TEST(ArticleFromPlainTextTest, PlainFirstLineIsTheTitle) {
  const Article a = ArticleFromPlainText("Dockers walk out in Antwerp\nThe strike began at dawn.\n", "dock.txt");
  EXPECT_EQ(a.id, "dock");
  EXPECT_EQ(a.date, std::nullopt);
  EXPECT_EQ(a.title, "Dockers walk out in Antwerp");
  EXPECT_EQ(a.text, "The strike began at dawn.\n");
  EXPECT_TRUE(a.warnings.empty());
}

TEST(ArticleFromPlainTextTest, BadDateKeepsTheLineAsTitleWithAWarning) {
  const Article a = ArticleFromPlainText("date 2021-02-30 Headline\nBody.", "x.txt");
  EXPECT_EQ(a.date, std::nullopt);
  EXPECT_EQ(a.title, "date 2021-02-30 Headline");
  EXPECT_EQ(a.warnings,
            (std::vector<std::string>{"first line starts with \"date\" but no YYYY-MM-DD date follows"}));
}

TEST(ArticleFromPlainTextTest, SingleLineIsAllText) {
  const Article a = ArticleFromPlainText("Only one line, no newline.", "one.txt");
  EXPECT_EQ(a.title, std::nullopt);
  EXPECT_EQ(a.date, std::nullopt);
  EXPECT_EQ(a.text, "Only one line, no newline.");
}

class TextReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("annals_ingest_text_" + std::to_string(::getpid()) + "_" + info->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << contents;
    return path;
  }

  std::vector<ReadItem> ReadAll(const std::string& path, uint64_t max_article_bytes = 64u << 20) {
    ReaderOptions options;
    options.max_article_bytes = max_article_bytes;
    auto reader = OpenArticles(path, options);
    EXPECT_TRUE(reader.ok()) << reader.status().message();
    std::vector<ReadItem> items;
    if (!reader.ok()) return items;
    ReadItem item;
    while (reader.value()->Next(&item)) items.push_back(item);
    return items;
  }

  fs::path dir_;
};

TEST_F(TextReaderTest, OneArticlePerFile) {
  const std::string contents = "date 2023-05-18 Nurses strike in Porto\nNurses walked out on Wednesday.\n";
  const std::string path = Write("porto.txt", contents);
  ReaderOptions options;
  auto reader = OpenArticles(path, options);
  ASSERT_TRUE(reader.ok());
  ReadItem item;
  ASSERT_TRUE(reader.value()->Next(&item));
  ASSERT_TRUE(item.article);
  EXPECT_EQ(item.article->id, "porto");
  EXPECT_EQ(item.article->date, "2023-05-18");
  EXPECT_EQ(item.article->title, "Nurses strike in Porto");
  EXPECT_EQ(item.article->text, "Nurses walked out on Wednesday.\n");
  EXPECT_EQ(item.article->origin, path);
  EXPECT_EQ(reader.value()->BytesRead(), contents.size());
  EXPECT_FALSE(reader.value()->Next(&item));
}

TEST_F(TextReaderTest, EmptyFileIsSkippedAsMissingText) {
  const std::string path = Write("empty.txt", "");
  const auto items = ReadAll(path);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_FALSE(items[0].article);
  EXPECT_EQ(items[0].error, ErrorCode::kMissingText);
  EXPECT_EQ(items[0].message, path + ": text is empty");
}

TEST_F(TextReaderTest, InvalidUtf8IsSkippedWithItsOffsetInTheText) {
  const std::string path = Write("latin1.txt", "date 2021-12-31 Title\nCaf\xE9 owners protest.\n");
  const auto items = ReadAll(path);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, ErrorCode::kInvalidUtf8);
  EXPECT_EQ(items[0].message, path + ": text is not valid UTF-8 at byte 3 of the text");
}

TEST_F(TextReaderTest, FileOverTheLimitIsSkipped) {
  const std::string path = Write("big.txt", "Title\n" + std::string(500, 'x'));
  const auto items = ReadAll(path, 100);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_FALSE(items[0].article);
  EXPECT_EQ(items[0].error, ErrorCode::kTooLarge);
  EXPECT_EQ(items[0].message, path + ": file is 506 bytes, over the limit of 100");
}

}  // namespace
}  // namespace annals
