// Number parsing over token keys.
//
// A match is read in up to four steps, each optional but the core:
//   1. a qualifier phrase ("more than", "at least", "some"), longest first;
//   2. the core: a numeral token, else a vague quantity, else a run of number words;
//      a numeral or number words may be followed by scale words ("3.5 million");
//      a vague determiner by a unit ("several hundred" = 3 x 100);
//   3. a range tail ("20 to 30", "three or four"): the value stays the low end;
//   4. a tail: "%"/"percent", or a partitive "of whom" / "of them" (consumed) or
//      "of the ..." (only flagged).
// Numerals are read from the key: digits with "," thousands separators (groups of
// three) and one "." decimal point; a glued suffix from the lexicon ("1.2m", "2bn");
// an ordinal suffix, a time ("10:30"), a date ("2021-12-31") or another glued word
// ("10km", "1990s") makes it not a cardinal. Arithmetic is checked against overflow:
// a number that does not fit in 63 bits is not a number.
#include "text/numbers.h"

#include <string_view>
#include <unordered_map>

#include "core/tsv.h"
#include "text/phrase_table.h"

namespace annals::embedded {
extern const std::string_view kNumberWordsTsv;
extern const std::string_view kNumberQualifiersTsv;
extern const std::string_view kVagueQuantitiesTsv;
}  // namespace annals::embedded

namespace annals::text {
namespace {

enum WordKind : uint16_t {
  kUnit = 1u << 0,
  kTeen = 1u << 1,
  kTens = 1u << 2,
  kScale = 1u << 3,
  kDozen = 1u << 4,
  kOrdinal = 1u << 5,
  kSuffix = 1u << 6,
  kOfPronoun = 1u << 7,
  kOfDet = 1u << 8,
  kNotOne = 1u << 9,
  kStart = 1u << 10,  // first word of a qualifier or vague phrase, or "between", "half", "a"
};

struct WordInfo {
  uint16_t kinds = 0;
  int64_t value = 0;  // of the cardinal kind (unit, teen, tens, scale, dozen, suffix)
  int64_t ordinal = 0;
};

enum VagueKind : int32_t { kVagueNoun = 1, kVagueDet = 2 };

class NumberLexicon {
 public:
  static const NumberLexicon& Get() {
    static const NumberLexicon lexicon;
    return lexicon;
  }

  const WordInfo* Word(std::string_view key) const {
    auto it = words_.find(key);
    return it == words_.end() ? nullptr : &it->second;
  }
  bool Is(std::string_view key, uint16_t kind) const {
    const WordInfo* w = Word(key);
    return w != nullptr && (w->kinds & kind) != 0;
  }

  PhraseTable qualifiers, vague, percent;
  Status status;  // the first problem met while loading; ok() when the lexicons are sound

