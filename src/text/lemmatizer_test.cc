#include "text/lemmatizer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "text/analyzer.h"

namespace annals::text {
namespace {

class TextLemmatizerTest : public ::testing::Test {
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
  static const Lemmatizer& lemmatizer() { return analyzer_->lemmatizer(); }

  // The lemmas of the word tokens of `text`, analysed as a field of type `field`.
  static std::vector<std::string> Lemmas(const std::string& text, Field field = Field::kText) {
    Document doc;
    analyzer_->Analyse(text, field, &doc);
    std::vector<std::string> out;
    for (const Token& t : doc.tokens)
      if (t.Is(kWord)) out.emplace_back(doc.Lemma(t));
    return out;
  }

  static Analyzer* analyzer_;
};
Analyzer* TextLemmatizerTest::analyzer_ = nullptr;

TEST_F(TextLemmatizerTest, LoadsQuicklyAndFailsClearlyWithoutTheTable) {
  const auto start = std::chrono::steady_clock::now();
  auto lemmatizer = Lemmatizer::Load(ANNALS_TEST_RESOURCE_DIR);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(lemmatizer.ok());
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 20);
  EXPECT_GT(lemmatizer.value()->size(), 200000u);

  auto missing = Lemmatizer::Load("/nonexistent-folder");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kMissingResource);
  EXPECT_NE(missing.status().message().find("/nonexistent-folder/lemmas.bin"), std::string::npos);
}

TEST_F(TextLemmatizerTest, RejectsAFileThatIsNotALemmaTable) {
  const std::string dir = ::testing::TempDir();
  FILE* f = std::fopen((dir + "/lemmas.bin").c_str(), "wb");
  ASSERT_NE(f, nullptr);
  const std::string junk(200, 'x');
  std::fwrite(junk.data(), 1, junk.size(), f);
  std::fclose(f);
  auto bad = Lemmatizer::Load(dir);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kCorruptResource);
  std::remove((dir + "/lemmas.bin").c_str());
}

TEST_F(TextLemmatizerTest, VerbReadingOfInflectedVerbForms) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"clashed", "clash"}, {"took", "take"},      {"fled", "flee"},       {"injured", "injure"},
      {"killed", "kill"},   {"shelled", "shell"},  {"was", "be"},          {"said", "say"},
      {"arrested", "arrest"}, {"detained", "detain"}, {"marched", "march"}, {"dying", "die"},
      {"taken", "take"},    {"seized", "seize"},   {"forces", "force"},    {"attacks", "attack"},
      {"riots", "riot"},    {"shelters", "shelter"}, {"is", "be"},          {"were", "be"},
      {"has", "have"},      {"did", "do"},         {"wounded", "wound"},   {"stopped", "stop"},
      {"planned", "plan"},  {"lives", "live"},     {"remains", "remain"},  {"talks", "talk"},
      {"fired", "fire"},    {"threw", "throw"},    {"hospitalised", "hospitalise"}, {"led", "lead"},
  };
  for (const auto& [form, lemma] : cases) EXPECT_EQ(lemmatizer().Lemma(form), lemma) << form;
}

TEST_F(TextLemmatizerTest, NounReadingAndUninflectedWords) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"protesters", "protester"}, {"police", "police"}, {"thousands", "thousand"}, {"news", "news"},
      {"the", "the"},             {"men", "man"},       {"children", "child"},     {"people", "people"},
      {"data", "data"},           {"media", "media"},   {"gendarmes", "gendarme"}, {"dozens", "dozen"},
      {"clothes", "clothes"},     {"arms", "arms"},     {"troops", "troop"},      {"goods", "goods"},
      {"years", "year"},          {"leaders", "leader"}, {"authorities", "authority"}, {"means", "mean"},     {"evening", "evening"},    {"wedding", "wedding"},
      {"species", "species"},     {"as", "as"},         {"us", "us"},              {"bullets", "bullet"},
  };
  for (const auto& [form, lemma] : cases) EXPECT_EQ(lemmatizer().Lemma(form), lemma) << form;
}

