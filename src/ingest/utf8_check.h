#ifndef ANNALS_INGEST_UTF8_CHECK_H_
#define ANNALS_INGEST_UTF8_CHECK_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace annals {

// The byte offset of the first byte that does not start or continue a valid UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are invalid),
// or nullopt when all of `bytes` is valid UTF-8.
std::optional<size_t> FirstInvalidUtf8(std::string_view bytes);

// `bytes` with every byte that FirstInvalidUtf8 would report replaced by U+FFFD (one
// replacement per invalid byte); valid input is returned unchanged.
std::string ReplaceInvalidUtf8(std::string_view bytes);

}  // namespace annals

#endif  // ANNALS_INGEST_UTF8_CHECK_H_
