#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace annals::text {
namespace {

class TextSentenceSplitterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto abbreviations = Abbreviations::Load();
    ASSERT_TRUE(abbreviations.ok()) << abbreviations.status().message();
    abbreviations_ = std::move(abbreviations).value().release();
  }
  static void TearDownTestSuite() {
    delete abbreviations_;
    abbreviations_ = nullptr;
  }

  // The sentences of `text` as written.
  std::vector<std::string> Split(const std::string& text, Field field = Field::kText) {
    text_ = text;
    doc_.Clear(text_, field);
    Tokenize(*abbreviations_, &doc_);
    SplitSentences(*abbreviations_, &doc_);
    std::vector<std::string> out;
    for (const Sentence& s : doc_.sentences) out.emplace_back(doc_.SentenceText(s));
    return out;
  }
  std::string Dateline() { return std::string(doc_.SpanText(doc_.dateline_first, doc_.dateline_end)); }
  bool HasDateline() const { return doc_.dateline_end > doc_.dateline_first; }
  using V = std::vector<std::string>;

  static Abbreviations* abbreviations_;
  std::string text_;
  Document doc_;
};
Abbreviations* TextSentenceSplitterTest::abbreviations_ = nullptr;

TEST_F(TextSentenceSplitterTest, FinalPunctuation) {
  EXPECT_EQ(Split("Riot police moved in. Two cars burned! Who lit them? Nobody knows..."),
            (V{"Riot police moved in.", "Two cars burned!", "Who lit them?", "Nobody knows..."}));
  EXPECT_EQ(Split("The toll rose to 12. 15 more were hurt."), (V{"The toll rose to 12.", "15 more were hurt."}));
  EXPECT_EQ(Split("It rose 3.5 percent. Then it fell"), (V{"It rose 3.5 percent.", "Then it fell"}));
  EXPECT_EQ(Split("Visit example.com today."), (V{"Visit example.com today."}));
  EXPECT_EQ(Split("He paused... and went on."), (V{"He paused... and went on."}));
  EXPECT_EQ(Split(""), V{});
  EXPECT_EQ(Split("No final stop"), (V{"No final stop"}));
}

TEST_F(TextSentenceSplitterTest, SentenceIndexesAndFlags) {
  Split("One two. Three four.");
  ASSERT_EQ(doc_.sentences.size(), 2u);
  EXPECT_EQ(doc_.sentences[0].first_token, 0u);
  EXPECT_EQ(doc_.sentences[0].end_token, 3u);
  EXPECT_EQ(doc_.sentences[1].first_token, 3u);
  EXPECT_EQ(doc_.sentences[1].start, 9u);
  EXPECT_EQ(doc_.sentences[1].end, 20u);
  EXPECT_EQ(doc_.tokens[4].sentence, 1u);
  EXPECT_TRUE(doc_.tokens[3].Is(kSentenceStart));
  EXPECT_FALSE(doc_.tokens[4].Is(kSentenceStart));
}

TEST_F(TextSentenceSplitterTest, Abbreviations) {
  EXPECT_EQ(Split("Gen. Smith met St. Louis officials in the U.S. on Dec. 30. J. K. Rowling spoke."),
            (V{"Gen. Smith met St. Louis officials in the U.S. on Dec. 30.", "J. K. Rowling spoke."}));
  EXPECT_EQ(Split("Sanctions hit the U.S. The talks failed."), (V{"Sanctions hit the U.S.", "The talks failed."}));
  EXPECT_EQ(Split("It happened in Dec. But nobody cared."), (V{"It happened in Dec.", "But nobody cared."}));
  EXPECT_EQ(Split("He lives on Main St. The police came."), (V{"He lives on Main St.", "The police came."}));
  EXPECT_EQ(Split("Mr. Macron and Dr. Ruiz arrived at 5 p.m. on Friday."),
            (V{"Mr. Macron and Dr. Ruiz arrived at 5 p.m. on Friday."}));
  EXPECT_EQ(Split("He said the U.S. \"would act.\" Then he left."),
            (V{"He said the U.S. \"would act.\"", "Then he left."}));
  EXPECT_EQ(Split("Vitamin C. The pills were seized."), (V{"Vitamin C.", "The pills were seized."}));
  EXPECT_EQ(Split("Polls open Thurs. Dec. 30 at 8."), (V{"Polls open Thurs. Dec. 30 at 8."}));
}

TEST_F(TextSentenceSplitterTest, Quotations) {
  EXPECT_EQ(Split("“It was a scene of war.” Police said the clash lasted hours."),
            (V{"“It was a scene of war.”", "Police said the clash lasted hours."}));
  EXPECT_EQ(Split("'Stop.' he said. “Why?” she asked."), (V{"'Stop.' he said.", "“Why?” she asked."}));
  EXPECT_EQ(Split("“Leave now,” an officer shouted. They left."), (V{"“Leave now,” an officer shouted.", "They left."}));
  EXPECT_EQ(Split("He said: \"We will stay.\" The camp was cleared."),
            (V{"He said: \"We will stay.\"", "The camp was cleared."}));
  EXPECT_EQ(Split("(The march was banned.) It went ahead."), (V{"(The march was banned.)", "It went ahead."}));
}

