// FindOutcomes: counts of people killed, injured, hospitalised, arrested and
// displaced, and the objects seized or destroyed.
//
// A number becomes an outcome count when an outcome phrase (data/extract/
// outcome_words.tsv) follows it within a few words of its noun phrase and verb group
// ("15 gendarmes have been taken to the hospital", "4 militants were killed"), or
// precedes it ("killing two fighters", "the death toll rose to 12", "the
// hospitalization of fifteen officers"). Numbers joined by "and" share the phrase
// that follows the last ("25 fighters and 6 soldiers killed"). Years, percentages,
// ages and measures are not counts. Vague quantities count by the documented rule of
// the numbers parser ("dozens" -> 12) and are marked vague.
//
// Seized objects: after a seize or destroy trigger, the object phrase ("the
// confiscation of 30 makeshift shelters", "seized 20 rifles") gives what and how many.
#include <algorithm>

#include "extract/steps.h"

namespace annals::extract {
namespace {

constexpr uint32_t kAfterWindow = 7;
constexpr uint32_t kBeforeWindow = 4;

bool IsMeasure(std::string_view key) {
  static constexpr std::string_view kWords[] = {
      "%", "percent", "per", "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "meters",
      "metres", "year", "years", "year-old", "month", "months", "day", "days", "hour", "hours", "minute", "minutes",
      "am", "pm", "a.m.", "p.m.", "kg", "tons", "tonnes", "dollars", "euros", "pounds", "$", "m", "bn", "million",
      "billion", "times", "acres", "hectares", "weeks", "week", "o'clock", "th", "st", "nd", "rd"};
  return std::find(std::begin(kWords), std::end(kWords), key) != std::end(kWords);
}

std::optional<OutcomeKind> OutcomeAt(const ExtractContext& ctx, uint32_t i, uint32_t limit, bool after,
                                     uint32_t* end) {
  std::vector<PhraseMatcher::Match> matches;
  (after ? ctx.lex.outcome_after_matcher() : ctx.lex.outcome_before_matcher()).MatchAt(ctx.doc, i, limit, &matches);
  if (matches.empty()) return std::nullopt;
  const auto best = std::max_element(matches.begin(), matches.end(),
                                     [](const auto& a, const auto& b) { return a.end - a.first < b.end - b.first; });
  *end = best->end;
  return ctx.lex.outcome_kind(best->value);
}

// Scans right of a number for an outcome phrase.
std::optional<OutcomeKind> KindAfter(const ExtractContext& ctx, uint32_t from, const text::Sentence& s, int depth) {
  for (uint32_t j = from; j < s.end_token && j < from + kAfterWindow; ++j) {
    uint32_t end;
    if (auto kind = OutcomeAt(ctx, j, s.end_token, true, &end)) return kind;
    const text::Token& t = ctx.doc.tokens[j];
    const std::string_view key = ctx.doc.Key(j);
    if (t.Is(text::kPunct) && key != "-") return std::nullopt;
    if (key == "and" && depth == 0 && j + 1 < s.end_token && IsNumberToken(ctx.doc, j + 1)) {
      uint32_t next = j + 1;
      while (next < s.end_token && IsNumberToken(ctx.doc, next)) ++next;
      return KindAfter(ctx, next, s, depth + 1);
    }
    if (IsNumberToken(ctx.doc, j)) return std::nullopt;
    const uint32_t classes = ctx.lex.ClassesOf(ctx.doc, j);
    if ((classes & (kConj | kSub | kRel)) && !(classes & kBe)) return std::nullopt;
    if ((classes & kPrep) && key != "of" && key != "to") return std::nullopt;
    // A verb that is another event ("15 protesters marched") ends the search.
    if (ctx.out.trigger_at[j] >= 0 && !ctx.out.triggers[static_cast<size_t>(ctx.out.trigger_at[j])].noun)
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<OutcomeKind> KindBefore(const ExtractContext& ctx, uint32_t number_first, const text::Sentence& s) {
  for (uint32_t back = 1; back <= kBeforeWindow && number_first >= s.first_token + back; ++back) {
    const uint32_t j = number_first - back;
    uint32_t end;
    if (auto kind = OutcomeAt(ctx, j, number_first, false, &end)) {
      // Only determiners, adjectives and "of"/"to"/"at least" may stand between.
      bool clean = true;
      for (uint32_t k = end; k < number_first && clean; ++k) {
        const std::string_view key = ctx.doc.Key(k);
        clean = (ctx.lex.ClassesOf(ctx.doc, k) & (kDet | kQuant)) || key == "of" || key == "to" || key == "at" ||
                key == "least" || key == "about" || key == "some" || key == "around" || key == "nearly" ||
                key == "over" || key == "more" || key == "than" || key == "another" || key == "at";
      }
      if (clean) return kind;
    }
    if (ctx.doc.tokens[j].Is(text::kPunct)) return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

void FindOutcomes(ExtractContext& ctx, uint32_t sentence_index) {
  const text::Document& doc = ctx.doc;
  const text::Sentence& s = doc.sentences[sentence_index];
  // Step 1: counts.
  for (uint32_t i = s.first_token; i < s.end_token;) {
    if (!IsNumberToken(doc, i)) {
      ++i;
      continue;
    }
    uint32_t end;
    bool vague = false;
    const auto value = NumberAt(ctx, i, s.end_token, &end, &vague);
    if (!value || end <= i) {
      ++i;
      continue;
    }
    const bool measure = end < s.end_token && IsMeasure(doc.Key(end));
    const bool year = doc.tokens[i].Is(text::kNumeric) && end == i + 1 && *value >= 1900 && *value <= 2100 &&
                      doc.Surface(i).find(',') == std::string_view::npos;
    const bool date_day = i > s.first_token && (doc.Key(i - 1) == "on" || doc.Key(i - 1) == "since") &&
                          *value <= 31;
    if (!measure && !year && !date_day) {
      std::optional<OutcomeKind> kind = KindAfter(ctx, end, s, 0);
      if (!kind) kind = KindBefore(ctx, i, s);
      if (kind) ctx.out.outcomes.push_back(OutcomeMention{*kind, *value, i, end, sentence_index, vague});
    }
    i = end;
  }
  // Step 2: seized or destroyed objects after a seize trigger.
  for (size_t t = ctx.out.FirstTriggerOf(sentence_index); t < ctx.out.triggers.size(); ++t) {
    const TriggerHit& hit = ctx.out.triggers[t];
    const TriggerEntry& entry = ctx.lex.trigger(hit.entry);
    // CAMEO 1711 (confiscate property) and 1712 (destroy property) take objects.
    if (entry.type != EventType::kCoerce || (entry.cameo != "1711" && entry.cameo != "1712")) continue;
    uint32_t j = hit.end;
    if (j < s.end_token && doc.Key(j) == "of") ++j;
    while (j < s.end_token && (ctx.lex.ClassesOf(doc, j) & kDet)) ++j;
    SeizedMention seized;
    seized.trigger = static_cast<uint32_t>(t);
    if (j < s.end_token && IsNumberToken(doc, j)) {
      uint32_t end;
      bool vague = false;
      seized.count = NumberAt(ctx, j, s.end_token, &end, &vague);
      if (vague) seized.count.reset();  // "several huts": how many is not known
      j = std::max(end, j + 1);
    }
    const uint32_t what_first = j;
    while (j < s.end_token && j - what_first < 4 && doc.tokens[j].Is(text::kWord) && ctx.lex.ClassesOf(doc, j) == 0 &&
           ctx.out.actor_at[j] < 0 && !(ctx.out.trigger_at[j] >= 0 && j > what_first))
      ++j;
    if (j == what_first) continue;
    seized.what = std::string(doc.SpanText(what_first, j));
    ctx.out.seized.push_back(std::move(seized));
  }
}

}  // namespace annals::extract
