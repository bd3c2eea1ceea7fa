// The analysed form of one field of an article (its text or its title): tokens with
// byte offsets and normalised keys, and sentences. Every later stage reads this.
//
// A Document is meant to be reused: Analyse() clears it but keeps its capacity, so a
// worker thread that codes many articles does not allocate per token.
#ifndef ANNALS_TEXT_DOCUMENT_H_
#define ANNALS_TEXT_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/annals.h"

namespace annals::text {

// Token shape and layout flags.
enum TokenFlag : uint32_t {
  kWord = 1u << 0,             // starts with a letter
  kNumeric = 1u << 1,          // starts with a digit ("15", "1,200", "3.5", "9th")
  kPunct = 1u << 2,            // punctuation or symbol
  kCapitalized = 1u << 3,      // first character is an upper-case letter
  kAllCaps = 1u << 4,          // two or more letters, all upper case ("PARIS", "CRS")
  kSpaceBefore = 1u << 5,      // white space separates it from the previous token
  kNewlineBefore = 1u << 6,    // a line break separates it from the previous token
  kParagraphBefore = 1u << 7,  // a blank line (or an indented new line) comes before it
  kSentenceStart = 1u << 8,    // first token of a sentence
  kAbbreviation = 1u << 9,     // a word with its period attached ("Dec.", "U.S.", "J.")
  kOpenQuote = 1u << 10,       // an opening quotation mark
  kCloseQuote = 1u << 11,      // a closing quotation mark
  kHyphenated = 1u << 12,      // a word with an inner hyphen ("Pas-de-Calais")
  kNonAscii = 1u << 13,        // holds a byte >= 0x80
  kDateline = 1u << 14,        // part of the article's dateline
};

struct Token {
  uint32_t start = 0;       // byte span in the field's text
  uint32_t end = 0;
  uint32_t key_start = 0;   // lower-case, accent-folded form, in Document::keys
  uint32_t key_size = 0;
  uint32_t lemma_start = 0; // lemma (verb reading of an inflected verb, else noun
  uint32_t lemma_size = 0;  // singular, else the key), in Document::keys
  uint32_t flags = 0;
  uint32_t sentence = 0;    // index into Document::sentences

  bool Is(uint32_t flag) const { return (flags & flag) != 0; }
};

struct Sentence {
  uint32_t start = 0;        // byte span, from its first to its last token
  uint32_t end = 0;
  uint32_t first_token = 0;  // tokens [first_token, end_token)
  uint32_t end_token = 0;
  uint32_t paragraph = 0;    // paragraphs are separated by blank lines
  uint32_t size() const { return end_token - first_token; }
};

class Document {
 public:
  std::string_view text;     // the analysed field; owned by the Article
  Field field = Field::kText;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::string keys;          // arena of token keys and lemmas
  // The dateline ("PARIS (AP) —"), as a token range; empty when there is none.
  uint32_t dateline_first = 0, dateline_end = 0;

  void Clear(std::string_view new_text, Field new_field);

  std::string_view Surface(const Token& t) const { return text.substr(t.start, t.end - t.start); }
  std::string_view Surface(uint32_t i) const { return Surface(tokens[i]); }
  std::string_view Key(const Token& t) const { return std::string_view(keys).substr(t.key_start, t.key_size); }
  std::string_view Key(uint32_t i) const { return Key(tokens[i]); }
  std::string_view Lemma(const Token& t) const {
    return std::string_view(keys).substr(t.lemma_start, t.lemma_size);
  }
  std::string_view Lemma(uint32_t i) const { return Lemma(tokens[i]); }
  // The text from the start of token `first` to the end of token `last - 1`.
  std::string_view SpanText(uint32_t first, uint32_t last) const {
    return text.substr(tokens[first].start, tokens[last - 1].end - tokens[first].start);
  }
  Span SpanOf(uint32_t first, uint32_t last) const {
    return Span{tokens[first].start, tokens[last - 1].end, field};
  }
  std::string_view SentenceText(const Sentence& s) const { return text.substr(s.start, s.end - s.start); }
};

}  // namespace annals::text

#endif  // ANNALS_TEXT_DOCUMENT_H_
