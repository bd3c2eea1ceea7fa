#include "text/numbers.h"

#include <gtest/gtest.h>

#include <string>

#include "text/analyzer.h"

namespace annals::text {
namespace {

class TextNumbersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto analyzer = Analyzer::Load(ANNALS_TEST_RESOURCE_DIR);
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
    analyzer_ = std::move(analyzer).value().release();
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    analyzer_ = nullptr;
  }

  // Analyses `text` and parses at the first token whose surface is `word`.
  std::optional<NumberMatch> At(const std::string& text, const std::string& word) {
    text_ = text;
    analyzer_->Analyse(text_, Field::kText, &doc_);
    for (uint32_t i = 0; i < doc_.tokens.size(); ++i)
      if (doc_.Surface(i) == word) return ParseNumberAt(doc_, i);
    ADD_FAILURE() << "no token '" << word << "' in: " << text;
    return std::nullopt;
  }
  // The text the match covers.
  std::string Covered(const NumberMatch& m) { return std::string(doc_.SpanText(m.first_token, m.end_token)); }
  std::optional<OrdinalMatch> OrdinalAt(const std::string& text, const std::string& word) {
    text_ = text;
    analyzer_->Analyse(text_, Field::kText, &doc_);
    for (uint32_t i = 0; i < doc_.tokens.size(); ++i)
      if (doc_.Surface(i) == word) return ParseOrdinalAt(doc_, i);
    ADD_FAILURE() << "no token '" << word << "' in: " << text;
    return std::nullopt;
  }

  static Analyzer* analyzer_;
  std::string text_;
  Document doc_;
};
Analyzer* TextNumbersTest::analyzer_ = nullptr;

TEST_F(TextNumbersTest, LexiconsLoadCleanly) { EXPECT_TRUE(CheckNumberLexicons().ok()) << CheckNumberLexicons().message(); }

TEST_F(TextNumbersTest, Numerals) {
  auto m = At("Officers counted 15 injured.", "15");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 15);
  EXPECT_EQ(Covered(*m), "15");
  EXPECT_FALSE(m->vague || m->approximate || m->year_like || m->partitive || m->decimal);
  EXPECT_EQ(m->qualifier, NumberQualifier::kNone);

  m = At("A crowd of 1,200 gathered.", "1,200");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 1200);
  m = At("Some 12,345,678 voters.", "12,345,678");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 12345678);
  m = At("The city of 3.5 million people.", "3.5");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 3500000);
  EXPECT_FALSE(m->decimal);
  EXPECT_EQ(Covered(*m), "3.5 million");
  m = At("It cost 1.2m dollars.", "1.2m");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 1200000);
  m = At("A 2bn loan.", "2bn");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 2000000000);
  m = At("About 5k fans.", "5k");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 5000);
  m = At("He ran 3.5 km.", "3.5");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 3);
  EXPECT_TRUE(m->decimal);
  m = At("Twenty thousand and 20 thousand.", "20");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 20000);
  m = At("They sold 2 dozen eggs.", "2");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 24);
}

TEST_F(TextNumbersTest, NotCardinals) {
  EXPECT_FALSE(At("On the 9th floor.", "9th"));
  EXPECT_FALSE(At("At 10:30 the march began.", "10:30"));
  EXPECT_FALSE(At("Dated 2021-12-31 in the file.", "2021-12-31"));
  EXPECT_FALSE(At("In the 1990s cities grew.", "1990s"));
  EXPECT_FALSE(At("A 9mm pistol.", "9mm"));
  EXPECT_FALSE(At("The third day.", "third"));
  EXPECT_FALSE(At("A hundred years war, Hundred Years.", "Hundred"));
  EXPECT_FALSE(At("The dozen eggs.", "dozen"));
  EXPECT_FALSE(At("A man was hurt.", "A"));
  EXPECT_FALSE(At("It is the 2020-21 season.", "2020-21"));
  auto m = At("A 1,23 mark.", "1");  // the tokenizer splits "1,23": the comma is no separator
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 1);
  EXPECT_EQ(Covered(*m), "1");
  EXPECT_FALSE(At("Its value 1234567890123456789012 overflows.", "1234567890123456789012"));
  EXPECT_FALSE(At("Police moved in.", "Police"));
  EXPECT_FALSE(At("It fell , then rose.", ","));
}

