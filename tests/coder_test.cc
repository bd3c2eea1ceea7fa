// End-to-end tests of the event coder through the public Pipeline, on short reports
// written for them: ACLED types, merging, counts, dates, places, status, verbal
// events. Each names the one fact it checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "annals/annals.h"

namespace annals {
namespace {

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Every candidate the rules find, as the rules typed it, without the event model:
    // these tests check the rules (types, roles, counts, places), not the decision
    // (src/code/event_model_test.cc).
    PipelineOptions options;
    options.data_dir = ANNALS_TEST_RESOURCE_DIR;
    options.use_event_model = false;
    auto pipeline = Pipeline::Load(options);
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
    pipeline_ = std::move(pipeline).value().release();
  }

  static ArticleRecord Code(const std::string& text, const std::string& date = "2021-12-31") {
    Article article;
    article.id = "t";
    article.text = text;
    article.date = date;
    return pipeline_->Code(article);
  }

  // The first event that ACLED would record (without the model, every candidate has the
  // same confidence; the first in the text is the one the report leads with).
  static const Event* Primary(const ArticleRecord& record) {
    const Event* best = nullptr;
    for (const Event& e : record.events)
      if (e.acled && (!best || e.confidence > best->confidence)) best = &e;
    return best;
  }

  // The places of the record's events of `type`, sorted.
  static std::vector<std::string> PlacesOf(const ArticleRecord& record, EventType type) {
    std::vector<std::string> places;
    for (const Event& e : record.events)
      if (e.type == type && e.location) places.push_back(e.location->name.value_or(""));
    std::sort(places.begin(), places.end());
    return places;
  }

  static std::string Sub(const ArticleRecord& record) {
    const Event* e = Primary(record);
    return e ? e->acled->sub_event_type : "none";
  }

  static Pipeline* pipeline_;
};

Pipeline* CoderTest::pipeline_ = nullptr;

TEST_F(CoderTest, AttackOnSoldiersIsABattle) {
  const ArticleRecord r = Code("Militants attacked an army checkpoint near Mosul on Monday, killing three soldiers.");
  EXPECT_EQ(Sub(r), "Armed clash");
  EXPECT_EQ(Primary(r)->acled->event_type, "Battles");
  EXPECT_EQ(Primary(r)->outcome.killed, 3);
}

TEST_F(CoderTest, KillingOfVillagersIsViolenceAgainstCivilians) {
  const ArticleRecord r = Code("Gunmen killed four villagers in an attack on a farming village in Zamfara state.");
  EXPECT_EQ(Sub(r), "Attack");
  EXPECT_EQ(Primary(r)->acled->event_type, "Violence against civilians");
  EXPECT_EQ(Primary(r)->outcome.killed, 4);
}

TEST_F(CoderTest, RemoteWeapons) {
  EXPECT_EQ(Sub(Code("A drone strike hit a car on the outskirts of Marib, killing two men.")), "Air/drone strike");
  EXPECT_EQ(Sub(Code("A roadside bomb exploded next to a bus in Kandahar, killing six passengers.")),
            "Remote explosive/landmine/IED");
  EXPECT_EQ(Sub(Code("Government troops shelled rebel positions outside the town for several hours.")),
            "Shelling/artillery/missile attack");
}

TEST_F(CoderTest, ProtestsByWhatHappened) {
  const ArticleRecord peaceful = Code("Hundreds of people marched peacefully through Accra on Saturday.");
  EXPECT_EQ(Sub(peaceful), "Peaceful protest");
  EXPECT_EQ(Primary(peaceful)->outcome.participants, 100);  // "hundreds": the documented rule
  EXPECT_EQ(Sub(Code("Police fired tear gas to disperse students protesting fee increases in Nairobi.")),
            "Protest with intervention");
  EXPECT_EQ(Sub(Code("Protesters threw stones at police and burned tyres on a main road in Lagos.")),
            "Violent demonstration");
}

TEST_F(CoderTest, ArrestsAndAgreements) {
  const ArticleRecord arrests = Code("Police arrested 12 people in a raid on a market in Karachi.");
  EXPECT_EQ(Sub(arrests), "Arrests");
  EXPECT_EQ(Primary(arrests)->outcome.arrested, 12);
  EXPECT_EQ(Sub(Code("The two warring sides signed a ceasefire agreement in Khartoum.")), "Agreement");
}

