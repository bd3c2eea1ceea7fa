#include "ingest/utf8_check.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(Utf8CheckTest, FirstInvalidUtf8FindsTheOffendingByte) {
  EXPECT_FALSE(FirstInvalidUtf8("Brian\xC3\xA7on, 30 tents").has_value());
  EXPECT_EQ(FirstInvalidUtf8("ab\xFFz"), 2u);
  EXPECT_EQ(FirstInvalidUtf8("ok \xC0\xAF"), 3u);          // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("x\xED\xA0\x80"), 1u);        // a surrogate
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);     // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("cut \xE2\x80"), 4u);         // a sequence cut short
}

TEST(Utf8CheckTest, ReplaceInvalidUtf8PutsOneReplacementPerBadByte) {
  EXPECT_EQ(ReplaceInvalidUtf8("Brian\xC3\xA7on"), "Brian\xC3\xA7on");
  EXPECT_EQ(ReplaceInvalidUtf8("ab\xFFz"), "ab\xEF\xBF\xBDz");
  EXPECT_EQ(ReplaceInvalidUtf8("\xC0\xAF!"), "\xEF\xBF\xBD\xEF\xBF\xBD!");
  EXPECT_EQ(ReplaceInvalidUtf8("end \xE2\x80"), "end \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ReplaceInvalidUtf8(""), "");
  EXPECT_FALSE(FirstInvalidUtf8(ReplaceInvalidUtf8("\x80\x81 \xF8\x88\x80\x80\x80 ok")).has_value());
}

}  // namespace
}  // namespace annals
