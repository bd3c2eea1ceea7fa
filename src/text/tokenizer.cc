// The tokenizer walks the field once, code point by code point. ASCII takes a fast
// path; other code points are classified by their Unicode general category
// (utf8proc): letters, marks and digits make words, separators are space, the rest
// is punctuation. Keys of ASCII words are lower-cased in place; other words go
// through utf8proc's case folding and mark stripping, the only allocation per token.
#include "text/tokenizer.h"

#include <utf8proc.h>

#include <cstdlib>
#include <cstring>

namespace annals::text {
namespace {

constexpr size_t kMaxAbbreviationSize = 16;  // longer words are never looked up

struct CodePoint {
  int32_t value = -1;  // -1 at the end of the text or on an invalid byte
  uint32_t size = 1;
};

CodePoint Decode(std::string_view text, size_t pos) {
  if (pos >= text.size()) return CodePoint{-1, 0};
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return CodePoint{c, 1};
  utf8proc_int32_t cp;
  const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                              static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) return CodePoint{0xFFFD, 1};  // invalid byte: one punctuation-like unit
  return CodePoint{cp, static_cast<uint32_t>(n)};
}

enum class Class : uint8_t { kSpace, kLetter, kDigit, kPunct };

Class Classify(int32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v') return Class::kSpace;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return Class::kLetter;
    if (cp >= '0' && cp <= '9') return Class::kDigit;
    if (cp < 0x20 || cp == 0x7f) return Class::kSpace;  // control characters separate tokens
    return Class::kPunct;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:  // zero-width and format characters
      return Class::kSpace;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return Class::kLetter;
    case UTF8PROC_CATEGORY_ND:
      return Class::kDigit;
    default:
      return Class::kPunct;
  }
}

bool IsUpper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool IsLower(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool IsApostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }
bool IsHyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
bool IsWordChar(int32_t cp) {
  if (cp < 0) return false;
  const Class c = Classify(cp);
  return c == Class::kLetter || c == Class::kDigit;
}
bool IsLetter(int32_t cp) { return cp >= 0 && Classify(cp) == Class::kLetter; }
bool IsAsciiDigit(int32_t cp) { return cp >= '0' && cp <= '9'; }
// Invisible format characters that may sit inside a word (soft hyphen, joiners); the
// zero-width space and the byte-order mark are word boundaries.
bool IsFormat(int32_t cp) {
  return cp >= 0x80 && cp != 0x200B && cp != 0xFEFF && utf8proc_category(cp) == UTF8PROC_CATEGORY_CF;
}

// Whether `text` at `pos` holds exactly three ASCII digits not followed by a fourth.
bool ThreeDigitGroup(std::string_view text, size_t pos) {
  if (pos + 3 > text.size()) return false;
  for (size_t k = pos; k < pos + 3; ++k)
    if (text[k] < '0' || text[k] > '9') return false;
  return pos + 3 == text.size() || text[pos + 3] < '0' || text[pos + 3] > '9';
}

// Length in bytes of an English clitic starting at the apostrophe at `pos` ("'s",
// "'re", "'ve", "'ll", "'d", "'m"), or 0. The clitic must end the word.
uint32_t CliticSize(std::string_view text, size_t pos) {
  const CodePoint apostrophe = Decode(text, pos);
  size_t after = pos + apostrophe.size;
  size_t end = after;
  while (end < text.size() && end - after < 3 && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
  if (IsLetter(Decode(text, end).value)) return 0;
  std::string_view rest = text.substr(after, end - after);
  char lower[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < rest.size(); ++i) lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(rest[i])));
  const std::string_view r(lower, rest.size());
  if (r == "s" || r == "re" || r == "ve" || r == "ll" || r == "d" || r == "m")
    return static_cast<uint32_t>(end - pos);
  return 0;
}

