// Tokenizer and sentence splitter (through the Analyzer, with the lemmatizer) on
// arbitrary bytes: token spans ordered and inside the text, keys inside their arena,
// sentences covering the tokens in order and no longer than kMaxSentenceTokens.
#include <string_view>

#include "fuzz_analyzer.h"
#include "fuzz_common.h"
#include "text/sentence_splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using annals::fuzz::Check;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  annals::text::Document doc;
  annals::fuzz::TheAnalyzer().Analyse(text, annals::Field::kText, &doc);
  uint32_t previous_end = 0;
  for (const annals::text::Token& t : doc.tokens) {
    Check(t.start >= previous_end && t.start < t.end && t.end <= text.size());
    Check(uint64_t{t.key_start} + t.key_size <= doc.keys.size());
    Check(uint64_t{t.lemma_start} + t.lemma_size <= doc.keys.size());
    Check(t.sentence < doc.sentences.size());
    previous_end = t.end;
  }
  uint32_t next_token = 0;
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const annals::text::Sentence& s = doc.sentences[i];
    Check(s.first_token == next_token && s.end_token > s.first_token && s.end_token <= doc.tokens.size());
    Check(s.size() <= annals::text::kMaxSentenceTokens);
    Check(s.start == doc.tokens[s.first_token].start && s.end == doc.tokens[s.end_token - 1].end);
    for (uint32_t k = s.first_token; k < s.end_token; ++k) Check(doc.tokens[k].sentence == i);
    next_token = s.end_token;
  }
  Check(next_token == doc.tokens.size());
  Check(doc.dateline_first <= doc.dateline_end && doc.dateline_end <= doc.tokens.size());
  return 0;
}
