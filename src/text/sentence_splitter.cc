#include "text/sentence_splitter.h"

namespace annals::text {
namespace {

constexpr uint32_t kDatelineParagraphs = 3;   // a dateline opens one of the first paragraphs
constexpr uint32_t kDatelineMaxTokens = 12;

bool IsDash(std::string_view key) { return key == "--" || key == "-" || key == "---"; }

bool IsSentenceFinal(std::string_view key) {
  return key == "." || key == "!" || key == "?" || key == "..." || key == "!!" || key == "??" || key == "?!";
}

bool IsClosing(const Token& t, std::string_view key) {
  return t.Is(kCloseQuote) || key == ")" || key == "]" || (key == "\"" && !t.Is(kOpenQuote));
}

bool StartsLower(const Document& doc, const Token& t) {
  if (!t.Is(kWord)) return false;
  const unsigned char c = static_cast<unsigned char>(doc.text[t.start]);
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return !t.Is(kCapitalized);
}

// Finds "PARIS —", "PARIS (AP) —", "ROSEBURG, Ore. (AP) --", "LONDON, Dec 30
// (Reuters) -", "Paris (AFP) -" at the start of a line, or a short line of capitals of
// its own ("PARIS, THE CITY", "LONDON"). Returns the end token (exclusive) of the
// dateline starting at `first`, or `first`.
// Lower-case words inside a place's name ("Democratic Republic of Congo", "Bosnia and
// Herzegovina", "Rio de Janeiro").
bool IsNameJoiner(std::string_view key) {
  return key == "of" || key == "and" || key == "de" || key == "do" || key == "da" || key == "del" ||
         key == "du" || key == "la" || key == "el" || key == "al" || key == "es" || key == "upon";
}

uint32_t DatelineAt(const Document& doc, uint32_t first) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  uint32_t i = first;
  uint32_t caps = 0, words = 0, commas = 0;
  auto same_line = [&](uint32_t at) { return at < n && (at == first || !doc.tokens[at].Is(kNewlineBefore)); };
  // The place: capitalised words, commas, and a date after a comma ("Dec 30").
  while (same_line(i) && i - first < kDatelineMaxTokens) {
    const Token& t = doc.tokens[i];
    const std::string_view key = doc.Key(t);
    if (t.Is(kWord) && t.Is(kAllCaps)) ++caps, ++words;
    else if (t.Is(kWord) && t.Is(kCapitalized) && (t.Is(kAbbreviation) || i > first)) ++words;
    else if (t.Is(kWord) && t.Is(kCapitalized) && i == first) ++words;
    else if (key == "," && i > first) ++commas;
    else if (IsNameJoiner(key) && words > 0 && doc.tokens[i - 1].Is(kCapitalized) && i + 1 < n &&
             same_line(i + 1) && doc.tokens[i + 1].Is(kCapitalized)) {}  // "Republic of Congo"
    else if (t.Is(kNumeric) && commas > 0 && t.end - t.start <= 2 && doc.tokens[i - 1].Is(kCapitalized)) {}
    else break;
    ++i;
  }
  if (words == 0 || i == first) return first;
  // An agency in brackets: (AP), (Reuters), (AFP).
  bool agency = false;
  if (same_line(i) && doc.Key(i) == "(") {
    uint32_t j = i + 1;
    while (same_line(j) && j - i < 6 && doc.Key(j) != ")" && doc.tokens[j].Is(kCapitalized)) ++j;
    if (!same_line(j) || doc.Key(j) != ")" || j == i + 1) return first;
    i = j + 1;
    agency = true;
  }
  // Capitals, or a place in capitalised words before an agency: "Paris (AFP) -".
  if (caps == 0 && !agency) return first;
  // A dash ends it, unless a lower-case word follows ("NATO -- the alliance said").
  if (same_line(i) && IsDash(doc.Key(i))) return i + 1 < n && StartsLower(doc, doc.tokens[i + 1]) ? first : i + 1;
  // A short line of capitals alone: every word in capitals, at most two words unless a
  // comma separates place and region ("PARIS, THE CITY"); not a headline in capitals.
  if (!same_line(i) && !agency) {
    for (uint32_t k = first; k < i; ++k)
      if (doc.tokens[k].Is(kWord) && !doc.tokens[k].Is(kAllCaps) && !doc.tokens[k].Is(kAbbreviation)) return first;
    if (doc.Key(i - 1) == ",") return first;
    if (words <= 2 || (commas == 1 && words <= 4)) return i;
  }
  return first;
}

}  // namespace

