// Number and date expression parsers on arbitrary text: ParseNumberAt and ParseOrdinalAt
// at every token, FindDates over every sentence against an article date taken from the
// first three bytes (or none). Matches stay inside their range, in order, not
// overlapping; every date is a real one and no later than the period's last day.
#include <optional>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "fuzz_analyzer.h"
#include "fuzz_common.h"
#include "text/date_expressions.h"
#include "text/numbers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using annals::fuzz::Check;
  if (size < 3) return 0;
  // Byte 0: no date (0), or a year 1900..2154; byte 1: day of the year; byte 2: tense.
  std::optional<annals::CivilDate> article_date;
  if (data[0] != 0) {
    article_date = annals::AddDays(annals::CivilDate{1899 + data[0], 1, 1}, data[1] + (data[0] & 1) * 200);
  }
  const auto tense = static_cast<annals::text::DateTense>(data[2] % 3);
  std::string_view text(reinterpret_cast<const char*>(data) + 3, size - 3);
  annals::text::Document doc;
  annals::fuzz::TheAnalyzer().Analyse(text, annals::Field::kText, &doc);
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    if (auto number = annals::text::ParseNumberAt(doc, i)) {
      Check(number->first_token == i);
      Check(number->number_token >= i && number->number_token < number->end_token && number->end_token <= n);
      Check(number->value >= 0);
    }
    if (auto ordinal = annals::text::ParseOrdinalAt(doc, i)) {
      Check(ordinal->end_token > i && ordinal->end_token <= n);
    }
  }
  std::vector<annals::text::DateMatch> dates;
  for (const annals::text::Sentence& s : doc.sentences) {
    annals::text::FindDates(doc, s.first_token, s.end_token, article_date, &dates, tense);
    uint32_t previous_end = s.first_token;
    for (const annals::text::DateMatch& d : dates) {
      Check(d.first_token >= previous_end && d.first_token < d.end_token && d.end_token <= s.end_token);
      Check(annals::IsValidDate(d.date.year, d.date.month, d.date.day));
      Check(annals::IsValidDate(d.last.year, d.last.month, d.last.day));
      Check(annals::DaysFromCivil(d.date) <= annals::DaysFromCivil(d.last));
      previous_end = d.end_token;
    }
  }
  return 0;
}
