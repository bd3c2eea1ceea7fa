// Date expressions: a left-to-right scan over token keys.
//
// At each token the scanner skips a short prefix (a modifier and a preposition: "late
// on", "in early", "on"; "the night of") and tries the core patterns in a fixed order,
// the most specific first, so that "Thursday, May 9" is one day and not a weekday
// followed by a day:
//   1. an ISO date token ("2021-12-31");
//   2. a direction and a weekday or month ("last Friday", "next May");
//   3. a weekday, followed by a day and month if there is one, else by a part of the day
//      ("Thursday morning") and a range ("Thursday night into Friday");
//   4. an abbreviated weekday before a day and month ("Thu 9 May");
//   5. "the 5th of May" / "the fifth of May";
//   6. day, month, year ("9 May 2020", "3 to 4 May");
//   7. month, day, year ("May 9, 2020", "Dec. 30"), or month and year ("May 2020");
//   8. "mid-May";
//   9. a month alone after a context word ("in May", "since March");
//  10. a year after a context word ("in 2019");
//  11. a relative phrase of data/text/relative_dates.tsv ("last night", "this week");
//  12. "N days/weeks/months/years ago".
// A core yields an unresolved reading (say, "weekday 3, no direction"); the resolver
// turns it into dates with the article's date and the clause's tense. The tense is read
// backwards from the expression to the start of the range: the first future word
// ("will", "due") makes it future; the first past word ("said", "was") or inflected
// "-ed"/irregular past verb makes it past, except a participle right after "be"/"been"
// ("will be held"), which is skipped. With nothing before it, an expression that opens
// the sentence takes the tense of the first marker after it ("On Thursday, the
// minister will ..."). The default is past: news reports what happened.
#include "text/date_expressions.h"

#include <string_view>
#include <unordered_map>

#include "core/tsv.h"
#include "text/numbers.h"
#include "text/phrase_table.h"

namespace annals::embedded {
extern const std::string_view kDateWordsTsv;
extern const std::string_view kRelativeDatesTsv;
}  // namespace annals::embedded

namespace annals::text {
namespace {

enum DateKind : uint32_t {
  kMonth = 1u << 0,
  kWeekday = 1u << 1,
  kWeekdayAbbr = 1u << 2,
  kPartOfDay = 1u << 3,
  kPrep = 1u << 4,
  kModifier = 1u << 5,
  kMonthContext = 1u << 6,
  kYearContext = 1u << 7,
  kDirection = 1u << 8,
  kUnit = 1u << 9,
  kAgo = 1u << 10,
  kRange = 1u << 11,
  kFutureWord = 1u << 12,
  kPastWord = 1u << 13,
  kAux = 1u << 14,
};

struct DateWord {
  uint32_t kinds = 0;
  int month = 0;
  int weekday = 0;
  int direction = 0;
  int unit_days = 0;
};

enum class Unit : int32_t { kDay, kWeek, kWeekend, kMonth, kYear };

class DateLexicon {
 public:
  static const DateLexicon& Get() {
    static const DateLexicon lexicon;
    return lexicon;
  }

  // The entry of a key, or of the key without its final period ("dec." -> "dec").
  const DateWord* Word(std::string_view key) const {
    auto it = words_.find(key);
    if (it == words_.end() && key.size() > 1 && key.back() == '.') it = words_.find(key.substr(0, key.size() - 1));
    return it == words_.end() ? nullptr : &it->second;
  }
  bool Is(std::string_view key, uint32_t kind) const {
    const DateWord* w = Word(key);
    return w != nullptr && (w->kinds & kind) != 0;
  }

  PhraseTable relative;  // kind: Unit; value: offset; extra: precision | future << 8
  Status status;