TEST_F(CoderTest, OneEventToldThreeTimesIsMerged) {
  const ArticleRecord r = Code(
      "Police and protesters clashed in Lyon on Thursday. The clashes left five officers injured, police said. "
      "Witnesses said the fighting lasted an hour.");
  ASSERT_GE(r.events.size(), 1u);
  const Event& clash = r.events.front();
  EXPECT_EQ(clash.evidence.size(), 3u);
  EXPECT_EQ(clash.outcome.injured, 5);
  EXPECT_EQ(clash.date, "2021-12-30");  // the Thursday before Friday 31 December 2021
  EXPECT_EQ(clash.date_precision, DatePrecision::kDay);
  ASSERT_TRUE(clash.location.has_value());
  EXPECT_EQ(clash.location->name, "Lyon");
  EXPECT_EQ(clash.location->country, "FR");
  EXPECT_EQ(std::count_if(r.events.begin(), r.events.end(), [](const Event& e) { return e.acled.has_value(); }), 1);
}

TEST_F(CoderTest, DistinctEventsStayDistinct) {
  const ArticleRecord r = Code(
      "Rebels attacked a police station in Goma on Tuesday. Separately, the health ministry condemned the "
      "looting of a hospital in Bukavu.");
  bool assault = false, disapprove = false;
  for (const Event& e : r.events) {
    assault |= e.type == EventType::kAssault;
    disapprove |= e.type == EventType::kDisapprove;
  }
  EXPECT_TRUE(assault);
  EXPECT_TRUE(disapprove);
}

TEST_F(CoderTest, ArrestsOfDifferentPersonsStayApart) {
  const ArticleRecord r = Code(
      "Police arrested Ruth Amadi on Sunday on suspicion of fraud.\n\nHer business partner, Colin Baird, was "
      "arrested on Monday on the same charge.");
  EXPECT_EQ(std::count_if(r.events.begin(), r.events.end(), [](const Event& e) { return e.type == EventType::kCoerce; }),
            2);
}

TEST_F(CoderTest, OneEventPerPlaceNamedTogether) {
  EXPECT_EQ(PlacesOf(Code("Farmers marched in both Rennes and Nantes against the new tax."), EventType::kProtest),
            (std::vector<std::string>{"Nantes", "Rennes"}));
}

TEST_F(CoderTest, OneEventPerPlaceAfterANounForTheKindOfPlace) {
  EXPECT_EQ(PlacesOf(Code("Dock workers also protested in the port cities of Brest and Lorient on Monday."), EventType::kProtest),
            (std::vector<std::string>{"Brest", "Lorient"}));
}

TEST_F(CoderTest, AnEventInADivisionStandsAtItsSeat) {
  // Known only to the state: at its capital (Chennai, 13.09 N 80.28 E), as ACLED codes
  // it; the place mention keeps the state's centre.
  const ArticleRecord r = Code("Thousands of farmers protested across Tamil Nadu on Monday against the land bill.");
  const Event* protest = Primary(r);
  ASSERT_NE(protest, nullptr);
  ASSERT_TRUE(protest->location.has_value());
  EXPECT_EQ(protest->location->precision, LocationPrecision::kAdmin1);
  EXPECT_EQ(protest->location->name, "Tamil Nadu");
  EXPECT_NEAR(*protest->location->lat, 13.09, 0.05);
  EXPECT_NEAR(*protest->location->lon, 80.28, 0.05);
  const auto state = std::find_if(r.places.begin(), r.places.end(),
                                  [](const PlaceMention& p) { return p.mention == "Tamil Nadu"; });
  ASSERT_NE(state, r.places.end());
  EXPECT_GT(std::abs(*state->lat - 13.09) + std::abs(*state->lon - 80.28), 0.5);
}

TEST_F(CoderTest, AMarchFromAPlaceInATownIsInThatTown) {
  // The plaza is where the march set out from; its town, not a place the slogan names.
  const ArticleRecord r =
      Code("A crowd staged a \"Solidarity with Kenosha\" march from Cesar Chavez Plaza in Sacramento (California).");
  const Event* march = Primary(r);
  ASSERT_NE(march, nullptr);
  ASSERT_TRUE(march->location.has_value());
  EXPECT_EQ(march->location->name, "Sacramento");
}

TEST_F(CoderTest, StrategicDevelopments) {
  // Patrols and released prisoners are events ACLED records without violence.
  EXPECT_EQ(Sub(Code("On Monday, Russian and Turkish forces conducted a joint patrol near Kobani.")),
            "Change to group/activity");
  EXPECT_EQ(Sub(Code("On Tuesday the rebels released 40 soldiers from their prisons in Ghazni province.")), "Other");
  // An armed group handing out food packages changes what it does.
  EXPECT_EQ(Sub(Code("Members of a drug cartel delivered food packages to families in Tijuana on Friday.")),
            "Change to group/activity");
  // A named group that ends in a group noun is that kind of group.
  const ArticleRecord named = Code("Members of the Gulf Cartel delivered boxes with food to families in Reynosa.");
  EXPECT_EQ(Sub(named), "Change to group/activity");
  ASSERT_FALSE(Primary(named)->source.empty());
  EXPECT_EQ(Primary(named)->source[0].kind, ActorKind::kCriminals);
}