 private:
  NumberLexicon() {
    Result<TsvTable> words = ParseTsv(embedded::kNumberWordsTsv, "data/text/number_words.tsv", 3);
    if (!words.ok()) {
      status = words.status();
    } else {
      static const std::unordered_map<std::string_view, uint16_t> kKinds = {
          {"unit", kUnit},        {"teen", kTeen},   {"tens", kTens},         {"scale", kScale},
          {"dozen", kDozen},      {"ordinal", kOrdinal}, {"suffix", kSuffix}, {"of_pronoun", kOfPronoun},
          {"of_det", kOfDet},     {"not_one", kNotOne}, {"percent", 0}};
      for (const TsvTable::Row& row : words.value().rows) {
        const std::string_view word = row.fields[0], kind = row.fields[2];
        auto k = kKinds.find(kind);
        int64_t value = 0;
        for (char c : row.fields[1]) value = value * 10 + (c - '0');
        if (k == kKinds.end() || row.fields[1].empty() ||
            row.fields[1].find_first_not_of("0123456789") != std::string_view::npos) {
          Fail("data/text/number_words.tsv:" + std::to_string(row.line) + ": bad kind or value");
          continue;
        }
        if (kind == "percent") {
          percent.Add(word, 0, 0, 0, row.line);
          continue;
        }
        WordInfo& info = words_[word];
        info.kinds |= k->second;
        if (k->second == kOrdinal) info.ordinal = value;
        else if (k->second & (kUnit | kTeen | kTens | kScale | kDozen | kSuffix)) info.value = value;
      }
    }
    for (std::string_view opener : {"between", "half", "a", "an"}) MarkStart(opener);
    Result<TsvTable> quals = ParseTsv(embedded::kNumberQualifiersTsv, "data/text/number_qualifiers.tsv", 2);
    if (!quals.ok()) {
      Fail(quals.status().message());
    } else {
      static const std::unordered_map<std::string_view, NumberQualifier> kQualifiers = {
          {"about", NumberQualifier::kAbout},        {"at_least", NumberQualifier::kAtLeast},
          {"more_than", NumberQualifier::kMoreThan}, {"nearly", NumberQualifier::kNearly},
          {"up_to", NumberQualifier::kUpTo},         {"less_than", NumberQualifier::kLessThan}};
      for (const TsvTable::Row& row : quals.value().rows) {
        auto q = kQualifiers.find(row.fields[1]);
        if (q == kQualifiers.end() || !qualifiers.Add(row.fields[0], 0, static_cast<int32_t>(q->second), 0, row.line))
          Fail("data/text/number_qualifiers.tsv:" + std::to_string(row.line) + ": bad qualifier");
        MarkStart(row.fields[0]);
      }
    }
    Result<TsvTable> vague_rows = ParseTsv(embedded::kVagueQuantitiesTsv, "data/text/vague_quantities.tsv", 4);
    if (!vague_rows.ok()) {
      Fail(vague_rows.status().message());
    } else {
      for (const TsvTable::Row& row : vague_rows.value().rows) {
        int64_t value = 0;
        const bool digits = !row.fields[1].empty() &&
                            row.fields[1].find_first_not_of("0123456789") == std::string_view::npos;
        for (char c : row.fields[1]) value = value * 10 + (c - '0');
        const int32_t kind = row.fields[2] == "noun" ? kVagueNoun : row.fields[2] == "det" ? kVagueDet : 0;
        if (!digits || kind == 0 || !vague.Add(row.fields[0], value, kind, 0, row.line))
          Fail("data/text/vague_quantities.tsv:" + std::to_string(row.line) + ": bad value or kind");
        MarkStart(row.fields[0]);
      }
    }
  }

  void Fail(std::string message) {
    if (status.ok()) status = Status(ErrorCode::kCorruptResource, std::move(message));
  }

  // Marks the first word of `phrase` as one that may open a number.
  void MarkStart(std::string_view phrase) { words_[phrase.substr(0, phrase.find(' '))].kinds |= kStart; }

