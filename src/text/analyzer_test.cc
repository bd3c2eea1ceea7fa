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

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

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

}  // namespace
}  // namespace annals::text
