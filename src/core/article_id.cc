#include "annals/annals.h"

namespace annals {

std::string ArticleIdForText(std::string_view text) {
  // 64-bit FNV-1a: stable across platforms and releases, which is all ids need.
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i) {
    id[static_cast<size_t>(i)] = kHex[hash & 15];
    hash >>= 4;
  }
  return id;
}

}  // namespace annals
