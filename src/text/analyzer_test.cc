// The whole text stage: what Analyse produces, and that a reused Document, the number
// parser and the date finder allocate nothing once warm (global operator new is
// counted in this test program).
#include "text/analyzer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "text/date_expressions.h"
#include "text/numbers.h"

// The replaced operators pair malloc with free; GCC cannot see that.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

// Under AddressSanitizer, which owns operator new, allocations are not counted.
#ifndef __SANITIZE_ADDRESS__
#define ANNALS_COUNT_ALLOCATIONS 1
void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif

namespace annals::text {
namespace {

class TextAnalyzerTest : public ::testing::Test {
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
  static Analyzer* analyzer_;
};
Analyzer* TextAnalyzerTest::analyzer_ = nullptr;

constexpr const char* kArticle =
    "LYON (AP) — Riot police fired tear gas at about 300 protesters on Thursday night, "
    "and dozens of them were detained, the prefecture said.\n\n"
    "Two officers were injured, one of whom was taken to hospital. The U.S. consulate "
    "closed early. Shops reopened on 3 January 2022.";

TEST_F(TextAnalyzerTest, AnalysesAField) {
  Document doc;
  analyzer_->Analyse(kArticle, Field::kText, &doc);
  ASSERT_EQ(doc.sentences.size(), 5u);
  EXPECT_EQ(doc.SpanText(doc.dateline_first, doc.dateline_end), "LYON (AP) —");
  EXPECT_EQ(doc.SentenceText(doc.sentences[3]), "The U.S. consulate closed early.");
  EXPECT_EQ(doc.sentences[2].paragraph, 1u);
  // Lemmas: "fired" -> "fire", "protesters" -> "protester", "detained" -> "detain".
  std::vector<std::string> lemmas;
  for (uint32_t i = doc.sentences[1].first_token; i < doc.sentences[1].first_token + 6; ++i)
    lemmas.emplace_back(doc.Lemma(i));
  EXPECT_EQ(lemmas, (std::vector<std::string>{"riot", "police", "fire", "tear", "gas", "at"}));
  EXPECT_EQ(doc.field, Field::kText);
  // Titles are analysed the same way, without a dateline.
  analyzer_->Analyse("LYON — Police fire tear gas", Field::kTitle, &doc);
  EXPECT_EQ(doc.dateline_end, doc.dateline_first);
  EXPECT_EQ(doc.sentences.size(), 1u);
}

TEST_F(TextAnalyzerTest, ReusedDocumentAllocatesNothing) {
#ifndef ANNALS_COUNT_ALLOCATIONS
  GTEST_SKIP() << "allocations are not counted under AddressSanitizer";
#endif
  Document doc;
  std::vector<DateMatch> dates;
  dates.reserve(16);
  // Warm up: lexicons load, buffers grow.
  analyzer_->Analyse(kArticle, Field::kText, &doc);
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) (void)ParseNumberAt(doc, i);
  FindDates(doc, 0, static_cast<uint32_t>(doc.tokens.size()), CivilDate{2021, 12, 31}, &dates);

  const long before = g_allocations.load();
  int numbers = 0;
  for (int round = 0; round < 3; ++round) {
    analyzer_->Analyse(kArticle, Field::kText, &doc);
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) numbers += ParseNumberAt(doc, i).has_value();
    for (const Sentence& s : doc.sentences) FindDates(doc, s.first_token, s.end_token, CivilDate{2021, 12, 31}, &dates);
  }
  EXPECT_EQ(g_allocations.load() - before, 0);
  EXPECT_GT(numbers, 0);
  // The counter counts: a fresh Document allocates.
  Document fresh;
  analyzer_->Analyse(kArticle, Field::kText, &fresh);
  EXPECT_GT(g_allocations.load() - before, 0);
}

// Word soup from number, date and punctuation words: every parser keeps its bounds.
TEST_F(TextAnalyzerTest, WordSoupKeepsBounds) {
  const std::vector<std::string> vocabulary = {
      "on", "in", "the", "of", "to", "and", "a", "an", "half", "dozen", "dozens", "hundred", "thousands", "tens",
      "several", "few", "more", "than", "at", "least", "up", "about", "some", "one", "two", "twenty-five", "whom",
      "them", "between", "or", "-", "--", ",", ".", "\"", "(", ")", "May", "Dec.", "Thursday", "night", "morning",
      "last", "next", "this", "week", "weeks", "ago", "yesterday", "9", "30", "3-4", "2020", "2021-12-31", "9th",
      "fifth", "mid-May", "will", "said", "be", "held", "%", "per", "cent", "1,200", "3.5", "million", "2bn",
      "PARIS", "(AP)", "—", "U.S.", "Gen.", "n't", "'s", "\n\n", "\xff", "protesters", "were", "killed"};
  uint32_t x = 7;
  Document doc;
  std::vector<DateMatch> dates;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int words = static_cast<int>((x = x * 1103515245u + 12345u) >> 24) % 60;
    for (int k = 0; k < words; ++k) {
      x = x * 1103515245u + 12345u;
      text += vocabulary[(x >> 16) % vocabulary.size()];
      text += (x & 1) ? " " : "";
    }
    analyzer_->Analyse(text, Field::kText, &doc);
    const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
    for (uint32_t i = 0; i < n + 2; ++i) {
      if (auto m = ParseNumberAt(doc, i)) {
        ASSERT_EQ(m->first_token, i);
        ASSERT_GE(m->number_token, i);
        ASSERT_GT(m->end_token, m->number_token);
        ASSERT_LE(m->end_token, n);
        ASSERT_GE(m->value, 0);
      }
      if (auto o = ParseOrdinalAt(doc, i)) {
        ASSERT_LE(o->end_token, n);
      }
    }
    const CivilDate article{2000 + static_cast<int>(x % 40), 1 + static_cast<int>(x % 12), 1 + static_cast<int>(x % 28)};
    for (const Sentence& s : doc.sentences) {
      FindDates(doc, s.first_token, s.end_token, article, &dates);
      uint32_t last_end = s.first_token;
      for (const DateMatch& d : dates) {
        ASSERT_GE(d.first_token, last_end);
        ASSERT_GT(d.end_token, d.first_token);
        ASSERT_LE(d.end_token, s.end_token);
        ASSERT_TRUE(IsValidDate(d.date.year, d.date.month, d.date.day)) << text;
        ASSERT_TRUE(IsValidDate(d.last.year, d.last.month, d.last.day)) << text;
        ASSERT_LE(DaysFromCivil(d.date), DaysFromCivil(d.last)) << text;
        last_end = d.end_token;
      }
    }
  }
}

}  // namespace
}  // namespace annals::text
