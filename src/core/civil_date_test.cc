#include "core/civil_date.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(CivilDateTest, DayNumbers) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({1969, 12, 31}), -1);
  EXPECT_EQ(DaysFromCivil({2000, 1, 1}), 10957);
  EXPECT_EQ(DaysFromCivil({2021, 12, 31}), 18992);
  EXPECT_EQ(DaysFromCivil({1600, 3, 1}), -135080);
  EXPECT_EQ(DaysFromCivil({2400, 2, 29}), 157113);
  EXPECT_EQ(CivilFromDays(19722), (CivilDate{2023, 12, 31}));
  EXPECT_EQ(CivilFromDays(-719162), (CivilDate{1, 1, 1}));
  for (long day = -800000; day <= 800000; day += 997)
    ASSERT_EQ(DaysFromCivil(CivilFromDays(day)), day) << day;
}

TEST(CivilDateTest, Weekday) {
  EXPECT_EQ(Weekday({1970, 1, 1}), 3);    // Thursday
  EXPECT_EQ(Weekday({1969, 12, 31}), 2);  // Wednesday, before day 0
  EXPECT_EQ(Weekday({2021, 12, 31}), 4);  // Friday
  EXPECT_EQ(Weekday({2021, 12, 30}), 3);  // Thursday
  EXPECT_EQ(Weekday({2000, 1, 1}), 5);    // Saturday
  EXPECT_EQ(Weekday({2024, 1, 29}), 0);   // Monday
  EXPECT_EQ(Weekday({2023, 7, 9}), 6);    // Sunday
  EXPECT_EQ(Weekday({1600, 3, 1}), 2);    // Wednesday
}

TEST(CivilDateTest, LeapYears) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);  // divisible by 400
  EXPECT_EQ(DaysInMonth(1900, 2), 28);  // divisible by 100 only
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
  EXPECT_EQ(DaysInMonth(2023, 0), 0);
  EXPECT_EQ(DaysInMonth(2023, 13), 0);
  EXPECT_TRUE(IsValidDate(2024, 2, 29));
  EXPECT_FALSE(IsValidDate(2023, 2, 29));
  EXPECT_FALSE(IsValidDate(1900, 2, 29));
  EXPECT_FALSE(IsValidDate(2023, 4, 31));
  EXPECT_FALSE(IsValidDate(2023, 1, 0));
  EXPECT_FALSE(IsValidDate(0, 1, 1));
  EXPECT_FALSE(IsValidDate(10000, 1, 1));
}

TEST(CivilDateTest, AddDaysAcrossMonthsAndYears) {
  EXPECT_EQ(AddDays({2021, 12, 31}, 1), (CivilDate{2022, 1, 1}));
  EXPECT_EQ(AddDays({2022, 1, 1}, -1), (CivilDate{2021, 12, 31}));
  EXPECT_EQ(AddDays({2021, 12, 31}, -1), (CivilDate{2021, 12, 30}));
  EXPECT_EQ(AddDays({2024, 2, 28}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddDays({2023, 2, 28}, 1), (CivilDate{2023, 3, 1}));
  EXPECT_EQ(AddDays({2024, 3, 1}, -1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddDays({2020, 1, 31}, 30), (CivilDate{2020, 3, 1}));
  EXPECT_EQ(AddDays({2021, 12, 31}, -7), (CivilDate{2021, 12, 24}));
  EXPECT_EQ(AddDays({2019, 6, 15}, 366), (CivilDate{2020, 6, 15}));  // across 2020-02-29
  EXPECT_EQ(AddDays({2023, 5, 18}, 0), (CivilDate{2023, 5, 18}));
}

TEST(CivilDateTest, ParsesDatesAndTimestamps) {
  EXPECT_EQ(ParseIsoDate("2021-12-31"), (CivilDate{2021, 12, 31}));
  EXPECT_EQ(ParseIsoDate("2021-12-31T08:15:00Z"), (CivilDate{2021, 12, 31}));
  EXPECT_EQ(ParseIsoDate("2021-12-31T23:59:59+01:00"), (CivilDate{2021, 12, 31}));
  EXPECT_EQ(ParseIsoDate("2021-12-31 08:15"), (CivilDate{2021, 12, 31}));
  EXPECT_EQ(ParseIsoDate("2024-02-29"), (CivilDate{2024, 2, 29}));
}

TEST(CivilDateTest, RejectsWhatIsNotARealDate) {
  EXPECT_EQ(ParseIsoDate("2021-02-30"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2023-02-29"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2021-13-01"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2021-00-10"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("0000-01-01"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2021-1-01"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2021/12/31"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("20211231"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2021-12-31x"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2021-12-3"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("31/12/2021"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("yesterday"), std::nullopt);
  EXPECT_EQ(ParseIsoDate(""), std::nullopt);
  EXPECT_EQ(ParseIsoDate("２０２１-12-31"), std::nullopt);  // full-width digits
}

TEST(CivilDateTest, FormatsWithZeroPadding) {
  EXPECT_EQ(FormatIsoDate({2021, 12, 31}), "2021-12-31");
  EXPECT_EQ(FormatIsoDate({5, 3, 9}), "0005-03-09");
}

}  // namespace
}  // namespace annals
