#include "ingest/utf8_check.h"

#include <simdjson.h>
#include <utf8proc.h>

namespace annals {

namespace {

// The length of the valid UTF-8 sequence at bytes[pos], or 0 when the byte there
// neither starts nor continues one.
size_t ValidSequenceAt(std::string_view bytes, size_t pos) {
  utf8proc_int32_t cp;
  const utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + pos),
                       static_cast<utf8proc_ssize_t>(bytes.size() - pos), &cp);
  return n > 0 ? static_cast<size_t>(n) : 0;
}

}  // namespace

std::optional<size_t> FirstInvalidUtf8(std::string_view bytes) {
  // Fast path: simdjson validates gigabytes per second; only a failure needs the
  // slower walk that tells where.
  if (simdjson::validate_utf8(bytes.data(), bytes.size())) return std::nullopt;
  size_t pos = 0;
  while (pos < bytes.size()) {
    const size_t n = ValidSequenceAt(bytes, pos);
    if (n == 0) return pos;
    pos += n;
  }
  return pos;  // unreachable when simdjson and utf8proc agree; still a safe answer
}

std::string ReplaceInvalidUtf8(std::string_view bytes) {
  const std::optional<size_t> first = FirstInvalidUtf8(bytes);
  if (!first) return std::string(bytes);
  std::string out(bytes.substr(0, *first));
  out.reserve(bytes.size() + 8);
  for (size_t pos = *first; pos < bytes.size();) {
    const size_t n = ValidSequenceAt(bytes, pos);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++pos;
    } else {
      out.append(bytes.substr(pos, n));
      pos += n;
    }
  }
  return out;
}

}  // namespace annals