TEST_F(TextNumbersTest, OneAsPronoun) {
  EXPECT_FALSE(At("No one was hurt.", "one"));
  EXPECT_FALSE(At("He was the one who fled.", "one"));
  EXPECT_FALSE(At("Each one of them ran.", "one"));
  auto m = At("Only one protester was hurt.", "one");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 1);
}

TEST_F(TextNumbersTest, YearLike) {
  auto m = At("Elections were held in 2019 and again.", "2019");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 2019);
  EXPECT_TRUE(m->year_like);
  m = At("A total of 2,019 ballots.", "2,019");
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->year_like);
  m = At("Some 3000 people.", "3000");
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->year_like);
  m = At("In 1800 and 2100.", "2100");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->year_like);
}

TEST_F(TextNumbersTest, NumberWords) {
  struct Case {
    const char* text;
    const char* word;
    int64_t value;
    const char* covered;
  };
  const Case cases[] = {
      {"Police said fifteen officers were hurt.", "fifteen", 15, "fifteen"},
      {"Some twenty-five people.", "twenty-five", 25, "twenty-five"},
      {"Then twenty five people.", "twenty", 25, "twenty five"},
      {"It took one hundred and twenty days.", "one", 120, "one hundred and twenty"},
      {"About a dozen cars.", "a", 12, "a dozen"},
      {"We saw half a dozen cars.", "half", 6, "half a dozen"},
      {"Then a hundred people came.", "a", 100, "a hundred"},
      {"A thousand voices.", "A", 1000, "A thousand"},
      {"Nearly half a million people.", "half", 500000, "half a million"},
      {"Two thousand five hundred troops.", "Two", 2500, "Two thousand five hundred"},
      {"Ten thousand marched.", "Ten", 10000, "Ten thousand"},
      {"Three million voters.", "Three", 3000000, "Three million"},
      {"Zero casualties.", "Zero", 0, "Zero"},
      {"Forty-two arrests and seven more.", "Forty-two", 42, "Forty-two"},
      {"Some ninety nine balloons.", "ninety", 99, "ninety nine"},
      {"The two dozen students.", "two", 24, "two dozen"},
      {"Exactly one million two hundred thousand.", "one", 1200000, "one million two hundred thousand"},
  };
  for (const Case& c : cases) {
    auto m = At(c.text, c.word);
    ASSERT_TRUE(m) << c.text;
    EXPECT_EQ(m->value, c.value) << c.text;
    EXPECT_EQ(Covered(*m), c.covered) << c.text;
    EXPECT_FALSE(m->vague) << c.text;
  }
  // Two numbers in a row do not add up.
  auto m = At("Gate five six.", "five");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 5);
  EXPECT_EQ(Covered(*m), "five");
}

TEST_F(TextNumbersTest, Modifiers) {
  auto m = At("A 15-year-old boy.", "15-year-old");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 15);
  EXPECT_TRUE(m->modifier);
  m = At("A three-day strike.", "three-day");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 3);
  EXPECT_TRUE(m->modifier);
  m = At("A 3,000-strong crowd.", "3,000-strong");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 3000);
  EXPECT_TRUE(m->modifier);
}

