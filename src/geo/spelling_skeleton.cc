#include "geo/spelling_skeleton.h"

namespace annals::geo {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

}  // namespace

std::string SpellingSkeleton(std::string_view key) {
  // Letters only, with the consonant spellings merged.
  std::string letters;
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') continue;
    if (c == 'p' && i + 1 < key.size() && key[i + 1] == 'h') {
      letters.push_back('f');
      ++i;
      continue;
    }
    if (c == 'q' || c == 'c') c = 'k';
    if (c == 'z') c = 's';
    if (c == 'w') c = 'v';
    if (c == 'h' && !letters.empty()) continue;
    letters.push_back(c);
  }
  std::string out;
  for (char c : letters) {
    if (IsVowel(c)) c = 'a';
    if (!out.empty() && out.back() == c) continue;  // a vowel run, a doubled consonant
    out.push_back(c);
  }
  return out;
}

}  // namespace annals::geo
