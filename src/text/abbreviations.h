// The abbreviation and sentence-starter lexicons (data/text/*.tsv) that the tokenizer
// and the sentence splitter consult.
#ifndef ANNALS_TEXT_ABBREVIATIONS_H_
#define ANNALS_TEXT_ABBREVIATIONS_H_

#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "annals/annals.h"

namespace annals::text {

enum class AbbreviationKind : uint8_t { kNone, kTitle, kMonth, kState, kOther };

class Abbreviations {
 public:
  // Loads the embedded lexicons; fails only if they are malformed.
  static Result<std::unique_ptr<Abbreviations>> Load();

  // The kind of a lower-case abbreviation given without its final period ("dec").
  AbbreviationKind Find(std::string_view key) const;
  // Whether a lower-case word usually starts a sentence ("the", "but").
  bool IsSentenceStarter(std::string_view key) const;

 private:
  std::unordered_map<std::string_view, AbbreviationKind> kinds_;
  std::unordered_set<std::string_view> starters_;
};

}  // namespace annals::text

#endif  // ANNALS_TEXT_ABBREVIATIONS_H_