 private:
  DateLexicon() {
    static const std::unordered_map<std::string_view, uint32_t> kKinds = {
        {"month", kMonth},         {"weekday", kWeekday},
        {"weekday_abbr", kWeekdayAbbr}, {"part_of_day", kPartOfDay},
        {"prep", kPrep},           {"modifier", kModifier},
        {"month_context", kMonthContext}, {"year_context", kYearContext},
        {"direction", kDirection}, {"unit", kUnit},
        {"ago", kAgo},             {"range", kRange},
        {"future", kFutureWord},   {"past", kPastWord},
        {"aux", kAux}};
    Result<TsvTable> words = ParseTsv(embedded::kDateWordsTsv, "data/text/date_words.tsv", 3);
    if (!words.ok()) {
      status = words.status();
    } else {
      for (const TsvTable::Row& row : words.value().rows) {
        auto k = kKinds.find(row.fields[1]);
        int value = 0;
        if (!ParseInt(row.fields[2], &value) || k == kKinds.end()) {
          Fail("data/text/date_words.tsv:" + std::to_string(row.line) + ": bad kind or value");
          continue;
        }
        DateWord& w = words_[row.fields[0]];
        w.kinds |= k->second;
        if (k->second == kMonth) w.month = value;
        if (k->second == kWeekday || k->second == kWeekdayAbbr) w.weekday = value;
        if (k->second == kDirection) w.direction = value;
        if (k->second == kUnit) w.unit_days = value;
      }
    }
    Result<TsvTable> rel = ParseTsv(embedded::kRelativeDatesTsv, "data/text/relative_dates.tsv", 5);
    if (!rel.ok()) {
      Fail(rel.status().message());
    } else {
      static const std::unordered_map<std::string_view, Unit> kUnits = {
          {"day", Unit::kDay}, {"week", Unit::kWeek}, {"weekend", Unit::kWeekend},
          {"month", Unit::kMonth}, {"year", Unit::kYear}};
      static const std::unordered_map<std::string_view, DatePrecision> kPrecisions = {
          {"day", DatePrecision::kDay}, {"week", DatePrecision::kWeek},
          {"month", DatePrecision::kMonth}, {"year", DatePrecision::kYear}};
      for (const TsvTable::Row& row : rel.value().rows) {
        auto unit = kUnits.find(row.fields[1]);
        auto precision = kPrecisions.find(row.fields[3]);
        int offset = 0;
        const bool future = row.fields[4] == "1";
        if (unit == kUnits.end() || precision == kPrecisions.end() || !ParseInt(row.fields[2], &offset) ||
            (!future && row.fields[4] != "0") ||
            !relative.Add(row.fields[0], offset, static_cast<int32_t>(unit->second),
                          static_cast<int32_t>(precision->second) | (future ? 1 << 8 : 0), row.line))
          Fail("data/text/relative_dates.tsv:" + std::to_string(row.line) + ": bad unit, offset or precision");
      }
    }
  }

  static bool ParseInt(std::string_view s, int* value) {
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
      negative = s[0] == '-';
      s.remove_prefix(1);
    }
    if (s.empty() || s.size() > 6) return false;
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    *value = negative ? -v : v;
    return true;
  }

  void Fail(std::string message) {
    if (status.ok()) status = Status(ErrorCode::kCorruptResource, std::move(message));
  }

  std::unordered_map<std::string_view, DateWord> words_;
};

// An expression read but not yet resolved.
struct Core {
  enum class Type { kFull, kDayMonth, kMonthYear, kMonth, kYear, kWeekday, kRelative, kAgo } type = Type::kFull;
  int year = 0, month = 0, day = 0, weekday = 0;
  int direction = 0;           // -1 last, +1 next, 0 none or "this"
  const Phrase* phrase = nullptr;
  int64_t amount = 0;          // "N units ago"
  int unit_days = 0;
  uint32_t end = 0;
};

class Scanner {
 public:
  Scanner(const Document& doc, uint32_t first, uint32_t end, std::optional<CivilDate> article, DateTense tense)
      : doc_(doc), lex_(DateLexicon::Get()), first_(first), end_(end), article_(article), tense_(tense) {}

  void Run(std::vector<DateMatch>* out) {
    uint32_t i = first_;
    while (i < end_) {
      DateMatch m;
      if (MatchAt(i, &m)) {
        out->push_back(m);
        i = m.end_token;
      } else {
        ++i;
      }
    }
  }

 private:
  std::string_view Key(uint32_t i) const { return doc_.Key(i); }
  const Token& Tok(uint32_t i) const { return doc_.tokens[i]; }
  bool Is(uint32_t i, uint32_t kind) const { return i < end_ && lex_.Is(Key(i), kind); }

