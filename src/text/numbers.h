// Numbers in running text: numerals ("15", "1,200", "3.5 million", "1.2m", "2bn"),
// number words ("fifteen", "twenty-five", "one hundred and twenty", "a dozen", "half a
// dozen"), vague quantities ("dozens of", "several", "a few"), qualified numbers
// ("more than 20", "at least 5", "about 100") and partitives ("one of whom").
//
// The words live in data/text/number_words.tsv, number_qualifiers.tsv and
// vague_quantities.tsv (the values ACLED's rule gives to vague counts), embedded in the
// library and parsed once, on first use. Parsing reads token keys only and allocates
// nothing.
#ifndef ANNALS_TEXT_NUMBERS_H_
#define ANNALS_TEXT_NUMBERS_H_

#include <cstdint>
#include <optional>

#include "text/document.h"

namespace annals::text {

// How the stated value relates to the true one.
enum class NumberQualifier : uint8_t {
  kNone,      // "15"
  kAbout,     // "about 100", "around", "some 200", "an estimated 5,000"
  kAtLeast,   // "at least 5", "no fewer than"
  kMoreThan,  // "more than 20", "over 100"
  kNearly,    // "nearly 50", "almost", "close to"
  kUpTo,      // "up to 30", "as many as 40"
  kLessThan,  // "fewer than 10", "under 5"
};

struct NumberMatch {
  int64_t value = 0;          // the number as stated; for a vague quantity, the count of
                              // data/text/vague_quantities.tsv; for a range, its low end;
                              // a decimal without a scale is truncated ("3.5" -> 3)
  uint32_t first_token = 0;   // the token asked for (a qualifier's first word, or the number)
  uint32_t number_token = 0;  // first token of the number itself, after any qualifier
  uint32_t end_token = 0;     // exclusive; covers "of" after a noun of quantity ("dozens
                              // of") and "of whom"/"of them" after a partitive
  bool vague = false;         // "dozens", "several", "a few", "several hundred"
  bool approximate = false;   // a qualifier came before it, or it is a range ("20-25")
  bool year_like = false;     // four digits without separators, 1800..2100 ("2019"):
                              // maybe a year; callers decide from the context
  bool partitive = false;     // followed by "of whom", "of them", "of the ..." ("one of
                              // whom"): the number counts part of a group named elsewhere
  bool decimal = false;       // a fraction was dropped ("3.5" -> 3; not "3.5 million")
  bool range = false;         // "20-25", "3 to 4", "between 20 and 30": value = low end
  bool percent = false;       // followed by "%", "percent", "per cent" (consumed)
  bool modifier = false;      // inside a hyphenated modifier: "15-year-old", "three-day"
  NumberQualifier qualifier = NumberQualifier::kNone;
};

// The number that starts at token `token` of `doc`, or nullopt. A match may start with
// a qualifier ("more than 20") or a vague word ("dozens"). Not numbers: ordinals
// ("9th", "third": see ParseOrdinalAt), times ("10:30"), ISO dates ("2021-12-31"),
// a bare scale word ("hundred", "dozen" without "a" or a number before it), "one" as a
// pronoun ("no one", "the one who"), and "a"/"an" alone.
std::optional<NumberMatch> ParseNumberAt(const Document& doc, uint32_t token);

struct OrdinalMatch {
  int64_t value = 0;         // "9th" -> 9, "twenty-first" -> 21
  uint32_t end_token = 0;    // exclusive
};

// The ordinal that starts at `token`: "9th", "1st", "23rd", "third", "twenty-first",
// "twenty first", "hundredth". Nullopt otherwise.
std::optional<OrdinalMatch> ParseOrdinalAt(const Document& doc, uint32_t token);

// The first problem met while parsing the embedded number lexicons on first use, or
// ok. A malformed row is skipped (and reported here), so parsing never fails.
Status CheckNumberLexicons();

}  // namespace annals::text

#endif  // ANNALS_TEXT_NUMBERS_H_
