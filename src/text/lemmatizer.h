// Lemmatizer: the dictionary form of each word token.
#ifndef ANNALS_TEXT_LEMMATIZER_H_
#define ANNALS_TEXT_LEMMATIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/document.h"

namespace annals::text {

class Lemmatizer {
 public:
  static Result<std::unique_ptr<Lemmatizer>> Load(const std::string& data_dir);

  // Sets each word token's lemma (lemma_start/lemma_size, in doc->keys).
  void Lemmatize(Document* doc) const;

  // The lemma of one lower-case word: the verb reading of an inflected verb form
  // ("clashed" -> "clash", "took" -> "take"), else the noun singular ("shelters" ->
  // "shelter"), else the word itself.
  std::string_view Lemma(std::string_view key) const;

 private:
  std::unordered_map<std::string_view, std::string_view> exceptions_;
};

}  // namespace annals::text

#endif  // ANNALS_TEXT_LEMMATIZER_H_
