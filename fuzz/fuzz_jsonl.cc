// JSON Lines reader on arbitrary bytes: every line becomes an article or a skip report.
#include "fuzz_common.h"
#include "ingest/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::FILE* file = annals::fuzz::OpenBytes(data, size);
  if (!file) return 0;
  annals::ReaderOptions options;
  options.format = annals::InputFormat::kJsonl;
  options.max_article_bytes = 1u << 20;
  auto reader = annals::NewJsonlReader(file, "fuzz.jsonl", size, options);
  annals::fuzz::Drain(reader.get());
  return 0;
}
