// Feature tokens of candidate events (features.h), read through the Pipeline with
// PipelineOptions::with_features on short reports written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "annals/annals.h"

namespace annals {
namespace {

class FeaturesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    PipelineOptions options;
    options.data_dir = ANNALS_TEST_RESOURCE_DIR;
    options.use_event_model = false;  // every candidate, with its tokens
    options.with_features = true;
    auto pipeline = Pipeline::Load(options);
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
    pipeline_ = std::move(pipeline).value().release();
  }

  // The feature tokens of the first event whose trigger is `trigger` in `text`.
  static std::vector<std::string> FeaturesOf(const std::string& text, const std::string& trigger,
                                             const std::string& title = "") {
    Article article;
    article.id = "f";
    article.text = text;
    article.date = "2024-03-09";
    if (!title.empty()) article.title = title;
    const ArticleRecord record = pipeline_->Code(article);
    for (const Event& e : record.events)
      if (e.trigger == trigger) return e.features;
    return {};
  }

  static bool Has(const std::vector<std::string>& tokens, const std::string& token) {
    return std::find(tokens.begin(), tokens.end(), token) != tokens.end();
  }

  static Pipeline* pipeline_;
};

Pipeline* FeaturesTest::pipeline_ = nullptr;

TEST_F(FeaturesTest, TriggerTypeAndTheWordsAroundIt) {
  const auto f = FeaturesOf("Riot police arrested 40 protesters in Lyon on Saturday.", "arrested");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(Has(f, "type=COERCE"));
  EXPECT_TRUE(Has(f, "trig=arrest"));
  EXPECT_TRUE(Has(f, "verb=COERCE"));
  EXPECT_TRUE(Has(f, "r1=<num>"));          // "40"
  EXPECT_TRUE(Has(f, "l1=police"));
  EXPECT_TRUE(Has(f, "src=police"));
  EXPECT_TRUE(Has(f, "tgt=protesters"));
  EXPECT_TRUE(Has(f, "type_src=COERCE_police"));
  EXPECT_TRUE(Has(f, "arrested"));           // the count that came with it
  EXPECT_TRUE(Has(f, "place=sentence"));     // Lyon, in its own sentence
  EXPECT_TRUE(Has(f, "sentence=le0"));       // the first sentence of the text
  EXPECT_TRUE(Has(f, "s:saturday"));         // the sentence's other content words
  EXPECT_FALSE(Has(f, "in_quote"));
}

TEST_F(FeaturesTest, HowItIsToldAndWhereItStands) {
  const auto f = FeaturesOf(
      "The council met on Tuesday to discuss the budget.\n\nThe mayor spoke briefly.\n\n"
      "\"They will attack the town again,\" a resident said of the rebels.",
      "attack");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(Has(f, "in_quote"));
  EXPECT_TRUE(Has(f, "paragraph=le3"));
  EXPECT_TRUE(Has(f, "sentence=le3"));
  EXPECT_TRUE(Has(f, "modal_before"));       // "will"
}

TEST_F(FeaturesTest, ACapitalisedTriggerInsideASentenceAndTheArticleTopic) {
  const auto f = FeaturesOf("The band played at the Riot Club on Friday night.", "Riot",
                            "Markets rally as oil prices ease");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(Has(f, "trig_cap_inside"));
  EXPECT_TRUE(Has(f, "r1_cap"));
  EXPECT_TRUE(Has(f, "a:market"));           // the title's words, as lemmas
  EXPECT_TRUE(Has(f, "a:oil"));
  EXPECT_TRUE(Has(f, "src=none"));
}

TEST_F(FeaturesTest, AMergedEventIsReadWhereItIsFirstTold) {
  // "demonstration" decides the type of the merged event; its context is the first sentence's.
  const auto f = FeaturesOf(
      "On 3 May 2020, protesters blocked the main highway in Tripoli. "
      "A reason for the demonstration was not given.",
      "demonstration");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(Has(f, "type=PROTEST"));
  EXPECT_TRUE(Has(f, "trig=block"));
  EXPECT_TRUE(Has(f, "sentence=le0"));
  EXPECT_TRUE(Has(f, "s:highway"));
  EXPECT_FALSE(Has(f, "s:reason"));
  EXPECT_FALSE(Has(f, "modal_before"));      // "May" is the month
}

TEST_F(FeaturesTest, NoTokenHoldsWhiteSpace) {
  // fastText splits its lines on white space: a token with a space would become two.
  const auto f = FeaturesOf("Police in New York detained  a man after a brawl\toutside a bar.", "detained");
  ASSERT_FALSE(f.empty());
  for (const std::string& token : f) EXPECT_EQ(token.find_first_of(" \t\n\r"), std::string::npos) << token;
}

}  // namespace
}  // namespace annals
