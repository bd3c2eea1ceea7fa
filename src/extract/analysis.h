// What the extract stage reads from one field (title or text) of an article:
// triggers, actor phrases, roles, outcome counts, seized objects, attributions,
// quotes and cues, all as token ranges of the field's Document.
#ifndef ANNALS_EXTRACT_ANALYSIS_H_
#define ANNALS_EXTRACT_ANALYSIS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "annals/annals.h"
#include "extract/lexicons.h"
#include "geo/geocoder.h"
#include "text/document.h"
#include "text/lemmatizer.h"

namespace annals::extract {

struct ActorPhrase {
  uint32_t first = 0, end = 0;   // token range
  uint32_t head = 0;             // the token that names the group
  uint32_t sentence = 0;
  ActorKind kind = ActorKind::kUnknown;
  std::string sector;            // CAMEO agent code, empty when none
  std::string country;           // alpha-3, empty when not stated
  std::vector<std::string> extra_countries;  // "French and Egyptian warships": EGY after FRA
  bool named_person = false;     // a personal name, with a title ("President Mario Soares") or not
  bool singular = false;         // one person: a singular head ("an officer") or a name
  bool plural = false;           // a plural head or a count above one ("villagers", "30 men")
  bool armed = false;
  bool state = false;            // takes the event's country when none is stated
  bool country_actor = false;    // a country's name standing for its government
  std::optional<int64_t> count;  // "a group of 100 migrants" -> 100
  int group = -1;                // actors joined by "and" share a group id
};

// The mood the words before a trigger give it: the event is reported as done, or
// as promised ("will release"), demanded of someone ("must release"), or refused
// ("will not release", "refused to release").
enum class Mood : uint8_t { kFact, kIntent, kObligation, kRefusal };

struct TriggerHit {
  uint32_t entry = 0;            // index into Lexicons::trigger()
  uint32_t first = 0, end = 0;   // token range of the matched words
  uint32_t head = 0;             // the main word (first content word)
  uint32_t sentence = 0;
  bool passive = false;          // "were attacked (by X)"
  bool noun = false;             // read as a noun ("the attack", "clashes between")
  bool in_quote = false;
  EventStatus status = EventStatus::kOccurred;
  bool negated = false;          // "did not attack": no event
  Mood mood = Mood::kFact;
  bool background = false;       // the reason for another event ("protest against the killing")
  bool pronoun_subject = false;  // its subject is "they", "he" or "she": someone named before
  bool subordinate = false;      // in a clause below another event's ("a resolution that aims to
                                 // tighten sanctions", "blocked roads to demand reforms")
  int statement_word = -1;       // a reported statement's event: the token of its word
                                 // of statement_words.tsv ("said it was a [disgrace]")
  std::vector<int> source, target;  // indices into FieldAnalysis::actors
  std::vector<std::string> notes;   // how roles and status were decided
};

struct OutcomeMention {
  OutcomeKind kind = OutcomeKind::kKilled;
  int64_t value = 0;
  uint32_t first = 0, end = 0;   // the number's tokens
  uint32_t sentence = 0;
  bool vague = false;            // from a vague quantity ("dozens")
};

struct SeizedMention {
  std::string what;
  std::optional<int64_t> count;
  uint32_t trigger = 0;          // index into FieldAnalysis::triggers
};

struct Attribution {
  std::string who;               // as written ("France Bleu", "the prefecture")
  uint32_t sentence = 0;
  uint32_t first = 0, end = 0;
};

struct QuoteMention {
  uint32_t first = 0, end = 0;   // tokens inside the quotation marks
  std::string speaker;           // empty when unknown
};

// Where one sentence's items begin in the lists of FieldAnalysis.
struct SentenceStart {
  uint32_t triggers = 0, actors = 0, outcomes = 0, seized = 0, attributions = 0, places = 0;
};

struct FieldAnalysis {
  std::vector<TriggerHit> triggers;
  std::vector<ActorPhrase> actors;
  std::vector<OutcomeMention> outcomes;
  std::vector<SeizedMention> seized;
  std::vector<Attribution> attributions;
  std::vector<QuoteMention> quotes;
  std::vector<CueSet> sentence_cues;       // one per sentence
  std::vector<int> place_at;               // per token: index into the field's places, or -1
  std::vector<int> trigger_at;             // per token: index into triggers, or -1
  std::vector<int> actor_at;               // per token: index into actors, or -1
  std::vector<int> places;                 // this field's places (indices into the article's), in text order
  std::vector<SentenceStart> sentence_start;  // per sentence, plus one past the last
  uint32_t sentences_done = 0;             // sentences whose items are all in the lists

  // The items of sentence s (all of them once s < sentences_done; those found so far
  // while s is being read). Every list is in sentence order, so these are slices.
  std::span<TriggerHit> TriggersOf(uint32_t s) { return Slice<TriggerHit>(triggers, &SentenceStart::triggers, s); }
  std::span<const TriggerHit> TriggersOf(uint32_t s) const {
    return Slice<const TriggerHit>(triggers, &SentenceStart::triggers, s);
  }
  std::span<const ActorPhrase> ActorsOf(uint32_t s) const {
    return Slice<const ActorPhrase>(actors, &SentenceStart::actors, s);
  }
  std::span<const OutcomeMention> OutcomesOf(uint32_t s) const {
    return Slice<const OutcomeMention>(outcomes, &SentenceStart::outcomes, s);
  }
  std::span<const SeizedMention> SeizedOf(uint32_t s) const {
    return Slice<const SeizedMention>(seized, &SentenceStart::seized, s);
  }
  std::span<const Attribution> AttributionsOf(uint32_t s) const {
    return Slice<const Attribution>(attributions, &SentenceStart::attributions, s);
  }
  // (The places are indexed before the sentences are read, so all are known.)
  std::span<const int> PlacesOf(uint32_t s) const {
    const size_t begin = sentence_start[s].places, end = sentence_start[s + 1].places;
    return std::span<const int>(places.data() + begin, end - begin);
  }
  // Index of the first trigger of sentence s in `triggers`.
  uint32_t FirstTriggerOf(uint32_t s) const { return sentence_start[s].triggers; }

  void Clear() {
    places.clear();
    sentence_start.clear();
    sentences_done = 0;
    triggers.clear();
    actors.clear();
    outcomes.clear();
    seized.clear();
    attributions.clear();
    quotes.clear();
    sentence_cues.clear();
    place_at.clear();
    trigger_at.clear();
    actor_at.clear();
  }

 private:
  template <typename T, typename V>
  std::span<T> Slice(V& list, uint32_t SentenceStart::*member, uint32_t s) const {
    const size_t begin = sentence_start[s].*member;
    const size_t end = s < sentences_done ? sentence_start[s + 1].*member : list.size();
    return std::span<T>(list.data() + begin, end - begin);
  }
};

// Everything a step of the extract stage needs to read.
struct ExtractContext {
  const Lexicons& lex;
  const text::Document& doc;
  const std::vector<geo::FoundPlace>& places;  // all places of the article
  const geo::Geocoder* geocoder;               // may be null in tests
  const text::Lemmatizer* lemmatizer;          // may be null in tests
  FieldAnalysis& out;
};

}  // namespace annals::extract

#endif  // ANNALS_EXTRACT_ANALYSIS_H_