  std::unordered_map<std::string_view, WordInfo> words_;
};

constexpr int64_t kMaxValue = int64_t{1} << 62;

// a * b, or -1 on overflow (both non-negative).
int64_t Mul(int64_t a, int64_t b) {
  if (a < 0 || b < 0) return -1;
  if (a != 0 && b > kMaxValue / a) return -1;
  return a * b;
}
int64_t Add(int64_t a, int64_t b) {
  if (a < 0 || b < 0 || a > kMaxValue - b) return -1;
  return a + b;
}
int64_t Pow10(int n) {
  int64_t v = 1;
  while (n-- > 0) v *= 10;
  return v;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// A numeral token's key, read.
struct Numeral {
  int64_t mantissa = 0;  // all digits, without the decimal point
  int decimals = 0;      // digits after the point
  int digits = 0;        // digits before the point
  bool separators = false;
  int64_t suffix = 1;    // "m" -> 1e6
  enum class Tail { kNone, kRange, kModifier } tail = Tail::kNone;
  int64_t range_high = 0;
  bool ok = false;
  bool ordinal = false;
  int64_t value() const {  // truncated
    return mantissa / Pow10(decimals);
  }
};

// Reads digits, separators and the decimal point from `s` at `*pos`. Returns false on
// overflow or a malformed group.
bool ReadDigits(std::string_view s, size_t* pos, Numeral* n) {
  size_t i = *pos;
  bool point = false;
  int group = -1;  // digits since the last ',' (-1: no comma yet)
  while (i < s.size()) {
    const char c = s[i];
    if (IsDigit(c)) {
      if (n->digits + n->decimals >= 18) return false;
      n->mantissa = n->mantissa * 10 + (c - '0');
      if (point) ++n->decimals;
      else ++n->digits;
      if (group >= 0 && !point) ++group;
      ++i;
      continue;
    }
    if (c == ',' && !point && i + 1 < s.size() && IsDigit(s[i + 1])) {
      if (group >= 0 && group != 3) return false;
      if (group < 0 && n->digits > 3) return false;
      group = 0;
      n->separators = true;
      ++i;
      continue;
    }
    if (c == '.' && !point && i + 1 < s.size() && IsDigit(s[i + 1])) {
      if (group >= 0 && group != 3) return false;
      point = true;
      ++i;
      continue;
    }
    break;
  }
  if (group >= 0 && group != 3 && !point) return false;
  *pos = i;
  return true;
}

Numeral ReadNumeral(const NumberLexicon& lex, std::string_view key) {
  Numeral n;
  size_t pos = 0;
  if (key.empty() || !IsDigit(key[0]) || !ReadDigits(key, &pos, &n)) return n;
  if (pos == key.size()) {
    n.ok = true;
    return n;
  }
  const std::string_view rest = key.substr(pos);
  // An ordinal: "9th", "1st", "22nd", "3rd".
  if (n.decimals == 0 && !n.separators &&
      (rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) {
    n.ordinal = true;
    return n;
  }
  // A glued suffix: "1.2m", "2bn", "5k".
  if (IsLower(rest[0])) {
    const WordInfo* w = lex.Word(rest);
    if (w != nullptr && (w->kinds & kSuffix)) {
      n.suffix = w->value;
      n.ok = true;
    }
    return n;
  }
  if (rest[0] != '-' || rest.size() < 2) return n;
  // A hyphen: a range "20-25" or a modifier "15-year-old", "3,000-strong".
  const std::string_view after = rest.substr(1);
  if (IsDigit(after[0])) {
    Numeral high;
    size_t p = 0;
    if (!ReadDigits(after, &p, &high) || p != after.size() || high.decimals != 0 || n.decimals != 0) return n;
    if (n.digits == 4 && high.digits == 2 && !n.separators) return n;  // "2020-21": a season, not a count
    n.tail = Numeral::Tail::kRange;
    n.range_high = high.mantissa;
    n.ok = true;
    return n;
  }
  if (IsLower(after[0])) {
    n.tail = Numeral::Tail::kModifier;
    n.ok = true;
  }
  return n;
}

// Number words from `token`: "twenty-five", "one hundred and twenty", "a dozen",
// "half a million". Returns the value (or -1) and sets *end; *modifier when the last
// word is a hyphenated modifier ("five-year").
int64_t ReadWords(const NumberLexicon& lex, const Document& doc, uint32_t token, uint32_t limit, uint32_t* end,
                  bool* modifier) {
  int64_t total = 0, current = 0;
  bool any = false;       // a cardinal word was read
  uint16_t last = 0;      // kind of the last word
  uint32_t j = token;
  bool half = false;

  // "a hundred", "a dozen", "half a dozen", "half a million".
  std::string_view key = doc.Key(j);
  if (key == "half" && j + 2 < limit && doc.Key(j + 1) == "a" && lex.Is(doc.Key(j + 2), kScale | kDozen)) {
    half = true;
    current = 1;
    any = true;
    last = kUnit;
    j += 2;
  } else if ((key == "a" || key == "an") && j + 1 < limit && lex.Is(doc.Key(j + 1), kScale | kDozen)) {
    current = 1;
    any = true;
    last = kUnit;
    ++j;
  }

  while (j < limit) {
    key = doc.Key(j);
    // "and" inside: "one hundred and twenty".
    if (key == "and" && any && (last & (kScale | kDozen)) && j + 1 < limit &&
        lex.Is(doc.Key(j + 1), kUnit | kTeen | kTens)) {
      ++j;
      continue;
    }
    // A hyphenated compound: "twenty-five", or a modifier "five-year", "twenty-five-year-old".
    int64_t part_value = 0;
    uint16_t part_kind = 0;
    bool stop_after = false;
    if (key.find('-') != std::string_view::npos) {
      size_t start = 0;
      int parts = 0;
      uint16_t prev = 0;
      int64_t v = 0;
      while (start <= key.size()) {
        size_t dash = key.find('-', start);
        if (dash == std::string_view::npos) dash = key.size();
        const WordInfo* w = lex.Word(key.substr(start, dash - start));
        const bool numeric = w != nullptr && (w->kinds & (kUnit | kTeen | kTens)) &&
                             (parts == 0 || (prev == kTens && (w->kinds & kUnit) && w->value > 0));
        if (!numeric) {
          if (parts == 0) break;
          *modifier = true;
          stop_after = true;
          break;
        }
        v += w->value;
        prev = w->kinds & (kUnit | kTeen | kTens);
        ++parts;
        start = dash + 1;
      }
      if (parts == 0) break;
      part_value = v;
      part_kind = parts > 1 ? uint16_t{kUnit} : prev;  // "twenty-five" ends like a unit
    } else {
      const WordInfo* w = lex.Word(key);
      if (w == nullptr || !(w->kinds & (kUnit | kTeen | kTens | kScale | kDozen))) break;
      part_value = w->value;
      part_kind = w->kinds & (kUnit | kTeen | kTens | kScale | kDozen);
    }
    // Grammar of the sequence.
    if (part_kind & (kUnit | kTeen | kTens)) {
      if (any && (last & (kUnit | kTeen))) break;                 // "one two"
      if (any && (last & kTens) && !(part_kind & kUnit)) break;   // "twenty thirty"
      if (any && (last & kTens) && part_value == 0) break;
      current += part_value;
      last = part_kind;
    } else if (part_kind & kScale) {
      if (!any) break;  // a bare "hundred" is not a number
      if (part_value == 100) {
        current = Mul(current == 0 ? 1 : current, 100);
      } else {
        total = Add(total, Mul(current == 0 ? 1 : current, part_value));
        current = 0;
      }
      if (current < 0 || total < 0) return -1;
      last = kScale;
    } else {  // dozen
      if (!any) break;
      current = Mul(current == 0 ? 1 : current, 12);
      if (current < 0) return -1;
      last = kDozen;
    }
    any = true;
    ++j;
    if (stop_after) break;
  }
  if (!any || j == token) return -1;
  // "a" or "half a" must have taken a scale.
  if ((doc.Key(token) == "a" || doc.Key(token) == "an" || half) && !(last & (kScale | kDozen))) return -1;
  *end = j;
  int64_t value = Add(total, current);
  if (half && value >= 0) value /= 2;
  return value;
}

// Scale words after a numeral: "3.5 million", "20 thousand", "2 dozen". Returns the
// number of scale tokens and multiplies *value (in units of 10^-decimals).
uint32_t ReadScales(const NumberLexicon& lex, const Document& doc, uint32_t j, uint32_t limit, int64_t* scale) {
  uint32_t count = 0;
  while (j + count < limit) {
    const WordInfo* w = lex.Word(doc.Key(j + count));
    if (w == nullptr || !(w->kinds & (kScale | kDozen))) break;
    *scale = Mul(*scale, w->value);
    if (*scale < 0) return count;
    ++count;
  }
  return count;
}

// A scale or dozen word, singular or plural ("hundred", "hundreds"): its value or 0.
int64_t ScaleValue(const NumberLexicon& lex, std::string_view key) {
  const WordInfo* w = lex.Word(key);
  if ((w == nullptr || !(w->kinds & (kScale | kDozen))) && key.size() > 1 && key.back() == 's')
    w = lex.Word(key.substr(0, key.size() - 1));
  return w != nullptr && (w->kinds & (kScale | kDozen)) ? w->value : 0;
}

uint32_t Limit(const Document& doc, uint32_t token) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  const uint32_t s = doc.tokens[token].sentence;
  if (s < doc.sentences.size() && doc.sentences[s].first_token <= token && token < doc.sentences[s].end_token)
    return doc.sentences[s].end_token;
  return n;
}

// The core number at `j` (no qualifier): fills value, end, flags. False if none.
bool ReadCore(const NumberLexicon& lex, const Document& doc, uint32_t j, uint32_t limit, NumberMatch* m) {
  const Token& t = doc.tokens[j];
  const std::string_view key = doc.Key(j);
  m->number_token = j;

  // A numeral.
  if (t.Is(kNumeric)) {
    const Numeral n = ReadNumeral(lex, key);
    if (!n.ok) return false;
    uint32_t end = j + 1;
    int64_t scale = n.suffix;
    if (n.tail == Numeral::Tail::kNone && n.suffix == 1) end += ReadScales(lex, doc, end, limit, &scale);
    if (scale < 0) return false;
    int64_t value = Mul(n.mantissa, scale);
    if (value < 0) return false;
    const int64_t divisor = Pow10(n.decimals);
    m->decimal = value % divisor != 0;
    m->value = value / divisor;
    m->end_token = end;
    m->year_like = end == j + 1 && n.tail == Numeral::Tail::kNone && !n.separators && n.decimals == 0 &&
                   n.digits == 4 && n.suffix == 1 && m->value >= 1800 && m->value <= 2100;
    if (n.tail == Numeral::Tail::kRange) {
      m->range = m->approximate = true;
    } else if (n.tail == Numeral::Tail::kModifier) {
      m->modifier = true;
    }
    return true;
  }
  if (!t.Is(kWord)) return false;

  // Number words (before vague phrases: "a dozen" is exact).
  uint32_t end = j;
  bool modifier = false;
  const int64_t words = ReadWords(lex, doc, j, limit, &end, &modifier);
  if (words >= 0) {
    // "one" as a pronoun: "no one", "the one who".
    if (key == "one" && end == j + 1 && j > 0 && lex.Is(doc.Key(j - 1), kNotOne)) return false;
    m->value = words;
    m->end_token = end;
    m->modifier = modifier;
    return true;
  }

  // A vague quantity: "dozens (of)", "several (hundred)", "a few".
  if (const Phrase* p = lex.vague.Match(doc, j, limit)) {
    uint32_t e = j + p->size;
    int64_t value = p->value;
    if (p->kind == kVagueDet && e < limit) {
      if (const int64_t unit = ScaleValue(lex, doc.Key(e)); unit > 0) {  // "several hundred"
        value = Mul(value, unit);
        if (value < 0) return false;
        ++e;
      }
    }
    // A noun of quantity takes its "of" ("dozens of"), and so does a determiner that
    // took a plural unit ("several thousands of"); the words after it are the caller's.
    const bool noun_like = p->kind == kVagueNoun || e > j + p->size;
    if (noun_like && e < limit && doc.Key(e) == "of" && !(e + 1 < limit && lex.Is(doc.Key(e + 1), kOfPronoun | kOfDet)))
      ++e;
    m->value = value;
    m->end_token = e;
    m->vague = true;
    return true;
  }
  return false;
}

}  // namespace

Status CheckNumberLexicons() { return NumberLexicon::Get().status; }

std::optional<NumberMatch> ParseNumberAt(const Document& doc, uint32_t token) {
  if (token >= doc.tokens.size()) return std::nullopt;
  const NumberLexicon& lex = NumberLexicon::Get();
  // Step 0: most tokens cannot open a number; one lookup tells.
  const Token& t = doc.tokens[token];
  if (t.Is(kWord)) {
    std::string_view key = doc.Key(token);
    if (t.Is(kHyphenated)) key = key.substr(0, key.find('-'));  // "twenty-five"
    const WordInfo* w = lex.Word(key);
    if (w == nullptr || !(w->kinds & (kUnit | kTeen | kTens | kStart))) return std::nullopt;
  } else if (!t.Is(kNumeric)) {
    return std::nullopt;
  }
  const uint32_t limit = Limit(doc, token);
  NumberMatch m;
  m.first_token = token;

  // Step 1: a qualifier, then the core; "some" alone falls back to the vague "some".
  bool core = false;
  if (const Phrase* q = lex.qualifiers.Match(doc, token, limit); q != nullptr && token + q->size < limit) {
    NumberMatch inner = m;
    if (ReadCore(lex, doc, token + q->size, limit, &inner) && !inner.vague) {
      m = inner;
      m.first_token = token;
      m.qualifier = static_cast<NumberQualifier>(q->kind);
      m.approximate = true;
      core = true;
    }
  }
  if (!core) {
    // "between 20 and 30"
    if (doc.Key(token) == "between" && token + 1 < limit) {
      NumberMatch low = m;
      if (ReadCore(lex, doc, token + 1, limit, &low) && !low.vague && low.end_token + 1 < limit &&
          doc.Key(low.end_token) == "and") {
        NumberMatch high = m;
        if (ReadCore(lex, doc, low.end_token + 1, limit, &high) && !high.vague && high.value > low.value) {
          m = low;
          m.first_token = token;
          m.end_token = high.end_token;
          m.range = m.approximate = true;
          m.year_like = false;
          core = true;
        }
      }
      if (!core) return std::nullopt;
    } else if (!ReadCore(lex, doc, token, limit, &m)) {
      return std::nullopt;
    }
  }

  // Step 2: a range tail: "20 to 30", "three or four", "20 - 30".
  if (!m.vague && !m.range && !m.modifier && m.end_token + 1 < limit) {
    const std::string_view link = doc.Key(m.end_token);
    const bool from = token > 0 && doc.Key(token - 1) == "from";
    if ((link == "or" || link == "-" || link == "--" || (link == "to" && !from)) &&
        (doc.tokens[m.end_token + 1].Is(kNumeric) || doc.tokens[m.end_token + 1].Is(kWord))) {
      NumberMatch high;
      if (ReadCore(lex, doc, m.end_token + 1, limit, &high) && !high.vague && !high.modifier &&
          high.value > m.value && !(m.year_like && high.year_like)) {
        m.end_token = high.end_token;
        m.range = m.approximate = true;
        m.year_like = false;
      }
    }
  }

  // Step 3: "%", "percent"; or a partitive.
  if (m.end_token < limit) {
    if (const Phrase* p = lex.percent.Match(doc, m.end_token, limit); p != nullptr && !m.vague) {
      m.percent = true;
      m.end_token += p->size;
      m.year_like = false;
    } else if (doc.Key(m.end_token) == "of" && m.end_token + 1 < limit && !m.modifier) {
      const std::string_view next = doc.Key(m.end_token + 1);
      if (lex.Is(next, kOfPronoun)) {
        m.partitive = true;
        m.end_token += 2;
      } else if (lex.Is(next, kOfDet)) {
        m.partitive = true;
      }
    }
  }
  return m;
}

std::optional<OrdinalMatch> ParseOrdinalAt(const Document& doc, uint32_t token) {
  if (token >= doc.tokens.size()) return std::nullopt;
  const NumberLexicon& lex = NumberLexicon::Get();
  const uint32_t limit = Limit(doc, token);
  const Token& t = doc.tokens[token];
  const std::string_view key = doc.Key(token);
  if (t.Is(kNumeric)) {
    const Numeral n = ReadNumeral(lex, key);
    if (!n.ordinal) return std::nullopt;
    return OrdinalMatch{n.mantissa, token + 1};
  }
  if (!t.Is(kWord)) return std::nullopt;
  // "twenty-first", "first", "hundredth".
  int64_t value = 0;
  size_t start = 0;
  bool ordinal = false;
  uint16_t prev = 0;
  while (start <= key.size()) {
    size_t dash = key.find('-', start);
    if (dash == std::string_view::npos) dash = key.size();
    const WordInfo* w = lex.Word(key.substr(start, dash - start));
    if (w == nullptr || ordinal) return std::nullopt;
    if (w->kinds & kOrdinal) {
      if (prev == kTens && w->ordinal >= 10) return std::nullopt;
      value += w->ordinal;
      ordinal = true;
    } else if ((w->kinds & kTens) && prev == 0) {
      value += w->value;
      prev = kTens;
    } else {
      return std::nullopt;
    }
    start = dash + 1;
  }
  if (ordinal) return OrdinalMatch{value, token + 1};
  // "twenty first": a tens word, then an ordinal below ten.
  if (prev == kTens && token + 1 < limit) {
    const WordInfo* w = lex.Word(doc.Key(token + 1));
    if (w != nullptr && (w->kinds & kOrdinal) && w->ordinal < 10) return OrdinalMatch{value + w->ordinal, token + 2};
  }
  return std::nullopt;
}

}  // namespace annals::text
