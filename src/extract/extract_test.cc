// Tests of the extract stage on sentences written for them, without places (the geo
// stage is tested on its own): triggers, status and mood, actors, roles, counts,
// attribution and quotes.
#include <gtest/gtest.h>

#include "extract/steps.h"
#include "text/analyzer.h"

namespace annals::extract {
namespace {

class ExtractTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto analyzer = text::Analyzer::Load(ANNALS_TEST_RESOURCE_DIR);
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
    analyzer_ = std::move(analyzer).value().release();
    auto lex = Lexicons::Load();
    ASSERT_TRUE(lex.ok()) << lex.status().message();
    lex_ = std::move(lex).value().release();
  }

  // Analyses and extracts `text`.
  void Read(const std::string& text) {
    text_ = text;
    analyzer_->Analyse(text_, Field::kText, &doc_);
    ExtractContext ctx{*lex_, doc_, places_, nullptr, &analyzer_->lemmatizer(), out_};
    Extract(ctx);
  }

  // The trigger whose words are `words`, or null.
  const TriggerHit* Trigger(std::string_view words) const {
    for (const TriggerHit& hit : out_.triggers)
      if (doc_.SpanText(hit.first, hit.end) == words) return &hit;
    return nullptr;
  }
  const TriggerEntry& Entry(const TriggerHit& hit) const { return lex_->trigger(hit.entry); }
  std::string ActorText(int index) const {
    const ActorPhrase& a = out_.actors[static_cast<size_t>(index)];
    return std::string(doc_.SpanText(a.first, a.end));
  }
  std::vector<std::string> Texts(const std::vector<int>& actors) const {
    std::vector<std::string> texts;
    for (int a : actors) texts.push_back(ActorText(a));
    return texts;
  }

  static text::Analyzer* analyzer_;
  static Lexicons* lex_;
  std::string text_;
  text::Document doc_;
  std::vector<geo::FoundPlace> places_;
  FieldAnalysis out_;
};

text::Analyzer* ExtractTest::analyzer_ = nullptr;
Lexicons* ExtractTest::lex_ = nullptr;

TEST_F(ExtractTest, ActiveVoiceGivesSourceAndTarget) {
  Read("Riot police fired tear gas at hundreds of protesters on Friday.");
  const TriggerHit* hit = Trigger("fired tear gas");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(Entry(*hit).type, EventType::kCoerce);
  EXPECT_EQ(Entry(*hit).cameo, "175");
  EXPECT_EQ(Texts(hit->source), std::vector<std::string>{"Riot police"});
  EXPECT_EQ(Texts(hit->target), std::vector<std::string>{"hundreds of protesters"});
  EXPECT_EQ(out_.actors[static_cast<size_t>(hit->target[0])].count, 100);  // the documented rule for "hundreds"
}

TEST_F(ExtractTest, PassiveVoiceTurnsRolesAround) {
  Read("Sixty gendarmes were attacked by a group of 100 migrants near the port.");
  const TriggerHit* hit = Trigger("attacked");
  ASSERT_NE(hit, nullptr);
  EXPECT_TRUE(hit->passive);
  EXPECT_EQ(Texts(hit->source), std::vector<std::string>{"a group of 100 migrants"});
  EXPECT_EQ(Texts(hit->target), std::vector<std::string>{"Sixty gendarmes"});
  EXPECT_EQ(out_.actors[static_cast<size_t>(hit->source[0])].count, 100);
  EXPECT_EQ(out_.actors[static_cast<size_t>(hit->source[0])].kind, ActorKind::kMigrants);
  EXPECT_EQ(out_.actors[static_cast<size_t>(hit->target[0])].kind, ActorKind::kPolice);
}

TEST_F(ExtractTest, AnAttitudeBeforeToIsNoPassive) {
  Read("The opposition is opposed to the new electoral law.");
  const TriggerHit* hit = Trigger("opposed");
  ASSERT_NE(hit, nullptr);
  EXPECT_FALSE(hit->passive);
  EXPECT_EQ(Texts(hit->source), std::vector<std::string>{"The opposition"});
  Read("The reform was opposed by the opposition.");
  hit = Trigger("opposed");
  ASSERT_NE(hit, nullptr);
  EXPECT_TRUE(hit->passive);
}

