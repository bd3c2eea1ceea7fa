// What the fuzz targets share: turning the fuzzer's bytes into a FILE, the invariants
// every reader's output must keep, and the compiled resources of the build tree.
//
// A broken invariant calls __builtin_trap(), which libFuzzer reports as a crash with the
// input that caused it; the sanitizers report memory and undefined-behaviour errors.
#ifndef ANNALS_FUZZ_FUZZ_COMMON_H_
#define ANNALS_FUZZ_FUZZ_COMMON_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "annals/annals.h"
#include "ingest/utf8_check.h"

namespace annals::fuzz {

// Stops the run with a crash report when `condition` is false.
inline void Check(bool condition) {
  if (!condition) __builtin_trap();
}

// A read-only FILE over the fuzzer's bytes (seekable, as the WARC reader wants).
// Returns nullptr for empty input, which fmemopen rejects.
inline std::FILE* OpenBytes(const uint8_t* data, size_t size) {
  if (size == 0) return nullptr;
  return fmemopen(const_cast<uint8_t*>(data), size, "rb");
}

// What every Article a reader hands out must be: text valid UTF-8 and not empty, an id,
// every optional field valid UTF-8, a date of the form YYYY-MM-DD.
inline void CheckArticle(const Article& article) {
  Check(!article.text.empty());
  Check(!article.id.empty());
  Check(!FirstInvalidUtf8(article.text).has_value());
  if (article.title) Check(!FirstInvalidUtf8(*article.title).has_value());
  if (article.date) Check(article.date->size() == 10 && (*article.date)[4] == '-' && (*article.date)[7] == '-');
}

// Drains a reader, checking each item; at most `max_items` items (a reader that never
// ends is a hang, which libFuzzer reports as a timeout).
inline void Drain(ArticleReader* reader, size_t max_items = 1u << 20) {
  ReadItem item;
  size_t items = 0;
  while (reader->Next(&item)) {
    Check(++items <= max_items);
    if (item.article) {
      CheckArticle(*item.article);
    } else {
      Check(item.error != ErrorCode::kOk);
      Check(!item.message.empty());
    }
  }
}

// The build tree's compiled resources (gazetteer, lemmas, lexicons).
inline const char* DataDir() { return ANNALS_FUZZ_DATA_DIR; }

}  // namespace annals::fuzz

#endif  // ANNALS_FUZZ_FUZZ_COMMON_H_
