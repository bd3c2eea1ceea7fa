// NumberAt: the number a phrase of the extract stage starts with.
// Interim reader of numerals and the commonest number words, until the text layer's
// number parser (text/numbers.h) replaces it.
#include <charconv>

#include "extract/steps.h"

namespace annals::extract {
namespace {

std::optional<int64_t> WordValue(std::string_view key, bool* vague) {
  static constexpr std::pair<std::string_view, int64_t> kWords[] = {
      {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8},
      {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14},
      {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
      {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70}, {"eighty", 80},
      {"ninety", 90}, {"hundred", 100}, {"thousand", 1000}, {"dozen", 12}};
  for (const auto& [word, value] : kWords)
    if (word == key) return value;
  static constexpr std::pair<std::string_view, int64_t> kVague[] = {
      {"dozens", 12}, {"hundreds", 100}, {"thousands", 1000}, {"scores", 20}, {"several", 3}};
  for (const auto& [word, value] : kVague)
    if (word == key) {
      *vague = true;
      return value;
    }
  return std::nullopt;
}

}  // namespace

std::optional<int64_t> NumberAt(const ExtractContext& ctx, uint32_t i, uint32_t limit, uint32_t* end, bool* vague) {
  const text::Document& doc = ctx.doc;
  *end = i + 1;
  if (i >= limit) return std::nullopt;
  if (doc.tokens[i].Is(text::kNumeric)) {
    std::string digits;
    for (char c : doc.Key(i)) {
      if (c >= '0' && c <= '9') digits.push_back(c);
      else if (c != ',') break;
    }
    int64_t value = 0;
    if (digits.empty() || digits.size() > 15 ||
        std::from_chars(digits.data(), digits.data() + digits.size(), value).ec != std::errc())
      return std::nullopt;
    return value;
  }
  std::string_view key = doc.Key(i);
  const bool hyphen = doc.tokens[i].Is(text::kHyphenated);
  if (hyphen) {  // twenty-five
    const size_t dash = key.find('-');
    bool v = false;
    const auto tens = WordValue(key.substr(0, dash), &v);
    const auto ones = WordValue(key.substr(dash + 1), &v);
    if (tens && ones && !v) return *tens + *ones;
    return std::nullopt;
  }
  auto value = WordValue(key, vague);
  if (!value) return std::nullopt;
  if (key == "dozen" && i > 0 && (doc.Key(i - 1) == "a")) return 12;
  return value;
}

}  // namespace annals::extract