// Decision: an inflected verb form takes its verb reading even when it is also a
// plural noun ("leaves" -> "leave", not "leaf"); the noun stays available.
TEST_F(TextLemmatizerTest, AmbiguousLeavesIsTheVerb) {
  EXPECT_EQ(lemmatizer().Lemma("leaves"), "leave");
  const LemmaInfo info = lemmatizer().Lookup("leaves");
  EXPECT_EQ(info.verb, "leave");
  EXPECT_EQ(info.noun, "leaf");
  EXPECT_FALSE(info.noun_lemma);
}

// Decision: "left" is counted far more often as "leave" (414) than as a noun or
// adverb of its own (28), so the verb wins; the adjective reading stays available.
TEST_F(TextLemmatizerTest, AmbiguousLeftIsLeave) {
  EXPECT_EQ(lemmatizer().Lemma("left"), "leave");
  const LemmaInfo info = lemmatizer().Lookup("left");
  EXPECT_EQ(info.verb, "leave");
  EXPECT_EQ(info.adj, "left");
  EXPECT_TRUE(info.adj_lemma);
  EXPECT_TRUE(info.noun_lemma);
}

// Decision: "found" is a verb of its own ("found a party", 13) but far more often the
// past of "find" (705).
TEST_F(TextLemmatizerTest, AmbiguousFoundIsFind) {
  EXPECT_EQ(lemmatizer().Lemma("found"), "find");
  const LemmaInfo info = lemmatizer().Lookup("found");
  EXPECT_EQ(info.verb, "find");
  EXPECT_TRUE(info.verb_lemma);
  EXPECT_EQ(lemmatizer().Lemma("founded"), "found");
}

// Decision: "saw" -> "see" (1214) rather than the tool (1).
TEST_F(TextLemmatizerTest, AmbiguousSawIsSee) {
  EXPECT_EQ(lemmatizer().Lemma("saw"), "see");
  EXPECT_EQ(lemmatizer().Lookup("saw").noun, "saw");
  EXPECT_EQ(lemmatizer().Lemma("saws"), "saw");
}

// Decision: "lead" is a lemma (verb and noun), not an inflection: it stays; "led" is
// the past of "lead".
TEST_F(TextLemmatizerTest, AmbiguousLeadStays) {
  EXPECT_EQ(lemmatizer().Lemma("lead"), "lead");
  EXPECT_EQ(lemmatizer().Lemma("leads"), "lead");
  const LemmaInfo info = lemmatizer().Lookup("lead");
  EXPECT_TRUE(info.verb_lemma);
  EXPECT_TRUE(info.noun_lemma);
  EXPECT_EQ(info.verb, "lead");
}

// Decision: a form that is its own noun lemma counted at least as often as the verb
// it could inflect keeps itself: "ground" (112) is not "grind" (10), "wound" (29) not
// "wind" (7), "headquarters" (10) not "headquarter" (0).
TEST_F(TextLemmatizerTest, OwnNounLemmaCountedMoreOftenStays) {
  EXPECT_EQ(lemmatizer().Lemma("ground"), "ground");
  EXPECT_EQ(lemmatizer().Lookup("ground").verb, "grind");
  EXPECT_EQ(lemmatizer().Lemma("wound"), "wound");
  EXPECT_EQ(lemmatizer().Lemma("headquarters"), "headquarters");
  EXPECT_EQ(lemmatizer().Lookup("headquarters").verb, "headquarter");
}

TEST_F(TextLemmatizerTest, LookupOfUnknownWord) {
  const LemmaInfo info = lemmatizer().Lookup("zzqx");
  EXPECT_FALSE(info.known);
  EXPECT_EQ(info.lemma, "zzqx");
  EXPECT_TRUE(info.verb.empty());
  EXPECT_EQ(lemmatizer().Lemma(""), "");
  EXPECT_EQ(lemmatizer().Lemma(std::string(300, 'a')), std::string(300, 'a'));
}

TEST_F(TextLemmatizerTest, AdjectiveReading) {
  const LemmaInfo info = lemmatizer().Lookup("largest");
  EXPECT_EQ(info.adj, "large");
  EXPECT_EQ(info.lemma, "largest");  // the token lemma is verb, noun, or the key
  EXPECT_EQ(lemmatizer().Lookup("hottest").adj, "hot");
}

