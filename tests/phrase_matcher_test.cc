// Tests of the extract stage's look-up structures that the throughput work changed:
// WordMap (the flat hash map behind PhraseMatcher's first-word index and the word classes)
// and PhraseMatcher's candidate order, on phrases and sentences written for them.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extract/phrase_matcher.h"
#include "text/analyzer.h"

namespace annals::extract {
namespace {

TEST(WordMapTest, FindsWhatWasInsertedAndNothingElse) {
  // Words around the 8-byte steps of the hash, and words that share their first 8 bytes.
  std::vector<std::string> words = {"",         "a",         "ab",        "police",    "protest",  "protests",
                                    "protester", "protesters", "demonstra", "demonstrator", "demonstrators",
                                    "x-ray",     "café",      "16-year-old"};
  for (int i = 0; i < 1000; ++i) words.push_back("word" + std::to_string(i));  // forces the map to grow
  WordMap map;
  for (size_t i = 0; i < words.size(); ++i) map[words[i]] = static_cast<uint32_t>(i + 7);
  EXPECT_EQ(map.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const uint32_t* value = map.Find(words[i]);
    ASSERT_NE(value, nullptr) << words[i];
    EXPECT_EQ(*value, i + 7) << words[i];
  }
  for (const char* absent : {"polic", "policed", "protestersx", "word1000", "Word1", "b", "demonstrat"})
    EXPECT_EQ(map.Find(absent), nullptr) << absent;
}

TEST(WordMapTest, OperatorBracketUpdatesInPlace) {
  WordMap map;
  EXPECT_EQ(map.Find("say"), nullptr);
  map["say"] |= 4;
  map["say"] |= 1;  // the same entry, not a second one
  map["tell"] = 2;
  EXPECT_EQ(map.size(), 2u);
  EXPECT_EQ(*map.Find("say"), 5u);
  EXPECT_EQ(*map.Find("tell"), 2u);
}

TEST(WordMapTest, EmptyMapFindsNothing) {
  const WordMap map;
  EXPECT_EQ(map.Find("anything"), nullptr);
  EXPECT_EQ(map.size(), 0u);
}

TEST(WordMapTest, HashTellsLengthsAndTailsApart) {
  EXPECT_NE(WordMap::Hash("a"), WordMap::Hash(std::string_view("a\0", 2)));
  EXPECT_NE(WordMap::Hash("protesters"), WordMap::Hash("protester"));
  EXPECT_NE(WordMap::Hash("abcdefgh"), WordMap::Hash("abcdefgi"));    // 8 bytes: two 4-byte loads
  EXPECT_NE(WordMap::Hash("abc"), WordMap::Hash("acc"));              // 3 bytes: first, middle, last
  EXPECT_NE(WordMap::Hash("abcdefghijklmnopq"), WordMap::Hash("abcdefghijklmnopr"));
}

TEST(WordMapTest, AnEmptyViewIsAWordToo) {
  std::vector<std::string> words;
  for (int i = 0; i < 100; ++i) words.push_back("w" + std::to_string(i));
  WordMap map;
  map[std::string_view()] = 3;
  for (const std::string& w : words) map[w];  // the map grows: the empty word must survive
  ASSERT_NE(map.Find(""), nullptr);
  EXPECT_EQ(*map.Find(""), 3u);
}

class PhraseMatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto analyzer = text::Analyzer::Load(ANNALS_TEST_RESOURCE_DIR);
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
    analyzer_ = std::move(analyzer).value().release();
  }
  void Analyse(const std::string& text) {
    text_ = text;
    analyzer_->Analyse(text_, Field::kText, &doc_);
  }
  static text::Analyzer* analyzer_;
  std::string text_;
  text::Document doc_;
};

text::Analyzer* PhraseMatcherTest::analyzer_ = nullptr;

TEST_F(PhraseMatcherTest, CandidatesComeByKeyThenLemmaInLexiconOrder) {
  PhraseMatcher matcher;
  matcher.Add("clash with", 0);
  matcher.Add("clashes", 1);        // by key
  matcher.Add("clash", 2);          // by lemma
  matcher.Add("clashes with", 3);
  matcher.Add("# clashes", 4);      // a number first
  matcher.Add("fire ... at", 5);
  Analyse("Two clashes with police were reported.");
  // Token 1 is "clashes" (lemma "clash").
  std::vector<PhraseMatcher::Match> out;
  matcher.MatchAt(doc_, 1, static_cast<uint32_t>(doc_.tokens.size()), &out);
  std::vector<uint32_t> values;
  for (const auto& m : out) values.push_back(m.value);
  EXPECT_EQ(values, (std::vector<uint32_t>{1, 3, 0, 2}));
  out.clear();
  matcher.MatchAt(doc_, 0, static_cast<uint32_t>(doc_.tokens.size()), &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].value, 4u);
  EXPECT_EQ(out[0].end, 2u);
  // FindAll keeps the preferred match at each start: "# clashes" from token 0, then
  // nothing starts at "with".
  out.clear();
  matcher.FindAll(doc_, 0, static_cast<uint32_t>(doc_.tokens.size()), &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].value, 4u);
}

TEST_F(PhraseMatcherTest, GapsAndMisses) {
  PhraseMatcher matcher;
  matcher.Add("fire ... at", 0);
  Analyse("Police fired rubber bullets at the crowd.");
  std::vector<PhraseMatcher::Match> out;
  matcher.FindAll(doc_, 0, static_cast<uint32_t>(doc_.tokens.size()), &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].first, 1u);
  EXPECT_EQ(out[0].end, 5u);
  EXPECT_EQ(out[0].words, 2u);
  Analyse("Nobody was there.");
  out.clear();
  matcher.FindAll(doc_, 0, static_cast<uint32_t>(doc_.tokens.size()), &out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace annals::extract
