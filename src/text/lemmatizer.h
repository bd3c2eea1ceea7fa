// Lemmatizer: the dictionary form of each word token, from WordNet.
//
// The build compiles Debian's WordNet (package wordnet-base) and
// data/text/lemma_extra.tsv into ${ANNALS_RESOURCE_DIR}/lemmas.bin (compile_lemmas.cc
// explains how readings are chosen); Load() maps that file, so start-up parses nothing.
//
// The token lemma of a form is:
//   1. the verb reading of an inflected verb form ("clashed" -> "clash", "took" ->
//      "take", "fled" -> "flee", "was" -> "be", "dying" -> "die", "injured" -> "injure");
//   2. else its noun reading ("protesters" -> "protester", "thousands" -> "thousand",
//      "news" -> "news", "police" -> "police");
//   3. else the key itself ("the").
// Ambiguous forms, decided once for all by SemCor counts and documented in
// compile_lemmas.cc: "leaves" -> "leave" (the verb reading of an inflected form comes
// first), "left" -> "leave", "found" -> "find", "saw" -> "see" (the verb counts far more
// than the form's own noun or adjective), "lead" -> "lead" (a lemma, not inflected),
// "ground" -> "ground" and "wound" -> "wound" (the noun counts more than "grind" and
// "wind"), "headquarters" -> "headquarters". Callers that know the part of speech use
// Lookup() ("leaves" as a noun -> "leaf").
//
// Words in capitals of at most five letters are acronyms and keep their key ("AIDS",
// "NHS", "ISIS"); longer ones (a headline in capitals) are lemmatised. Other names are
// lemmatised like any word when WordNet knows the form ("Vegas" -> "vega"): callers
// that match names match keys.
//
// Words WordNet does not know keep their key, except plurals of lower-case words that
// lose their "s" or "es" ("jihadists" -> "jihadist"; never for capitalised words inside
// a sentence, nor for words in capitals). A hyphenated compound WordNet lacks takes
// the noun reading of its last part ("counter-protesters" -> "counter-protester";
// "US-led", "British-born" stay).
#ifndef ANNALS_TEXT_LEMMATIZER_H_
#define ANNALS_TEXT_LEMMATIZER_H_

#include <memory>
#include <string>
#include <string_view>

#include "text/document.h"
#include "text/lemma_table.h"

namespace annals::text {

// The readings of one lower-case word form. Views point into the mapped table and
// stay valid as long as the Lemmatizer.
struct LemmaInfo {
  bool known = false;      // WordNet or lemma_extra.tsv lists the form
  std::string_view lemma;  // the token lemma (rules 1-3 above); the form when unknown
  std::string_view verb;   // the verb base form ("took" -> "take"); empty: not a verb form
  std::string_view noun;   // the noun singular ("leaves" -> "leaf"); empty: not a noun form
  std::string_view adj;    // the positive degree ("bigger" -> "big"); empty: not an adjective
  bool noun_lemma = false; // the form itself is a lemma of that part of speech
  bool verb_lemma = false;
  bool adj_lemma = false;
  bool adv_lemma = false;
};

class Lemmatizer {
 public:
  // Maps `data_dir`/lemmas.bin. Fails with kMissingResource when the file is absent,
  // kCorruptResource when its header or sizes are wrong.
  static Result<std::unique_ptr<Lemmatizer>> Load(const std::string& data_dir);
  ~Lemmatizer();
  Lemmatizer(const Lemmatizer&) = delete;
  Lemmatizer& operator=(const Lemmatizer&) = delete;

  // Sets each word token's lemma (lemma_start/lemma_size). A lemma equal to the key
  // shares the key's bytes; others are appended to doc->keys. Reads kSentenceStart, so
  // it runs after the sentence splitter. Allocates nothing once doc->keys has grown.
  void Lemmatize(Document* doc) const;

  // The token lemma of one lower-case word out of context (no OOV plural rule, no
  // "can't" context): a view into the table, or `key` itself when unknown.
  std::string_view Lemma(std::string_view key) const;

  // All readings of one lower-case word form.
  LemmaInfo Lookup(std::string_view key) const;

  // Number of forms in the table.
  uint32_t size() const { return header_->record_count; }

 private:
  Lemmatizer() = default;
  // The record of `key` (its first byte), or nullptr.
  const uint8_t* Find(std::string_view key) const;

  const void* map_ = nullptr;
  size_t map_size_ = 0;
  const lemma_table::Header* header_ = nullptr;
  const uint64_t* slots_ = nullptr;
  const uint8_t* records_ = nullptr;
};

}  // namespace annals::text

#endif  // ANNALS_TEXT_LEMMATIZER_H_
