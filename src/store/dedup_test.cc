#include "store/dedup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace annals::store {
namespace {

const ActorFamilies& Families() {
  static const ActorFamilies families = ActorFamilies::Load().value();
  return families;
}

MentionFeatures M(std::string id, int64_t article, int64_t day, double lat, double lon, std::string source_sig = "",
                  std::string target_sig = "") {
  MentionFeatures m;
  m.event_id = std::move(id);
  m.mention_pk = article;
  m.article_pk = article;
  m.day = day;
  m.lat = lat;
  m.lon = lon;
  m.location_rank = 1;
  m.date_rank = 0;
  m.confidence = 0.5;
  m.source = ParseActorSignature(source_sig, Families());
  m.target = ParseActorSignature(target_sig, Families());
  return m;
}

TEST(StoreDedupTest, HaversineKnownDistances) {
  // Paris (48.8566, 2.3522) to London (51.5074, -0.1278): 343.5 km on the sphere.
  EXPECT_NEAR(HaversineKm(48.8566, 2.3522, 51.5074, -0.1278), 343.56, 0.05);
  EXPECT_DOUBLE_EQ(HaversineKm(10, 20, 10, 20), 0.0);
  // A quarter of the equator.
  EXPECT_NEAR(HaversineKm(0, 0, 0, 90), 10007.56, 0.05);
}

TEST(StoreDedupTest, ActorFamiliesFromTheTable) {
  const ActorFamilies& f = Families();
  EXPECT_EQ(f.Family("protesters"), f.Family("rioters"));
  EXPECT_EQ(f.Family("police"), f.Family("military"));
  EXPECT_EQ(f.Family("migrants"), f.Family("refugees"));
  EXPECT_NE(f.Family("students"), f.Family("labor"));
  EXPECT_NE(f.Family("protesters"), f.Family("police"));
  EXPECT_EQ(f.Family("unknown"), ActorFamilies::kAny);
  EXPECT_NE(f.table_hash(), 0u);
}

TEST(StoreDedupTest, ActorSignatureRoundTrip) {
  Actor police;
  police.kind = ActorKind::kPolice;
  police.country = "FRA";
  Actor crowd;
  crowd.kind = ActorKind::kProtesters;
  EXPECT_EQ(ActorSignature({police, crowd}), "police:FRA protesters:");
  const std::vector<ActorSig> sig = ParseActorSignature("police:FRA protesters:", Families());
  ASSERT_EQ(sig.size(), 2u);
  EXPECT_EQ(sig[0].family, Families().Family("police"));
  EXPECT_EQ(sig[0].country, "FRA");
  EXPECT_EQ(sig[1].country, "");
}

TEST(StoreDedupTest, TypeKeys) {
  using K = DedupOptions::TypeKey;
  EXPECT_EQ(DedupTypeKey(K::kPlover, "PROTEST", "145", std::string("Riots")), "PROTEST");
  EXPECT_EQ(DedupTypeKey(K::kAcled, "PROTEST", "145", std::string("Riots")), "ACLED:Riots");
  EXPECT_EQ(DedupTypeKey(K::kAcled, "DISAPPROVE", "111", std::nullopt), "DISAPPROVE");
  EXPECT_EQ(DedupTypeKey(K::kCameo, "PROTEST", "1451", std::nullopt), "CAMEO:14");
  EXPECT_EQ(DedupOptions().Fingerprint(), "type=plover days=1 km=25 admin2=on actors=on coarsest=admin1");
  EXPECT_EQ(PrecisionFromName("admin2"), LocationPrecision::kAdmin2);
  EXPECT_EQ(PrecisionFromName("town"), std::nullopt);
}

TEST(StoreDedupTest, PlaceDistanceAndAdmin2) {
  DedupOptions options;
  // 0.2 degrees of latitude is 22.2 km: within 25; 0.3 (33.4 km) is not.
  EXPECT_TRUE(Compatible(M("a-e1", 1, 100, 50.0, 2.0), M("b-e1", 2, 100, 50.2, 2.0), options));
  EXPECT_FALSE(Compatible(M("a-e1", 1, 100, 50.0, 2.0), M("b-e1", 2, 100, 50.3, 2.0), options));
  // Far apart but in one admin2 division.
  MentionFeatures a = M("a-e1", 1, 100, 50.0, 2.0), b = M("b-e1", 2, 100, 50.5, 2.0);
  a.country = b.country = "FR";
  a.admin1 = b.admin1 = "Hauts-de-France";
  a.admin2 = b.admin2 = "62";
  EXPECT_TRUE(Compatible(a, b, options));
  options.same_admin2 = false;
  EXPECT_FALSE(Compatible(a, b, options));
  options.same_admin2 = true;
  b.admin1 = "Normandie";  // the same code in another division is another division
  EXPECT_FALSE(Compatible(a, b, options));
  // No place: never.
  MentionFeatures nowhere = M("c-e1", 3, 100, 0, 0);
  nowhere.lat.reset();
  nowhere.lon.reset();
  EXPECT_FALSE(Compatible(nowhere, M("d-e1", 4, 100, 0, 0), options));
  options.max_km = 40;
  EXPECT_TRUE(Compatible(M("a-e1", 1, 100, 50.0, 2.0), M("b-e1", 2, 100, 50.3, 2.0), options));
  // Two differently named sublocations of one town are two places; a sublocation and
  // its town may be one.
  MentionFeatures port = M("a-e1", 1, 100, 50.95, 1.86), zone = M("b-e1", 2, 100, 50.95, 1.86);
  port.location_rank = zone.location_rank = 0;
  port.sublocation = "the port";
  zone.sublocation = "turquerie zone";
  EXPECT_FALSE(Compatible(port, zone, options));
  zone.sublocation = "the port";
  EXPECT_TRUE(Compatible(port, zone, options));
  EXPECT_TRUE(Compatible(port, M("c-e1", 3, 100, 50.95, 1.86), options));
  // A whole country's centre says nothing about where: no merging by default.
  MentionFeatures country_a = M("a-e1", 1, 100, 46.0, 2.0), country_b = M("b-e1", 2, 100, 46.0, 2.0);
  country_a.location_rank = country_b.location_rank = static_cast<int>(LocationPrecision::kCountry);
  EXPECT_FALSE(Compatible(country_a, country_b, options));
  options.coarsest = LocationPrecision::kCountry;
  EXPECT_TRUE(Compatible(country_a, country_b, options));
  country_a.location_rank = country_b.location_rank = static_cast<int>(LocationPrecision::kAdmin2);
  options.coarsest = LocationPrecision::kCity;
  EXPECT_FALSE(Compatible(country_a, country_b, options));
}

TEST(StoreDedupTest, DaysSameArticleAndActors) {
  DedupOptions options;
  EXPECT_TRUE(Compatible(M("a-e1", 1, 100, 50, 2), M("b-e1", 2, 101, 50, 2), options));
  EXPECT_FALSE(Compatible(M("a-e1", 1, 100, 50, 2), M("b-e1", 2, 102, 50, 2), options));
  EXPECT_FALSE(Compatible(M("a-e1", 1, 100, 50, 2), M("a-e2", 1, 100, 50, 2), options));
  options.max_days = 2;
  EXPECT_TRUE(Compatible(M("a-e1", 1, 100, 50, 2), M("b-e1", 2, 102, 50, 2), options));
  options.max_days = 1;
  // Protesters and rioters are one family; police of two countries are not one actor.
  EXPECT_TRUE(Compatible(M("a-e1", 1, 100, 50, 2, "protesters:", "police:FRA"),
                         M("b-e1", 2, 100, 50, 2, "rioters:FRA", "police:"), options));
  EXPECT_FALSE(Compatible(M("a-e1", 1, 100, 50, 2, "protesters:", "police:FRA"),
                          M("b-e1", 2, 100, 50, 2, "protesters:", "police:BEL"), options));
  // Students and farmers (labor) are different crowds.
  EXPECT_FALSE(Compatible(M("a-e1", 1, 100, 50, 2, "students:"), M("b-e1", 2, 100, 50, 2, "labor:"), options));
  // An empty role fits anything; roles may be swapped.
  EXPECT_TRUE(Compatible(M("a-e1", 1, 100, 50, 2, "police:"), M("b-e1", 2, 100, 50, 2, "police:", "migrants:"),
                         options));
  EXPECT_TRUE(Compatible(M("a-e1", 1, 100, 50, 2, "police:", "migrants:"),
                         M("b-e1", 2, 100, 50, 2, "refugees:", "military:"), options));
  EXPECT_TRUE(Compatible(M("a-e1", 1, 100, 50, 2, "unknown:"), M("b-e1", 2, 100, 50, 2, "students:"), options));
  options.actors = false;
  EXPECT_TRUE(Compatible(M("a-e1", 1, 100, 50, 2, "students:"), M("b-e1", 2, 100, 50, 2, "labor:"), options));
}

TEST(StoreDedupTest, ClustersAreCliquesNotChains) {
  // Daily events in one town: each is compatible with the next day's, but a cluster
  // spans at most two days.
  DedupOptions options;
  DaySweep sweep(options);
  std::vector<std::string> all;
  for (int d = 0; d < 4; ++d) {
    std::vector<MentionFeatures> day = {M("a" + std::to_string(d) + "-e1", 10 + d, 100 + d, 50, 2)};
    for (const std::string& key : sweep.AssignDay(100 + d, &day)) all.push_back(key);
  }
  EXPECT_EQ(all, (std::vector<std::string>{"a0-e1", "a0-e1", "a2-e1", "a2-e1"}));
}

TEST(StoreDedupTest, SeedIsTheMostPreciseAndTheNearestSeedWins) {
  DedupOptions options;
  DaySweep sweep(options);
  MentionFeatures coarse = M("z-e1", 1, 100, 50.0, 2.0);
  coarse.location_rank = 3;  // admin1
  MentionFeatures precise = M("y-e1", 2, 100, 50.01, 2.0);
  precise.location_rank = 0;
  MentionFeatures far = M("x-e1", 3, 100, 50.4, 2.0);  // 44 km from the others
  std::vector<MentionFeatures> day = {coarse, far, precise};
  EXPECT_EQ(sweep.AssignDay(100, &day), (std::vector<std::string>{"y-e1", "x-e1", "y-e1"}));
  // Next day: a mention 20 km from each of the two seeds' places goes to the nearer.
  std::vector<MentionFeatures> next = {M("w-e1", 4, 101, 50.22, 2.0)};
  EXPECT_EQ(sweep.AssignDay(101, &next), (std::vector<std::string>{"x-e1"}));
}

TEST(StoreDedupTest, OneMentionPerArticleInACluster) {
  DedupOptions options;
  DaySweep sweep(options);
  std::vector<MentionFeatures> day = {M("a-e1", 1, 100, 50, 2), M("a-e2", 1, 100, 50, 2), M("b-e1", 2, 100, 50, 2)};
  EXPECT_EQ(sweep.AssignDay(100, &day), (std::vector<std::string>{"a-e1", "a-e2", "a-e1"}));
}

TEST(StoreDedupTest, InputOrderDoesNotMatter) {
  std::mt19937 rng(7);
  std::vector<MentionFeatures> mentions;
  for (int i = 0; i < 60; ++i) {
    std::uniform_real_distribution<double> jitter(-0.3, 0.3);
    const char* kinds[] = {"police:", "protesters:", "students:", ""};
    mentions.push_back(M("m" + std::to_string(i) + "-e1", i, 100, 48.0 + jitter(rng), 2.0 + jitter(rng),
                         kinds[rng() % 4], kinds[rng() % 4]));
    mentions.back().location_rank = static_cast<int>(rng() % 3);
  }
  DedupOptions options;
  std::map<std::string, std::string> reference;
  {
    DaySweep sweep(options);
    std::vector<MentionFeatures> day = mentions;
    const std::vector<std::string> keys = sweep.AssignDay(100, &day);
    for (size_t i = 0; i < keys.size(); ++i) reference[mentions[i].event_id] = keys[i];
  }
  std::set<std::string> clusters;
  for (const auto& [id, key] : reference) clusters.insert(key);
  EXPECT_GT(clusters.size(), 3u);
  EXPECT_LT(clusters.size(), 60u);
  for (int trial = 0; trial < 5; ++trial) {
    std::vector<MentionFeatures> shuffled = mentions;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    DaySweep sweep(options);
    const std::vector<std::string> keys = sweep.AssignDay(100, &shuffled);
    for (size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(keys[i], reference[shuffled[i].event_id]);
  }
}

}  // namespace
}  // namespace annals::store