  // A day of the month at `j`: "9", "9th", "3-4" (the first). Sets *next.
  int DayAt(uint32_t j, uint32_t* next) const {
    if (j >= end_ || !Tok(j).Is(kNumeric)) return 0;
    const std::string_view key = Key(j);
    int value = 0;
    size_t p = 0;
    while (p < key.size() && p < 3 && key[p] >= '0' && key[p] <= '9') value = value * 10 + (key[p++] - '0');
    if (p == 0 || p > 2 || value < 1 || value > 31) return 0;
    const std::string_view rest = key.substr(p);
    if (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th") {
      *next = j + 1;
      return value;
    }
    if (rest[0] == '-') {  // "3-4": both days of the month
      int high = 0;
      size_t q = 1;
      while (q < rest.size() && rest[q] >= '0' && rest[q] <= '9' && q < 4) high = high * 10 + (rest[q++] - '0');
      if (q == rest.size() && q > 1 && high > value && high <= 31) {
        *next = j + 1;
        return value;
      }
    }
    return 0;
  }

  // A day followed by a range to another day: "3 to 4", "3 and 4", "3-4". Returns the
  // first day and sets *next past the range.
  int DayRangeAt(uint32_t j, uint32_t* next) const {
    uint32_t n = 0;
    const int day = DayAt(j, &n);
    if (day == 0) return 0;
    uint32_t m = 0;
    if (Is(n, kRange) && DayAt(n + 1, &m) > day) n = m;
    *next = n;
    return day;
  }

  // A month name at `j`, capitalised ("May", "Dec.", "DECEMBER"); 0 if none.
  int MonthAt(uint32_t j) const {
    if (j >= end_ || !Tok(j).Is(kWord) || !(Tok(j).Is(kCapitalized) || Tok(j).Is(kAllCaps))) return 0;
    const DateWord* w = lex_.Word(Key(j));
    return w != nullptr && (w->kinds & kMonth) ? w->month : 0;
  }

  int WeekdayAt(uint32_t j, uint32_t kind = kWeekday) const {
    if (j >= end_ || !Tok(j).Is(kWord)) return -1;
    const DateWord* w = lex_.Word(Key(j));
    return w != nullptr && (w->kinds & kind) ? w->weekday : -1;
  }

  // A four-digit year at `j` (1000..2999), or 0.
  int YearAt(uint32_t j) const {
    if (j >= end_ || !Tok(j).Is(kNumeric)) return 0;
    const std::string_view key = Key(j);
    if (key.size() != 4) return 0;
    int value = 0;
    for (char c : key) {
      if (c < '0' || c > '9') return 0;
      value = value * 10 + (c - '0');
    }
    return value >= 1000 && value <= 2999 ? value : 0;
  }

  // An optional ", 2020" or "2020" after a day and month: the year, *next past it.
  int OptionalYear(uint32_t j, uint32_t* next) const {
    if (int y = YearAt(j); y > 0) {
      *next = j + 1;
      return y;
    }
    if (j < end_ && Key(j) == "," && YearAt(j + 1) > 0) {
      *next = j + 2;
      return YearAt(j + 1);
    }
    *next = j;
    return 0;
  }

  // Day-month patterns from `j`: "9 May [2020]", "May 9[, 2020]", "the 5th of May".
  bool DayMonthAt(uint32_t j, Core* c) const {
    uint32_t n = 0;
    // 6. day [range] month [year]
    if (const int day = DayRangeAt(j, &n); day > 0) {
      if (n < end_ && Key(n) == "of") ++n;  // "9th of May"
      if (const int month = MonthAt(n); month > 0) {
        uint32_t after = 0;
        const int year = OptionalYear(n + 1, &after);
        Set(c, year, month, day, after);
        return true;
      }
      return false;
    }
    // 7. month day [range] [year]
    if (const int month = MonthAt(j); month > 0) {
      if (const int day = DayRangeAt(j + 1, &n); day > 0) {
        uint32_t after = 0;
        const int year = OptionalYear(n, &after);
        // "in March 20 people died": after "in", a month and a number followed by a word
        // are a month and a count.
        if (year == 0 && j > first_ && Key(j - 1) == "in" && n < end_ && Tok(n).Is(kWord)) return false;
        Set(c, year, month, day, after);
        return true;
      }
      return false;
    }
    // 5. the ordinal of month [year]
    if (j < end_ && Key(j) == "the") {
      auto ordinal = ParseOrdinalAt(doc_, j + 1);
      if (ordinal && ordinal->value >= 1 && ordinal->value <= 31 && ordinal->end_token < end_ &&
          Key(ordinal->end_token) == "of") {
        if (const int month = MonthAt(ordinal->end_token + 1); month > 0) {
          uint32_t after = 0;
          const int year = OptionalYear(ordinal->end_token + 2, &after);
          Set(c, year, month, static_cast<int>(ordinal->value), after);
          return true;
        }
      }
    }
    return false;
  }