// Whether "n't" starts at `pos` (n, apostrophe, t, then no letter).
bool IsNegativeClitic(std::string_view text, size_t pos) {
  if (pos >= text.size() || (text[pos] != 'n' && text[pos] != 'N')) return false;
  const CodePoint apostrophe = Decode(text, pos + 1);
  if (!IsApostrophe(apostrophe.value)) return false;
  const size_t t = pos + 1 + apostrophe.size;
  if (t >= text.size() || (text[t] != 't' && text[t] != 'T')) return false;
  return !IsLetter(Decode(text, t + 1).value);
}

// Punctuation keys: typographic forms map to ASCII so that lexicons need one form.
std::string_view PunctKey(int32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033: return "\"";
    case 0x2013: case 0x2014: case 0x2015: case 0x2012: case 0x2212: return "--";
    case 0x2010: case 0x2011: return "-";
    case 0x2026: return "...";
    default: return {};
  }
}

}  // namespace

namespace {

// Latin letters that are not a base letter with a mark, so that stripping marks keeps
// them, written as English news writes them: "Diyarbakır" is "Diyarbakir", "Łódź"
// "Lodz", "Tromsø" "Tromso", "Đà Nẵng" "Da Nang". Empty for every other code point.
std::string_view LatinLetterFold(int32_t cp) {
  switch (cp) {
    case 0x0131: return "i";   // dotless i
    case 0x0142: return "l";   // l with stroke
    case 0x00F8: return "o";   // o with stroke
    case 0x0111: return "d";   // d with stroke
    case 0x00F0: return "d";   // eth
    case 0x00FE: return "th";  // thorn
    case 0x00E6: return "ae";
    case 0x0153: return "oe";
    case 0x0127: return "h";   // h with stroke
    case 0x0167: return "t";   // t with stroke
    default: return {};
  }
}

}  // namespace

void AppendKey(std::string_view surface, std::string* out) {
  bool ascii = true;
  for (unsigned char c : surface) ascii &= c < 0x80;
  if (ascii) {
    for (unsigned char c : surface) out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return;
  }
  // A single typographic punctuation mark.
  const CodePoint first = Decode(surface, 0);
  if (first.size == surface.size()) {
    const std::string_view punct = PunctKey(first.value);
    if (!punct.empty()) {
      out->append(punct);
      return;
    }
  }
  utf8proc_uint8_t* folded = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(surface.data()), static_cast<utf8proc_ssize_t>(surface.size()),
      &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                     UTF8PROC_IGNORE));
  if (n < 0) {
    out->append(surface);
    return;
  }
  // Typographic apostrophes and hyphens inside words get their ASCII forms.
  std::string_view mapped(reinterpret_cast<const char*>(folded), static_cast<size_t>(n));
  size_t pos = 0;
  while (pos < mapped.size()) {
    const CodePoint cp = Decode(mapped, pos);
    if (cp.value == 0x2019 || cp.value == 0x2018) out->push_back('\'');
    else if (cp.value == 0x2010 || cp.value == 0x2011) out->push_back('-');
    else if (const std::string_view latin = LatinLetterFold(cp.value); !latin.empty()) out->append(latin);
    else out->append(mapped.substr(pos, cp.size));
    pos += cp.size ? cp.size : 1;
  }
  std::free(folded);
}

