#include "core/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace annals {
namespace {

std::string Quoted(std::string_view value) {
  std::string out;
  AppendJsonString(value, &out);
  return out;
}

std::string DoubleText(double value, int digits = 6) {
  std::string out;
  JsonWriter json(&out);
  json.Double(value, digits);
  return out;
}

TEST(JsonStringTest, EscapesQuotesAndBackslashes) {
  EXPECT_EQ(Quoted(R"(say "no" \ now)"), R"("say \"no\" \\ now")");
  EXPECT_EQ(Quoted(""), R"("")");
  EXPECT_EQ(Quoted("/"), R"("/")");  // the solidus needs no escape
}

TEST(JsonStringTest, EscapesEveryControlCharacter) {
  EXPECT_EQ(Quoted("a\nb\tc\rd\be\ff"), R"("a\nb\tc\rd\be\ff")");
  EXPECT_EQ(Quoted(std::string_view("\x00\x01\x1f", 3)), R"("\u0000\u0001\u001f")");
  EXPECT_EQ(Quoted("\x7f"), "\"\x7f\"");  // DEL is not a control character in JSON
}

TEST(JsonStringTest, PassesUtf8Through) {
  EXPECT_EQ(Quoted("Briançon — Île-de-France, 東京, \xF0\x9F\x98\x80"),
            "\"Briançon — Île-de-France, 東京, \xF0\x9F\x98\x80\"");
  EXPECT_EQ(Quoted("\xE2\x80\xA8"), "\"\xE2\x80\xA8\"");  // U+2028 is valid inside JSON strings
}

TEST(JsonWriterTest, DoublesAreTrimmed) {
  EXPECT_EQ(DoubleText(1.5), "1.5");
  EXPECT_EQ(DoubleText(2.0), "2");
  EXPECT_EQ(DoubleText(0.1 + 0.2), "0.3");
  EXPECT_EQ(DoubleText(50.951234567, 5), "50.95123");
  EXPECT_EQ(DoubleText(-1.86, 5), "-1.86");
  EXPECT_EQ(DoubleText(100.0, 3), "100");  // zeros before the point stay
  EXPECT_EQ(DoubleText(0.0000004), "0");    // rounds to zero: no "0." or "-0"
  EXPECT_EQ(DoubleText(-0.0000004), "0");
  EXPECT_EQ(DoubleText(-0.0), "0");
  EXPECT_EQ(DoubleText(0.8, 3), "0.8");
  EXPECT_EQ(DoubleText(1e20, 2), "100000000000000000000");
}

TEST(JsonWriterTest, NonFiniteDoublesAreNull) {
  EXPECT_EQ(DoubleText(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(DoubleText(std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonWriterTest, InsertsCommasInNestedContainers) {
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("a");
  json.Int(-12);
  json.Key("b");
  json.BeginArray();
  json.Bool(true);
  json.Null();
  json.String("x");
  json.BeginObject();
  json.EndObject();
  json.BeginArray();
  json.EndArray();
  json.EndArray();
  json.Key("c");
  json.BeginObject();
  json.Key("d");
  json.Bool(false);
  json.EndObject();
  json.Key("e\"");
  json.Int(9007199254740993);
  json.EndObject();
  EXPECT_EQ(out, R"({"a":-12,"b":[true,null,"x",{},[]],"c":{"d":false},"e\"":9007199254740993})");
}

TEST(JsonWriterTest, OptionalsWriteNullWhenEmpty) {
  std::string out;
  JsonWriter json(&out);
  json.BeginArray();
  json.OptionalString(std::nullopt);
  json.OptionalString(std::string("s"));
  json.OptionalInt(std::nullopt);
  json.OptionalInt(int64_t{0});
  json.OptionalDouble(std::nullopt);
  json.OptionalDouble(44.90123456, 2);
  json.EndArray();
  EXPECT_EQ(out, R"([null,"s",null,0,null,44.9])");
}

TEST(JsonWriterTest, AppendsToExistingText) {
  std::string out = "prefix ";
  JsonWriter json(&out);
  json.String("v");
  EXPECT_EQ(out, "prefix \"v\"");
}

}  // namespace
}  // namespace annals