  static void Set(Core* c, int year, int month, int day, uint32_t end) {
    c->type = year > 0 ? Core::Type::kFull : Core::Type::kDayMonth;
    c->year = year;
    c->month = month;
    c->day = day;
    c->end = end;
  }

  // Whether "ago" comes within the next few tokens ("two and a half weeks ago").
  bool AgoAhead(uint32_t j) const {
    for (uint32_t k = j + 1; k < end_ && k <= j + 6; ++k)
      if (Key(k) == "ago") return true;
    return false;
  }

  // After a weekday: a part of the day and a range to another weekday.
  uint32_t WeekdayTail(uint32_t j) const {
    if (Is(j, kPartOfDay)) ++j;
    if (Is(j, kRange) && WeekdayAt(j + 1) >= 0) {
      j += 2;
      if (Is(j, kPartOfDay)) ++j;
    }
    return j;
  }

  bool CoreAt(uint32_t j, uint32_t prefix_start, Core* c) const {
    if (j >= end_) return false;
    const std::string_view key = Key(j);
    const Token& t = Tok(j);

    // 0. Most tokens cannot open a date: a word must be a month, weekday or direction,
    // "the", "mid-...", the first word of a relative phrase, or come a few words before
    // "ago"; anything else must be a number.
    if (t.Is(kWord)) {
      const DateWord* w = lex_.Word(key);
      const bool date_word = w != nullptr && (w->kinds & (kMonth | kWeekday | kWeekdayAbbr | kDirection));
      if (!date_word && key != "the" && !key.starts_with("mid-") && !lex_.relative.Starts(key) && !AgoAhead(j))
        return false;
    } else if (!t.Is(kNumeric)) {
      return false;
    }

    // 1. ISO date.
    if (t.Is(kNumeric) && key.size() == 10) {
      if (auto iso = ParseIsoDate(key)) {
        Set(c, iso->year, iso->month, iso->day, j + 1);
        return true;
      }
    }
    // 2. direction + weekday or month.
    if (Is(j, kDirection) && t.Is(kWord)) {
      const int direction = lex_.Word(key)->direction;
      if (const int wd = WeekdayAt(j + 1); wd >= 0) {
        c->type = Core::Type::kWeekday;
        c->weekday = wd;
        c->direction = direction;
        c->end = WeekdayTail(j + 2);
        return true;
      }
      if (const int month = MonthAt(j + 1); month > 0 && DayAt(j + 2, &c->end) == 0) {
        c->type = Core::Type::kMonth;
        c->month = month;
        c->direction = direction;
        c->end = j + 2;
        return true;
      }
    }
    // 3. weekday [, day month | month day] or weekday [part of day] [range].
    if (const int wd = WeekdayAt(j); wd >= 0) {
      uint32_t k = j + 1;
      if (k < end_ && Key(k) == ",") ++k;
      if (DayMonthAt(k, c)) return true;
      c->type = Core::Type::kWeekday;
      c->weekday = wd;
      c->direction = 0;
      c->end = WeekdayTail(j + 1);
      return true;
    }
    // 4. abbreviated weekday before a date.
    if (WeekdayAt(j, kWeekdayAbbr) >= 0 && t.Is(kCapitalized)) {
      uint32_t k = j + 1;
      while (k < end_ && (Key(k) == "," || Key(k) == ".") && k < j + 3) ++k;
      if (DayMonthAt(k, c)) return true;
    }
    // 5-7. day and month in either order, "the 5th of May".
    if (DayMonthAt(j, c)) return true;
    // 7b. month year.
    if (const int month = MonthAt(j); month > 0) {
      uint32_t k = j + 1;
      if (k < end_ && Key(k) == ",") ++k;
      if (const int year = YearAt(k); year > 0) {
        c->type = Core::Type::kMonthYear;
        c->year = year;
        c->month = month;
        c->end = k + 1;
        return true;
      }
      // 9. a month alone, after a context word; after "of", not before a word ("the
      // payment of June salaries" names no date).
      if (j > first_ && Is(j - 1, kMonthContext) && !(Key(j - 1) == "of" && j + 1 < end_ && Tok(j + 1).Is(kWord))) {
        c->type = Core::Type::kMonth;
        c->month = month;
        c->direction = 0;
        c->end = j + 1;
        return true;
      }
    }
    // 8. "mid-May" [year].
    if (t.Is(kWord) && key.size() > 4 && key.substr(0, 4) == "mid-") {
      const DateWord* w = lex_.Word(key.substr(4));
      if (w != nullptr && (w->kinds & kMonth)) {
        if (const int year = YearAt(j + 1); year > 0) {
          c->type = Core::Type::kMonthYear;
          c->year = year;
          c->end = j + 2;
        } else {
          c->type = Core::Type::kMonth;
          c->direction = 0;
          c->end = j + 1;
        }
        c->month = w->month;
        return true;
      }
    }
    // 10. a year after a context word: "in 2019", "in early 2019".
    if (const int year = YearAt(j); year > 0 && j > first_ && Is(j - 1, kYearContext)) {
      // Not "in 2019 people": a year is not followed by a plural noun or a unit.
      if (!(j + 1 < end_ && Tok(j + 1).Is(kWord) && doc_.Lemma(j + 1) != Key(j + 1))) {
        c->type = Core::Type::kYear;
        c->year = year;
        c->end = j + 1;
        return true;
      }
    }
    // 11. a relative phrase.
    if (const Phrase* p = lex_.relative.Match(doc_, j, end_)) {
      c->type = Core::Type::kRelative;
      c->phrase = p;
      c->end = j + p->size;
      return true;
    }
    // 12. N units ago.
    {
      int64_t amount = 0;
      uint32_t k = 0;
      if (key == "a" || key == "an") {
        amount = 1;
        k = j + 1;
      } else if (auto number = ParseNumberAt(doc_, j); number && !number->partitive && !number->percent &&
                                                        number->value > 0 && number->value <= 10000) {
        amount = number->value;
        k = number->end_token;
      }
      if (amount > 0 && Is(k, kUnit) && Is(k + 1, kAgo)) {
        c->type = Core::Type::kAgo;
        c->amount = amount;
        c->unit_days = lex_.Word(Key(k))->unit_days;
        c->end = k + 2;
        return true;
      }
    }
    (void)prefix_start;
    return false;
  }