TEST_F(TextNumbersTest, VagueQuantities) {
  struct Case {
    const char* text;
    const char* word;
    int64_t value;
    const char* covered;
  };
  const Case cases[] = {
      {"Dozens were hurt.", "Dozens", 12, "Dozens"},
      {"They detained dozens of protesters.", "dozens", 12, "dozens of"},
      {"Crowds of hundreds of students.", "hundreds", 100, "hundreds of"},
      {"Thousands marched.", "Thousands", 1000, "Thousands"},
      {"We saw tens of thousands of people.", "tens", 10000, "tens of thousands of"},
      {"And hundreds of thousands fled.", "hundreds", 100000, "hundreds of thousands"},
      {"They met scores of refugees.", "scores", 20, "scores of"},
      {"Then several officers fell.", "several", 3, "several"},
      {"But a few shops closed.", "a", 3, "a few"},
      {"Only a handful of people.", "a", 3, "a handful of"},
      {"Yet many homes burned.", "many", 10, "many"},
      {"After a number of attacks.", "a", 10, "a number of"},
      {"Then some protesters left.", "some", 2, "some"},
      {"There were several hundred people.", "several", 300, "several hundred"},
      {"Only a few thousand remain.", "a", 3000, "a few thousand"},
      {"We saw several dozen boats.", "several", 36, "several dozen"},
      {"With several thousands of troops.", "several", 3000, "several thousands of"},
      {"Then a couple of cars.", "a", 2, "a couple of"},
      {"Millions watched.", "Millions", 1000000, "Millions"},
  };
  for (const Case& c : cases) {
    auto m = At(c.text, c.word);
    ASSERT_TRUE(m) << c.text;
    EXPECT_EQ(m->value, c.value) << c.text;
    EXPECT_EQ(Covered(*m), c.covered) << c.text;
    EXPECT_TRUE(m->vague) << c.text;
    EXPECT_FALSE(m->approximate) << c.text;
  }
}

TEST_F(TextNumbersTest, Qualifiers) {
  struct Case {
    const char* text;
    const char* word;
    int64_t value;
    NumberQualifier qualifier;
    const char* covered;
    const char* number;  // the first word of the number itself
  };
  const Case cases[] = {
      {"It left more than 20 dead.", "more", 20, NumberQualifier::kMoreThan, "more than 20", "20"},
      {"And at least 5 were held.", "at", 5, NumberQualifier::kAtLeast, "at least 5", "5"},
      {"With about 100 people.", "about", 100, NumberQualifier::kAbout, "about 100", "100"},
      {"With nearly 50 cars.", "nearly", 50, NumberQualifier::kNearly, "nearly 50", "50"},
      {"Facing up to 30 years.", "up", 30, NumberQualifier::kUpTo, "up to 30", "30"},
      {"Then some 200 people.", "some", 200, NumberQualifier::kAbout, "some 200", "200"},
      {"And an estimated 5,000 marchers.", "an", 5000, NumberQualifier::kAbout, "an estimated 5,000", "5,000"},
      {"Well over a thousand.", "Well", 1000, NumberQualifier::kMoreThan, "Well over a thousand", "a"},
      {"With fewer than ten people.", "fewer", 10, NumberQualifier::kLessThan, "fewer than ten", "ten"},
      {"Almost three hundred homes.", "Almost", 300, NumberQualifier::kNearly, "Almost three hundred", "three"},
      {"As many as 40 died.", "As", 40, NumberQualifier::kUpTo, "As many as 40", "40"},
      {"Around a dozen shops.", "Around", 12, NumberQualifier::kAbout, "Around a dozen", "a"},
  };
  for (const Case& c : cases) {
    auto m = At(c.text, c.word);
    ASSERT_TRUE(m) << c.text;
    EXPECT_EQ(m->value, c.value) << c.text;
    EXPECT_EQ(m->qualifier, c.qualifier) << c.text;
    EXPECT_TRUE(m->approximate) << c.text;
    EXPECT_FALSE(m->vague) << c.text;
    EXPECT_EQ(Covered(*m), c.covered) << c.text;
    EXPECT_EQ(doc_.Surface(m->number_token), c.number) << c.text;
  }
  // A qualifier without a number is nothing; "over" is a preposition here.
  EXPECT_FALSE(At("They argued over the border.", "over"));
  EXPECT_FALSE(At("Talks about peace.", "about"));
}

