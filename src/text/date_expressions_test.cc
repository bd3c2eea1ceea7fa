#include "text/date_expressions.h"

#include <gtest/gtest.h>

#include <string>

#include "text/analyzer.h"

namespace annals::text {
namespace {

// Friday 31 December 2021.
constexpr CivilDate kFriday{2021, 12, 31};

class TextDateExpressionsTest : public ::testing::Test {
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

  // All date expressions of `text`, read as one range.
  std::vector<DateMatch> Dates(const std::string& text, std::optional<CivilDate> article = kFriday,
                               DateTense tense = DateTense::kDetect) {
    text_ = text;
    analyzer_->Analyse(text_, Field::kText, &doc_);
    return FindDates(doc_, 0, static_cast<uint32_t>(doc_.tokens.size()), article, tense);
  }
  std::string Covered(const DateMatch& m) { return std::string(doc_.SpanText(m.first_token, m.end_token)); }

  struct Expect {
    const char* text;
    const char* date;       // ISO
    DatePrecision precision;
    const char* covered;
    bool relative;
    bool future;
  };
  void Check(const Expect& e, std::optional<CivilDate> article = kFriday) {
    const std::vector<DateMatch> dates = Dates(e.text, article);
    ASSERT_EQ(dates.size(), 1u) << e.text;
    EXPECT_EQ(FormatIsoDate(dates[0].date), e.date) << e.text;
    EXPECT_EQ(dates[0].precision, e.precision) << e.text;
    EXPECT_EQ(Covered(dates[0]), e.covered) << e.text;
    EXPECT_EQ(dates[0].relative, e.relative) << e.text;
    EXPECT_EQ(dates[0].future, e.future) << e.text;
  }

