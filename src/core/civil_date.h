// Proleptic Gregorian calendar dates as day numbers, for resolving "on Thursday",
// "yesterday" or "last week" against an article's date.
#ifndef ANNALS_CORE_CIVIL_DATE_H_
#define ANNALS_CORE_CIVIL_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace annals {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (negative before it).
long DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(long days);
// 0 = Monday ... 6 = Sunday.
int Weekday(const CivilDate& date);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);
CivilDate AddDays(const CivilDate& date, long days);

// Parses "YYYY-MM-DD", also as the prefix of an ISO 8601 timestamp
// ("2021-12-31T08:00:00Z"). Returns nullopt when the text is not a real date.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
// "YYYY-MM-DD".
std::string FormatIsoDate(const CivilDate& date);

}  // namespace annals

#endif  // ANNALS_CORE_CIVIL_DATE_H_
