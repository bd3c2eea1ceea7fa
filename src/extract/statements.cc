// FindStatementEvents: reported statements that are events. "Labour said the plan
// was a shambles" reports criticism (DISAPPROVE) though no word of it is a trigger;
// "she said ministers must apologise" reports a demand. A reporting verb of
// triggers.tsv with pos S becomes a candidate of its type when the statement it
// reports holds a word of data/events/statement_words.tsv of that type and the
// sentence has no event of that type already. Whether the candidate is an event is
// the event model's decision, as for every other candidate.
//
// The statement is the rest of the sentence after the verb ("X said [the plan was a
// shambles]"), and also the words before it when a comma or quotation mark stands
// shortly before the verb ("[The plan is a shambles]," X said).
#include <algorithm>
#include <string>

#include "extract/steps.h"

namespace annals::extract {
namespace {

constexpr uint32_t kCloseWindow = 4;  // tokens before a closing verb searched for its comma or quote

// The first of the sentence's statement words `words` (in text order) of `type` in
// the statement `verb` reports: after it, then before it when it closes the sentence.
const PhraseMatcher::Match* WordOfStatement(const ExtractContext& ctx, const text::Sentence& s,
                                            const std::vector<PhraseMatcher::Match>& words,
                                            const PhraseMatcher::Match& verb, EventType type) {
  auto first_in = [&](uint32_t first, uint32_t end) -> const PhraseMatcher::Match* {
    for (const PhraseMatcher::Match& w : words)
      if (w.first >= first && w.end <= end && ctx.lex.statement_type(w.value) == type) return &w;
    return nullptr;
  };
  if (const PhraseMatcher::Match* word = first_in(verb.end, s.end_token)) return word;
  for (uint32_t k = verb.first, steps = 0; k > s.first_token && steps < kCloseWindow; --k, ++steps) {
    const uint32_t j = k - 1;
    if (ctx.doc.Key(j) == "," || ctx.doc.tokens[j].Is(text::kCloseQuote)) return first_in(s.first_token, j);
  }
  return nullptr;
}

}  // namespace

void FindStatementEvents(ExtractContext& ctx, uint32_t sentence_index) {
  const text::Document& doc = ctx.doc;
  const text::Sentence& s = doc.sentences[sentence_index];
  FieldAnalysis& out = ctx.out;
  const uint32_t first_trigger = out.FirstTriggerOf(sentence_index);
  auto has_type = [&](EventType type) {
    for (size_t i = first_trigger; i < out.triggers.size(); ++i)
      if (ctx.lex.trigger(out.triggers[i].entry).type == type) return true;
    return false;
  };
  // Most sentences hold no statement word: look for those first.
  thread_local std::vector<PhraseMatcher::Match> words, verbs;
  words.clear();
  for (uint32_t t = s.first_token; t < s.end_token; ++t) ctx.lex.statement_matcher().MatchAt(doc, t, s.end_token, &words);
  if (words.empty()) return;
  bool added = false;
  for (uint32_t token = s.first_token; token < s.end_token; ++token) {
    if (out.trigger_at[token] >= 0) continue;
    verbs.clear();
    ctx.lex.trigger_matcher().MatchAt(doc, token, s.end_token, &verbs);
    for (const PhraseMatcher::Match& m : verbs) {
      const TriggerEntry& entry = ctx.lex.trigger(m.value);
      if (entry.pos != TriggerPos::kStatement || has_type(entry.type)) continue;
      const PhraseMatcher::Match* word = WordOfStatement(ctx, s, words, m, entry.type);
      if (!word) continue;
      std::optional<TriggerHit> hit = ReadTrigger(ctx, sentence_index, m, /*statement=*/true);
      if (!hit || hit->negated) continue;
      hit->statement_word = static_cast<int>(word->first);
      hit->notes.push_back("a statement holding '" + std::string(doc.SpanText(word->first, word->end)) + "'");
      out.triggers.push_back(std::move(*hit));
      added = true;
      break;
    }
  }
  if (!added) return;
  // Keep the sentence's triggers in text order and their tokens marked.
  std::stable_sort(out.triggers.begin() + first_trigger, out.triggers.end(),
                   [](const TriggerHit& a, const TriggerHit& b) { return a.first < b.first; });
  for (size_t i = first_trigger; i < out.triggers.size(); ++i)
    for (uint32_t k = out.triggers[i].first; k < out.triggers[i].end; ++k) out.trigger_at[k] = static_cast<int>(i);
}

}  // namespace annals::extract
