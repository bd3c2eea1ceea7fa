// The text Analyzer (tokenizer, splitter, lemmatizer) that the text-layer fuzz targets
// share, loaded once per process from the build tree's compiled resources.
#ifndef ANNALS_FUZZ_FUZZ_ANALYZER_H_
#define ANNALS_FUZZ_FUZZ_ANALYZER_H_

#include <memory>

#include "fuzz_common.h"
#include "text/analyzer.h"

namespace annals::fuzz {

inline const text::Analyzer& TheAnalyzer() {
  static const std::unique_ptr<text::Analyzer> analyzer = [] {
    auto loaded = text::Analyzer::Load(DataDir());
    Check(loaded.ok());
    return std::move(loaded).value();
  }();
  return *analyzer;
}

}  // namespace annals::fuzz

#endif  // ANNALS_FUZZ_FUZZ_ANALYZER_H_