  bool MatchAt(uint32_t i, DateMatch* m) const {
    // The prefix: up to two modifiers or prepositions, then "the night of".
    uint32_t k = i;
    while (k < end_ && k < i + 2 && Tok(k).Is(kWord) && Is(k, kModifier | kPrep)) ++k;
    if (k + 2 < end_ && Key(k) == "the" && Is(k + 1, kPartOfDay) && Key(k + 2) == "of") k += 3;
    Core c;
    if (!CoreAt(k, i, &c)) return false;
    m->first_token = i;
    // A preposition belongs to a date ("on Thursday"), not to a relative word: in
    // "goes on tomorrow" the "on" is the verb's.
    if (c.type == Core::Type::kRelative || c.type == Core::Type::kAgo)
      for (uint32_t p = i; p < k; ++p)
        if (!Is(p, kModifier)) m->first_token = k;
    m->end_token = c.end;
    return Resolve(c, m);
  }

  // ---- tense

  bool LooksPast(uint32_t k) const {
    const Token& t = Tok(k);
    if (!t.Is(kWord)) return false;
    if (Is(k, kPastWord)) return true;
    const std::string_view key = Key(k), lemma = doc_.Lemma(k);
    if (lemma == key || t.Is(kCapitalized)) return false;
    if (key.ends_with("ing") || key.ends_with("s")) return false;
    return true;  // "marched", "took", "fled"
  }

