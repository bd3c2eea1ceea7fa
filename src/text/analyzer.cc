#include "text/analyzer.h"

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace annals::text {

Result<std::unique_ptr<Analyzer>> Analyzer::Load(const std::string& data_dir) {
  auto analyzer = std::make_unique<Analyzer>();
  auto abbreviations = Abbreviations::Load();
  if (!abbreviations.ok()) return abbreviations.status();
  analyzer->abbreviations_ = std::move(abbreviations).value();
  auto lemmatizer = Lemmatizer::Load(data_dir);
  if (!lemmatizer.ok()) return lemmatizer.status();
  analyzer->lemmatizer_ = std::move(lemmatizer).value();
  return analyzer;
}

void Document::Clear(std::string_view new_text, Field new_field) {
  text = new_text;
  field = new_field;
  tokens.clear();
  sentences.clear();
  keys.clear();
  dateline_first = dateline_end = 0;
}

void Analyzer::Analyse(std::string_view text, Field field, Document* doc) const {
  doc->Clear(text, field);
  Tokenize(*abbreviations_, doc);
  SplitSentences(*abbreviations_, doc);
  lemmatizer_->Lemmatize(doc);  // reads kSentenceStart
}

}  // namespace annals::text
