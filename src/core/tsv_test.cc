#include "core/tsv.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(SplitViewTest, KeepsEmptyParts) {
  EXPECT_EQ(SplitView("a,,b,", ','), (std::vector<std::string_view>{"a", "", "b", ""}));
  EXPECT_EQ(SplitView("", ','), (std::vector<std::string_view>{""}));
  EXPECT_EQ(SplitView("abc", ','), (std::vector<std::string_view>{"abc"}));
}

TEST(TsvTest, ParsesCommentsBlankLinesAndCrlf) {
  const std::string data =
      "# words.tsv: a test lexicon\r\n"
      "# columns: word, kind, note\r\n"
      "word\tkind\tnote\r\n"
      "\r\n"
      "march\tPROTEST\t\r\n"
      "# a comment between rows\n"
      "tear gas\tCOERCE\tweapon";
  auto table = ParseTsv(data, "words.tsv", 2);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table.value().header, (std::vector<std::string_view>{"word", "kind", "note"}));
  ASSERT_EQ(table.value().rows.size(), 2u);
  EXPECT_EQ(table.value().rows[0].fields, (std::vector<std::string_view>{"march", "PROTEST", ""}));
  EXPECT_EQ(table.value().rows[0].line, 5);
  EXPECT_EQ(table.value().rows[1].fields, (std::vector<std::string_view>{"tear gas", "COERCE", "weapon"}));
  EXPECT_EQ(table.value().rows[1].line, 7);
  EXPECT_EQ(table.value().Column("kind"), 1);
  EXPECT_EQ(table.value().Column("note"), 2);
  EXPECT_EQ(table.value().Column("missing"), -1);
}

TEST(TsvTest, RowWithTooFewFieldsNamesFileLineAndRow) {
  auto table = ParseTsv("# c\nword\tkind\tnote\n\nmarch\tPROTEST\tx\nriot\tPROTEST\n", "words.tsv", 3);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), ErrorCode::kCorruptResource);
  EXPECT_EQ(table.status().message(), "words.tsv:5: 2 fields, 3 needed: 'riot\tPROTEST'");
}

TEST(TsvTest, LongRowIsQuotedShortened) {
  const std::string row(200, 'x');
  auto table = ParseTsv("a\tb\n" + row + "\n", "t.tsv", 2);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().message(), "t.tsv:2: 1 fields, 2 needed: '" + std::string(80, 'x') + "'");
}

TEST(TsvTest, HeaderWithTooFewColumns) {
  auto table = ParseTsv("# c\nword\tkind\n", "words.tsv", 3);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), ErrorCode::kCorruptResource);
  EXPECT_EQ(table.status().message(), "words.tsv:2: the header has fewer than 3 columns");
}

TEST(TsvTest, NoHeaderAtAll) {
  for (std::string_view data : {"", "# only comments\n\n# and blank lines\n"}) {
    auto table = ParseTsv(data, "empty.tsv", 1);
    ASSERT_FALSE(table.ok());
    EXPECT_EQ(table.status().code(), ErrorCode::kCorruptResource);
    EXPECT_EQ(table.status().message(), "empty.tsv: no header line");
  }
}

}  // namespace
}  // namespace annals
