// PhraseMatcher: finds lexicon phrases (one or more words) in a Document.
//
// A phrase is a sequence of words separated by spaces, written in lower case. A
// phrase word matches a token when it equals the token's key or its lemma, so
// "clash" matches "clashed" and "clashes", and "fire tear gas" matches "fired tear
// gas". Two special words:
//   "..."  lets up to kMaxGap tokens (no sentence-final or clause punctuation) pass;
//   "#"    matches any number expression token (a numeral or a number word).
// Phrases are indexed by their first word, so matching at a token costs two hash
// look-ups plus the comparison of the few candidate phrases. The look-ups run at every
// token for every matcher, and most tokens start no phrase, so the index is a WordMap:
// open addressing over a flat array, a cheap hash of 8-byte words, and the full hash kept
// in each slot, so that a miss is settled by one or two hash comparisons.
#ifndef ANNALS_EXTRACT_PHRASE_MATCHER_H_
#define ANNALS_EXTRACT_PHRASE_MATCHER_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace annals::extract {

inline constexpr uint32_t kMaxGap = 3;

// A map from words to uint32_t values for look-ups in hot loops: open addressing with
// linear probing over a power-of-two table kept at most half full. Probing reads a dense
// array of 32-bit tags (the high half of the hash, never 0; 0 marks an empty slot) and
// touches a word only when its tag matches, so a miss, the common case, costs a hash and
// one or two reads from a small array. The words are views: their text must outlive the
// map. Filled at load time, read-only (and so thread-safe) afterwards.
class WordMap {
 public:
  // The value of `word`, inserted as 0 when absent (for filling the map).
  uint32_t& operator[](std::string_view word);
  // The value of `word`, or nullptr when it is absent.
  const uint32_t* Find(std::string_view word) const {
    if (tags_.empty()) return nullptr;
    const uint64_t hash = Hash(word);
    const uint32_t tag = Tag(hash);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      if (tags_[i] == 0) return nullptr;
      if (tags_[i] == tag && entries_[i].word == word) return &entries_[i].value;
    }
  }
  size_t size() const { return size_; }

  // A 64-bit hash of `word`: 8-byte steps, then the last 1 to 8 bytes read as at most two
  // overlapping 4-byte loads (no byte loop); the length is mixed in first.
  static uint64_t Hash(std::string_view word) {
    const char* p = word.data();
    size_t n = word.size();
    uint64_t h = 0x9e3779b97f4a7c15ull ^ (n * 0xff51afd7ed558ccdull);
    for (; n > 8; p += 8, n -= 8) {
      h = (h ^ Load64(p)) * 0xbf58476d1ce4e5b9ull;
      h ^= h >> 31;
    }
    uint64_t x = 0;
    if (n >= 4) {
      x = Load32(p) | (uint64_t{Load32(p + n - 4)} << 32);
    } else if (n > 0) {
      x = (uint64_t{static_cast<uint8_t>(p[0])} << 16) | (uint64_t{static_cast<uint8_t>(p[n >> 1])} << 8) |
          static_cast<uint8_t>(p[n - 1]);
    }
    h = (h ^ x) * 0x94d049bb133111ebull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return h;
  }

 private:
  struct Entry {
    std::string_view word;
    uint32_t value = 0;
  };
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32) | 1u; }
  static uint64_t Load64(const char* p) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    return x;
  }
  static uint32_t Load32(const char* p) {
    uint32_t x;
    std::memcpy(&x, p, 4);
    return x;
  }
  void Grow();
  std::vector<uint32_t> tags_;   // per slot: the word's tag, 0 when empty
  std::vector<Entry> entries_;   // per slot
  size_t mask_ = 0;
  size_t size_ = 0;
};

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
  WordMap by_first_word_;                         // first word -> index into first_word_lists_
  std::vector<std::vector<uint32_t>> first_word_lists_;  // phrases by first word, in lexicon order
  std::vector<uint32_t> number_first_;  // phrases that start with "#"
};

// Whether a number starts at token `i` ("15", "1,200", "fifteen", "dozens", "more than").
bool IsNumberToken(const text::Document& doc, uint32_t i);

}  // namespace annals::extract

#endif  // ANNALS_EXTRACT_PHRASE_MATCHER_H_
