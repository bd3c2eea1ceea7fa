// The event model's calibration file and the trained model (event_model.h).
#include "code/event_model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "annals/annals.h"

namespace annals::code {
namespace {

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(CalibrationTest, JoinsItsPointsByLinesAndRoundTrips) {
  const Calibration c({{0.1, 0.02}, {0.5, 0.3}, {0.9, 0.8}}, 0.3);
  EXPECT_DOUBLE_EQ(c.Apply(0.0), 0.02);   // below the first point: its value
  EXPECT_DOUBLE_EQ(c.Apply(0.1), 0.02);
  EXPECT_DOUBLE_EQ(c.Apply(0.3), 0.16);   // half way from 0.1 to 0.5
  EXPECT_DOUBLE_EQ(c.Apply(0.7), 0.55);
  EXPECT_DOUBLE_EQ(c.Apply(0.95), 0.8);   // above the last point: its value
  EXPECT_DOUBLE_EQ(Calibration().Apply(0.37), 0.37);  // no points: the raw value
  auto read = Calibration::Read(WriteTemp("calibration.tsv", c.Write()));
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_DOUBLE_EQ(read.value().threshold(), 0.3);
  EXPECT_DOUBLE_EQ(read.value().Apply(0.7), 0.55);
  EXPECT_EQ(read.value().Write(), c.Write());
}

TEST(CalibrationTest, ABadFileIsNamedWithItsLine) {
  const std::string header = "row\traw\tcalibrated\n";
  auto missing = Calibration::Read(testing::TempDir() + "/no_such_calibration.tsv");
  EXPECT_EQ(missing.status().code(), ErrorCode::kMissingResource);
  auto not_probability = Calibration::Read(WriteTemp("c1.tsv", header + "threshold\t-\t0.4\npoint\t0.5\t1.7\n"));
  EXPECT_EQ(not_probability.status().code(), ErrorCode::kCorruptResource);
  EXPECT_NE(not_probability.status().message().find("c1.tsv:3"), std::string::npos)
      << not_probability.status().message();
  auto decreasing = Calibration::Read(WriteTemp("c2.tsv", header + "threshold\t-\t0.4\npoint\t0.5\t0.1\npoint\t0.2\t0.3\n"));
  EXPECT_EQ(decreasing.status().code(), ErrorCode::kCorruptResource);
  auto no_threshold = Calibration::Read(WriteTemp("c3.tsv", header + "point\t0.5\t0.1\n"));
  EXPECT_EQ(no_threshold.status().code(), ErrorCode::kCorruptResource);
  auto unknown = Calibration::Read(WriteTemp("c4.tsv", header + "threshold\t-\t0.4\nbin\t0.5\t0.1\n"));
  auto falling = Calibration::Read(WriteTemp("c5.tsv", header + "threshold\t-\t0.4\npoint\t0.2\t0.5\npoint\t0.6\t0.3\n"));
  EXPECT_EQ(falling.status().code(), ErrorCode::kCorruptResource);
  EXPECT_NE(unknown.status().message().find("'bin'"), std::string::npos) << unknown.status().message();
}

TEST(EventModelTest, AMissingOrBrokenModelIsReported) {
  auto missing = EventModel::Load(testing::TempDir() + "/no_such_folder");
  EXPECT_EQ(missing.status().code(), ErrorCode::kMissingResource);
  const std::string broken = WriteTemp("broken_model.bin", "not a model at all");
  auto corrupt = EventModel::LoadModelFile(broken, Calibration());
  EXPECT_EQ(corrupt.status().code(), ErrorCode::kCorruptResource);
  EXPECT_NE(corrupt.status().message().find("broken_model.bin"), std::string::npos);
}

TEST(EventModelTest, TheTrainedModelDecides) {
  auto model = EventModel::Load(ANNALS_TEST_RESOURCE_DIR);
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_GT(model.value()->threshold(), 0.0);
  EXPECT_LT(model.value()->threshold(), 1.0);
  // Tokens no training line held still give a probability.
  std::vector<int32_t> ids;
  model.value()->TokenIds({"zz_no_such_token", "type=PROTEST"}, &ids);
  EXPECT_EQ(ids.size(), 1u);  // the unknown token has no id
  const Decision unknown = model.value()->Decide(ids, EventType::kProtest);
  EXPECT_GE(unknown.probability, 0.0);
  EXPECT_LE(unknown.probability, 1.0);
}

// Through the Pipeline: the decision keeps what a report tells and leaves out the
// other senses of the same words.
TEST(EventModelTest, AStreetProtestOutranksAMarketRally) {
  PipelineOptions options;
  options.data_dir = ANNALS_TEST_RESOURCE_DIR;
  options.min_confidence = 0.0;
  auto pipeline = Pipeline::Load(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  auto best = [&](const std::string& title, const std::string& text) {
    Article a;
    a.id = "m";
    a.title = title;
    a.text = text;
    a.date = "2023-05-02";
    double c = 0;
    for (const Event& e : pipeline.value()->Code(a).events)
      if (e.type == EventType::kProtest) c = std::max(c, e.confidence);
    return c;
  };
  const double street = best("Thousands march against pension reform in Lyon",
                             "LYON, May 2 - Thousands of people marched through the centre of Lyon on Tuesday "
                             "to protest against the government's pension reform, the prefecture said. Police "
                             "estimated the crowd at 12,000; unions said 30,000 took part.");
  const double market = best("Oil rally lifts stocks",
                             "NEW YORK, May 2 - Stocks rallied on Tuesday as a rally in oil prices lifted energy "
                             "shares, and the dollar held steady against the yen. Analysts said the rally could "
                             "continue if crude inventories keep falling.");
  EXPECT_GT(street, 0.5);
  EXPECT_GT(street, market + 0.3);
}

}  // namespace
}  // namespace annals::code
