// The compact text form of spans in the store: "start-end" items joined by ';', with
// a "t" before the span of a title ("12-80;t0-31").
#ifndef ANNALS_STORE_SPANS_H_
#define ANNALS_STORE_SPANS_H_

#include <charconv>
#include <string_view>
#include <vector>

#include "annals/annals.h"

namespace annals::store {

// The spans of `text`; items that do not parse are skipped.
inline std::vector<Span> ParseSpans(std::string_view text) {
  std::vector<Span> out;
  while (!text.empty()) {
    const size_t semi = text.find(';');
    std::string_view item = text.substr(0, semi);
    text = semi == std::string_view::npos ? std::string_view() : text.substr(semi + 1);
    Span span;
    if (!item.empty() && item[0] == 't') {
      span.field = Field::kTitle;
      item.remove_prefix(1);
    }
    const size_t dash = item.find('-');
    if (dash == std::string_view::npos) continue;
    const auto a = std::from_chars(item.data(), item.data() + dash, span.start);
    const auto b = std::from_chars(item.data() + dash + 1, item.data() + item.size(), span.end);
    if (a.ec != std::errc() || b.ec != std::errc() || a.ptr != item.data() + dash || b.ptr != item.data() + item.size())
      continue;
    out.push_back(span);
  }
  return out;
}

}  // namespace annals::store

#endif  // ANNALS_STORE_SPANS_H_
