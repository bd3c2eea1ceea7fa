// PhraseMatcher: finds lexicon phrases (one or more words) in a Document.
//
// A phrase is a sequence of words separated by spaces, written in lower case. A
// phrase word matches a token when it equals the token's key or its lemma, so
// "clash" matches "clashed" and "clashes", and "fire tear gas" matches "fired tear
// gas". Two special words:
//   "..."  lets up to kMaxGap tokens (no sentence-final or clause punctuation) pass;
//   "#"    matches any number expression token (a numeral or a number word).
// Phrases are indexed by their first word, so matching at a token costs two hash
// look-ups plus the comparison of the few candidate phrases.
#ifndef ANNALS_EXTRACT_PHRASE_MATCHER_H_
#define ANNALS_EXTRACT_PHRASE_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/document.h"

namespace annals::extract {

inline constexpr uint32_t kMaxGap = 3;

class PhraseMatcher {
 public:
  // Adds `phrase` carrying `value` (an index into the caller's table). The phrase's
  // text must outlive the matcher (lexicons are embedded, so it does).
  void Add(std::string_view phrase, uint32_t value);

  struct Match {
    uint32_t value = 0;
    uint32_t first = 0;     // first token
    uint32_t end = 0;       // one past the last token
    uint32_t words = 0;     // phrase words matched, gaps not counted
  };

  // Appends to `out` every phrase that starts at token `i` and ends at or before
  // `limit`.
  void MatchAt(const text::Document& doc, uint32_t i, uint32_t limit, std::vector<Match>* out) const;

  // Whether `a` is a worse match than `b`: fewer phrase words, then a shorter span,
  // then a later lexicon row ("fire tear gas" beats "fire ... at").
  static bool ByPreference(const Match& a, const Match& b);

  // Finds the preferred phrase starting at each token of [first, end), without
  // overlaps (leftmost, then ByPreference). Appends to `out`.
  void FindAll(const text::Document& doc, uint32_t first, uint32_t end, std::vector<Match>* out) const;

  bool empty() const { return phrases_.empty(); }

 private:
  struct Phrase {
    std::vector<std::string_view> words;
    uint32_t value;
    uint32_t content_words = 0;  // words other than "..."
  };
  bool MatchFrom(const text::Document& doc, const Phrase& phrase, size_t word, uint32_t token, uint32_t limit,
                 uint32_t* end) const;
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_first_word_;
  std::vector<uint32_t> number_first_;  // phrases that start with "#"
};

// Whether a number starts at token `i` ("15", "1,200", "fifteen", "dozens", "more than").
bool IsNumberToken(const text::Document& doc, uint32_t i);

}  // namespace annals::extract

#endif  // ANNALS_EXTRACT_PHRASE_MATCHER_H_