TEST_F(TextLemmatizerTest, TokenLemmasInContext) {
  EXPECT_EQ(Lemmas("Protesters clashed with police, who fired tear gas."),
            (std::vector<std::string>{"protester", "clash", "with", "police", "who", "fire", "tear", "gas"}));
  EXPECT_EQ(Lemmas("The riots left thousands of people dying in the streets."),
            (std::vector<std::string>{"the", "riot", "leave", "thousand", "of", "people", "die", "in", "the", "street"}));
}

TEST_F(TextLemmatizerTest, CliticsAndNegation) {
  EXPECT_EQ(Lemmas("They're sure we've won't can't."),
            (std::vector<std::string>{"they", "be", "sure", "we", "have", "will", "not", "can", "not"}));
  EXPECT_EQ(Lemmas("I’m here, they’ll go."), (std::vector<std::string>{"i", "be", "here", "they", "will", "go"}));
  // Without "n't" after it, "CA" keeps its own reading.
  EXPECT_EQ(lemmatizer().Lemma("ca"), "ca");
}

TEST_F(TextLemmatizerTest, UnknownPluralsAndCompounds) {
  // Lower-case words WordNet lacks lose their plural ending.
  EXPECT_EQ(Lemmas("jihadists and peshmergas"), (std::vector<std::string>{"jihadist", "and", "peshmerga"}));
  EXPECT_EQ(Lemmas("the counter-protesters and pro-government forces"),
            (std::vector<std::string>{"the", "counter-protester", "and", "pro-government", "force"}));
  EXPECT_EQ(Lemmas("the counter-jihadists"), (std::vector<std::string>{"the", "counter-jihadist"}));
  // After a prefix that makes verbs, the verb reading of the last part.
  EXPECT_EQ(Lemmas("anti-riot police had re-seized them"),
            (std::vector<std::string>{"anti-riot", "police", "have", "re-seize", "them"}));
  EXPECT_EQ(Lemmas("troops re-captured the town"), (std::vector<std::string>{"troop", "re-capture", "the", "town"}));
  EXPECT_EQ(Lemmas("US-led and French-born anti-mice forces"),
            (std::vector<std::string>{"us-led", "and", "french-born", "anti-mouse", "force"}));
  // Names are left alone: capitalised inside a sentence, or in capitals.
  EXPECT_EQ(Lemmas("He met Jefferies and the ISIS fighters."),
            (std::vector<std::string>{"he", "meet", "jefferies", "and", "the", "isis", "fighter"}));
  // ... but a capitalised word that starts a sentence, or any word of a title, is not a name.
  EXPECT_EQ(Lemmas("Jihadists attacked."), (std::vector<std::string>{"jihadist", "attack"}));
  EXPECT_EQ(Lemmas("Jihadists Attack Villages", Field::kTitle),
            (std::vector<std::string>{"jihadist", "attack", "village"}));
  // Words ending in -ss, -us, -is are not plurals.
  EXPECT_EQ(Lemmas("the zorkus and qwertiss"), (std::vector<std::string>{"the", "zorkus", "and", "qwertiss"}));
}

TEST_F(TextLemmatizerTest, LemmasEqualToKeysShareTheKeyBytes) {
  Document doc;
  analyzer_->Analyse("Police arrested the protesters and seized their shelters.", Field::kText, &doc);
  // Only "arrested", "seized" (not a prefix) and ... get new bytes; prefixes share.
  for (const Token& t : doc.tokens) {
    const std::string_view key = doc.Key(t), lemma = doc.Lemma(t);
    if (lemma.size() <= key.size() && key.substr(0, lemma.size()) == lemma) {
      EXPECT_EQ(t.lemma_start, t.key_start) << key;
    }
  }
  EXPECT_EQ(doc.Lemma(1), "arrest");
  EXPECT_EQ(doc.Lemma(3), "protester");
  EXPECT_EQ(doc.Lemma(5), "seize");
  EXPECT_EQ(doc.Lemma(7), "shelter");
  // Re-analysing the same text reuses the arena: no growth.
  const size_t capacity = doc.keys.capacity();
  analyzer_->Analyse("Police arrested the protesters and seized their shelters.", Field::kText, &doc);
  EXPECT_EQ(doc.keys.capacity(), capacity);
}

}  // namespace
}  // namespace annals::text
