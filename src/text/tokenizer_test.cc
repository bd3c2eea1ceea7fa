#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace annals::text {
namespace {

class TextTokenizerTest : public ::testing::Test {
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

  void Run(const std::string& text) {
    text_ = text;
    doc_.Clear(text_, Field::kText);
    Tokenize(*abbreviations_, &doc_);
  }
  // Surfaces of the tokens of `text`.
  std::vector<std::string> Surfaces(const std::string& text) {
    Run(text);
    std::vector<std::string> out;
    for (const Token& t : doc_.tokens) out.emplace_back(doc_.Surface(t));
    return out;
  }
  std::vector<std::string> Keys(const std::string& text) {
    Run(text);
    std::vector<std::string> out;
    for (const Token& t : doc_.tokens) out.emplace_back(doc_.Key(t));
    return out;
  }
  using V = std::vector<std::string>;

  static Abbreviations* abbreviations_;
  std::string text_;
  Document doc_;
};
Abbreviations* TextTokenizerTest::abbreviations_ = nullptr;

TEST_F(TextTokenizerTest, WordsPunctuationAndOffsets) {
  EXPECT_EQ(Surfaces("Police fired tear gas."), (V{"Police", "fired", "tear", "gas", "."}));
  ASSERT_EQ(doc_.tokens.size(), 5u);
  EXPECT_EQ(doc_.tokens[1].start, 7u);
  EXPECT_EQ(doc_.tokens[1].end, 12u);
  EXPECT_EQ(doc_.tokens[4].start, 21u);
  EXPECT_TRUE(doc_.tokens[0].Is(kWord));
  EXPECT_TRUE(doc_.tokens[0].Is(kCapitalized));
  EXPECT_FALSE(doc_.tokens[0].Is(kAllCaps));
  EXPECT_FALSE(doc_.tokens[0].Is(kSpaceBefore));
  EXPECT_TRUE(doc_.tokens[1].Is(kSpaceBefore));
  EXPECT_FALSE(doc_.tokens[4].Is(kSpaceBefore));
  EXPECT_TRUE(doc_.tokens[4].Is(kPunct));
  EXPECT_EQ(Keys("The CRS and Gendarmes"), (V{"the", "crs", "and", "gendarmes"}));
  EXPECT_TRUE(doc_.tokens[1].Is(kAllCaps));
  EXPECT_EQ(Surfaces(""), V{});
  EXPECT_EQ(Surfaces("   \n\t "), V{});
}

TEST_F(TextTokenizerTest, LayoutFlags) {
  Run("One.\nTwo.\n\nThree.\n   Four.");
  ASSERT_EQ(doc_.tokens.size(), 8u);
  EXPECT_TRUE(doc_.tokens[2].Is(kNewlineBefore));
  EXPECT_FALSE(doc_.tokens[2].Is(kParagraphBefore));
  EXPECT_TRUE(doc_.tokens[4].Is(kParagraphBefore));  // blank line
  EXPECT_TRUE(doc_.tokens[6].Is(kParagraphBefore));  // indented line
  Run("A\r\n\r\nB");
  ASSERT_EQ(doc_.tokens.size(), 2u);
  EXPECT_TRUE(doc_.tokens[1].Is(kParagraphBefore));
}

TEST_F(TextTokenizerTest, Abbreviations) {
  EXPECT_EQ(Surfaces("On Dec. 30 the U.S. Army and Gen. Smith met at St. Paul's."),
            (V{"On", "Dec.", "30", "the", "U.S.", "Army", "and", "Gen.", "Smith", "met", "at", "St.", "Paul", "'s",
               "."}));
  EXPECT_TRUE(doc_.tokens[1].Is(kAbbreviation));
  EXPECT_EQ(doc_.Key(1), "dec.");
  EXPECT_EQ(doc_.Key(4), "u.s.");
  EXPECT_EQ(Surfaces("J. K. Rowling wrote it."), (V{"J.", "K.", "Rowling", "wrote", "it", "."}));
  EXPECT_TRUE(doc_.tokens[0].Is(kAbbreviation));
  EXPECT_EQ(Surfaces("e.g. at 5 p.m. in the U.S.A. today"),
            (V{"e.g.", "at", "5", "p.m.", "in", "the", "U.S.A.", "today"}));
  // Not abbreviations: a lower-case word, a word in the lexicon only when it ends so.
  EXPECT_EQ(Surfaces("They left. Gen"), (V{"They", "left", ".", "Gen"}));
  EXPECT_EQ(Surfaces("the UN. Then"), (V{"the", "UN", ".", "Then"}));
  EXPECT_EQ(Surfaces("ROSEBURG, Ore. (AP)"), (V{"ROSEBURG", ",", "Ore.", "(", "AP", ")"}));
  // Long or non-ASCII words are never looked up, and nothing breaks.
  EXPECT_EQ(Surfaces("Internationalisationally. Étc."), (V{"Internationalisationally", ".", "Étc", "."}));
}

TEST_F(TextTokenizerTest, Clitics) {
  EXPECT_EQ(Surfaces("Police don't know; they can't, won't and isn't."),
            (V{"Police", "do", "n't", "know", ";", "they", "ca", "n't", ",", "wo", "n't", "and", "is", "n't", "."}));
  EXPECT_EQ(Keys("It's the mayor's; we're, I'm, they've, you'll, he'd"),
            (V{"it", "'s", "the", "mayor", "'s", ";", "we", "'re", ",", "i", "'m", ",", "they", "'ve", ",", "you",
               "'ll", ",", "he", "'d"}));
  // Typographic apostrophes: the same tokens, ASCII keys.
  EXPECT_EQ(Keys("Macron’s aides don’t"), (V{"macron", "'s", "aides", "do", "n't"}));
  EXPECT_EQ(Surfaces("Macron’s aides don’t"), (V{"Macron", "’s", "aides", "do", "n’t"}));
  // Names with apostrophes stay whole.
  EXPECT_EQ(Surfaces("O'Brien in Côte d'Ivoire"), (V{"O'Brien", "in", "Côte", "d'Ivoire"}));
  EXPECT_EQ(Keys("O'Brien in Côte d'Ivoire"), (V{"o'brien", "in", "cote", "d'ivoire"}));
  // A plural possessive and quoted words.
  EXPECT_EQ(Surfaces("the protesters' camp"), (V{"the", "protesters", "'", "camp"}));
  EXPECT_EQ(Surfaces("the 1990's and '90s"), (V{"the", "1990", "'s", "and", "'", "90s"}));
}

TEST_F(TextTokenizerTest, Hyphens) {
  EXPECT_EQ(Surfaces("Pas-de-Calais, twenty-five anti-government COVID-19 F-16s"),
            (V{"Pas-de-Calais", ",", "twenty-five", "anti-government", "COVID-19", "F-16s"}));
  EXPECT_TRUE(doc_.tokens[0].Is(kHyphenated));
  EXPECT_EQ(Surfaces("pro- and anti-war; well--known"), (V{"pro", "-", "and", "anti-war", ";", "well", "--", "known"}));
  // Non-breaking hyphen U+2011 keeps the word, with an ASCII key.
  EXPECT_EQ(Keys("Pas\u2011de\u2011Calais"), (V{"pas-de-calais"}));
}

TEST_F(TextTokenizerTest, Numbers) {
  EXPECT_EQ(Surfaces("1,200 people, 3.5 million, at 10:30, in 2019,2020 and 1,20."),
            (V{"1,200", "people", ",", "3.5", "million", ",", "at", "10:30", ",", "in", "2019", ",", "2020", "and",
               "1", ",", "20", "."}));
  EXPECT_TRUE(doc_.tokens[0].Is(kNumeric));
  EXPECT_EQ(Surfaces("Profits rose 76% to $1.13bn (£600m) on 2021-12-31."),
            (V{"Profits", "rose", "76", "%", "to", "$", "1.13bn", "(", "£", "600m", ")", "on", "2021-12-31", "."}));
  EXPECT_EQ(Surfaces("It was 1,200."), (V{"It", "was", "1,200", "."}));
  EXPECT_EQ(Surfaces("the 9th and 12,345,678th"), (V{"the", "9th", "and", "12,345,678th"}));
  EXPECT_EQ(Surfaces("No. 10"), (V{"No.", "10"}));
}

TEST_F(TextTokenizerTest, TypographicQuotesAndDashes) {
  EXPECT_EQ(Keys("“a scene of war.” — ‘Stop’ … «non»"),
            (V{"\"", "a", "scene", "of", "war", ".", "\"", "--", "'", "stop", "'", "...", "\"", "non", "\""}));
  EXPECT_TRUE(doc_.tokens[0].Is(kOpenQuote));
  EXPECT_TRUE(doc_.tokens[6].Is(kCloseQuote));
  EXPECT_TRUE(doc_.tokens[8].Is(kOpenQuote));
  EXPECT_TRUE(doc_.tokens[10].Is(kCloseQuote));
  EXPECT_EQ(Keys("PARIS – Police"), (V{"paris", "--", "police"}));
  // Straight quotes: opening after space, start or a bracket; closing after a word.
  Run("He said \"stop\" and (\"go\").");
  ASSERT_EQ(doc_.tokens.size(), 12u);
  EXPECT_TRUE(doc_.tokens[2].Is(kOpenQuote));
  EXPECT_TRUE(doc_.tokens[4].Is(kCloseQuote));
  EXPECT_TRUE(doc_.tokens[7].Is(kOpenQuote));
  EXPECT_TRUE(doc_.tokens[9].Is(kCloseQuote));
  Run("'Stop.' he said");
  ASSERT_EQ(doc_.tokens.size(), 6u);
  EXPECT_TRUE(doc_.tokens[0].Is(kOpenQuote));
  EXPECT_TRUE(doc_.tokens[3].Is(kCloseQuote));
}

TEST_F(TextTokenizerTest, UnicodeSpacesAccentsAndFormatCharacters) {
  // No-break spaces separate; keys fold accents and case.
  EXPECT_EQ(Surfaces("15\u00a0000 in\u202fBriançon"), (V{"15", "000", "in", "Briançon"}));
  EXPECT_EQ(Keys("ÉCOLE Briançon São"), (V{"ecole", "briancon", "sao"}));
  // Letters that are no base letter with a mark fold as English news writes them.
  EXPECT_EQ(Keys("Diyarbakır Łódź Tromsø Đà Þingvellir Ærø"),
            (V{"diyarbakir", "lodz", "tromso", "da", "thingvellir", "aero"}));
  Run("ÉCOLE Briançon");
  EXPECT_TRUE(doc_.tokens[0].Is(kAllCaps));
  EXPECT_TRUE(doc_.tokens[0].Is(kCapitalized));
  EXPECT_TRUE(doc_.tokens[0].Is(kNonAscii));
  EXPECT_TRUE(doc_.tokens[1].Is(kNonAscii));
  // A soft hyphen inside a word stays in the span, not in the key.
  EXPECT_EQ(Surfaces("protest\u00adors"), (V{"protest\u00adors"}));
  EXPECT_EQ(Keys("protest\u00adors"), (V{"protestors"}));
  // A zero-width space and a byte-order mark separate words.
  EXPECT_EQ(Surfaces("\ufeffone\u200btwo"), (V{"one", "two"}));
  // Combining marks belong to their letter.
  EXPECT_EQ(Keys("cafe\u0301 CAFE\u0301"), (V{"cafe", "cafe"}));
  // Other scripts are words.
  EXPECT_EQ(Surfaces("北京 Москва"), (V{"北京", "Москва"}));
  EXPECT_EQ(Keys("Москва"), (V{"москва"}));
}

TEST_F(TextTokenizerTest, InvalidBytesNeverCrash) {
  // Invalid bytes each become a punctuation token; valid text around them is intact.
  EXPECT_EQ(Surfaces("ab\xff\xfe" "cd \xc3"), (V{"ab", "\xff", "\xfe", "cd", "\xc3"}));
  EXPECT_TRUE(doc_.tokens[1].Is(kPunct));
  EXPECT_EQ(Surfaces(std::string("a\0b", 3)), (V{"a", "b"}));
  // Surrogates and overlong forms.
  EXPECT_EQ(Surfaces("x\xed\xa0\x80y \xc0\xafz").size(), 8u);
  // Random bytes: spans tile the input in order, keys stay in the arena.
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::string junk(static_cast<size_t>(rng() % 300), '\0');
    for (char& c : junk) c = static_cast<char>(rng() % 256);
    Run(junk);
    uint32_t last_end = 0;
    for (const Token& t : doc_.tokens) {
      ASSERT_LE(last_end, t.start);
      ASSERT_LT(t.start, t.end);
      ASSERT_LE(t.end, junk.size());
      ASSERT_LE(t.key_start + t.key_size, doc_.keys.size());
      last_end = t.end;
    }
  }
}