  // +1 future, -1 past, 0 none, reading tokens [from, to) backwards or forwards.
  int TenseIn(uint32_t from, uint32_t to, bool backwards) const {
    for (uint32_t n = 0; n < to - from; ++n) {
      const uint32_t k = backwards ? to - 1 - n : from + n;
      if (Is(k, kFutureWord)) return 1;
      if (Is(k, kAux)) continue;
      if (LooksPast(k)) {
        // A participle after "be"/"been" is not a past tense: "will be held".
        if (k > from && Is(k - 1, kAux) && !Is(k, kPastWord)) continue;
        return -1;
      }
    }
    return 0;
  }

  bool Future(const DateMatch& m) const {
    if (tense_ != DateTense::kDetect) return tense_ == DateTense::kFuture;
    const int before = TenseIn(first_, m.first_token, true);
    if (before != 0) return before > 0;
    // Nothing before: an expression that opens the range takes the tense after it.
    for (uint32_t k = first_; k < m.first_token; ++k)
      if (Tok(k).Is(kWord) || Tok(k).Is(kNumeric)) return false;
    return TenseIn(m.end_token, end_, false) > 0;
  }

  // ---- resolution

  static CivilDate MonthStart(int year, int month) { return CivilDate{year, month, 1}; }
  static CivilDate MonthEnd(int year, int month) { return CivilDate{year, month, DaysInMonth(year, month)}; }
  static void ShiftMonth(int* year, int* month, long offset) {
    long index = static_cast<long>(*year) * 12 + (*month - 1) + offset;
    *year = static_cast<int>(index / 12);
    *month = static_cast<int>(index % 12) + 1;
  }