void Tokenize(const Abbreviations& abbreviations, Document* doc) {
  const std::string_view text = doc->text;
  doc->tokens.clear();
  doc->keys.clear();
  size_t pos = 0;
  uint32_t pending = 0;  // layout flags for the next token
  int newlines = 0;

  auto emit = [&](size_t start, size_t end, uint32_t flags) {
    Token t;
    t.start = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    t.flags = flags | pending;
    t.key_start = static_cast<uint32_t>(doc->keys.size());
    bool ascii = true;
    for (size_t i = start; i < end && ascii; ++i) ascii = static_cast<unsigned char>(text[i]) < 0x80;
    if (ascii) {  // the common path: lower-case in place, no allocation
      const size_t n = end - start;
      doc->keys.resize(doc->keys.size() + n);
      char* out = doc->keys.data() + t.key_start;
      for (size_t i = 0; i < n; ++i) {
        const char c = text[start + i];
        out[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
    } else {
      AppendKey(text.substr(start, end - start), &doc->keys);
      t.flags |= kNonAscii;
    }
    t.key_size = static_cast<uint32_t>(doc->keys.size()) - t.key_start;
    t.lemma_start = t.key_start;
    t.lemma_size = t.key_size;
    doc->tokens.push_back(t);
    pending = 0;
    newlines = 0;
  };

  while (pos < text.size()) {
    const CodePoint cp = Decode(text, pos);
    const Class cls = Classify(cp.value);

    // Step 1: white space sets the layout flags of the next token.
    if (cls == Class::kSpace) {
      if (!doc->tokens.empty()) pending |= kSpaceBefore;
      if (cp.value == '\n') {
        ++newlines;
        pending |= kNewlineBefore;
        // A blank line, or a new line indented by a tab or two spaces, opens a paragraph.
        size_t next = pos + 1;
        size_t indent = 0;
        while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) {
          indent += text[next] == '\t' ? 2 : 1;
          ++next;
        }
        if (newlines >= 2 || indent >= 2) pending |= kParagraphBefore;
      }
      pos += cp.size;
      continue;
    }

    const size_t start = pos;
    // Step 2: a clitic split off the word before it ('s, 're, n't).
    if (IsApostrophe(cp.value) && !doc->tokens.empty() && !(pending & kSpaceBefore)) {
      const uint32_t clitic = CliticSize(text, pos);
      if (clitic > 0) {
        emit(start, pos + clitic, kWord);
        pos += clitic;
        continue;
      }
    }
    if (IsNegativeClitic(text, pos) && !doc->tokens.empty() && !(pending & kSpaceBefore)) {
      const size_t end = pos + 1 + Decode(text, pos + 1).size + 1;
      emit(start, end, kWord);
      pos = end;
      continue;
    }

    // Step 3: punctuation. Runs of the same ASCII mark ("--", "...", "!!") are one token.
    if (cls == Class::kPunct) {
      size_t end = pos + cp.size;
      if (cp.value < 0x80)
        while (end < text.size() && text[end] == text[pos]) ++end;
      uint32_t flags = kPunct;
      const std::string_view key = PunctKey(cp.value);
      if (cp.value == 0x201C || cp.value == 0x00AB || cp.value == 0x2018) flags |= kOpenQuote;
      else if (cp.value == 0x201D || cp.value == 0x00BB || cp.value == 0x2019) flags |= kCloseQuote;
      else if (cp.value == '"' || cp.value == '\'' || key == "\"") {
        // A straight quote opens at the start, after space, or after an opening bracket,
        // dash or quote ("(\"Stop\")"); otherwise it closes.
        bool opens = doc->tokens.empty() || (pending & kSpaceBefore);
        if (!opens) {
          const Token& prev = doc->tokens.back();
          const std::string_view prev_key = std::string_view(doc->keys).substr(prev.key_start, prev.key_size);
          opens = prev.Is(kOpenQuote) || prev_key == "(" || prev_key == "[" || prev_key == "{" || prev_key == "--" ||
                  prev_key == "-";
        }
        flags |= opens ? kOpenQuote : kCloseQuote;
      }
      emit(start, end, flags);
      pos = end;
      continue;
    }

    // Step 4: a word or a number.
    const bool numeric = cls == Class::kDigit;
    uint32_t flags = numeric ? kNumeric : kWord;
    bool acronym = false;        // letters separated by periods: U.S.A
    uint32_t letters = 0, uppers = 0, lowers = 0;
    size_t segment_letters = 0;  // letters since the last period, for acronyms
    size_t end = pos;
    while (end < text.size()) {
      // ASCII letters and digits: the fast path.
      if (const unsigned char b = static_cast<unsigned char>(text[end]); b < 0x80) {
        const bool lower = b >= 'a' && b <= 'z', upper = b >= 'A' && b <= 'Z';
        if (lower || upper) {
          ++letters;
          ++segment_letters;
          uppers += upper;
          lowers += lower;
          ++end;
          continue;
        }
        if (b >= '0' && b <= '9') {
          ++end;
          continue;
        }
      }
      const CodePoint c = Decode(text, end);
      if (IsWordChar(c.value)) {
        if (IsLetter(c.value)) {
          ++letters;
          ++segment_letters;
          uppers += IsUpper(c.value);
          lowers += IsLower(c.value);
        }
        end += c.size;
        continue;
      }
      const CodePoint next = Decode(text, end + c.size);
      const CodePoint prev_cp = Decode(text, end - 1);  // ASCII-only check below
      if (IsHyphen(c.value) && IsWordChar(next.value)) {
        flags |= kHyphenated;
        end += c.size;
        continue;
      }
      if ((c.value == '.' || c.value == ':') && numeric && IsAsciiDigit(next.value) && IsAsciiDigit(prev_cp.value)) {
        end += c.size;  // "3.5", "10:30"
        continue;
      }
      if (c.value == ',' && numeric && IsAsciiDigit(prev_cp.value) && ThreeDigitGroup(text, end + 1)) {
        end += c.size;  // "1,200", but "1,20" and "2019,2020" are two numbers
        continue;
      }
      // An invisible format character (soft hyphen, zero-width joiner) inside a word
      // belongs to it; its key drops it.
      if (c.value >= 0x80 && IsFormat(c.value) && IsWordChar(next.value)) {
        end += c.size;
        continue;
      }
      if (c.value == '.' && IsLetter(next.value) && segment_letters == 1 && !numeric) {
        // "U.S" so far; the period continues an acronym only if a one-letter segment follows.
        const CodePoint after = Decode(text, end + 1 + next.size);
        if (after.value == '.' || !IsWordChar(after.value)) {
          acronym = true;
          segment_letters = 0;
          end += 1;
          continue;
        }
      }
      if (IsApostrophe(c.value) && IsLetter(next.value)) {
        if (CliticSize(text, end) > 0) break;
        // "don't": the word ends before the n of n't.
        if (end > pos + 1 && IsNegativeClitic(text, end - 1)) {
          --end;
          break;
        }
        if (IsNegativeClitic(text, end - 1) && end == pos + 1) break;
        end += c.size;  // O'Brien, d'Ivoire
        continue;
      }
      if (c.value == '&' && uppers > 0 && lowers == 0 && IsUpper(next.value)) {  // AT&T
        end += c.size;
        continue;
      }
      break;
    }
    if (end == pos) end = pos + cp.size;  // defensive: always make progress
    // Step 5: attach a final period to abbreviations, initials and acronyms. The
    // abbreviation lexicon is ASCII and short: its key is built on the stack.
    if (end < text.size() && text[end] == '.' && !numeric) {
      const bool initial = letters == 1 && uppers == 1 && end - pos <= 2;
      const bool one_letter_acronym_tail = acronym && segment_letters <= 1;
      bool known = false;
      if (!one_letter_acronym_tail && !initial && end - pos <= kMaxAbbreviationSize) {
        char lower[kMaxAbbreviationSize];
        size_t n = 0;
        bool ascii = true;
        for (size_t k = pos; k < end; ++k) {
          const unsigned char c = static_cast<unsigned char>(text[k]);
          ascii &= c < 0x80;
          lower[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        known = ascii && abbreviations.Find(std::string_view(lower, n)) != AbbreviationKind::kNone;
      }
      if (one_letter_acronym_tail || initial || known) {
        ++end;
        flags |= kAbbreviation;
      }
    }
    const CodePoint first = Decode(text, pos);
    if (IsUpper(first.value)) flags |= kCapitalized;
    if (letters >= 2 && lowers == 0) flags |= kAllCaps;
    emit(start, end, flags);
    pos = end;
  }
}

}  // namespace annals::text
