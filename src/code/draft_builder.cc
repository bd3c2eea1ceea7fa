#include "code/draft_builder.h"

#include <algorithm>
#include <unordered_map>

#include "code/retype.h"
#include "text/date_expressions.h"


namespace annals::code {
namespace {

using extract::OutcomeKind;
using extract::TriggerHit;

constexpr size_t kLookBack = 12;         // drafts searched back for a missing target
constexpr uint32_t kPlaceLookBack = 6;   // sentences searched back for an event's place
// Drafts per article at most: a news article tells tens of events; text that triggers
// thousands ("police protesters police protesters ...") is junk, and this keeps its
// memory bounded. Triggers after the cap are not read.
constexpr size_t kMaxDrafts = 4000;

// How specific a place is, for choosing an event's place (higher is better).
int Specificity(const geo::FoundPlace& place) {
  switch (place.mention.kind) {
    case PlaceKind::kSublocation: return place.parent >= 0 ? 5 : 0;
    case PlaceKind::kCity: return 4;
    case PlaceKind::kAdmin2: return 3;
    case PlaceKind::kAdmin1: return 2;
    case PlaceKind::kCountry: return 1;
    default: return 0;
  }
}

bool Resolved(const geo::FoundPlace& place) {
  return place.mention.lat.has_value() || (place.mention.kind == PlaceKind::kSublocation && place.parent >= 0);
}

// Whether the word before `place` is one of `words` ("from": where something came from).
bool PrecededBy(const text::Document& doc, const geo::FoundPlace& place,
                std::initializer_list<std::string_view> words) {
  if (place.first_token == 0) return false;
  const std::string_view prev = doc.Key(place.first_token - 1);
  return std::find(words.begin(), words.end(), prev) != words.end();
}

// Whether `place` follows "from" after people ("citizens from Redeyef (Gafsa)
// protested"): where they live, and where they act for want of another place.
bool PeopleFrom(const BuildContext& ctx, const text::Document& doc, const geo::FoundPlace& place) {
  if (!PrecededBy(doc, place, {"from"}) || place.first_token < 2) return false;
  thread_local std::vector<extract::PhraseMatcher::Match> actors;
  actors.clear();
  const uint32_t noun = place.first_token - 2;
  for (uint32_t start = noun >= 3 ? noun - 3 : 0; start <= noun; ++start)
    ctx.lex.actor_matcher().MatchAt(doc, start, noun + 1, &actors);
  for (const auto& m : actors)
    if (m.end == noun + 1 && !ctx.lex.actor(m.value).organisation) return true;
  return false;
}

// Whether `place` follows "from" as where something came from ("a march from Cesar
// Chavez Plaza in Sacramento").
bool CameFrom(const BuildContext& ctx, const text::Document& doc, const geo::FoundPlace& place) {
  return PrecededBy(doc, place, {"from"}) && !PeopleFrom(ctx, doc, place);
}

// The places of a sentence that can locate an event, best first.
std::vector<int> SentencePlaces(const BuildContext& ctx, Field field, uint32_t sentence, uint32_t trigger) {
  const text::Document& doc = *ctx.View(field).doc;
  const std::span<const int> here = ctx.View(field).analysis->PlacesOf(sentence);
  std::vector<std::pair<int, int>> scored;  // (score, place)
  for (const int p : here) {
    const geo::FoundPlace& place = ctx.geo.places[static_cast<size_t>(p)];
    if (!Resolved(place)) continue;
    int score = Specificity(place) * 100;
    if (score == 0) continue;
    // "X (Admin2, Admin1)" and "City, State": the situated place is where it happened
    // (when the container is a place: not a wrong reading left unresolved).
    if (place.container >= 0 && Resolved(ctx.geo.places[static_cast<size_t>(place.container)])) score += 50;
    // A place the text situates inside this one is where it happened, unless it is
    // where something came from ("a march from Cesar Chavez Plaza in Sacramento").
    for (const int q : here) {
      const geo::FoundPlace& inner = ctx.geo.places[static_cast<size_t>(q)];
      if (inner.container == p && !CameFrom(ctx, doc, inner)) score -= 150;
    }
    if (PrecededBy(doc, place, {"from"})) score -= PeopleFrom(ctx, doc, place) ? 100 : 250;  // origin
    if (PrecededBy(doc, place, {"to", "toward", "towards"})) score -= 250;                   // goal
    // A country's name before a common noun describes it ("the US dollar", "an Iran
    // deal"); it does not say where something happened.
    if (place.mention.kind == PlaceKind::kCountry && place.end_token < doc.tokens.size() &&
        doc.tokens[place.end_token].Is(text::kWord) && !doc.tokens[place.end_token].Is(text::kCapitalized) &&
        ctx.lex.ClassesOf(doc, place.end_token) == 0 && doc.tokens[place.end_token].sentence == sentence)
      continue;
    const uint32_t distance =
        place.first_token > trigger ? place.first_token - trigger : trigger - place.first_token;
    score -= static_cast<int>(std::min<uint32_t>(distance, 60));
    scored.emplace_back(score, p);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<int> out;
  for (const auto& [score, p] : scored) out.push_back(p);
  return out;
}

// Words that may stand between "in" and a list of places ("in the southern cities of").
constexpr uint32_t kSettlementWords = 5;

// Places joined by "and" or commas after "in" ("in both Calais and Briançon", "in the
// cities of Nantes and Rennes"), all as specific as the best one: the event happened
// in each.
std::vector<int> CoordinatedPlaces(const BuildContext& ctx, Field field, int best) {
  const text::Document& doc = *ctx.View(field).doc;
  const geo::FoundPlace& anchor = ctx.geo.places[static_cast<size_t>(best)];
  std::vector<int> group;
  for (const int p : ctx.View(field).analysis->PlacesOf(anchor.sentence)) {
    const geo::FoundPlace& place = ctx.geo.places[static_cast<size_t>(p)];
    if (Resolved(place) && Specificity(place) == Specificity(anchor)) group.push_back(p);
  }
  if (group.size() < 2) return {best};
  // Keep the run around `best` joined only by "and", "or", "both" and commas.
  std::sort(group.begin(), group.end(), [&](int a, int b) {
    return ctx.geo.places[static_cast<size_t>(a)].first_token < ctx.geo.places[static_cast<size_t>(b)].first_token;
  });
  std::vector<int> run;
  for (int p : group) {
    if (!run.empty()) {
      const geo::FoundPlace& prev = ctx.geo.places[static_cast<size_t>(run.back())];
      const geo::FoundPlace& cur = ctx.geo.places[static_cast<size_t>(p)];
      bool joined = cur.first_token > prev.end_token && cur.first_token - prev.end_token <= 2;
      for (uint32_t t = prev.end_token; joined && t < cur.first_token; ++t) {
        const std::string_view key = doc.Key(t);
        joined = key == "and" || key == "," || key == "or";
      }
      if (!joined) {
        if (std::find(run.begin(), run.end(), best) != run.end()) break;
        run.clear();
      }
    }
    run.push_back(p);
  }
  if (std::find(run.begin(), run.end(), best) == run.end() || run.size() < 2) return {best};
  const geo::FoundPlace& first = ctx.geo.places[static_cast<size_t>(run.front())];
  uint32_t t = first.first_token;
  if (t > 0 && doc.Key(t - 1) == "both") --t;
  // "in Nantes and Rennes", also over a noun for the kind of place ("in the cities of
  // Nantes and Rennes", "in other towns including").
  bool settlement = false;
  for (uint32_t steps = 0; t > 0 && steps < kSettlementWords; ++steps) {
    const std::string_view key = doc.Key(t - 1);
    if (key == "in" || key == "at" || key == "across") return steps == 0 || settlement ? run : std::vector<int>{best};
    const uint32_t classes = ctx.lex.ClassesOf(doc, t - 1);
    settlement |= (classes & extract::kSettlement) != 0;
    const bool between = key == "of" || (classes & (extract::kDet | extract::kSettlement)) ||
                         (classes == 0 && doc.tokens[t - 1].Is(text::kWord) && !doc.tokens[t - 1].Is(text::kCapitalized));
    if (!between) break;
    --t;
  }
  return {best};
}

DraftActor MakeActor(const extract::Lexicons& lex, const text::Document& doc, const extract::ActorPhrase& phrase) {
  DraftActor a;
  a.actor.text = std::string(doc.SpanText(phrase.first, phrase.end));
  a.actor.kind = phrase.kind;
  if (!phrase.country.empty()) a.actor.country = phrase.country;
  if (!phrase.sector.empty()) a.actor.sector = phrase.sector;
  a.actor.count = phrase.count;
  a.actor.span = doc.SpanOf(phrase.first, phrase.end);
  a.armed = phrase.armed;
  a.state = phrase.state;
  a.country_actor = phrase.country_actor;
  a.named_person = phrase.named_person;
  a.singular = phrase.singular;
  a.plural = phrase.plural;
  const extract::ActorKindProperties& kind = lex.kind(phrase.kind);
  a.crowd = kind.crowd;
  a.security = kind.security;
  a.observer = kind.observer;
  a.local = kind.local;
  return a;
}

// The actors a phrase names: one, or one per country of coordinated demonyms
// ("French and Egyptian warships").
void AddActors(const extract::Lexicons& lex, const text::Document& doc, const extract::ActorPhrase& phrase,
               std::vector<DraftActor>* out) {
  out->push_back(MakeActor(lex, doc, phrase));
  for (const std::string& country : phrase.extra_countries) {
    DraftActor other = out->back();
    other.actor.country = country;
    out->push_back(std::move(other));
  }
}

bool IsViolent(const EventDraft& d) {
  return d.type == EventType::kAssault || (d.type == EventType::kProtest && d.mode == "riot") ||
         (d.type == EventType::kCoerce && d.mode == "repression");
}

// Which trigger an outcome count belongs to: the nearest trigger of its sentence whose
// type such a count describes, else the nearest trigger of its sentence; a sentence
// with no trigger ("Five soldiers died.") gives its counts to the last trigger of the
// sentence before it.
int OwnerOf(const BuildContext& ctx, const text::Document& doc, const extract::FieldAnalysis& fa,
            const extract::OutcomeMention& outcome) {
  int best = -1, best_fit = -1;
  uint32_t best_distance = 0;
  uint32_t sentence = outcome.sentence;
  if (fa.TriggersOf(sentence).empty() && sentence > 0 &&
      doc.sentences[sentence - 1].paragraph == doc.sentences[sentence].paragraph)
    --sentence;
  const std::span<const TriggerHit> here = fa.TriggersOf(sentence);
  for (size_t k = 0; k < here.size(); ++k) {
    const TriggerHit& hit = here[k];
    const size_t t = fa.FirstTriggerOf(sentence) + k;
    if (hit.negated) continue;
    const extract::TriggerEntry& entry = ctx.lex.trigger(hit.entry);
    int fit = 0;
    switch (outcome.kind) {
      case OutcomeKind::kKilled:
      case OutcomeKind::kInjured:
      case OutcomeKind::kHospitalized:
        fit = entry.type == EventType::kAssault ? 3
              : (entry.type == EventType::kProtest && entry.mode == "riot") ? 2
              : entry.type == EventType::kCoerce ? 1 : 0;
        break;
      case OutcomeKind::kArrested:
        fit = entry.mode == "arrest" ? 3 : entry.type == EventType::kCoerce ? 2 : entry.type == EventType::kProtest ? 1 : 0;
        break;
      default:
        fit = entry.acled_sub.empty() ? 0 : 1;
    }
    const uint32_t distance = hit.first > outcome.first ? hit.first - outcome.first : outcome.first - hit.first;
    if (fit > best_fit || (fit == best_fit && distance < best_distance)) {
      best = static_cast<int>(t);
      best_fit = fit;
      best_distance = distance;
    }
  }
  return best;
}

void AddCount(std::optional<int64_t>* field, int64_t value) { *field = field->value_or(0) + value; }

}  // namespace

int FallbackPlace(const BuildContext& ctx, Field field, uint32_t sentence) {
  // An earlier sentence of the same paragraph that names a place.
  const text::Document& doc = *ctx.View(field).doc;
  if (field == Field::kText && sentence < doc.sentences.size()) {
    const uint32_t paragraph = doc.sentences[sentence].paragraph;
    for (uint32_t s = sentence; s > 0 && sentence - s < kPlaceLookBack; --s) {
      if (doc.sentences[s - 1].paragraph != paragraph) break;
      const std::vector<int> places = SentencePlaces(ctx, field, s - 1, doc.sentences[s - 1].first_token);
      if (!places.empty()) return places.front();
    }
  }
  return ctx.focus_place;
}

int ArticlePlace(const geo::GeoResult& geo) {
  // Count mentions per place (a sublocation counts for its city), keyed by name,
  // country and kind; remember the first mention of each.
  struct Tally {
    int first = -1;
    int count = 0;
  };
  std::unordered_map<std::string, Tally> tallies;
  auto key_of = [&](int p) {
    const PlaceMention& m = geo.places[static_cast<size_t>(p)].mention;
    return m.name.value_or("") + '\t' + m.country.value_or("") + '\t' + std::string(ToString(m.kind));
  };
  int best = -1, best_count = 0;
  for (size_t p = 0; p < geo.places.size(); ++p) {
    const geo::FoundPlace& place = geo.places[p];
    const int a = place.mention.kind == PlaceKind::kSublocation && place.parent >= 0 ? place.parent : static_cast<int>(p);
    const PlaceMention& m = geo.places[static_cast<size_t>(a)].mention;
    if ((m.kind != PlaceKind::kCity && m.kind != PlaceKind::kAdmin2 && m.kind != PlaceKind::kAdmin1) || !m.lat ||
        !m.name)
      continue;
    Tally& tally = tallies[key_of(a)];
    if (tally.first < 0) tally.first = a;
    if (++tally.count > best_count) {
      best_count = tally.count;
      best = tally.first;
    }
  }
  if (best < 0 || best_count < 2) return geo.main_place;
  if (geo.main_place >= 0) {
    const auto it = tallies.find(key_of(geo.main_place));
    if (it != tallies.end() && it->second.count >= best_count) return geo.main_place;
  }
  return best;
}

// The first trigger of the article (title or text) that names a strike from the air or
// by artillery and missiles ("airstrike", "missile strike"), or nullptr.
const extract::TriggerEntry* MilitaryStrikeIn(const BuildContext& ctx) {
  for (const Field field : {Field::kTitle, Field::kText}) {
    const FieldView& view = ctx.View(field);
    if (!view.analysis) continue;
    for (const TriggerHit& hit : view.analysis->triggers) {
      const extract::TriggerEntry& entry = ctx.lex.trigger(hit.entry);
      if (!hit.negated && entry.type == EventType::kAssault && (entry.mode == "aerial" || entry.mode == "artillery"))
        return &entry;
    }
  }
  return nullptr;
}

void BuildDrafts(const BuildContext& ctx, std::vector<EventDraft>* drafts) {
  // "the strike" in an article about an airstrike is that airstrike again, not a
  // walkout: a bare "strike" takes the coding of the article's military strike.
  const extract::TriggerEntry* military_strike = MilitaryStrikeIn(ctx);
  for (const Field field : {Field::kTitle, Field::kText}) {
    const FieldView& view = ctx.View(field);
    if (!view.doc || !view.analysis) continue;
    const text::Document& doc = *view.doc;
    const extract::FieldAnalysis& fa = *view.analysis;
    const size_t first_draft = drafts->size();
    std::vector<int> draft_of_trigger(fa.triggers.size(), -1);

    for (size_t t = 0; t < fa.triggers.size() && drafts->size() < kMaxDrafts; ++t) {
      const TriggerHit& hit = fa.triggers[t];
      if (hit.negated) continue;
      const extract::TriggerEntry& own = ctx.lex.trigger(hit.entry);
      const bool as_military_strike = military_strike && hit.noun && hit.end == hit.first + 1 &&
                                      doc.Lemma(hit.first) == "strike" && own.type == EventType::kProtest;
      const extract::TriggerEntry& entry = as_military_strike ? *military_strike : own;
      const text::Sentence& sentence = doc.sentences[hit.sentence];
      EventDraft d;
      d.type = entry.type;
      d.mode = std::string(entry.mode);
      d.cameo = std::string(entry.cameo);
      d.default_acled_sub = std::string(entry.acled_sub);
      d.mentions.push_back(Mention{field, static_cast<uint32_t>(t), hit.sentence, entry.weight});
      d.first_sentence = field == Field::kTitle ? 0 : hit.sentence;
      d.status = hit.status;
      d.in_quote = hit.in_quote;
      d.background = hit.background;
      d.subordinate = hit.subordinate;
      d.pronoun_subject = hit.pronoun_subject;
      d.noun_actor_trigger = fa.actor_at[hit.head] >= 0;
      d.definite_reference = hit.noun && hit.first > sentence.first_token &&
                             (doc.Key(hit.first - 1) == "the" || doc.Key(hit.first - 1) == "this");
      d.trigger = std::string(doc.SpanText(hit.first, hit.end));
      d.trigger_span = doc.SpanOf(hit.first, hit.end);
      d.evidence.push_back(Span{sentence.start, sentence.end, field});
      d.cues = fa.sentence_cues[hit.sentence];
      d.explanation.push_back("trigger '" + d.trigger + "' (data/events/triggers.tsv:" + std::to_string(entry.line) +
                              "): " + std::string(ToString(entry.type)) + (entry.mode.empty() ? "" : "/") +
                              std::string(entry.mode) + ", CAMEO " + std::string(entry.cameo));
      if (as_military_strike)
        d.explanation.push_back("'strike' in an article about a strike from the air or by artillery: that strike");
      for (const std::string& note : hit.notes) d.explanation.push_back(note);
      for (int a : hit.source) AddActors(ctx.lex, doc, fa.actors[static_cast<size_t>(a)], &d.source);
      for (int a : hit.target) AddActors(ctx.lex, doc, fa.actors[static_cast<size_t>(a)], &d.target);
      for (const extract::SeizedMention& seized : fa.SeizedOf(hit.sentence))
        if (seized.trigger == t) d.outcome.seized.push_back(Seized{seized.what, seized.count});
      std::vector<DraftActor> speaker;  // who the sentence says is speaking, as an actor
      for (const extract::Attribution& a : fa.AttributionsOf(hit.sentence)) {
        if (std::find(d.attribution.begin(), d.attribution.end(), a.who) == d.attribution.end())
          d.attribution.push_back(a.who);
        const int actor = fa.actor_at[a.first];
        if (speaker.empty() && actor >= 0) speaker.push_back(MakeActor(ctx.lex, doc, fa.actors[static_cast<size_t>(actor)]));
      }
      // What the mood of the clause and the kind of the actors make of the event.
      ApplyMood(hit.mood, speaker, &d);
      RetypeByActors(&d);
      // Date: the first date expression of the sentence that fits the status (news
      // and event notes open with the event's date; the nearest one measured worse). A
      // relative date ahead of the article cannot date what occurred (an absolute one,
      // "on 3 May 2020", is taken as written); a possessive ("last year's massacre")
      // dates another thing.
      thread_local std::vector<text::DateMatch> dates;
      text::FindDates(doc, sentence.first_token, sentence.end_token, ctx.article_date, &dates);
      const text::DateMatch* nearest = nullptr;
      for (const text::DateMatch& date : dates) {
        if (date.future && date.relative && d.status == EventStatus::kOccurred) continue;
        if (date.end_token < sentence.end_token && doc.Key(date.end_token) == "'s") continue;
        nearest = &date;
        break;
      }
      if (nearest) {
        d.date = nearest->date;
        d.date_precision = nearest->precision;
        d.explanation.push_back("date from '" + std::string(doc.SpanText(nearest->first_token, nearest->end_token)) +
                                "'");
      }
      // Place: the sentence's best place, or one draft per place of a coordination.
      // Only what happens on the ground happens in each place named ("arrests in
      // Istanbul, Ankara and Izmir"); an investigation or a statement is one event.
      const std::vector<int> places = SentencePlaces(ctx, field, hit.sentence, hit.first);
      std::vector<int> split;
      if (!places.empty())
        split = d.default_acled_sub.empty() || d.background ? std::vector<int>{places.front()}
                                                             : CoordinatedPlaces(ctx, field, places.front());
      if (split.empty()) {
        d.place = FallbackPlace(ctx, field, hit.sentence);
        d.place_from_sentence = false;
        draft_of_trigger[t] = static_cast<int>(drafts->size());
        drafts->push_back(std::move(d));
        continue;
      }
      draft_of_trigger[t] = static_cast<int>(drafts->size());
      for (size_t k = 0; k < split.size(); ++k) {
        EventDraft copy = d;
        copy.place = split[k];
        copy.place_from_sentence = true;
        copy.places_named_together = static_cast<uint32_t>(split.size());
        if (split.size() > 1)
          copy.explanation.push_back("one event per place named together ('" +
                                     ctx.geo.places[static_cast<size_t>(split[k])].mention.mention + "')");
        drafts->push_back(std::move(copy));
      }
    }

    // Outcome counts go to the trigger of their sentence that they describe; a
    // trigger split over several places keeps them on its first draft.
    for (const extract::OutcomeMention& outcome : fa.outcomes) {
      const int owner = OwnerOf(ctx, doc, fa, outcome);
      if (owner < 0 || draft_of_trigger[static_cast<size_t>(owner)] < 0) continue;
      Outcome& o = (*drafts)[static_cast<size_t>(draft_of_trigger[static_cast<size_t>(owner)])].outcome;
      switch (outcome.kind) {
        case OutcomeKind::kKilled: AddCount(&o.killed, outcome.value); break;
        case OutcomeKind::kInjured: AddCount(&o.injured, outcome.value); break;
        case OutcomeKind::kHospitalized: AddCount(&o.hospitalized, outcome.value); break;
        case OutcomeKind::kArrested: AddCount(&o.arrested, outcome.value); break;
        case OutcomeKind::kDisplaced: AddCount(&o.displaced, outcome.value); break;
        case OutcomeKind::kParticipants: AddCount(&o.participants, outcome.value); break;
      }
    }
    // Deaths told by the victims' phrase rather than a number: "killing an officer",
    // "two soldiers were kidnapped and later killed" (a singular phrase is one).
    for (size_t i = first_draft; i < drafts->size(); ++i) {
      EventDraft& d = (*drafts)[i];
      if (d.outcome.killed || d.target.empty() || d.status != EventStatus::kOccurred) continue;
      const TriggerHit& hit = fa.triggers[d.mentions.front().hit];
      bool killing = false;
      for (uint32_t k = hit.first; k < hit.end && !killing; ++k) killing = ctx.lex.IsKillingWord(doc, k);
      if (!killing) continue;
      int64_t dead = 0;
      for (const DraftActor& a : d.target) {
        if (a.actor.count) dead += *a.actor.count;
        else if (a.singular) dead += 1;
        else {
          dead = 0;
          break;
        }
      }
      if (dead > 0) {
        d.outcome.killed = dead;
        d.explanation.push_back("killed: counted from the victims' phrase");
      }
    }
    // Participants of a protest: the size of the crowd that protests.
    for (size_t i = first_draft; i < drafts->size(); ++i) {
      EventDraft& d = (*drafts)[i];
      if (d.type != EventType::kProtest || d.outcome.participants) continue;
      for (const DraftActor& a : d.source)
        if (a.actor.count && (!d.outcome.participants || *a.actor.count > *d.outcome.participants))
          d.outcome.participants = a.actor.count;
    }
  }
}

void CompleteDrafts(const BuildContext& ctx, std::vector<EventDraft>* drafts) {
  for (size_t i = 0; i < drafts->size(); ++i) {
    EventDraft& d = (*drafts)[i];
    // "They threw rocks": the source of the nearest earlier draft with one.
    if (d.pronoun_subject && d.source.empty()) {
      for (size_t j = i; j > 0 && i - j < kLookBack; --j) {
        const EventDraft& prev = (*drafts)[j - 1];
        if (prev.mentions.front().field != d.mentions.front().field || prev.source.empty()) continue;
        d.source = prev.source;
        d.explanation.push_back("source: 'they' of the earlier '" + prev.trigger + "'");
        break;
      }
    }
    if (!IsViolent(d) && d.type != EventType::kCoerce) continue;
    // A coercion without a source: the security forces named in its sentence.
    const Mention& m = d.mentions.front();
    const FieldView& view = ctx.View(m.field);
    if (d.source.empty() && d.type == EventType::kCoerce) {
      for (const extract::ActorPhrase& phrase : view.analysis->ActorsOf(m.sentence))
        if (ctx.lex.kind(phrase.kind).security) {
          d.source.push_back(MakeActor(ctx.lex, *view.doc, phrase));
          d.explanation.push_back("source: the security forces named in the sentence");
          break;
        }
    }
    // No target: the other side of an earlier violent draft involving the source.
    if (d.target.empty() && !d.source.empty()) {
      for (size_t j = i; j > 0 && i - j < kLookBack; --j) {
        const EventDraft& prev = (*drafts)[j - 1];
        if (!IsViolent(prev) || prev.mentions.front().field != m.field) continue;
        const ActorKind kind = d.source.front().actor.kind;
        const std::vector<DraftActor>* other = nullptr;
        if (!prev.source.empty() && prev.source.front().actor.kind == kind) other = &prev.target;
        else if (!prev.target.empty() && prev.target.front().actor.kind == kind) other = &prev.source;
        if (other && !other->empty()) {
          d.target = *other;
          d.explanation.push_back("target: the other side of the earlier '" + prev.trigger + "'");
          break;
        }
      }
    }
  }
}

}  // namespace annals::code
