// Date expressions in a sentence, resolved against the article's date.
//
// Read: "on 9 May 2020", "May 9, 2020", "9 May", "May 9th", "Dec. 30", "the 5th of
// May", "3 to 4 May" and "the night of 3 to 4 May" (the first day), ISO "2021-12-31",
// "on Thursday", "Thursday morning", "on Monday night", "last Friday", "next Tuesday",
// "Thursday, May 9", relative words and phrases ("yesterday", "last night",
// "overnight", "this morning", "last week", "earlier this month", "next year": see
// data/text/relative_dates.tsv), "in May 2020", "in May", "mid-May", "last March",
// "in 2019", and "two days ago", "a week ago". Month, weekday and tense words are in
// data/text/date_words.tsv.
//
// Resolution:
//   - a weekday is the latest such day on or before the article's date; when the clause
//     points ahead (a "future" word of date_words.tsv before it: "will", "is due to",
//     "plans to"; or after it when the date opens the sentence) the earliest on or
//     after it. "last Friday" is strictly before, "next Friday" strictly after;
//   - a day and month without a year take the article's year, or the year before when
//     that date would fall more than kFutureSlackDays after the article (the year after
//     when the clause points ahead and it falls more than kFutureSlackDays before);
//     a month alone likewise;
//   - a week is Monday to Sunday; a weekend is its Saturday and Sunday.
// Without an article date, expressions that need it resolve to nothing and are not
// returned; absolute ones ("9 May 2020", "May 2020", "in 2019", ISO) still are.
#ifndef ANNALS_TEXT_DATE_EXPRESSIONS_H_
#define ANNALS_TEXT_DATE_EXPRESSIONS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "annals/annals.h"
#include "core/civil_date.h"
#include "text/document.h"

namespace annals::text {

inline constexpr int kFutureSlackDays = 7;

struct DateMatch {
  CivilDate date;             // the first day of the period (the day for kDay)
  CivilDate last;             // the last day of the period (== date for kDay)
  DatePrecision precision = DatePrecision::kDay;  // kDay, kWeek, kMonth or kYear
  uint32_t first_token = 0;   // tokens [first_token, end_token), including a leading
  uint32_t end_token = 0;     // "on"/"in"/"during" and modifiers ("late on Thursday")
  bool relative = false;      // resolved against the article's date
  bool future = false;        // lies after the article's date, or its clause points ahead
};

// How to read the tense of the clause around a weekday, a day or month without a year.
enum class DateTense : uint8_t {
  kDetect,  // from the words of the sentence (see above)
  kPast,    // always the latest on or before the article date
  kFuture,  // always the earliest on or after it
};

// The date expressions in tokens [first_token, end_token) of `doc` (normally one
// sentence), in text order, not overlapping. Appends to `out` (cleared first).
void FindDates(const Document& doc, uint32_t first_token, uint32_t end_token,
               std::optional<CivilDate> article_date, std::vector<DateMatch>* out,
               DateTense tense = DateTense::kDetect);

// As above, returning a new vector.
std::vector<DateMatch> FindDates(const Document& doc, uint32_t first_token, uint32_t end_token,
                                 std::optional<CivilDate> article_date, DateTense tense = DateTense::kDetect);

// The first problem met while parsing the embedded date lexicons on first use, or ok.
Status CheckDateLexicons();

}  // namespace annals::text

#endif  // ANNALS_TEXT_DATE_EXPRESSIONS_H_