TEST_F(TextNumbersTest, Partitives) {
  auto m = At("Fifteen were injured, one of whom suffered a broken leg.", "one");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 1);
  EXPECT_TRUE(m->partitive);
  EXPECT_EQ(Covered(*m), "one of whom");
  m = At("Police held six, two of them minors.", "two");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 2);
  EXPECT_TRUE(m->partitive);
  EXPECT_EQ(Covered(*m), "two of them");
  m = At("Three of the protesters were held.", "Three");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 3);
  EXPECT_TRUE(m->partitive);
  EXPECT_EQ(Covered(*m), "Three");  // the noun phrase is the caller's
  m = At("Dozens of them fled.", "Dozens");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 12);
  EXPECT_TRUE(m->vague);
  EXPECT_TRUE(m->partitive);
  EXPECT_EQ(Covered(*m), "Dozens of them");
  m = At("At least five of whom were held.", "At");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 5);
  EXPECT_TRUE(m->partitive);
  EXPECT_EQ(m->qualifier, NumberQualifier::kAtLeast);
  EXPECT_EQ(Covered(*m), "At least five of whom");
  m = At("Four of police cars.", "Four");
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->partitive);
}

TEST_F(TextNumbersTest, RangesAndPercent) {
  auto m = At("Between 20 and 30 people.", "Between");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 20);
  EXPECT_TRUE(m->range);
  EXPECT_TRUE(m->approximate);
  EXPECT_EQ(Covered(*m), "Between 20 and 30");
  m = At("Some 20-25 people.", "20-25");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 20);
  EXPECT_TRUE(m->range);
  m = At("Then three or four men.", "three");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 3);
  EXPECT_TRUE(m->range);
  EXPECT_EQ(Covered(*m), "three or four");
  m = At("Then 10 to 15 men.", "10");
  ASSERT_TRUE(m);
  EXPECT_EQ(Covered(*m), "10 to 15");
  m = At("It rose from 10 to 15.", "10");
  ASSERT_TRUE(m);
  EXPECT_EQ(Covered(*m), "10");
  EXPECT_FALSE(m->range);
  m = At("From 2019 to 2020.", "2019");
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->range);
  m = At("Turnout was 76% today.", "76");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 76);
  EXPECT_TRUE(m->percent);
  EXPECT_EQ(Covered(*m), "76%");
  m = At("Turnout was 5 per cent.", "5");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->percent);
  EXPECT_EQ(Covered(*m), "5 per cent");
}

TEST_F(TextNumbersTest, StaysInsideItsSentence) {
  auto m = At("They counted 20. Thousand Oaks is a city.", "20");
  ASSERT_TRUE(m);
  EXPECT_EQ(Covered(*m), "20");
  // Out of range and non-number tokens.
  EXPECT_FALSE(ParseNumberAt(doc_, 10000));
}

TEST_F(TextNumbersTest, Ordinals) {
  struct Case {
    const char* text;
    const char* word;
    int64_t value;
    uint32_t size;
  };
  const Case cases[] = {
      {"On the 9th day.", "9th", 9, 1},    {"The 1st and", "1st", 1, 1},
      {"The 22nd time.", "22nd", 22, 1},   {"The 3rd time.", "3rd", 3, 1},
      {"The third day.", "third", 3, 1},   {"The twenty-first day.", "twenty-first", 21, 1},
      {"The twenty first day.", "twenty", 21, 2}, {"The thirtieth day.", "thirtieth", 30, 1},
      {"Its second week.", "second", 2, 1}, {"The hundredth day.", "hundredth", 100, 1},
  };
  for (const Case& c : cases) {
    auto m = OrdinalAt(c.text, c.word);
    ASSERT_TRUE(m) << c.text;
    EXPECT_EQ(m->value, c.value) << c.text;
    uint32_t first = 0;
    while (doc_.Surface(first) != c.word) ++first;
    EXPECT_EQ(m->end_token - first, c.size) << c.text;
  }
  EXPECT_FALSE(OrdinalAt("About 15 people.", "15"));
  EXPECT_FALSE(OrdinalAt("Some twenty people.", "twenty"));
  EXPECT_FALSE(OrdinalAt("The first-ever win.", "first-ever"));
}

}  // namespace
}  // namespace annals::text
