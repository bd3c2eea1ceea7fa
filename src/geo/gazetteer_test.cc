// Gazetteer lookups against the compiled gazetteer.bin (built from the pinned npm data).
#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include <string>

#include "text/tokenizer.h"

namespace annals::geo {
namespace {

const Gazetteer& G() {
  static std::unique_ptr<Gazetteer> gazetteer = [] {
    auto loaded = Gazetteer::Load(std::string(ANNALS_TEST_RESOURCE_DIR) + "/gazetteer.bin");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return std::move(loaded).value();
  }();
  return *gazetteer;
}

// The first city of `key` in `country`, or nullptr.
const format::Place* City(std::string_view key, std::string_view country) {
  for (const format::Posting& p : G().Find(key).postings) {
    const format::Place& place = G().place(p.place);
    if (place.type == format::PlaceType::kCity && G().Alpha2(place.country) == country) return &place;
  }
  return nullptr;
}

TEST(GeoGazetteer, CalaisIsInFranceWithItsDivisions) {
  const format::Place* calais = City("calais", "FR");
  ASSERT_NE(calais, nullptr);
  EXPECT_EQ(calais->geonameid, 3029162u);
  EXPECT_EQ(G().Name(*calais), "Calais");
  EXPECT_NEAR(calais->lat, 50.95194, 1e-4);
  EXPECT_NEAR(calais->lon, 1.85635, 1e-4);
  ASSERT_NE(calais->admin1, format::kNone);
  EXPECT_EQ(G().Name(G().place(calais->admin1)), "Hauts-de-France");
  EXPECT_EQ(G().Code(G().place(calais->admin1)), "32");
  ASSERT_NE(calais->admin2, format::kNone);
  EXPECT_EQ(G().Name(G().place(calais->admin2)), "Pas-de-Calais");
  EXPECT_EQ(G().Code(G().place(calais->admin2)), "62");
  // The most populous Calais comes first: the French one before Calais, Maine.
  EXPECT_EQ(G().place(G().Find("calais").postings[0].place).geonameid, 3029162u);
}

TEST(GeoGazetteer, ParisIsTheCapitalInIleDeFrance) {
  const format::Place* paris = City("paris", "FR");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->geonameid, 2988507u);
  EXPECT_EQ(paris->feature, format::Feature::kCapital);
  EXPECT_EQ(G().Name(G().place(paris->admin1)), "Île-de-France");
  EXPECT_EQ(G().Code(G().place(paris->admin1)), "11");
}

TEST(GeoGazetteer, FoldedKeysMatchTokenKeys) {
  std::string precomposed, decomposed, ascii;
  text::AppendKey("Briançon", &precomposed);
  text::AppendKey("Brianc\u0327on", &decomposed);
  text::AppendKey("Briancon", &ascii);
  EXPECT_EQ(precomposed, "briancon");
  EXPECT_EQ(decomposed, "briancon");
  EXPECT_EQ(ascii, "briancon");
  const format::Place* briancon = City("briancon", "FR");
  ASSERT_NE(briancon, nullptr);
  EXPECT_EQ(briancon->geonameid, 3030142u);
  EXPECT_EQ(G().Name(*briancon), "Briançon");
}

TEST(GeoGazetteer, CountriesHaveCodesAndNames) {
  const uint16_t fr = G().FindCountry("FR");
  ASSERT_NE(fr, format::kNoCountry);
  EXPECT_EQ(G().Alpha3(fr), "FRA");
  const auto france = G().Find("france").postings;
  ASSERT_EQ(france.size(), 1u);  // never Tremblay-en-France: keys are whole names
  EXPECT_EQ(G().place(france[0].place).type, format::PlaceType::kCountry);
  EXPECT_EQ(G().Alpha2(G().place(france[0].place).country), "FR");
  // Demonyms and aliases from world-countries and data/geo/alt_names.tsv.
  const auto french = G().Find("french").postings;
  ASSERT_FALSE(french.empty());
  EXPECT_EQ(french[0].kind, format::NameKind::kDemonym);
  const auto us = G().Find("u.s.").postings;
  ASSERT_EQ(us.size(), 1u);
  EXPECT_EQ(G().Alpha2(G().place(us[0].place).country), "US");
  EXPECT_NEAR(G().place(us[0].place).lat, 39.76, 1e-3);  // data/geo/country_centres.tsv
}

TEST(GeoGazetteer, DivisionsHaveShortNamesAndDerivedCentres) {
  // "Avoyelles Parish" is also found as "Avoyelles", as a short name.
  const auto full = G().Find("avoyelles parish").postings;
  ASSERT_EQ(full.size(), 1u);
  EXPECT_EQ(full[0].kind, format::NameKind::kOfficial);
  const auto short_name = G().Find("avoyelles").postings;
  ASSERT_EQ(short_name.size(), 1u);
  EXPECT_EQ(short_name[0].place, full[0].place);
  EXPECT_EQ(short_name[0].kind, format::NameKind::kShort);
  const format::Place& parish = G().place(full[0].place);
  EXPECT_EQ(parish.type, format::PlaceType::kAdmin2);
  EXPECT_EQ(G().Code(parish), "009");
  EXPECT_EQ(G().Name(G().place(parish.admin1)), "Louisiana");
  // The centre of its cities lies in the parish (31.07, -91.97 in GeoNames).
  EXPECT_NEAR(parish.lat, 31.07, 0.3);
  EXPECT_NEAR(parish.lon, -91.97, 0.3);
}

TEST(GeoGazetteer, NewsAbbreviationsOfStates) {
  for (const char* key : {"calif.", "la.", "ore.", "pa.", "n.y.", "d.c."}) {
    const auto postings = G().Find(key).postings;
    ASSERT_EQ(postings.size(), 1u) << key;
    EXPECT_EQ(postings[0].kind, format::NameKind::kAbbreviation) << key;
    EXPECT_EQ(G().place(postings[0].place).type, format::PlaceType::kAdmin1) << key;
  }
  EXPECT_EQ(G().Name(G().place(G().Find("calif.").postings[0].place)), "California");
  EXPECT_EQ(G().Name(G().place(G().Find("d.c.").postings[0].place)), "District of Columbia");
}

TEST(GeoGazetteer, WordFlagsAndPrefixes) {
  EXPECT_TRUE(G().Find("nice").flags & format::kCommonWord);
  EXPECT_TRUE(G().Find("jordan").flags & format::kPersonName);
  EXPECT_FALSE(G().Find("calais").flags & format::kCommonWord);
  EXPECT_TRUE(G().Find("long").prefix);  // "long beach"
  EXPECT_TRUE(G().Find("middle east").flags & format::kRegion);
  EXPECT_FALSE(G().Find("no such place anywhere").found());
}

TEST(GeoGazetteer, MissingFileIsAnError) {
  auto missing = Gazetteer::Load("/nonexistent/gazetteer.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kMissingResource);
  EXPECT_NE(missing.status().message().find("/nonexistent/gazetteer.bin"), std::string::npos);
}

}  // namespace
}  // namespace annals::geo