TEST_F(TextTokenizerTest, OtherSymbols) {
  EXPECT_EQ(Surfaces("AT&T and Q&A; what?! wait... #tag @user 🔥"),
            (V{"AT&T", "and", "Q&A", ";", "what", "?", "!", "wait", "...", "#", "tag", "@", "user", "🔥"}));
}

TEST_F(TextTokenizerTest, AppendKeyMatchesTokenKeys) {
  std::string key;
  AppendKey("Briançon", &key);
  EXPECT_EQ(key, "briancon");
  key.clear();
  AppendKey("DON’T", &key);
  EXPECT_EQ(key, "don't");
  key.clear();
  AppendKey("—", &key);
  EXPECT_EQ(key, "--");
}

TEST_F(TextTokenizerTest, AsciiTextReusesTheArena) {
  const std::string text = "Police arrested 15 protesters in Calais on Thursday, the prefecture said.";
  Run(text);
  const size_t tokens = doc_.tokens.capacity(), keys = doc_.keys.capacity();
  const std::vector<std::string> first = Keys(text);
  Run(text);
  EXPECT_EQ(doc_.tokens.capacity(), tokens);
  EXPECT_EQ(doc_.keys.capacity(), keys);
  EXPECT_EQ(Keys(text), first);
}

}  // namespace
}  // namespace annals::text
