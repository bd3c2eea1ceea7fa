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

// Finds "PARIS —", "PARIS (AP) —", "ROSEBURG, Ore. (AP) --" at the start of a
// paragraph, or a short all-capitals paragraph of its own ("PARIS, THE CITY").
// Returns the end token (exclusive) of the dateline starting at `first`, or `first`.
uint32_t DatelineAt(const Document& doc, uint32_t first) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  uint32_t i = first;
  uint32_t caps = 0;
  auto paragraph_ends = [&](uint32_t at) { return at >= n || doc.tokens[at].Is(kParagraphBefore); };
  // The place: capitalised words, at least one in full capitals, and commas.
  while (i < n && i - first < kDatelineMaxTokens && (i == first || !doc.tokens[i].Is(kParagraphBefore))) {
    const Token& t = doc.tokens[i];
    const std::string_view key = doc.Key(t);
    if (t.Is(kWord) && t.Is(kAllCaps)) ++caps;
    else if (t.Is(kWord) && t.Is(kCapitalized) && caps > 0 && (t.Is(kAbbreviation) || i > first)) {}
    else if (key == "," && caps > 0) {}
    else break;
    ++i;
  }
  if (caps == 0) return first;
  // An agency in brackets: (AP), (Reuters), (AFP).
  if (i < n && doc.Key(i) == "(" && !doc.tokens[i].Is(kParagraphBefore)) {
    uint32_t j = i + 1;
    while (j < n && j - i < 6 && doc.Key(j) != ")" && !doc.tokens[j].Is(kParagraphBefore)) ++j;
    if (j < n && doc.Key(j) == ")") i = j + 1;
    else return first;
  }
  if (i < n && IsDash(doc.Key(i)) && !doc.tokens[i].Is(kParagraphBefore)) return i + 1;
  // A paragraph of capitals alone: every word in it must be in capitals.
  if (paragraph_ends(i) && i > first) {
    for (uint32_t k = first; k < i; ++k)
      if (doc.tokens[k].Is(kWord) && !doc.tokens[k].Is(kAllCaps) && !doc.tokens[k].Is(kAbbreviation)) return first;
    if (caps >= 1 && i - first <= 8) return i;
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

  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = doc->tokens[i];
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
      if (kind == AbbreviationKind::kTitle) cut = false;
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