TEST_F(ExtractTest, ABareParticipleActsOnThePhraseBeforeIt) {
  Read("The minister laid flowers at a memorial to soldiers killed in the war.");
  const TriggerHit* hit = Trigger("killed");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(Texts(hit->target), std::vector<std::string>{"soldiers"});
  Read("Five civilians killed in the raid were buried on Sunday.");
  hit = Trigger("killed");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(Texts(hit->target), std::vector<std::string>{"Five civilians"});
}

TEST_F(ExtractTest, ClashesBetweenTwoSides) {
  Read("Clashes between soldiers and rebels broke out overnight.");
  const TriggerHit* hit = Trigger("Clashes");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(Texts(hit->source), std::vector<std::string>{"soldiers"});
  EXPECT_EQ(Texts(hit->target), std::vector<std::string>{"rebels"});
}

TEST_F(ExtractTest, ANounThatSetsTheTimeTakesNoSubject) {
  // The families fled; they did not fight. The subject of a light verb still acts.
  Read("About 2,000 families fled their villages during the fighting.");
  const TriggerHit* fighting = Trigger("fighting");
  ASSERT_NE(fighting, nullptr);
  EXPECT_TRUE(fighting->source.empty());
  Read("Rebels launched an attack on the base.");
  const TriggerHit* attack = Trigger("attack");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(Texts(attack->source), std::vector<std::string>{"Rebels"});
}

TEST_F(ExtractTest, CoordinatedSubjectFillsOneRole) {
  Read("Gendarmes and officers from the CRS were injured by stones.");
  const TriggerHit* hit = Trigger("injured");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(Texts(hit->target), (std::vector<std::string>{"Gendarmes", "officers from the CRS"}));
  const ActorPhrase& crs = out_.actors[static_cast<size_t>(hit->target[1])];
  EXPECT_EQ(crs.country, "FRA");  // the CRS is France's riot police (organizations.tsv)
  EXPECT_EQ(crs.sector, "COP");
}

TEST_F(ExtractTest, NegationMeansNoEventButRefusalIsOne) {
  Read("The army did not attack the village.");
  ASSERT_NE(Trigger("attack"), nullptr);
  EXPECT_TRUE(Trigger("attack")->negated);
  Read("The minister said the government will not negotiate with the strikers.");
  ASSERT_NE(Trigger("negotiate"), nullptr);
  EXPECT_FALSE(Trigger("negotiate")->negated);
  EXPECT_EQ(Trigger("negotiate")->mood, Mood::kRefusal);
}

TEST_F(ExtractTest, NoAndWithoutDenyOnlyTheNounTheyGovern) {
  // The noun that "no" or "without" determines is denied, through narrowing words and lists.
  Read("The rally in Leeds ended without arrests.");
  ASSERT_NE(Trigger("arrests"), nullptr);
  EXPECT_TRUE(Trigger("arrests")->negated);
  Read("There were no immediate reports of clashes in the port.");
  ASSERT_NE(Trigger("clashes"), nullptr);
  EXPECT_TRUE(Trigger("clashes")->negated);
  Read("Police reported no injuries or arrests after the match.");
  ASSERT_NE(Trigger("arrests"), nullptr);
  EXPECT_TRUE(Trigger("arrests")->negated);
  // A noun further on, a comparison, or a subject's "none" deny nothing.
  Read("No group has claimed the bombing of the market.");
  ASSERT_NE(Trigger("bombing"), nullptr);
  EXPECT_FALSE(Trigger("bombing")->negated);
  Read("No fewer than 400 dockers marched to the town hall.");
  ASSERT_NE(Trigger("marched"), nullptr);
  EXPECT_FALSE(Trigger("marched")->negated);
  Read("None was hurt in the arson attack on the depot.");
  ASSERT_NE(Trigger("arson attack"), nullptr);
  EXPECT_FALSE(Trigger("arson attack")->negated);
  // "nobody" denies its own verb.
  Read("Nobody was arrested at the vigil.");
  ASSERT_NE(Trigger("arrested"), nullptr);
  EXPECT_TRUE(Trigger("arrested")->negated);
}

