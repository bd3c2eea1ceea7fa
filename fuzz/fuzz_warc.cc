// WARC reader on arbitrary bytes, plain or gzip: record headers, lying lengths, broken
// gzip members, HTTP headers, the HTML payloads.
#include "fuzz_common.h"
#include "ingest/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::FILE* file = annals::fuzz::OpenBytes(data, size);
  if (!file) return 0;
  annals::ReaderOptions options;
  options.format = annals::InputFormat::kWarc;
  options.max_article_bytes = 1u << 20;
  auto reader = annals::NewWarcReader(file, "fuzz.warc", size, options);
  annals::fuzz::Drain(reader.get());
  return 0;
}
