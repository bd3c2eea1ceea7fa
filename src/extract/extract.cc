// Extract: runs the steps of the extract stage over one field of an article.
#include <algorithm>

#include "extract/steps.h"

namespace annals::extract {
namespace {

constexpr uint32_t kGrievanceWindow = 5;

}  // namespace

bool InGrievance(const ExtractContext& ctx, const text::Sentence& s, uint32_t first, bool in_protest) {
  const text::Document& doc = ctx.doc;
  // In a protest's sentence the grievance may lie further back ("against police
  // brutality and the death of George Floyd, a black man killed by police").
  const uint32_t window = in_protest ? first - s.first_token : kGrievanceWindow;
  for (uint32_t k = first, steps = 0; k > s.first_token && steps < window; --k, ++steps) {
    const uint32_t j = k - 1;
    const std::string_view key = doc.Key(j);
    if (doc.tokens[j].Is(text::kPunct) && key != "-" && key != "," && !in_protest) return false;
    if (ctx.out.trigger_at[j] >= 0 && in_protest &&
        ctx.lex.trigger(ctx.out.triggers[static_cast<size_t>(ctx.out.trigger_at[j])].entry).type ==
            EventType::kProtest)
      return false;  // reached the protest itself
    // "over 200 people", "about 50": a number follows, so no grievance.
    const bool before_number = j + 1 < s.end_token && IsNumberToken(doc, j + 1);
    if ((ctx.lex.ClassesOf(doc, j) & kGrievance) && !before_number) return true;
    if (!in_protest && steps >= kGrievanceWindow) break;
    // In a protest's sentence, what came before or was done to someone else is its
    // reason: "after the killing of", "people killed by police", "who was shot".
    if (in_protest && steps < kGrievanceWindow &&
        (key == "after" || key == "following" || key == "who" || key == "which" || key == "of" || key == "for"))
      return true;
  }
  return false;
}

void Extract(ExtractContext& ctx) {
  const text::Document& doc = ctx.doc;
  FieldAnalysis& out = ctx.out;
  out.Clear();
  const size_t n = doc.tokens.size();
  out.place_at.assign(n, -1);
  out.trigger_at.assign(n, -1);
  out.actor_at.assign(n, -1);
  // Step 1: this field's places, marked on their tokens and indexed by sentence.
  for (size_t p = 0; p < ctx.places.size(); ++p) {
    const geo::FoundPlace& place = ctx.places[p];
    if (place.field != doc.field) continue;
    out.places.push_back(static_cast<int>(p));
    for (uint32_t t = place.first_token; t < place.end_token && t < n; ++t) out.place_at[t] = static_cast<int>(p);
  }
  std::stable_sort(out.places.begin(), out.places.end(), [&](int a, int b) {
    return ctx.places[static_cast<size_t>(a)].sentence < ctx.places[static_cast<size_t>(b)].sentence;
  });
  const uint32_t sentences = static_cast<uint32_t>(doc.sentences.size());
  out.sentence_start.assign(sentences + 1, SentenceStart{});
  {
    uint32_t next = 0;
    for (uint32_t s = 0; s <= sentences; ++s) {
      while (next < out.places.size() && ctx.places[static_cast<size_t>(out.places[next])].sentence < s) ++next;
      out.sentence_start[s].places = next;
    }
  }
  // Step 2: sentence by sentence.
  out.sentence_cues.assign(doc.sentences.size(), 0);
  thread_local std::vector<PhraseMatcher::Match> cues;
  for (uint32_t s = 0; s < sentences; ++s) {
    const text::Sentence& sentence = doc.sentences[s];
    SentenceStart& start = out.sentence_start[s];
    start.triggers = static_cast<uint32_t>(out.triggers.size());
    start.actors = static_cast<uint32_t>(out.actors.size());
    start.outcomes = static_cast<uint32_t>(out.outcomes.size());
    start.seized = static_cast<uint32_t>(out.seized.size());
    start.attributions = static_cast<uint32_t>(out.attributions.size());
    FindTriggers(ctx, s);
    FindStatementEvents(ctx, s);
    FindActors(ctx, s);
    AssignRoles(ctx, s);
    FindOutcomes(ctx, s);
    FindAttributions(ctx, s);
    // Every cue phrase counts ("burning" is a crowd's violence and destruction of
    // property at once), except one inside a longer cue phrase ("machine gun" inside
    // "heavy machine gun").
    cues.clear();
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t)
      ctx.lex.cue_matcher().MatchAt(doc, t, sentence.end_token, &cues);
    std::erase_if(cues, [&](const PhraseMatcher::Match& m) {
      return std::any_of(cues.begin(), cues.end(), [&](const PhraseMatcher::Match& longer) {
        return longer.first <= m.first && longer.end >= m.end && longer.end - longer.first > m.end - m.first;
      });
    });
    for (const PhraseMatcher::Match& m : cues) {
      // The object of a protest's verb is what the crowd protests about ("protesting
      // the police's use of tear gas").
      bool protest_object = false;
      for (const TriggerHit& hit : out.TriggersOf(s)) {
        const TriggerEntry& entry = ctx.lex.trigger(hit.entry);
        if (hit.noun || hit.end > m.first || m.first - hit.end > kGrievanceWindow ||
            entry.type != EventType::kProtest || entry.mode != "demo")
          continue;
        bool instrument = false;  // "blocked roads with burning tires": how, not why
        for (uint32_t k = hit.end; k < m.first; ++k) {
          const std::string_view key = doc.Key(k);
          instrument |= key == "with" || key == "by" || key == "using" || key == "and";
        }
        protest_object |= !instrument;
      }
      // Words of an event the sentence only refers to ("after the riots") say nothing
      // about this one.
      const int covering = out.trigger_at[m.first];
      const bool referred = covering >= 0 && out.triggers[static_cast<size_t>(covering)].background;
      // Words denied say the opposite ("made no arrests", "without violence"); "no one
      // was arrested", "nobody was hurt" deny from one word further.
      bool denied = false;
      for (uint32_t k = m.first, steps = 0; k > sentence.first_token && steps < 3 && !denied; --k, ++steps) {
        const std::string_view key = doc.Key(k - 1);
        const bool near = steps < 2;
        denied = (near && (key == "no" || key == "not" || key == "without" || key == "never" || key == "n't")) ||
                 key == "nobody" || key == "none" || (key == "one" && k >= 2 && doc.Key(k - 2) == "no");
      }
      if (!protest_object && !referred && !denied && !InGrievance(ctx, sentence, m.first, false))
        out.sentence_cues[s] |= CueBit(ctx.lex.cue(m.value));
    }
    SentenceStart& end = out.sentence_start[s + 1];
    end.triggers = static_cast<uint32_t>(out.triggers.size());
    end.actors = static_cast<uint32_t>(out.actors.size());
    end.outcomes = static_cast<uint32_t>(out.outcomes.size());
    end.seized = static_cast<uint32_t>(out.seized.size());
    end.attributions = static_cast<uint32_t>(out.attributions.size());
    out.sentences_done = s + 1;
  }
  FindQuotes(ctx);
}

}  // namespace annals::extract
