// FindTriggers: the words that signal events, read as verbs or nouns, with the
// status the words around them give (occurred, attempted, planned, threatened,
// denied, hypothetical) and negation.
//
// Without a part-of-speech tagger, the reading of a trigger comes from its left
// neighbours: a determiner, possessive, number or adjective-like word before it makes
// it a noun ("the attack", "two airstrikes"); "to", a modal, an auxiliary or a
// pronoun before it makes it a verb ("to protest", "will attack", "they marched").
// A capitalised single-word trigger in running text ("March", "Rally") is a name,
// not an event. Status words are looked for to the left of the trigger, within its
// clause: "did not attack" (negated), "an attempt to clear" (attempted), "plans to
// march" (planned), "threatened to strike" (threatened), "denied attacking"
// (denied), "if they attack" / "could attack" (hypothetical).
#include <algorithm>
#include <optional>

#include "extract/steps.h"

namespace annals::extract {
namespace {

constexpr uint32_t kStatusWindow = 7;  // tokens to the left of a trigger searched for status words

bool IsPassiveParticiple(const text::Document& doc, uint32_t i) {
  const std::string_view key = doc.Key(i);
  if (key.size() > 3 && (key.ends_with("ed") || key.ends_with("en"))) return true;
  // Irregular participles: the lemma differs from the key and the key is not -ing/-s.
  return doc.Lemma(i) != key && !key.ends_with("ing") && !key.ends_with("s");
}

// Finds a form of "be" (or "get") up to two adverbs before token i.
bool BeBefore(const ExtractContext& ctx, uint32_t i, uint32_t sentence_first) {
  for (uint32_t k = i, steps = 0; k > sentence_first && steps < 3; --k, ++steps) {
    const uint32_t j = k - 1;
    const uint32_t classes = ctx.lex.ClassesOf(ctx.doc, j);
    if (classes & kBe) return true;
    const std::string_view key = ctx.doc.Key(j);
    if (key == "got" || key == "get" || key == "gets" || key == "getting") return true;
    // Adverbs between: "were reportedly attacked", "was also killed".
    if (!(key.ends_with("ly") || key == "also" || key == "later" || key == "then" || key == "all" ||
          key == "allegedly" || key == "being"))
      return false;
  }
  return false;
}

// Whether the negation word at j denies the trigger that starts at `first`, later in
// its clause. "not", "never", "n't" deny what follows ("did not attack"). "no" denies
// a verb ("no one was arrested") unless it opens a comparison or an idiom ("no fewer
// than 300 marched", "no doubt", "a no-go zone"); before a noun trigger it denies only
// the noun it determines ("no arrests", "no reports of violence", "no injuries or
// arrests"), not a noun further on ("no group claimed the attack"). "without" denies
// only what it governs ("without arrests", "without firing"), never a verb further
// on ("gunmen without uniforms attacked").
bool NegationDenies(const text::Document& doc, uint32_t j, uint32_t first, bool noun) {
  const std::string_view key = doc.Key(j);
  // "nobody", "none" deny their own verb ("none was hurt"), not an event named after it
  // ("none was hurt in the arson attack").
  if (key == "nobody" || key == "none") return !noun;
  if (key != "no" && key != "without") return true;
  if (key == "no") {
    const std::string_view next = doc.Key(j + 1);
    if (next == "fewer" || next == "more" || next == "less" || next == "longer" || next == "sooner" ||
        next == "doubt" || next == "matter" || next == "end" || next == "-")
      return false;
    if (!noun) return true;
  }
  // The words between may only narrow the denied noun: "no immediate reports of",
  // "without any serious", or name other items of a list ("no injuries or arrests").
  static constexpr std::string_view kNarrowing[] = {
      "any", "further", "major", "serious", "significant", "immediate", "new", "other", "reported",
      "confirmed", "known", "real", "actual", "such", "report", "reports", "sign", "signs", "word",
      "indication", "indications", "evidence", "news", "mention", "record", "of"};
  for (uint32_t k = j + 1; k < first; ++k) {
    const std::string_view between = doc.Key(k);
    // "without firing a shot": what "without" governs is a gerund and its object.
    if (key == "without" && (between.ends_with("ing") || between == "a" || between == "an" || between == "the"))
      continue;
    const std::string_view after = doc.Key(k + 1);
    const bool list_item = after == "or" || after == "and" || after == "nor";
    const bool joiner = between == "or" || between == "and" || between == "nor";
    if (!list_item && !joiner && std::find(std::begin(kNarrowing), std::end(kNarrowing), between) == std::end(kNarrowing))
      return false;
  }
  return true;
}

}  // namespace

bool InsideQuote(const text::Document& doc, uint32_t i) {
  const text::Sentence& s = doc.sentences[doc.tokens[i].sentence];
  bool open = false;
  for (uint32_t k = s.first_token; k < i; ++k) {
    const text::Token& t = doc.tokens[k];
    if (t.Is(text::kOpenQuote) && doc.Key(k) == "\"") open = true;
    else if (t.Is(text::kCloseQuote) && doc.Key(k) == "\"") open = false;
  }
  return open;
}

bool IsClauseBoundary(const ExtractContext& ctx, uint32_t i) {
  const std::string_view key = ctx.doc.Key(i);
  if (ctx.doc.tokens[i].Is(text::kPunct))
    return key == ";" || key == ":" || key == "." || key == "!" || key == "?" || key == "--";
  const uint32_t classes = ctx.lex.ClassesOf(ctx.doc, i);
  return (classes & kSub) != 0 && !(classes & kPrep);
}

void FindTriggers(ExtractContext& ctx, uint32_t sentence_index) {
  const text::Document& doc = ctx.doc;
  const text::Sentence& s = doc.sentences[sentence_index];
  // Every phrase that starts at a token is a candidate, best first (ByPreference);
  // the first that reads well where it stands wins, and reading resumes after it.
  thread_local std::vector<PhraseMatcher::Match> candidates;
  for (uint32_t token = s.first_token; token < s.end_token;) {
    candidates.clear();
    ctx.lex.trigger_matcher().MatchAt(doc, token, s.end_token, &candidates);
    std::sort(candidates.begin(), candidates.end(),
              [](const auto& a, const auto& b) { return PhraseMatcher::ByPreference(b, a); });
    std::optional<TriggerHit> found;
    uint32_t next = token + 1;
    for (const PhraseMatcher::Match& m : candidates) {
      if (ctx.lex.trigger(m.value).blocker) {  // words that are no event
        next = m.end;
        break;
      }
      found = ReadTrigger(ctx, sentence_index, m, /*statement=*/false);
      if (found) {
        next = m.end;
        break;
      }
    }
    token = next;
    if (!found) continue;
    const int index = static_cast<int>(ctx.out.triggers.size());
    for (uint32_t k = found->first; k < found->end; ++k) ctx.out.trigger_at[k] = index;
    ctx.out.triggers.push_back(std::move(*found));
  }
}

std::optional<TriggerHit> ReadTrigger(ExtractContext& ctx, uint32_t sentence_index, const PhraseMatcher::Match& m,
                                      bool statement) {
  const text::Document& doc = ctx.doc;
  const text::Sentence& s = doc.sentences[sentence_index];
  {
    const TriggerEntry& entry = ctx.lex.trigger(m.value);
    if ((entry.pos == TriggerPos::kStatement) != statement) return std::nullopt;
    TriggerHit hit;
    hit.entry = m.value;
    hit.first = m.first;
    hit.end = m.end;
    hit.head = m.first;
    hit.sentence = sentence_index;
    const text::Token& head = doc.tokens[hit.head];

    // Step 1: a capitalised single word mid-sentence is a name ("March", "Rally").
    if (doc.field == Field::kText && m.end - m.first == 1 && head.Is(text::kCapitalized) &&
        !head.Is(text::kSentenceStart) && !head.Is(text::kAllCaps)) {
      const uint32_t prev_classes = m.first > s.first_token ? ctx.lex.ClassesOf(doc, m.first - 1) : 0;
      const bool after_quote = m.first > s.first_token && doc.tokens[m.first - 1].Is(text::kOpenQuote);
      if (!(prev_classes & kDet) && !after_quote) return std::nullopt;
    }

    // Step 2: verb or noun reading from the left neighbour.
    uint32_t prev_classes = 0;
    std::string_view prev_key;
    bool prev_number = false;
    if (m.first > s.first_token) {
      prev_classes = ctx.lex.ClassesOf(doc, m.first - 1);
      prev_key = doc.Key(m.first - 1);
      prev_number = IsNumberToken(doc, m.first - 1);
    }
    const bool next_of = m.end < s.end_token && doc.Key(m.end) == "of";
    // "a local jail": a determiner before one modifier; "from jail": a preposition.
    const bool det_two_back = m.first >= s.first_token + 2 && (ctx.lex.ClassesOf(doc, m.first - 2) & kDet) &&
                              prev_classes == 0 && doc.tokens[m.first - 1].Is(text::kWord) &&
                              ctx.out.trigger_at[m.first - 1] < 0;
    const bool after_preposition = (prev_classes & kPrep) && prev_key != "to" && !doc.Key(m.first).ends_with("ing");
    const bool noun_context = (prev_classes & (kDet | kQuant)) || prev_number || prev_key == "'s" || next_of ||
                              det_two_back || after_preposition;
    // A past form ("threw", "executed", "fired") is a verb unless a determiner is
    // right before it ("the soldier threw" is no "a local jail").
    const std::string_view first_key = doc.Key(m.first);
    bool past_form = first_key.size() > 3 && first_key.ends_with("ed");
    if (!past_form && ctx.lemmatizer && first_key != doc.Lemma(m.first)) {
      const text::LemmaInfo info = ctx.lemmatizer->Lookup(first_key);
      past_form = !info.verb.empty() && info.verb != first_key && !first_key.ends_with("ing") &&
                  !first_key.ends_with("s");
    }
    const bool verb_context = prev_key == "to" || (prev_classes & (kModal | kPron | kAux)) ||
                              ((prev_classes & kBe) && IsPassiveParticiple(doc, m.first)) ||
                              (past_form && !(prev_classes & kDet));
    const bool verb_only = entry.pos == TriggerPos::kVerb || entry.pos == TriggerPos::kStatement;
    if (verb_only && noun_context && !verb_context) return std::nullopt;
    if (entry.pos == TriggerPos::kNoun && verb_context && !noun_context) return std::nullopt;
    hit.noun = entry.pos == TriggerPos::kNoun || (entry.pos == TriggerPos::kAny && noun_context && !verb_context);

    // Step 3: passive voice.
    // A participle that is an adjective of attitude before "to" is no passive: "Israel
    // is opposed to the plan" is Israel opposing it ("was sent to" stays passive).
    static constexpr std::string_view kAttitudeBeforeTo[] = {"opposed", "committed", "dedicated", "determined",
                                                             "resigned", "inclined", "devoted"};
    const bool attitude = m.end < s.end_token && doc.Key(m.end) == "to" &&
                          std::find(std::begin(kAttitudeBeforeTo), std::end(kAttitudeBeforeTo), doc.Key(m.first)) !=
                              std::end(kAttitudeBeforeTo);
    hit.passive =
        !hit.noun && !attitude && IsPassiveParticiple(doc, m.first) && BeBefore(ctx, m.first, s.first_token);
    if (hit.passive) hit.notes.push_back("passive voice");

    // Step 4: status, mood and negation from the words to the left, within the
    // clause. The nearest status word decides the status; negation with an intent
    // ("will not", "would not") or a refusal word ("refused to") is a refusal, and
    // negation alone ("did not attack") means no event.
    bool negation = false, intent = false, oblige = false, refuse = false, status_set = false;
    for (uint32_t k = m.first, steps = 0; k > s.first_token && steps < kStatusWindow; --k, ++steps) {
      const uint32_t j = k - 1;
      if (IsClauseBoundary(ctx, j) || doc.Key(j) == ",") break;
      const uint32_t classes = ctx.lex.ClassesOf(doc, j);
      // Another event's words end the search, unless they are a status word
      // themselves ("threatened to kill": a threat, and the threatened killing).
      constexpr uint32_t kStatusWords = kAttempt | kPlan | kThreat | kDeny | kIntent | kRefuse;
      if (ctx.out.trigger_at.size() > j && ctx.out.trigger_at[j] >= 0 && !(classes & kStatusWords)) break;
      const std::string_view key = doc.Key(j);
      // "attempt to", "plans to", "threatened to", "willing to": the word governs an
      // infinitive; "a planned attack" (an adjective) is no plan. Foiling or
      // thwarting needs no "to".
      const bool before_to = j + 1 < m.first && doc.Key(j + 1) == "to";
      const std::string_view lemma = doc.Lemma(j);
      if ((classes & kNeg) && NegationDenies(doc, j, m.first, hit.noun)) negation = true;
      if ((classes & kOblige)) oblige = true;
      if ((classes & kRefuse) && before_to) refuse = true;
      if ((classes & kIntent) && (before_to || (classes & kModal))) intent = true;
      if (status_set) continue;
      const bool blocking = lemma == "foil" || lemma == "thwart" || lemma == "prevent";
      EventStatus status = EventStatus::kOccurred;
      if (classes & kDeny) status = EventStatus::kDenied;
      else if ((classes & kAttempt) && (before_to || blocking || hit.noun)) status = EventStatus::kAttempted;
      else if ((classes & kThreat) && before_to) status = EventStatus::kThreatened;
      else if ((classes & kPlan) && key != "call" && before_to) status = EventStatus::kPlanned;
      else if ((classes & kIntent) && (before_to || (classes & kModal))) status = EventStatus::kPlanned;
      else if (classes & kHypo) status = EventStatus::kHypothetical;
      if (status != EventStatus::kOccurred) {
        hit.status = status;
        status_set = true;
      }
    }
    if (refuse || (negation && intent)) {
      hit.mood = Mood::kRefusal;
      hit.status = EventStatus::kOccurred;
      hit.notes.push_back("mood: refused");
    } else if (negation) {
      hit.negated = true;
      hit.notes.push_back("negated");
    } else if (oblige) {
      hit.mood = Mood::kObligation;
      hit.notes.push_back("mood: demanded of someone");
    } else if (intent) {
      hit.mood = Mood::kIntent;
      hit.notes.push_back("mood: intended or promised");
    }
    if (hit.status != EventStatus::kOccurred)
      hit.notes.push_back(std::string("status ") + std::string(ToString(hit.status)));

    hit.in_quote = InsideQuote(doc, m.first);
    // Step 4a: "had been arrested", "had fled": an event before the one reported.
    for (uint32_t k = m.first, steps = 0; k > s.first_token && steps < 3; --k, ++steps) {
      if (doc.Key(k - 1) == "had") {
        hit.subordinate = true;
        hit.notes.push_back("told in the past perfect: an earlier event");
        break;
      }
      if (!(ctx.lex.ClassesOf(doc, k - 1) & (kBe | kAux)) && !doc.Key(k - 1).ends_with("ly")) break;
    }
    // Step 4a': a relative clause on a phrase ("families who claim their children were
    // kidnapped continued their sit-in"): the sentence's event is elsewhere.
    for (uint32_t k = m.first, steps = 0; k > s.first_token && steps < 6; --k, ++steps) {
      const std::string_view key = doc.Key(k - 1);
      if (IsClauseBoundary(ctx, k - 1) || ctx.out.trigger_at[k - 1] >= 0) break;
      if (key == "who" || key == "which" || key == "whom" || key == "whose") {
        hit.subordinate = true;
        hit.notes.push_back("in a relative clause");
        break;
      }
    }
    // Step 4b: a clause below an earlier event of the sentence: a relative or
    // subordinate clause, a purpose infinitive, or the object of a verb.
    const auto earlier = ctx.out.TriggersOf(sentence_index);
    if (!earlier.empty()) {
      const TriggerHit& prev = earlier.back();
      const bool object_of_verb = hit.noun && !prev.noun && m.first >= prev.end && m.first - prev.end <= 3;
      bool below = object_of_verb;
      for (uint32_t k = prev.end; k < m.first && !below; ++k) {
        const uint32_t classes = ctx.lex.ClassesOf(doc, k);
        below = (classes & (kRel | kSub)) && !(classes & kPrep);
      }
      // "...to withdraw", also right after a trigger that ends in "to" ("is willing to").
      below |= m.first >= prev.end && m.first > 0 && doc.Key(m.first - 1) == "to" && !hit.noun;
      // "during an arrest raid": the setting of the sentence's event.
      for (uint32_t k = m.first, steps = 0; k > prev.end && steps < 3 && !below; --k, ++steps)
        below = doc.Key(k - 1) == "during" && hit.noun;
      if (below) {
        hit.subordinate = true;
        hit.notes.push_back("in a clause below '" + std::string(doc.SpanText(prev.first, prev.end)) + "'");
        // The object of a promise, demand or refusal shares its mood ("will provide
        // food aid").
        if (object_of_verb && prev.mood != Mood::kFact && hit.mood == Mood::kFact) {
          hit.mood = prev.mood;
          hit.status = prev.status;
        }
      }
    }
    // Step 5: words that give another event's reason report no event of their own.
    // (A crowd's name such as "a mob" or "protesters" is no protest verb here.)
    bool protest_before = false;
    thread_local std::vector<PhraseMatcher::Match> group_nouns;
    for (const TriggerHit& earlier : ctx.out.TriggersOf(sentence_index)) {
      if (ctx.lex.trigger(earlier.entry).type != EventType::kProtest) continue;
      group_nouns.clear();
      ctx.lex.actor_matcher().MatchAt(doc, earlier.head, earlier.end, &group_nouns);
      protest_before |= group_nouns.empty();
    }
    const bool done_to_people = entry.type == EventType::kAssault || entry.type == EventType::kCoerce;
    if (InGrievance(ctx, s, m.first, protest_before && done_to_people)) {
      hit.background = true;
      hit.notes.push_back("background: the reason for another event");
    } else if (!earlier.empty() && earlier.back().background && m.first == earlier.back().end + 1 &&
               (doc.Key(m.first - 1) == "and" || doc.Key(m.first - 1) == "or")) {
      hit.background = true;  // "after the protests and riots": both are referred to
      hit.notes.push_back("background: joined to '" +
                          std::string(doc.SpanText(earlier.back().first, earlier.back().end)) + "'");
    } else if (hit.noun) {
      // "after the riots", "amid clashes", "because of the fighting": an earlier or
      // surrounding event that the sentence does not report.
      for (uint32_t k = m.first, steps = 0; k > s.first_token && steps < 5; --k, ++steps) {
        const std::string_view key = doc.Key(k - 1);
        if (ctx.out.trigger_at[k - 1] >= 0) break;  // another event's words
        if (key == "after" || key == "following" || key == "amid" || key == "amidst" ||
            (key == "of" && k >= s.first_token + 2 && doc.Key(k - 2) == "because") ||
            (key == "to" && k >= s.first_token + 2 && doc.Key(k - 2) == "due")) {
          hit.background = true;
          hit.notes.push_back("background: an event the sentence refers to");
          break;
        }
        // Determiners, adjectives, nouns and "and" may stand between ("due to increasing
        // banditry and attacks by armed groups").
        if (!doc.tokens[k - 1].Is(text::kWord)) break;
      }
    }
    return hit;
  }
}

}  // namespace annals::extract
