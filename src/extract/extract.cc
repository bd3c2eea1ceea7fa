// Extract: runs the steps of the extract stage over one field of an article.
#include <algorithm>

#include "extract/steps.h"

namespace annals::extract {

void Extract(ExtractContext& ctx) {
  const text::Document& doc = ctx.doc;
  FieldAnalysis& out = ctx.out;
  out.Clear();
  const size_t n = doc.tokens.size();
  out.place_at.assign(n, -1);
  out.trigger_at.assign(n, -1);
  out.actor_at.assign(n, -1);
  // Step 1: mark the tokens of this field's places.
  for (size_t p = 0; p < ctx.places.size(); ++p) {
    const geo::FoundPlace& place = ctx.places[p];
    if (place.field != doc.field) continue;
    for (uint32_t t = place.first_token; t < place.end_token && t < n; ++t) out.place_at[t] = static_cast<int>(p);
  }
  // Step 2: sentence by sentence.
  out.sentence_cues.assign(doc.sentences.size(), 0);
  std::vector<PhraseMatcher::Match> cues;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const text::Sentence& sentence = doc.sentences[s];
    FindTriggers(ctx, s);
    FindActors(ctx, s);
    AssignRoles(ctx, s);
    FindOutcomes(ctx, s);
    FindAttributions(ctx, s);
    cues.clear();
    ctx.lex.cue_matcher().FindAll(doc, sentence.first_token, sentence.end_token, &cues);
    for (const PhraseMatcher::Match& m : cues) out.sentence_cues[s] |= CueBit(ctx.lex.cue(m.value));
  }
  FindQuotes(ctx);
}

}  // namespace annals::extract
