#include "extract/phrase_matcher.h"

#include <algorithm>

#include "core/tsv.h"
#include "text/numbers.h"

namespace annals::extract {
namespace {

bool IsClauseBreak(const text::Document& doc, uint32_t i) {
  const std::string_view key = doc.Key(i);
  return doc.tokens[i].Is(text::kPunct) &&
         (key == "." || key == ";" || key == ":" || key == "!" || key == "?" || key == "(" || key == ")");
}

bool WordMatches(const text::Document& doc, uint32_t i, std::string_view word) {
  return doc.Key(i) == word || doc.Lemma(i) == word;
}

}  // namespace

uint32_t& WordMap::operator[](std::string_view word) {
  if ((size_ + 1) * 2 > tags_.size()) Grow();
  const uint64_t hash = Hash(word);
  const uint32_t tag = Tag(hash);
  for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
    if (tags_[i] == tag && entries_[i].word == word) return entries_[i].value;
    if (tags_[i] == 0) {
      tags_[i] = tag;
      entries_[i].word = word;
      ++size_;
      return entries_[i].value;
    }
  }
}

void WordMap::Grow() {
  std::vector<uint32_t> old_tags = std::move(tags_);
  std::vector<Entry> old = std::move(entries_);
  const size_t size = old.empty() ? 64 : old.size() * 2;
  tags_.assign(size, 0);
  entries_.assign(size, Entry{});
  mask_ = size - 1;
  for (size_t k = 0; k < old.size(); ++k) {
    if (old_tags[k] == 0) continue;  // an empty slot
    const Entry& entry = old[k];
    const uint64_t hash = Hash(entry.word);
    size_t i = hash & mask_;
    while (tags_[i] != 0) i = (i + 1) & mask_;
    tags_[i] = Tag(hash);
    entries_[i] = entry;
  }
}

bool IsNumberToken(const text::Document& doc, uint32_t i) {
  return doc.tokens[i].Is(text::kNumeric) || text::ParseNumberAt(doc, i).has_value();
}

void PhraseMatcher::Add(std::string_view phrase, uint32_t value) {
  Phrase p;
  for (std::string_view word : SplitView(phrase, ' '))
    if (!word.empty()) p.words.push_back(word);
  if (p.words.empty()) return;
  p.value = value;
  p.content_words = static_cast<uint32_t>(std::count_if(p.words.begin(), p.words.end(),
                                                        [](std::string_view w) { return w != "..."; }));
  const uint32_t index = static_cast<uint32_t>(phrases_.size());
  if (p.words[0] == "#") {
    number_first_.push_back(index);
  } else {
    // Lists are numbered from 1, so that the map's 0 means "new word".
    uint32_t& list = by_first_word_[p.words[0]];
    if (list == 0) {
      first_word_lists_.emplace_back();
      list = static_cast<uint32_t>(first_word_lists_.size());
    }
    first_word_lists_[list - 1].push_back(index);
  }
  phrases_.push_back(std::move(p));
}

bool PhraseMatcher::MatchFrom(const text::Document& doc, const Phrase& phrase, size_t word, uint32_t token,
                              uint32_t limit, uint32_t* end) const {
  if (word == phrase.words.size()) {
    *end = token;
    return true;
  }
  const std::string_view w = phrase.words[word];
  if (w == "...") {
    for (uint32_t skip = 0; skip <= kMaxGap && token + skip <= limit; ++skip) {
      if (skip > 0 && IsClauseBreak(doc, token + skip - 1)) break;
      if (MatchFrom(doc, phrase, word + 1, token + skip, limit, end)) return true;
    }
    return false;
  }
  if (token >= limit) return false;
  if (w == "#") {
    // A number may span several tokens ("two hundred", "1.2 million").
    const std::optional<text::NumberMatch> number = text::ParseNumberAt(doc, token);
    if (!number || number->end_token > limit) return false;
    return MatchFrom(doc, phrase, word + 1, number->end_token, limit, end);
  }
  if (!WordMatches(doc, token, w)) return false;
  return MatchFrom(doc, phrase, word + 1, token + 1, limit, end);
}

void PhraseMatcher::MatchAt(const text::Document& doc, uint32_t i, uint32_t limit, std::vector<Match>* out) const {
  auto try_list = [&](const std::vector<uint32_t>& list) {
    for (uint32_t index : list) {
      const Phrase& phrase = phrases_[index];
      uint32_t end;
      if (MatchFrom(doc, phrase, 0, i, limit, &end))
        out->push_back(Match{phrase.value, i, end, phrase.content_words});
    }
  };
  const std::string_view key = doc.Key(i);
  if (const uint32_t* list = by_first_word_.Find(key)) try_list(first_word_lists_[*list - 1]);
  const std::string_view lemma = doc.Lemma(i);
  if (lemma != key)
    if (const uint32_t* list = by_first_word_.Find(lemma)) try_list(first_word_lists_[*list - 1]);
  if (!number_first_.empty() && IsNumberToken(doc, i)) try_list(number_first_);
}

bool PhraseMatcher::ByPreference(const Match& a, const Match& b) {
  if (a.words != b.words) return a.words < b.words;
  if (a.end - a.first != b.end - b.first) return a.end - a.first < b.end - b.first;
  return a.value > b.value;  // earlier lexicon rows win ties
}

void PhraseMatcher::FindAll(const text::Document& doc, uint32_t first, uint32_t end, std::vector<Match>* out) const {
  thread_local std::vector<Match> here;  // reused: no allocation per sentence
  for (uint32_t i = first; i < end;) {
    here.clear();
    MatchAt(doc, i, end, &here);
    if (here.empty()) {
      ++i;
      continue;
    }
    const Match best = *std::max_element(here.begin(), here.end(), ByPreference);
    out->push_back(best);
    i = best.end;
  }
}

}  // namespace annals::extract