TEST_F(CoderTest, ExplosionsInNumbersAndFireBothWays) {
  // Many explosions are incoming fire, one explosion of unknown cause a planted device.
  EXPECT_EQ(Sub(Code("Monitors recorded a total of 24 explosions near Avdiivka on Monday.")),
            "Shelling/artillery/missile attack");
  EXPECT_EQ(Sub(Code("An explosion hit a market in Kabul on Monday, killing two people.")),
            "Remote explosive/landmine/IED");
  // Fire in both directions of a front line is a fight.
  EXPECT_EQ(Sub(Code("Monitors recorded 15 projectiles and shots in both directions of the front line near Avdiivka.")),
            "Armed clash");
}

TEST_F(CoderTest, ACrowdBurningThingsRiots) {
  EXPECT_EQ(Sub(Code("On Friday, angry residents burnt a bus in the town of Kumba after a road accident.")),
            "Mob violence");
  // Armed men burning trucks loot or destroy property.
  EXPECT_EQ(Sub(Code("On Friday, armed men torched three trucks on the highway near Kumba.")),
            "Looting/property destruction");
}

TEST_F(CoderTest, HeavyWeaponsWithSmallArmsAtPositionsAreAFight) {
  EXPECT_EQ(Sub(Code("On Monday, rebels fired 82mm mortars, heavy machine guns and small arms at the army's positions "
                     "near Avdiivka.")),
            "Armed clash");
  // Mortars alone are shelling.
  EXPECT_EQ(Sub(Code("On Monday, rebels fired 82mm mortars at the army's positions near Avdiivka.")),
            "Shelling/artillery/missile attack");
}

TEST_F(CoderTest, UnarmedGroupsFightingAreAMob) {
  // Party members fighting each other.
  EXPECT_EQ(Sub(Code("On Sunday, supporters of two political parties fought each other in Ntega.")), "Mob violence");
}

TEST_F(CoderTest, ShotsWithNoSideNamedAreAnExchange) {
  // Monitors who recorded the shots are no side; nobody was hurt.
  EXPECT_EQ(Sub(Code("On Monday, monitors of the OSCE recorded 65 bursts of fire involving small arms near Popasna.")),
            "Armed clash");
  // Monitors as the subject of what they observed are no side either.
  EXPECT_EQ(Sub(Code("On Monday, the OSCE observed a total of 9 explosions and shots involving small arms near "
                     "Popasna.")),
            "Armed clash");
  // A victim makes it an attack.
  EXPECT_EQ(Sub(Code("On Monday, a man was shot and wounded with small arms near Popasna.")), "Attack");
}

