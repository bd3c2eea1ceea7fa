#include "ingest/utf8_check.h"

#include <simdjson.h>
#include <utf8proc.h>

namespace annals {

std::optional<size_t> FirstInvalidUtf8(std::string_view bytes) {
  // Fast path: simdjson validates gigabytes per second; only a failure needs the
  // slower walk that tells where.
  if (simdjson::validate_utf8(bytes.data(), bytes.size())) return std::nullopt;
  size_t pos = 0;
  while (pos < bytes.size()) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + pos),
        static_cast<utf8proc_ssize_t>(bytes.size() - pos), &cp);
    if (n <= 0) return pos;
    pos += static_cast<size_t>(n);
  }
  return pos;  // unreachable when simdjson and utf8proc agree; still a safe answer
}

}  // namespace annals