TEST_F(ExtractTest, AVerbFormIsNoGroupNoun) {
  // "crowded" is no crowd; "the crowd" is.
  Read("An airstrike hit a crowded market in the town.");
  for (size_t a = 0; a < out_.actors.size(); ++a) EXPECT_NE(ActorText(static_cast<int>(a)), "a crowded");
  const TriggerHit* hit = Trigger("airstrike");
  ASSERT_NE(hit, nullptr);
  EXPECT_TRUE(hit->source.empty());
  Read("Police dispersed the crowd outside the court.");
  EXPECT_EQ(Texts(Trigger("dispersed")->target), std::vector<std::string>{"the crowd"});
}

TEST_F(ExtractTest, StatusWords) {
  Read("Rebels plan to attack the town next week.");
  EXPECT_EQ(Trigger("attack")->status, EventStatus::kPlanned);
  Read("Police made an attempt to clear the camp.");
  EXPECT_EQ(Trigger("clear")->status, EventStatus::kAttempted);
  Read("The militants threatened to kill the hostages.");
  EXPECT_EQ(Trigger("kill")->status, EventStatus::kThreatened);
  Read("Insurgents carried out a planned attack on the base.");
  EXPECT_EQ(Trigger("attack")->status, EventStatus::kOccurred);  // an adjective, not a plan
}

TEST_F(ExtractTest, MoodOfDemandsAndPromises) {
  Read("The council said the company must pay the workers.");
  EXPECT_EQ(Trigger("pay") == nullptr || Trigger("pay")->mood == Mood::kObligation, true);
  Read("The envoy said the country must release the prisoners.");
  ASSERT_NE(Trigger("release the prisoners"), nullptr);  // data/events/triggers.tsv "release ... prisoner"
  EXPECT_EQ(Trigger("release the prisoners")->mood, Mood::kObligation);
  Read("The donors will provide food aid to the displaced families.");
  ASSERT_NE(Trigger("provide"), nullptr);
  EXPECT_EQ(Trigger("provide")->mood, Mood::kIntent);
  ASSERT_NE(Trigger("food aid"), nullptr);
  EXPECT_EQ(Trigger("food aid")->mood, Mood::kIntent);  // the object of the promise
}

TEST_F(ExtractTest, GrievancesAreBackground) {
  Read("Hundreds of people marched against the killing of a teenager by a security guard.");
  ASSERT_NE(Trigger("marched"), nullptr);
  EXPECT_FALSE(Trigger("marched")->background);
  ASSERT_NE(Trigger("killing"), nullptr);
  EXPECT_TRUE(Trigger("killing")->background);
}

TEST_F(ExtractTest, OutcomeCounts) {
  Read("Four soldiers were killed and two were wounded when militants stormed the post.");
  ASSERT_EQ(out_.outcomes.size(), 2u);
  EXPECT_EQ(out_.outcomes[0].kind, OutcomeKind::kKilled);
  EXPECT_EQ(out_.outcomes[0].value, 4);
  EXPECT_EQ(out_.outcomes[1].kind, OutcomeKind::kInjured);
  EXPECT_EQ(out_.outcomes[1].value, 2);
  Read("The fight resulted in the hospitalization of fifteen officers.");
  ASSERT_EQ(out_.outcomes.size(), 1u);
  EXPECT_EQ(out_.outcomes[0].kind, OutcomeKind::kHospitalized);
  EXPECT_EQ(out_.outcomes[0].value, 15);
  Read("Police arrested 23 demonstrators in the 2019 protests.");
  ASSERT_EQ(out_.outcomes.size(), 1u);
  EXPECT_EQ(out_.outcomes[0].kind, OutcomeKind::kArrested);
  EXPECT_EQ(out_.outcomes[0].value, 23);  // 2019 is a year, not a count
}

TEST_F(ExtractTest, SeizedObjects) {
  Read("The raid ended with the confiscation of 30 makeshift shelters.");
  ASSERT_EQ(out_.seized.size(), 1u);
  EXPECT_EQ(out_.seized[0].what, "makeshift shelters");
  EXPECT_EQ(out_.seized[0].count, 30);
}

TEST_F(ExtractTest, AttributionAndQuotes) {
  Read("According to the local radio station Radio Lumiere, the fighting lasted two hours.");
  ASSERT_EQ(out_.attributions.size(), 1u);
  EXPECT_EQ(out_.attributions[0].who, "Radio Lumiere");
  Read("\u201cWe will not leave,\u201d the union leader said on Monday.");
  ASSERT_EQ(out_.quotes.size(), 1u);
  EXPECT_EQ(doc_.SpanText(out_.quotes[0].first, out_.quotes[0].end), "We will not leave,");
  EXPECT_EQ(out_.quotes[0].speaker, "the union leader");
}