TEST_F(CoderTest, TheMainClauseOutranksARelativeClause) {
  // The families' sit-in is the news; the kidnapping is what they claim: the rules mark
  // it as told in a clause below the protest's (a feature the event model weighs).
  PipelineOptions options;
  options.data_dir = ANNALS_TEST_RESOURCE_DIR;
  options.use_event_model = false;
  options.with_features = true;
  auto pipeline = Pipeline::Load(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  Article article;
  article.id = "t";
  article.text = "On Monday, families who claim their children have been kidnapped by the PKK "
                 "continued their sit-in protest in Diyarbakir.";
  const ArticleRecord r = pipeline.value()->Code(article);
  auto subordinate = [&](EventType type) {
    for (const Event& e : r.events)
      if (e.type == type)
        return std::find(e.features.begin(), e.features.end(), "subordinate") != e.features.end() ? 1 : 0;
    return -1;
  };
  EXPECT_EQ(subordinate(EventType::kProtest), 0);
  EXPECT_EQ(subordinate(EventType::kAssault), 1);
}

TEST_F(CoderTest, JunkThatTriggersWithoutEndIsBounded) {
  // 30,000 crowd nouns in a row: one draft each would hold hundreds of MB per article.
  std::string junk;
  for (int i = 0; i < 15000; ++i) junk += "police protesters ";
  const ArticleRecord r = Code(junk + "went home.");
  EXPECT_LE(r.events.size(), 4000u);
  for (const Event& e : r.events)
    for (const Actor& a : e.source) EXPECT_LE(a.text.size(), 200u);  // a run of nouns is no one phrase
}

TEST_F(CoderTest, AWillingnessIsAPromise) {
  // The news is the offer, not a withdrawal that has not happened.
  const ArticleRecord r = Code("Syria says it is willing to withdraw its troops from Lebanon.");
  ASSERT_FALSE(r.events.empty());
  const Event* top = &r.events.front();
  for (const Event& e : r.events)
    if (e.confidence > top->confidence) top = &e;
  EXPECT_EQ(top->type, EventType::kAgree);
}

TEST_F(CoderTest, TheMarchToldAgainAndArrestsDenied) {
  // "the march" is the students' march told again; "made no arrests" is no intervention.
  const ArticleRecord r = Code("Hundreds of students marched through Lyon on Tuesday against higher fees. "
                               "Police said the march was peaceful and made no arrests.");
  int protests = 0;
  for (const Event& e : r.events) protests += e.type == EventType::kProtest;
  EXPECT_EQ(protests, 1);
  EXPECT_EQ(Sub(r), "Peaceful protest");
}

TEST_F(CoderTest, ViolenceReportedAsAbsentIsNoEvent) {
  // "no reports of violence" and "without arrests" deny; the march stays peaceful.
  const ArticleRecord r = Code("About 300 nurses marched through Cardiff on Friday over pay. "
                               "There were no reports of violence and the march ended without arrests.");
  for (const Event& e : r.events) {
    EXPECT_NE(e.type, EventType::kAssault);
    EXPECT_NE(e.type, EventType::kCoerce);
  }
  EXPECT_EQ(Sub(r), "Peaceful protest");
}

TEST_F(CoderTest, CrudeBombsThrownByPartyMenAreARiot) {
  // A riot's weapon in unarmed hands; the same bombs thrown by militants stay a grenade attack.
  EXPECT_EQ(Sub(Code("Supporters of a rival party hurled crude bombs at a bus in Khulna on Sunday.")), "Mob violence");
  EXPECT_EQ(Sub(Code("Militants hurled crude bombs at a bus in Khulna on Sunday.")), "Grenade");
}

// The first event of `type` in the record, or nullptr.
const Event* FirstOfType(const ArticleRecord& record, EventType type) {
  for (const Event& e : record.events)
    if (e.type == type) return &e;
  return nullptr;
}

TEST_F(CoderTest, ACapitalThatActsByDecisionIsItsGovernment) {
  const ArticleRecord expelled = Code("Moscow has expelled two British diplomats, the foreign ministry said.");
  const Event* e = FirstOfType(expelled, EventType::kSanction);  // CAMEO 166, expel diplomats
  ASSERT_NE(e, nullptr);
  ASSERT_FALSE(e->source.empty());
  EXPECT_EQ(e->source[0].text, "Moscow");
  EXPECT_EQ(e->source[0].kind, ActorKind::kGovernment);
  EXPECT_EQ(e->source[0].code, "RUS");
  const ArticleRecord rejected = Code("But Tokyo again rejected the proposal on Tuesday.");
  e = FirstOfType(rejected, EventType::kReject);
  ASSERT_NE(e, nullptr);
  ASSERT_FALSE(e->source.empty());
  EXPECT_EQ(e->source[0].code, "JPN");
  // Where things happen to a capital, or it hosts a protest, it is a place, not an actor.
  for (const char* text : {"Kabul was hit by rockets on Monday, killing two people.",
                           "Baghdad saw large protests against the government on Friday.",
                           "Protesters marched in Nairobi on Monday."}) {
    for (const Event& event : Code(text).events)
      for (const Actor& a : event.source) EXPECT_NE(a.kind, ActorKind::kGovernment) << text << ": " << a.text;
  }
}

TEST_F(CoderTest, TheStrikeOfAnAirstrikeArticleIsTheAirstrike) {
  const ArticleRecord air = Code("An airstrike hit a market in Maarat al-Numan on Thursday, killing nine people. "
                                 "Rescuers searched the rubble for hours after the strike.");
  for (const Event& e : air.events) EXPECT_NE(e.type, EventType::kProtest) << e.trigger;
  ASSERT_NE(FirstOfType(air, EventType::kAssault), nullptr);
  EXPECT_EQ(FirstOfType(air, EventType::kAssault)->acled->sub_event_type, "Air/drone strike");
  // Without a military strike in the article, a strike is a walkout.
  const ArticleRecord walkout = Code("Dock workers in Antwerp began a strike on Monday over pay.");
  ASSERT_NE(FirstOfType(walkout, EventType::kProtest), nullptr);
  EXPECT_EQ(FirstOfType(walkout, EventType::kProtest)->mode, "strike");
}

TEST_F(CoderTest, NegatedEventsAreNotCoded) {
  const ArticleRecord r = Code("The army did not attack the village, officials said.");
  for (const Event& e : r.events) EXPECT_NE(e.type, EventType::kAssault);
}

TEST_F(CoderTest, VerbalEventsHaveNoAcledType) {
  const ArticleRecord r = Code("The interior ministry condemned the attack on the bus station.");
  ASSERT_FALSE(r.events.empty());
  const Event& e = r.events.front();
  EXPECT_EQ(e.type, EventType::kDisapprove);
  EXPECT_EQ(e.cameo, "111");
  EXPECT_FALSE(e.acled.has_value());
  ASSERT_EQ(e.source.size(), 1u);
  EXPECT_EQ(e.source[0].sector, "GOV");
}

TEST_F(CoderTest, PromisesAndDemandsInPloverTerms) {
  EXPECT_EQ(Code("Norway will provide emergency aid to the flood victims, the foreign minister said.").events.front().type,
            EventType::kAgree);
  const ArticleRecord demand = Code("The European Union said Belarus must release the detained journalists.");
  bool demanded = false;
  for (const Event& e : demand.events) demanded |= e.type == EventType::kDemand;
  EXPECT_TRUE(demanded);
}

TEST_F(CoderTest, AttributionAndCountries) {
  const ArticleRecord r = Code("According to Radio Okapi, soldiers killed two suspected militia members in Beni.");
  const Event* e = Primary(r);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->attribution, std::vector<std::string>{"Radio Okapi"});
  ASSERT_FALSE(e->source.empty());
  EXPECT_EQ(e->source[0].code, "CODMIL");  // soldiers act for the country where they are
  EXPECT_EQ(e->outcome.killed, 2);
}