  static Analyzer* analyzer_;
  std::string text_;
  Document doc_;
};
Analyzer* TextDateExpressionsTest::analyzer_ = nullptr;

constexpr auto kDay = DatePrecision::kDay;
constexpr auto kWeek = DatePrecision::kWeek;
constexpr auto kMonth = DatePrecision::kMonth;
constexpr auto kYear = DatePrecision::kYear;

TEST_F(TextDateExpressionsTest, LexiconsLoadCleanly) {
  EXPECT_TRUE(CheckDateLexicons().ok()) << CheckDateLexicons().message();
  EXPECT_EQ(Weekday(kFriday), 4);
}

TEST_F(TextDateExpressionsTest, AbsoluteDays) {
  const Expect cases[] = {
      {"Clashes broke out on 9 May 2020 near the port.", "2020-05-09", kDay, "on 9 May 2020", false, false},
      {"The vote took place on May 9, 2020, officials said.", "2020-05-09", kDay, "on May 9, 2020", false, false},
      {"It was signed May 9th 2020 in Geneva.", "2020-05-09", kDay, "May 9th 2020", false, false},
      {"The file is dated 2021-12-31 and signed.", "2021-12-31", kDay, "2021-12-31", false, false},
      {"A decree of the 5th of May 2019 applies.", "2019-05-05", kDay, "the 5th of May 2019", false, false},
      {"Troops left on 3 DECEMBER 2010 at dawn.", "2010-12-03", kDay, "on 3 DECEMBER 2010", false, false},
      {"Talks are set for 14 January 2022 in Vienna.", "2022-01-14", kDay, "14 January 2022", false, true},
  };
  for (const Expect& e : cases) Check(e);
  // Absolute dates resolve without an article date too.
  for (int k = 0; k < 5; ++k) Check(cases[k], std::nullopt);
}

TEST_F(TextDateExpressionsTest, DayAndMonthTakeTheArticleYear) {
  const Expect cases[] = {
      {"Riots erupted on 9 May in the north.", "2021-05-09", kDay, "on 9 May", true, false},
      {"Police fired on May 9 at the crowd.", "2021-05-09", kDay, "on May 9", true, false},
      {"Demonstrators gathered on Dec. 30 outside.", "2021-12-30", kDay, "on Dec. 30", true, false},
      {"Demonstrators gathered on 30 Dec. outside.", "2021-12-30", kDay, "on 30 Dec.", true, false},
      {"The shelter was cleared on the fifth of May.", "2021-05-05", kDay, "on the fifth of May", true, false},
      {"Strikes hit on 3-4 May across the country.", "2021-05-03", kDay, "on 3-4 May", true, false},
      {"Fighting raged in the night of 3 to 4 May.", "2021-05-03", kDay, "in the night of 3 to 4 May", true, false},
      {"Fighting raged on December 30-31 in the hills.", "2021-12-30", kDay, "on December 30-31", true, false},
  };
  for (const Expect& e : cases) Check(e);
}

TEST_F(TextDateExpressionsTest, DayAndMonthWellAfterTheArticleAreLastYear) {
  // Published on 2 January 2022: "Dec. 30" is three days before, in 2021.
  Check({"Demonstrators gathered on Dec. 30 outside.", "2021-12-30", kDay, "on Dec. 30", true, false},
        CivilDate{2022, 1, 2});
  // Published on 10 March 2021: "on 20 November" is last year's, "on 15 March" this year's
  // (within the slack of a week), "on 20 March" last year's.
  Check({"Police arrested him on 20 November.", "2020-11-20", kDay, "on 20 November", true, false},
        CivilDate{2021, 3, 10});
  Check({"Police arrested him on 15 March.", "2021-03-15", kDay, "on 15 March", true, true}, CivilDate{2021, 3, 10});
  Check({"Police arrested him on 20 March.", "2020-03-20", kDay, "on 20 March", true, false}, CivilDate{2021, 3, 10});
  // Ahead when the clause says so: "will" and a date earlier in the year is next year's.
  Check({"The court will rule on 5 January.", "2022-01-05", kDay, "on 5 January", true, true});
  // 29 February falls back to the last leap year.
  Check({"He was born on 29 February.", "2020-02-29", kDay, "on 29 February", true, false}, CivilDate{2021, 3, 1});
  // Without an article date, a day and month alone resolve to nothing.
  EXPECT_TRUE(Dates("Riots erupted on 9 May in the north.", std::nullopt).empty());
}

TEST_F(TextDateExpressionsTest, Weekdays) {
  const Expect cases[] = {
      {"Migrants and police clashed on Thursday in the port.", "2021-12-30", kDay, "on Thursday", true, false},
      {"Shops were looted Thursday morning.", "2021-12-30", kDay, "Thursday morning", true, false},
      {"A car was burned on Monday night.", "2021-12-27", kDay, "on Monday night", true, false},
      {"The march started on Friday at noon.", "2021-12-31", kDay, "on Friday", true, false},
      {"Gunmen attacked the village on Saturday.", "2021-12-25", kDay, "on Saturday", true, false},
      {"He resigned last Friday after the vote.", "2021-12-24", kDay, "last Friday", true, false},
      {"Talks resume next Thursday in Doha.", "2022-01-06", kDay, "next Thursday", true, true},
      {"Fighting went on late on Tuesday.", "2021-12-28", kDay, "late on Tuesday", true, false},
      {"Rioting lasted from Thursday night into Friday.", "2021-12-30", kDay, "Thursday night into Friday", true,
       false},
      {"Rioting lasted on the night of Thursday to Friday.", "2021-12-30", kDay,
       "on the night of Thursday to Friday", true, false},
      {"It was reported on Thursday, December 30, by the agency.", "2021-12-30", kDay,
       "on Thursday, December 30", true, false},
      {"It was reported Thu 30 Dec. by the agency.", "2021-12-30", kDay, "Thu 30 Dec.", true, false},
      {"It was reported Thurs., Dec. 30, by the agency.", "2021-12-30", kDay, "Thurs., Dec. 30", true, false},
  };
  for (const Expect& e : cases) Check(e);
  EXPECT_TRUE(Dates("Migrants and police clashed on Thursday.", std::nullopt).empty());
}

TEST_F(TextDateExpressionsTest, WeekdaysAheadWhenTheClauseSaysSo) {
  const Expect cases[] = {
      {"The union will strike on Monday.", "2022-01-03", kDay, "on Monday", true, true},
      {"A rally is due to take place on Saturday.", "2022-01-01", kDay, "on Saturday", true, true},
      {"The group plans to march on Tuesday.", "2022-01-04", kDay, "on Tuesday", true, true},
      {"Elections will be held on Sunday.", "2022-01-02", kDay, "on Sunday", true, true},
      {"On Sunday, the minister will meet the strikers.", "2022-01-02", kDay, "On Sunday", true, true},
      {"The talks are expected to resume on Friday.", "2021-12-31", kDay, "on Friday", true, true},
      // Past words win over a later "will".
      {"Police said on Monday they will investigate.", "2021-12-27", kDay, "on Monday", true, false},
      {"Protesters who marched on Saturday will return.", "2021-12-25", kDay, "on Saturday", true, false},
      {"On Sunday, the minister met the strikers and will meet them again.", "2021-12-26", kDay, "On Sunday", true,
       false},
  };
  for (const Expect& e : cases) Check(e);
}

TEST_F(TextDateExpressionsTest, TenseParameter) {
  auto dates = Dates("Strikers meet on Monday.", kFriday, DateTense::kFuture);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(FormatIsoDate(dates[0].date), "2022-01-03");
  EXPECT_TRUE(dates[0].future);
  dates = Dates("The union will strike on Monday.", kFriday, DateTense::kPast);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(FormatIsoDate(dates[0].date), "2021-12-27");
  EXPECT_FALSE(dates[0].future);
}

TEST_F(TextDateExpressionsTest, RelativeWords) {
  const Expect cases[] = {
      {"Two men were arrested yesterday.", "2021-12-30", kDay, "yesterday", true, false},
      {"The port is closed today.", "2021-12-31", kDay, "today", true, false},
      {"Crowds will gather tonight.", "2021-12-31", kDay, "tonight", true, true},
      {"Crowds gathered late last night.", "2021-12-30", kDay, "late last night", true, false},
      {"Shots were fired last night in the camp.", "2021-12-30", kDay, "last night", true, false},
      {"A raid took place this morning.", "2021-12-31", kDay, "this morning", true, false},
      {"Police cleared the camp overnight.", "2021-12-30", kDay, "overnight", true, false},
      {"The strike goes on tomorrow.", "2022-01-01", kDay, "tomorrow", true, true},
      {"Fighting broke out last week near the border.", "2021-12-20", kWeek, "last week", true, false},
      {"Talks began earlier this week.", "2021-12-27", kWeek, "earlier this week", true, false},
      {"Two camps were cleared earlier this month.", "2021-12-01", kMonth, "earlier this month", true, false},
      {"Inflation rose this month.", "2021-12-01", kMonth, "this month", true, false},
      {"Riots spread last month.", "2021-11-01", kMonth, "last month", true, false},
      {"Elections come next year.", "2022-01-01", kYear, "next year", true, true},
      {"Unrest grew last year.", "2020-01-01", kYear, "last year", true, false},
      {"Three attacks over the weekend left one dead.", "2021-12-25", kWeek, "over the weekend", true, false},
      {"Arrests rose over the past week.", "2021-12-24", kWeek, "the past week", true, false},
  };
  for (const Expect& e : cases) Check(e);
  // Ends of periods.
  auto dates = Dates("Fighting broke out last week.");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(FormatIsoDate(dates[0].last), "2021-12-26");
  dates = Dates("Riots spread last month.");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(FormatIsoDate(dates[0].last), "2021-11-30");
  EXPECT_TRUE(Dates("Two men were arrested yesterday.", std::nullopt).empty());
}

TEST_F(TextDateExpressionsTest, MonthsAndYears) {
  const Expect cases[] = {
      {"Protests began in May 2020 and spread.", "2020-05-01", kMonth, "in May 2020", false, false},
      {"Protests began in May and spread.", "2021-05-01", kMonth, "in May", true, false},
      {"Protests began in mid-May and spread.", "2021-05-01", kMonth, "in mid-May", true, false},
      {"Protests began in early March 2019.", "2019-03-01", kMonth, "in early March 2019", false, false},
      {"Protests began in 2019 and spread.", "2019-01-01", kYear, "in 2019", false, false},
      {"Protests began in early 2019.", "2019-01-01", kYear, "in early 2019", false, false},
      {"Prices fell since March and spread.", "2021-03-01", kMonth, "March", true, false},
      {"It rained last May in the valley.", "2021-05-01", kMonth, "last May", true, false},
  };
  for (const Expect& e : cases) Check(e);
  // A month after the article's month is last year's, unless the clause points ahead.
  Check({"Protests began in May and spread.", "2020-05-01", kMonth, "in May", true, false}, CivilDate{2021, 3, 10});
  Check({"Elections will take place in May.", "2021-05-01", kMonth, "in May", true, true}, CivilDate{2021, 3, 10});
  Check({"It rained last May in the valley.", "2020-05-01", kMonth, "last May", true, false}, CivilDate{2021, 3, 10});
  // The year of "in May 2020" is known without an article date; "in May" is not.
  EXPECT_EQ(Dates("Protests began in May 2020.", std::nullopt).size(), 1u);
  EXPECT_TRUE(Dates("Protests began in May.", std::nullopt).empty());
}

TEST_F(TextDateExpressionsTest, Ago) {
  const Expect cases[] = {
      {"He was detained two days ago.", "2021-12-29", kDay, "two days ago", true, false},
      {"He was detained 3 days ago.", "2021-12-28", kDay, "3 days ago", true, false},
      {"The camp was cleared a week ago.", "2021-12-20", kWeek, "a week ago", true, false},
      {"The law passed three months ago.", "2021-09-01", kMonth, "three months ago", true, false},
      {"The war ended two years ago.", "2019-01-01", kYear, "two years ago", true, false},
  };
  for (const Expect& e : cases) Check(e);
}

TEST_F(TextDateExpressionsTest, NotDates) {
  EXPECT_TRUE(Dates("May I ask a question?").empty());
  EXPECT_TRUE(Dates("The march began at noon and the crowd may grow.").empty());
  EXPECT_TRUE(Dates("Some 2019 people signed.").empty());
  EXPECT_TRUE(Dates("He scored 30 points.").empty());
  EXPECT_TRUE(Dates("The Sun reported it.").empty());
  EXPECT_TRUE(Dates("A June Smith spoke.").empty());
  EXPECT_TRUE(Dates("Nurses demand payment of June salaries.").empty());
  auto end_of = Dates("Talks stalled at the end of June, officials said.");
  ASSERT_EQ(end_of.size(), 1u);
  EXPECT_EQ(FormatIsoDate(end_of[0].date), "2021-06-01");
  // "In March 20 people died": the month, then a count.
  auto dates = Dates("In March 20 people died.");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(Covered(dates[0]), "In March");
  EXPECT_EQ(dates[0].precision, kMonth);
}

TEST_F(TextDateExpressionsTest, SeveralDatesInOrder) {
  auto dates = Dates("After clashes on Thursday and arrests yesterday, a march is due on 5 January 2022.");
  ASSERT_EQ(dates.size(), 3u);
  EXPECT_EQ(FormatIsoDate(dates[0].date), "2021-12-30");
  EXPECT_EQ(FormatIsoDate(dates[1].date), "2021-12-30");
  EXPECT_EQ(FormatIsoDate(dates[2].date), "2022-01-05");
  EXPECT_TRUE(dates[2].future);
  EXPECT_LT(dates[0].end_token, dates[1].first_token);
}

TEST_F(TextDateExpressionsTest, BoundsAndBadArguments) {
  Dates("Clashes on Thursday.");
  std::vector<DateMatch> out(3);
  FindDates(doc_, 2, 1, kFriday, &out);
  EXPECT_TRUE(out.empty());
  FindDates(doc_, 0, 1000, kFriday, &out);  // clipped to the tokens
  EXPECT_EQ(out.size(), 1u);
  // Only part of the sentence: "on" is outside, the weekday alone is read.
  FindDates(doc_, 2, 3, kFriday, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].first_token, 2u);
  // An invalid article date counts as none.
  FindDates(doc_, 0, 4, CivilDate{2021, 2, 30}, &out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace annals::text