  bool Resolve(const Core& c, DateMatch* m) const {
    const std::optional<CivilDate>& a = article_;
    switch (c.type) {
      case Core::Type::kFull:
        if (!IsValidDate(c.year, c.month, c.day)) return false;
        m->date = m->last = CivilDate{c.year, c.month, c.day};
        m->precision = DatePrecision::kDay;
        break;
      case Core::Type::kMonthYear:
        m->date = MonthStart(c.year, c.month);
        m->last = MonthEnd(c.year, c.month);
        m->precision = DatePrecision::kMonth;
        break;
      case Core::Type::kYear:
        m->date = CivilDate{c.year, 1, 1};
        m->last = CivilDate{c.year, 12, 31};
        m->precision = DatePrecision::kYear;
        break;
      case Core::Type::kDayMonth: {
        if (!a) return false;
        const bool future = Future(*m);
        int year = a->year;
        const long today = DaysFromCivil(*a);
        if (!IsValidDate(year, c.month, c.day) && !IsValidDate(--year, c.month, c.day)) return false;
        long day = DaysFromCivil(CivilDate{year, c.month, c.day});
        if (!future && day > today + kFutureSlackDays) --year;
        if (future && day < today - kFutureSlackDays) ++year;
        if (!IsValidDate(year, c.month, c.day)) return false;  // 29 February
        m->date = m->last = CivilDate{year, c.month, c.day};
        m->precision = DatePrecision::kDay;
        m->relative = true;
        m->future = future;
        break;
      }
      case Core::Type::kMonth: {
        if (!a) return false;
        int year = a->year;
        bool future = false;
        if (c.direction < 0) {
          if (c.month >= a->month) --year;
        } else if (c.direction > 0) {
          if (c.month <= a->month) ++year;
          future = true;
        } else {
          future = Future(*m);
          const long today = DaysFromCivil(*a);
          if (!future && DaysFromCivil(MonthStart(year, c.month)) > today + kFutureSlackDays) --year;
          if (future && DaysFromCivil(MonthEnd(year, c.month)) < today - kFutureSlackDays) ++year;
        }
        m->date = MonthStart(year, c.month);
        m->last = MonthEnd(year, c.month);
        m->precision = DatePrecision::kMonth;
        m->relative = true;
        m->future = future;
        break;
      }
      case Core::Type::kWeekday: {
        if (!a) return false;
        const int today = Weekday(*a);
        const int back = (today - c.weekday + 7) % 7;   // days since the weekday, on or before
        const int ahead = (c.weekday - today + 7) % 7;  // days to it, on or after
        bool future = false;
        long offset;
        if (c.direction < 0) {
          offset = -(back == 0 ? 7 : back);
        } else if (c.direction > 0) {
          offset = ahead == 0 ? 7 : ahead;
          future = true;
        } else {
          future = Future(*m);
          offset = future ? ahead : -back;
        }
        m->date = m->last = AddDays(*a, offset);
        m->precision = DatePrecision::kDay;
        m->relative = true;
        m->future = future;
        break;
      }
      case Core::Type::kRelative: {
        if (!a) return false;
        const Phrase& p = *c.phrase;
        const long offset = static_cast<long>(p.value);
        const auto precision = static_cast<DatePrecision>(p.extra & 0xFF);
        const bool phrase_future = (p.extra >> 8) & 1;
        const CivilDate monday = AddDays(*a, -Weekday(*a));
        switch (static_cast<Unit>(p.kind)) {
          case Unit::kDay:
            m->date = AddDays(*a, offset);
            m->last = precision == DatePrecision::kDay ? m->date : *a;
            break;
          case Unit::kWeek:
            m->date = AddDays(monday, 7 * offset);
            m->last = AddDays(m->date, 6);
            break;
          case Unit::kWeekend: {
            if (offset < 0) {
              const int back = (Weekday(*a) - 5 + 7) % 7;  // days since Saturday
              m->date = AddDays(*a, -(back == 0 ? 7 : back) + 7 * (offset + 1));
            } else {
              m->date = AddDays(monday, 5 + 7 * offset);
            }
            m->last = AddDays(m->date, 1);
            break;
          }
          case Unit::kMonth: {
            int year = a->year, month = a->month;
            ShiftMonth(&year, &month, offset);
            m->date = MonthStart(year, month);
            m->last = MonthEnd(year, month);
            break;
          }
          case Unit::kYear:
            m->date = CivilDate{a->year + static_cast<int>(offset), 1, 1};
            m->last = CivilDate{a->year + static_cast<int>(offset), 12, 31};
            break;
        }
        m->precision = precision;
        m->relative = true;
        m->future = phrase_future || (Future(*m) && DaysFromCivil(m->last) >= DaysFromCivil(*a));
        break;
      }
      case Core::Type::kAgo: {
        if (!a) return false;
        if (c.unit_days >= 365) {
          const int year = a->year - static_cast<int>(c.amount);
          m->date = CivilDate{year, 1, 1};
          m->last = CivilDate{year, 12, 31};
          m->precision = DatePrecision::kYear;
        } else if (c.unit_days >= 28) {
          int year = a->year, month = a->month;
          ShiftMonth(&year, &month, -c.amount);
          m->date = MonthStart(year, month);
          m->last = MonthEnd(year, month);
          m->precision = DatePrecision::kMonth;
        } else if (c.unit_days >= 7) {
          const CivilDate day = AddDays(*a, -c.amount * c.unit_days);
          m->date = AddDays(day, -Weekday(day));
          m->last = AddDays(m->date, 6);
          m->precision = DatePrecision::kWeek;
        } else {
          m->date = m->last = AddDays(*a, -c.amount * c.unit_days);
          m->precision = DatePrecision::kDay;
        }
        m->relative = true;
        break;
      }
    }
    if (!IsValidDate(m->date.year, m->date.month, m->date.day)) return false;
    if (a && !m->relative) m->future = DaysFromCivil(m->date) > DaysFromCivil(*a);
    if (a && m->relative && DaysFromCivil(m->date) > DaysFromCivil(*a)) m->future = true;
    return true;
  }

  const Document& doc_;
  const DateLexicon& lex_;
  uint32_t first_, end_;
  std::optional<CivilDate> article_;
  DateTense tense_;
};

}  // namespace

Status CheckDateLexicons() { return DateLexicon::Get().status; }

void FindDates(const Document& doc, uint32_t first_token, uint32_t end_token, std::optional<CivilDate> article_date,
               std::vector<DateMatch>* out, DateTense tense) {
  out->clear();
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  if (end_token > n) end_token = n;
  if (first_token >= end_token) return;
  if (article_date && !IsValidDate(article_date->year, article_date->month, article_date->day)) article_date.reset();
  Scanner(doc, first_token, end_token, article_date, tense).Run(out);
}

std::vector<DateMatch> FindDates(const Document& doc, uint32_t first_token, uint32_t end_token,
                                 std::optional<CivilDate> article_date, DateTense tense) {
  std::vector<DateMatch> out;
  FindDates(doc, first_token, end_token, article_date, &out, tense);
  return out;
}

}  // namespace annals::text