TEST_F(TextSentenceSplitterTest, Paragraphs) {
  EXPECT_EQ(Split("Calais migrants clash with police\n\nThe clash began at dawn"),
            (V{"Calais migrants clash with police", "The clash began at dawn"}));
  EXPECT_EQ(doc_.sentences[1].paragraph, 1u);
  // A single line break inside a sentence (wrapped text) does not end it.
  EXPECT_EQ(Split("Police fired tear gas at the\ncrowd on Thursday."), (V{"Police fired tear gas at the\ncrowd on Thursday."}));
  // A heading in capitals does.
  EXPECT_EQ(Split("POLICE CLASH WITH MIGRANTS\nPolice clashed."), (V{"POLICE CLASH WITH MIGRANTS", "Police clashed."}));
  EXPECT_EQ(Split("Shares in IBM and\nHP fell."), (V{"Shares in IBM and\nHP fell."}));
}

TEST_F(TextSentenceSplitterTest, Datelines) {
  struct Case {
    const char* text;
    const char* dateline;
    const char* first_sentence;
  };
  const Case cases[] = {
      {"PARIS — Police clashed with migrants. Two were hurt.", "PARIS —", "Police clashed with migrants."},
      {"PARIS (AP) — Police clashed with migrants.", "PARIS (AP) —", "Police clashed with migrants."},
      {"WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON (Reuters) -", "The Senate voted."},
      {"ROSEBURG, Ore. (AP) — A gunman opened fire.", "ROSEBURG, Ore. (AP) —", "A gunman opened fire."},
      {"PARIS, THE CITY\nPolice clashed with migrants on Thursday.", "PARIS, THE CITY",
       "Police clashed with migrants on Thursday."},
      {"LONDON, Dec 30 (Reuters) - Shares fell.", "LONDON, Dec 30 (Reuters) -", "Shares fell."},
      {"Paris (AFP) - Police fired tear gas.", "Paris (AFP) -", "Police fired tear gas."},
      {"NEW YORK -- Stocks rose.", "NEW YORK --", "Stocks rose."},
      {"By Jane Doe\n\nBEIRUT, Lebanon (AP) — Protesters marched.", "BEIRUT, Lebanon (AP) —", "Protesters marched."},
      {"BUKAVU, Democratic Republic of Congo (Reuters) — Rebels took a town.",
       "BUKAVU, Democratic Republic of Congo (Reuters) —", "Rebels took a town."},
      {"MOSTAR, Bosnia and Herzegovina (AP) — Voters queued.", "MOSTAR, Bosnia and Herzegovina (AP) —",
       "Voters queued."},
  };
  for (const Case& c : cases) {
    const std::vector<std::string> sentences = Split(c.text);
    ASSERT_TRUE(HasDateline()) << c.text;
    EXPECT_EQ(Dateline(), c.dateline) << c.text;
    ASSERT_GE(sentences.size(), 2u) << c.text;
    // The dateline is a sentence of its own, followed by the first sentence.
    size_t k = 0;
    while (k < sentences.size() && sentences[k] != c.dateline) ++k;
    ASSERT_LT(k + 1, sentences.size()) << c.text;
    EXPECT_EQ(sentences[k + 1], c.first_sentence) << c.text;
    EXPECT_TRUE(doc_.tokens[doc_.dateline_first].Is(kDateline)) << c.text;
  }
}

TEST_F(TextSentenceSplitterTest, NotDatelines) {
  const char* texts[] = {
      "NATO — the alliance said it would act.",
      "POLICE CLASH WITH MIGRANTS\nPolice clashed.",
      "The UN said the talks would resume.",
      "Police (and soldiers) — all of them — left.",
      "Paris was calm on Thursday.",
      "Friends of Syria (and others) — a group — met.",
  };
  for (const char* text : texts) {
    Split(text);
    EXPECT_FALSE(HasDateline()) << text << " -> " << Dateline();
  }
  // Titles have no dateline.
  Split("PARIS — Police clash", Field::kTitle);
  EXPECT_FALSE(HasDateline());
}

TEST_F(TextSentenceSplitterTest, LongRunsAreBounded) {
  std::string junk;
  for (int k = 0; k < 1000; ++k) junk += "word ";
  const std::vector<std::string> sentences = Split(junk);
  ASSERT_EQ(sentences.size(), 4u);
  for (const Sentence& s : doc_.sentences) EXPECT_LE(s.size(), kMaxSentenceTokens);
}

}  // namespace
}  // namespace annals::text