TEST_F(CoderTest, ProjectilesObservedNearAVillageAreShelling) {
  const ArticleRecord r = Code("On Tuesday monitors observed a total of 14 projectiles involving unknown weapons near "
                               "Avdiivka.");
  EXPECT_EQ(Sub(r), "Shelling/artillery/missile attack");
}

TEST_F(CoderTest, HeadsOrRemainsFoundAreAnAttack) {
  EXPECT_EQ(Sub(Code("In Cuernavaca, Morelos, two human heads were found beside a threatening banner on Friday.")),
            "Attack");
  EXPECT_EQ(Sub(Code("Armed men left bags that contained the remains of three men near a school in Tijuana.")),
            "Attack");
}

TEST_F(CoderTest, CommemorationRazingAndACacheOfExplosives) {
  EXPECT_EQ(Sub(Code("In Puebla, hundreds of workers commemorated May Day in the main square.")), "Peaceful protest");
  EXPECT_EQ(Sub(Code("Soldiers razed farmland owned by villagers near Nablus on Monday.")),
            "Looting/property destruction");
  EXPECT_EQ(Sub(Code("Police on the island discovered a cache of explosives hidden in a cave near Chania.")),
            "Disrupted weapons use");
  EXPECT_EQ(Sub(Code("The governor halted all entries to the district for two weeks to curb the virus.")), "Other");
}

TEST_F(CoderTest, HyphenatedRecaptureAndAnArtilleryExchange) {
  EXPECT_EQ(Sub(Code("The army re-captured Quissanga on Tuesday after it was taken over by insurgents.")),
            "Government regains territory");
  const ArticleRecord r = Code("Rebel forces exchanged artillery with the army near Marib on Saturday.");
  ASSERT_NE(Primary(r), nullptr);
  EXPECT_EQ(Primary(r)->type, EventType::kAssault);
  EXPECT_EQ(Primary(r)->mode, "artillery");
}

TEST_F(CoderTest, PeopleFromATownActThereForWantOfAnotherPlace) {
  const ArticleRecord home = Code("A group of citizens from Redeyef (Gafsa) protested on Tuesday to demand a clinic.");
  ASSERT_NE(Primary(home), nullptr);
  ASSERT_TRUE(Primary(home)->location.has_value());
  EXPECT_EQ(Primary(home)->location->mention, "Redeyef");
  const ArticleRecord away = Code("Dozens of workers from Groningen staged a protest in front of the town hall of "
                                  "Stadskanaal on Tuesday.");
  ASSERT_NE(Primary(away), nullptr);
  ASSERT_TRUE(Primary(away)->location.has_value());
  EXPECT_EQ(Primary(away)->location->name, "Stadskanaal");
}

}  // namespace
}  // namespace annals