void SplitSentences(const Abbreviations& abbreviations, Document* doc) {
  doc->sentences.clear();
  doc->dateline_first = doc->dateline_end = 0;
  const uint32_t n = static_cast<uint32_t>(doc->tokens.size());
  if (n == 0) return;

  // Step 1: the dateline, in one of the first paragraphs of the text.
  if (doc->field == Field::kText) {
    uint32_t paragraphs = 0;
    for (uint32_t i = 0; i < n && paragraphs < kDatelineParagraphs; ++i) {
      if (i != 0 && !doc->tokens[i].Is(kParagraphBefore)) continue;
      ++paragraphs;
      const uint32_t end = DatelineAt(*doc, i);
      if (end > i) {
        doc->dateline_first = i;
        doc->dateline_end = end;
        for (uint32_t k = i; k < end; ++k) doc->tokens[k].flags |= kDateline;
        break;
      }
    }
  }

  // Step 2: walk the tokens and cut.
  uint32_t sentence_start = 0;
  uint32_t paragraph = 0;
  auto close = [&](uint32_t end) {
    if (end <= sentence_start) return;
    Sentence s;
    s.first_token = sentence_start;
    s.end_token = end;
    s.start = doc->tokens[sentence_start].start;
    s.end = doc->tokens[end - 1].end;
    s.paragraph = paragraph;
    const uint32_t index = static_cast<uint32_t>(doc->sentences.size());
    for (uint32_t k = sentence_start; k < end; ++k) doc->tokens[k].sentence = index;
    doc->tokens[sentence_start].flags |= kSentenceStart;
    doc->sentences.push_back(s);
    sentence_start = end;
  };

  uint32_t line_start = 0;   // first token of the current line
  uint32_t line_caps = 0;    // words in capitals on it
  bool line_other = false;   // a word not in capitals on it
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = doc->tokens[i];
    if (t.Is(kNewlineBefore)) {
      // A line of capitals is a heading: it ends its sentence ("POLICE CLASH WITH
      // MIGRANTS" above the text).
      if (i > sentence_start && line_caps >= 2 && !line_other && line_start >= sentence_start) close(i);
      line_start = i;
      line_caps = 0;
      line_other = false;
    }
    if (t.Is(kWord)) {
      if (t.Is(kAllCaps)) ++line_caps;
      else line_other = true;
    }
    if (i > sentence_start && (t.Is(kParagraphBefore) || i == doc->dateline_first || i == doc->dateline_end)) {
      close(i);
    }
    if (t.Is(kParagraphBefore) && i > 0) ++paragraph;
    if (i - sentence_start + 1 >= kMaxSentenceTokens) {
      close(i + 1);
      continue;
    }
    const std::string_view key = doc->Key(t);
    const bool final_punct = t.Is(kPunct) && IsSentenceFinal(key);
    const bool abbreviation = t.Is(kAbbreviation);
    if (!final_punct && !abbreviation) continue;
    // Take closing quotes and brackets that follow directly.
    uint32_t end = i + 1;
    while (end < n && !doc->tokens[end].Is(kSpaceBefore) && IsClosing(doc->tokens[end], doc->Key(end))) ++end;
    if (end >= n) {
      close(n);
      break;
    }
    const Token& next = doc->tokens[end];
    if (next.Is(kParagraphBefore)) {
      close(end);
      i = end - 1;
      continue;
    }
    bool cut;
    if (final_punct) {
      cut = !StartsLower(*doc, next) && !(next.Is(kPunct) && (doc->Key(next) == "," || doc->Key(next) == ";"));
    } else {
      // A word with an attached period: decide by its kind and the next word.
      std::string_view word = key.substr(0, key.size() - 1);
      const AbbreviationKind kind = abbreviations.Find(word);
      const bool starter = next.Is(kCapitalized) && abbreviations.IsSentenceStarter(doc->Key(next));
      // A title never ends a sentence before a name ("Gen. Smith", "St. Louis"), but
      // does before a sentence starter ("on Main St. The police ...").
      if (kind == AbbreviationKind::kTitle) cut = starter;
      else cut = starter || (end > i + 1 && !StartsLower(*doc, next));  // "U.S." followed by a quote
    }
    if (cut) {
      close(end);
      i = end - 1;
    }
  }
  close(n);
}

}  // namespace annals::text
