// Extract: runs the steps of the extract stage over one field of an article.
#include <algorithm>

#include "extract/steps.h"

namespace annals::extract {
namespace {

constexpr uint32_t kGrievanceWindow = 4;

// Whether the words at `first` are what a crowd protests about, not what happened:
// "against the vandalism", "accused of torching", "demanding justice for the killing".
bool InGrievance(const text::Document& doc, const text::Sentence& s, uint32_t first) {
  static constexpr std::string_view kMarkers[] = {"against", "over", "accused", "suspected", "alleged", "allegedly",
                                                  "for", "about", "denounce", "denouncing", "condemn",
                                                  "condemning", "demanding", "demand", "denounced", "condemned"};
  for (uint32_t k = first, steps = 0; k > s.first_token && steps < kGrievanceWindow; --k, ++steps) {
    const std::string_view key = doc.Key(k - 1);
    if (doc.tokens[k - 1].Is(text::kPunct) && key != "-") return false;
    if (std::find(std::begin(kMarkers), std::end(kMarkers), key) != std::end(kMarkers)) return true;
  }
  return false;
}

}  // namespace

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
    for (const PhraseMatcher::Match& m : cues)
      if (!InGrievance(doc, sentence, m.first)) out.sentence_cues[s] |= CueBit(ctx.lex.cue(m.value));
  }
  FindQuotes(ctx);
}

}  // namespace annals::extract