TEST_F(ExtractTest, CapitalisedMonthIsNoMarch) {
  Read("In March, the council approved the budget.");
  EXPECT_EQ(Trigger("March"), nullptr);
  Read("Thousands march through the capital.");
  EXPECT_NE(Trigger("march"), nullptr);
}

TEST_F(ExtractTest, ACapitalisedMayIsAMonthOrANameNoModal) {
  Read("On 1 May 2020, protesters blocked the highway.");
  ASSERT_NE(Trigger("blocked"), nullptr);
  EXPECT_EQ(Trigger("blocked")->status, EventStatus::kOccurred);
  Read("Home Secretary Theresa May said police raided the camp.");
  ASSERT_NE(Trigger("raided"), nullptr);
  EXPECT_EQ(Trigger("raided")->status, EventStatus::kOccurred);
  Read("Protesters may block the highway.");
  ASSERT_NE(Trigger("block"), nullptr);
  EXPECT_EQ(Trigger("block")->status, EventStatus::kHypothetical);
}

TEST_F(ExtractTest, ActorKindsCarryTheirProperties) {
  // data/actors/actor_kinds.tsv
  EXPECT_TRUE(lex_->kind(ActorKind::kMigrants).crowd);
  EXPECT_TRUE(lex_->kind(ActorKind::kLabor).crowd);
  EXPECT_FALSE(lex_->kind(ActorKind::kPolice).crowd);
  EXPECT_TRUE(lex_->kind(ActorKind::kPolice).security);
  EXPECT_FALSE(lex_->kind(ActorKind::kRebels).security);
  EXPECT_TRUE(lex_->kind(ActorKind::kIgo).observer);
  EXPECT_FALSE(lex_->kind(ActorKind::kGovernment).observer);
  EXPECT_TRUE(lex_->kind(ActorKind::kProtesters).local);
  EXPECT_FALSE(lex_->kind(ActorKind::kMigrants).local);
}

TEST_F(ExtractTest, AStatementOfBlameIsACriticismCandidate) {
  Read("The union's leader, Ann Cole, said the closure was a disgrace.");
  const TriggerHit* said = Trigger("said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(Entry(*said).type, EventType::kDisapprove);
  EXPECT_EQ(doc_.Key(static_cast<uint32_t>(said->statement_word)), "disgrace");
  EXPECT_FALSE(said->source.empty());
}

TEST_F(ExtractTest, AStatementClosingTheSentenceIsReadBeforeTheVerb) {
  Read("\"This budget is a shambles,\" the shadow chancellor told reporters.");
  const TriggerHit* told = Trigger("told");
  ASSERT_NE(told, nullptr);
  EXPECT_EQ(Entry(*told).type, EventType::kDisapprove);
}

TEST_F(ExtractTest, AStatementOfObligationIsADemandCandidate) {
  Read("Mr Okafor said ministers must apologise to the families.");
  const TriggerHit* said = Trigger("said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(Entry(*said).type, EventType::kDemand);
  ASSERT_FALSE(said->source.empty());
  EXPECT_EQ(ActorText(said->source.front()), "Mr Okafor");
}

TEST_F(ExtractTest, AStatementWithoutSuchWordsOrWithATriggerOfItsTypeIsNone) {
  Read("The company said sales rose by 4 percent in March.");
  EXPECT_EQ(Trigger("said"), nullptr);
  Read("The minister condemned the attack and said it was a disgrace.");
  EXPECT_EQ(Trigger("said"), nullptr);
  ASSERT_NE(Trigger("condemned"), nullptr);
}

TEST_F(ExtractTest, AnUntitledPersonalNameActsAsSource) {
  Read("Peter Okoye said the decision was unacceptable.");
  const TriggerHit* said = Trigger("said");
  ASSERT_NE(said, nullptr);
  ASSERT_FALSE(said->source.empty());
  EXPECT_EQ(ActorText(said->source.front()), "Peter Okoye");
  EXPECT_EQ(out_.actors[static_cast<size_t>(said->source.front())].kind, ActorKind::kPerson);
  Read("Peter Okoye's house was sold on Friday.");
  EXPECT_TRUE(out_.actors.empty());
}

}  // namespace
}  // namespace annals::extract
