// PhraseTable: multi-word lexicon entries ("more than", "tens of thousands", "last
// night") matched against token keys, longest first. Internal to the text layer.
#ifndef ANNALS_TEXT_PHRASE_TABLE_H_
#define ANNALS_TEXT_PHRASE_TABLE_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/document.h"

namespace annals::text {

struct Phrase {
  static constexpr size_t kMaxWords = 6;
  std::array<std::string_view, kMaxWords> words{};
  uint32_t size = 0;
  int64_t value = 0;  // payloads: meaning defined by the table's owner
  int32_t kind = 0;
  int32_t extra = 0;
  int line = 0;       // line in the lexicon, for messages
};

class PhraseTable {
 public:
  // Adds `phrase` (words separated by single spaces; the bytes must outlive the table).
  // Returns false when it has no word or more than Phrase::kMaxWords words.
  bool Add(std::string_view phrase, int64_t value, int32_t kind, int32_t extra = 0, int line = 0) {
    Phrase p;
    p.value = value;
    p.kind = kind;
    p.extra = extra;
    p.line = line;
    size_t start = 0;
    while (start <= phrase.size()) {
      size_t space = phrase.find(' ', start);
      if (space == std::string_view::npos) space = phrase.size();
      if (space > start) {
        if (p.size == Phrase::kMaxWords) return false;
        p.words[p.size++] = phrase.substr(start, space - start);
      }
      start = space + 1;
    }
    if (p.size == 0) return false;
    std::vector<Phrase>& list = by_first_[p.words[0]];
    list.push_back(p);
    std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) { return a.size > b.size; });
    return true;
  }

  // The longest phrase whose words are the keys of tokens [token, token + size), ending
  // at or before `end`; nullptr when none.
  const Phrase* Match(const Document& doc, uint32_t token, uint32_t end) const {
    if (token >= end) return nullptr;
    auto it = by_first_.find(doc.Key(token));
    if (it == by_first_.end()) return nullptr;
    for (const Phrase& p : it->second) {
      if (token + p.size > end) continue;
      bool all = true;
      for (uint32_t k = 1; k < p.size && all; ++k) all = doc.Key(token + k) == p.words[k];
      if (all) return &p;
    }
    return nullptr;
  }

  // Whether some phrase starts with the word `key`.
  bool Starts(std::string_view key) const { return by_first_.count(key) > 0; }

  bool empty() const { return by_first_.empty(); }

 private:
  std::unordered_map<std::string_view, std::vector<Phrase>> by_first_;
};

}  // namespace annals::text

#endif  // ANNALS_TEXT_PHRASE_TABLE_H_
