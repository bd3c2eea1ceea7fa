// The text stage: tokenize, lemmatize and split one field into a Document.
#ifndef ANNALS_TEXT_ANALYZER_H_
#define ANNALS_TEXT_ANALYZER_H_

#include <memory>

#include "text/abbreviations.h"
#include "text/document.h"
#include "text/lemmatizer.h"

namespace annals::text {

class Analyzer {
 public:
  // Loads the text lexicons (abbreviations, lemma tables) from `data_dir`.
  static Result<std::unique_ptr<Analyzer>> Load(const std::string& data_dir);

  // Analyses `text` (which must outlive `doc`) into `doc`, reusing its buffers:
  // tokenize, split sentences, lemmatize.
  void Analyse(std::string_view text, Field field, Document* doc) const;

  const Abbreviations& abbreviations() const { return *abbreviations_; }
  const Lemmatizer& lemmatizer() const { return *lemmatizer_; }

 private:
  std::unique_ptr<Abbreviations> abbreviations_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
};

}  // namespace annals::text

#endif  // ANNALS_TEXT_ANALYZER_H_
