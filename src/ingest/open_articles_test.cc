#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "annals/annals.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

class OpenArticlesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("annals_ingest_open_" + std::to_string(::getpid()) + "_" + info->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << contents;
    return path;
  }

  // The articles of `path` (skips fail the test).
  std::vector<Article> Articles(const std::string& path, InputFormat format = InputFormat::kAuto) {
    ReaderOptions options;
    options.format = format;
    auto reader = OpenArticles(path, options);
    EXPECT_TRUE(reader.ok()) << reader.status().message();
    std::vector<Article> articles;
    if (!reader.ok()) return articles;
    ReadItem item;
    while (reader.value()->Next(&item)) {
      EXPECT_TRUE(item.article) << item.message;
      if (item.article) articles.push_back(*item.article);
    }
    return articles;
  }

  fs::path dir_;
};

constexpr char kJsonl[] = "{\"id\":\"j1\",\"text\":\"First.\"}\n{\"id\":\"j2\",\"text\":\"Second.\"}\n";
constexpr char kText[] = "Dockers strike\nThe port closed.\n";

TEST_F(OpenArticlesTest, ChoosesTheReaderByExtension) {
  for (const char* name : {"a.jsonl", "a.ndjson", "a.json"}) {
    const auto articles = Articles(Write(name, kJsonl));
    ASSERT_EQ(articles.size(), 2u) << name;
    EXPECT_EQ(articles[1].id, "j2");
  }
  // A .txt file is plain text even when it looks like JSON.
  const auto text = Articles(Write("b.txt", kJsonl));
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(text[0].id, "b");
  EXPECT_EQ(text[0].title, "{\"id\":\"j1\",\"text\":\"First.\"}");
}

TEST_F(OpenArticlesTest, ChoosesTheReaderByFirstByteWithoutAKnownExtension) {
  const auto jsonl = Articles(Write("feed", "\n  \t" + std::string(kJsonl)));
  ASSERT_EQ(jsonl.size(), 2u);
  EXPECT_EQ(jsonl[0].id, "j1");
  const auto text = Articles(Write("notes.md", kText));
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(text[0].id, "notes");
  EXPECT_EQ(text[0].title, "Dockers strike");
  EXPECT_EQ(text[0].text, "The port closed.\n");
}

TEST_F(OpenArticlesTest, AnExplicitFormatWins) {
  const auto text = Articles(Write("c.jsonl", kText), InputFormat::kText);
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(text[0].title, "Dockers strike");
  const auto jsonl = Articles(Write("d.txt", kJsonl), InputFormat::kJsonl);
  ASSERT_EQ(jsonl.size(), 2u);
}

TEST_F(OpenArticlesTest, MissingFileIsAnIoError) {
  const std::string path = (dir_ / "nowhere.jsonl").string();
  auto reader = OpenArticles(path);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), ErrorCode::kIo);
  EXPECT_EQ(reader.status().message(), path + ": no such file");
}

TEST_F(OpenArticlesTest, FolderIsAnIoError) {
  auto reader = OpenArticles(dir_.string());
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), ErrorCode::kIo);
  EXPECT_EQ(reader.status().message(), dir_.string() + ": is a folder; pass the files in it");
}

}  // namespace
}  // namespace annals
