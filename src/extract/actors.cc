// FindActors: the noun phrases of a sentence that name who acts or is acted upon.
//
// A phrase grows around a head: a group noun ("police", "migrants", "forces"), an
// organisation's name ("Al Shabaab", "CRS"), a title with a name ("President Mario
// Soares"), or a country's name standing for its government ("Portugal will
// support..."). Leftwards it takes modifiers (capitalised names, demonyms, places,
// plain adjectives, "pro-X"), a number ("60 gendarmes"), a collective with "of" ("a
// group of 100 migrants") and one determiner, and stops at anything else (a verb that
// triggers an event, a preposition, punctuation). Rightwards it takes "of"/"from"
// with an organisation or a capitalised name ("officers from the CRS"). The phrase's
// kind and CAMEO sector come from its head, unless the head is a generic word
// ("forces", "fighters", "members") and an organisation in the phrase says more;
// its country from a demonym or place in it, an organisation's country, or "in
// <place>" after it. Phrases joined by "and", "or", "as well as" or a comma list
// share a coordination group, which the role rules treat as one participant.
#include <algorithm>

#include "extract/steps.h"
#include "geo/gazetteer.h"

namespace annals::extract {
namespace {

constexpr uint32_t kMaxModifiers = 4;
constexpr uint32_t kMaxRightTokens = 6;

bool IsCollective(std::string_view lemma) {
  static constexpr std::string_view kWords[] = {
      "group",  "crowd",  "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score",
      "scores", "number", "member", "members", "supporter", "team", "unit", "contingent", "band",
      "convoy", "batch",  "couple", "pair", "total", "handful", "squad", "mob", "gang", "party",
      "delegation", "detachment", "battalion", "platoon", "brigade", "company", "column", "wave",
      "family", "families", "bunch", "majority", "minority", "rest", "some", "many", "several", "most",
      "all", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  return std::find(std::begin(kWords), std::end(kWords), lemma) != std::end(kWords);
}

// Head words that say little about who the group is, so an organisation in the
// phrase decides its kind ("Houthi forces" are rebels, not a state's military).
bool IsGenericHead(std::string_view lemma) {
  static constexpr std::string_view kWords[] = {
      "force", "forces", "fighter", "militant", "element", "member", "supporter", "troop", "unit",
      "gunman", "gunmen", "man", "men", "group", "side", "people", "militiaman", "militiamen", "loyalist",
      "coalition", "army", "soldier", "personnel", "activist", "official", "leader"};
  return std::find(std::begin(kWords), std::end(kWords), lemma) != std::end(kWords);
}

bool IsModifierWord(const ExtractContext& ctx, uint32_t i) {
  const text::Token& t = ctx.doc.tokens[i];
  if (!t.Is(text::kWord)) return false;
  if (ctx.lex.ClassesOf(ctx.doc, i) != 0) return false;
  if (ctx.out.trigger_at[i] >= 0) {
    // Event words are not modifiers, except nouns used as such ("riot police" is one
    // lexicon entry; "protest leaders").
    const TriggerHit& hit = ctx.out.triggers[static_cast<size_t>(ctx.out.trigger_at[i])];
    if (!hit.noun) return false;
  }
  const std::string_view key = ctx.doc.Key(i);
  // Verb forms that end a subject ("clashed", "attacking") are not modifiers, except
  // a few adjectival participles common before group nouns.
  static constexpr std::string_view kParticiples[] = {"armed", "unidentified", "suspected", "alleged", "unknown",
                                                      "displaced", "injured", "wounded", "detained", "masked",
                                                      "disgruntled", "striking", "retired", "elected", "united",
                                                      "uniformed", "unarmed", "organized", "organised", "ruling"};
  // Verb forms that are not nouns or adjectives ("sent", "took") end the phrase.
  const text::LemmaInfo info = ctx.lemmatizer ? ctx.lemmatizer->Lookup(key) : text::LemmaInfo{};
  if (info.known && !info.verb.empty() && info.noun.empty() && info.adj.empty() && !t.Is(text::kCapitalized))
    return false;
  if ((key.ends_with("ed") || key.ends_with("ing")) &&
      std::find(std::begin(kParticiples), std::end(kParticiples), key) == std::end(kParticiples))
    return t.Is(text::kCapitalized) && !t.Is(text::kSentenceStart);
  return true;
}

// The alpha-3 code of the country that a folded word names or describes ("french",
// "vietnamese", "iraq"), or "" (also when there is no geocoder).
std::string_view CountryOfWord(const ExtractContext& ctx, std::string_view key) {
  if (!ctx.geocoder || key.empty()) return {};
  const geo::Gazetteer& gazetteer = ctx.geocoder->gazetteer();
  for (const geo::format::Posting& posting : gazetteer.Find(key).postings) {
    const geo::format::Place& place = gazetteer.place(posting.place);
    if (posting.kind == geo::format::NameKind::kDemonym || place.type == geo::format::PlaceType::kCountry)
      return gazetteer.Alpha3(place.country);
  }
  return {};
}

struct Builder {
  ExtractContext& ctx;
  const text::Sentence& s;

  const geo::FoundPlace* PlaceAt(uint32_t i) const {
    const int p = ctx.out.place_at[i];
    return p >= 0 ? &ctx.places[static_cast<size_t>(p)] : nullptr;
  }

  void ApplyPlace(const geo::FoundPlace& place, ActorPhrase* phrase) const {
    if (phrase->country.empty() && !place.country_alpha3.empty()) phrase->country = place.country_alpha3;
  }

  // Takes kind and sector from `entry` when it decides (`is_head`); an armed head
  // stays armed when an organisation decides its kind ("GNA forces").
  void ApplyEntry(const ActorEntry& entry, bool is_head, ActorPhrase* phrase) const {
    if (is_head) {
      phrase->kind = entry.kind;
      phrase->sector = std::string(entry.sector);
      phrase->armed = phrase->armed || entry.armed;
      phrase->state = entry.state;
    }
    if (!entry.country.empty() && phrase->country.empty()) phrase->country = std::string(entry.country);
  }

  // Whether an actor-lexicon match is acceptable where it stands.
  bool Acceptable(const PhraseMatcher::Match& m) const {
    const ActorEntry& entry = ctx.lex.actor(m.value);
    const text::Token& first = ctx.doc.tokens[m.first];
    for (uint32_t k = m.first; k < m.end; ++k)
      if (PlaceAt(k) && PlaceAt(k)->mention.kind != PlaceKind::kDemonym) return false;  // part of a place name
    // "used force", "a force of change": the bare singular "force" names no group;
    // "security force", "the Quds Force", "forces" do.
    if (!entry.organisation && m.end == m.first + 1 && ctx.doc.Key(m.first) == "force" &&
        !(m.first > s.first_token && ctx.doc.tokens[m.first - 1].Is(text::kCapitalized)))
      return false;
    // A group noun is a noun: "a crowded market" names no crowd ("crowded" is the verb
    // "crowd" as an adjective; no plural ends in -ed).
    if (!entry.organisation) {
      const std::string_view head_key = ctx.doc.Key(m.end - 1);
      if ((head_key.ends_with("ed") || head_key.ends_with("ing")) && head_key != ctx.doc.Lemma(m.end - 1)) return false;
    }
    if (entry.organisation) {
      if (entry.short_name) return first.Is(text::kAllCaps) || first.Is(text::kAbbreviation);
      // Names are capitalised in running text ("pro-Houthi" keeps its prefix lower case).
      const bool prefixed = ctx.doc.Key(m.first).starts_with("pro-");
      return ctx.doc.field == Field::kTitle || first.Is(text::kCapitalized) || first.Is(text::kAllCaps) || prefixed;
    }
    return true;
  }

  // Grows a phrase leftwards from token `start` (exclusive). Returns the new start.
  uint32_t GrowLeft(uint32_t start, ActorPhrase* phrase) const {
    uint32_t i = start;
    uint32_t modifiers = 0;
    while (i > s.first_token) {
      const uint32_t j = i - 1;
      const text::Token& t = ctx.doc.tokens[j];
      const std::string_view key = ctx.doc.Key(j);
      if (const geo::FoundPlace* place = PlaceAt(j)) {
        // "French and Egyptian warships": each demonym of a coordination is a country.
        if (!phrase->country.empty() && place->mention.kind == PlaceKind::kDemonym &&
            place->end_token < start && ctx.doc.Key(place->end_token) == "and" &&
            place->country_alpha3 != phrase->country)
          phrase->extra_countries.push_back(place->country_alpha3);
        ApplyPlace(*place, phrase);
        i = place->first_token;
        continue;
      }
      if (key == "and" && j > s.first_token && PlaceAt(j - 1) &&
          PlaceAt(j - 1)->mention.kind == PlaceKind::kDemonym && i < start && PlaceAt(i) &&
          PlaceAt(i)->mention.kind == PlaceKind::kDemonym) {
        i = j;  // the "and" between two demonyms
        continue;
      }
      // "Vietnamese-led forces", "US-backed militia": the leader's country.
      if (t.Is(text::kHyphenated) && (key.ends_with("-led") || key.ends_with("-backed"))) {
        const std::string_view leader = CountryOfWord(ctx, key.substr(0, key.rfind('-')));
        if (!leader.empty() && phrase->country.empty()) phrase->country = std::string(leader);
        i = j;
        continue;
      }
      if (IsNumberToken(ctx.doc, j)) {
        uint32_t first = j;
        while (first > s.first_token && IsNumberToken(ctx.doc, first - 1)) --first;
        uint32_t end;
        bool vague = false;
        const auto value = NumberAt(ctx, first, start, &end, &vague);
        if (value && !phrase->count) phrase->count = value;
        i = first;
        continue;
      }
      if (key == "of" && j > s.first_token && (IsCollective(ctx.doc.Lemma(j - 1)) || IsNumberToken(ctx.doc, j - 1))) {
        i = j;  // "group of", "hundreds of": the collective is taken next
        continue;
      }
      if (key == "'s" && j > s.first_token && PlaceAt(j - 1)) {  // "France's special police"
        ApplyPlace(*PlaceAt(j - 1), phrase);
        i = PlaceAt(j - 1)->first_token;
        continue;
      }
      const uint32_t classes = ctx.lex.ClassesOf(ctx.doc, j);
      if (classes & (kDet | kQuant)) {
        if (key == "that" || key == "those" || key == "these" || key == "this") {
          if (key == "that") break;  // more often a relative pronoun or conjunction
        }
        return j;
      }
      if (IsCollective(ctx.doc.Lemma(j)) && t.Is(text::kWord) && !(classes & ~kQuant)) {
        i = j;
        continue;
      }
      if (ctx.out.actor_at[j] >= 0) break;  // an earlier phrase
      if (modifiers < kMaxModifiers && IsModifierWord(ctx, j)) {
        ++modifiers;
        if (key == "armed") phrase->armed = true;  // "armed individuals", "armed pastoralists"
        i = j;
        continue;
      }
      break;
    }
    return i;
  }

  // Grows a phrase rightwards with "of"/"from" + organisation or name, and reads a
  // following "in <place>" for its country. Returns the new end.
  uint32_t GrowRight(uint32_t end, bool generic_head, ActorPhrase* phrase,
                     const std::vector<PhraseMatcher::Match>& units) const {
    if (end >= s.end_token) return end;
    const std::string_view key = ctx.doc.Key(end);
    if (key == "in" && end + 1 < s.end_token) {
      if (const geo::FoundPlace* place = PlaceAt(end + 1)) ApplyPlace(*place, phrase);
      return end;
    }
    if (key != "of" && key != "from") return end;
    uint32_t i = end + 1;
    if (i < s.end_token && (ctx.lex.ClassesOf(ctx.doc, i) & kDet)) ++i;
    // An organisation right there, or a group noun after one or two modifiers ("members
    // of a drug cartel").
    auto modifiers_only = [&](uint32_t from, uint32_t to) {
      for (uint32_t k = from; k < to; ++k)
        if (!ctx.doc.tokens[k].Is(text::kWord) || ctx.doc.tokens[k].Is(text::kCapitalized) ||
            ctx.out.trigger_at[k] >= 0 || ctx.lex.ClassesOf(ctx.doc, k) != 0)
          return false;
      return true;
    };
    for (const PhraseMatcher::Match& m : units) {
      if (m.first < i || m.first > i + 2 || !modifiers_only(i, m.first)) continue;
      const ActorEntry& entry = ctx.lex.actor(m.value);
      // "a member of the army", "fighters of the regime": a generic head belongs to
      // the group named after it; other nouns there are phrases of their own.
      if (!entry.organisation && !generic_head) return end;
      if (generic_head || phrase->kind == ActorKind::kUnknown) ApplyEntry(entry, true, phrase);
      else ApplyEntry(entry, false, phrase);
      if (!entry.organisation) return end;
      return m.end;
    }
    // A capitalised name ("members of the Popular Resistance"), or a country.
    if (const geo::FoundPlace* place = PlaceAt(i)) {
      if (place->mention.kind == PlaceKind::kCountry) {
        ApplyPlace(*place, phrase);
        return place->end_token;
      }
      if (place->mention.kind != PlaceKind::kDemonym) return end;
    }
    // "doctors from two American aid groups": a demonym in the group named after it.
    for (uint32_t j = i; j < s.end_token && j < i + kMaxRightTokens; ++j) {
      const text::Token& t = ctx.doc.tokens[j];
      if (!t.Is(text::kWord) && !IsNumberToken(ctx.doc, j)) break;
      if (ctx.out.trigger_at[j] >= 0 && !ctx.out.triggers[static_cast<size_t>(ctx.out.trigger_at[j])].noun) break;
      if (const geo::FoundPlace* place = PlaceAt(j); place && place->mention.kind == PlaceKind::kDemonym) {
        ApplyPlace(*place, phrase);
        break;
      }
      if ((ctx.lex.ClassesOf(ctx.doc, j) & ~(kDet | kQuant)) != 0) break;
    }
    uint32_t j = i;
    while (j < s.end_token && j - i < kMaxRightTokens && ctx.doc.tokens[j].Is(text::kCapitalized) &&
           ctx.out.trigger_at[j] < 0)
      ++j;
    if (j > i && generic_head) {
      // "members of the Gulf Cartel": a name that ends in a group noun is that group.
      for (const PhraseMatcher::Match& m : units)
        if (m.end == j && m.first > i && phrase->kind == ActorKind::kUnknown) {
          ApplyEntry(ctx.lex.actor(m.value), true, phrase);
          break;
        }
      return j;
    }
    return end;
  }
};

}  // namespace

void FindActors(ExtractContext& ctx, uint32_t sentence_index) {
  const text::Document& doc = ctx.doc;
  const text::Sentence& s = doc.sentences[sentence_index];
  Builder b{ctx, s};

  // Step 1: the lexicon units (group nouns and organisations), longest first.
  std::vector<PhraseMatcher::Match> units;
  ctx.lex.actor_matcher().FindAll(doc, s.first_token, s.end_token, &units);
  units.erase(std::remove_if(units.begin(), units.end(), [&](const auto& m) { return !b.Acceptable(m); }),
              units.end());

  std::vector<ActorPhrase> phrases;
  // Step 2: each unit that is not followed directly by another unit is a head.
  for (size_t u = 0; u < units.size(); ++u) {
    const PhraseMatcher::Match& m = units[u];
    if (u + 1 < units.size() && units[u + 1].first == m.end) continue;  // a modifier of the next unit
    const ActorEntry& head = ctx.lex.actor(m.value);
    ActorPhrase phrase;
    phrase.head = m.end - 1;
    phrase.sentence = sentence_index;
    b.ApplyEntry(head, true, &phrase);
    const bool generic = !head.organisation && IsGenericHead(doc.Lemma(phrase.head));
    // Modifier units directly before the head ("Houthi forces", "local police"), at most
    // kMaxModifiers of them (a run of group nouns is no longer one phrase).
    uint32_t first = m.first;
    for (size_t v = u; v > 0 && units[v - 1].end == first && u - v < kMaxModifiers; --v) {
      const ActorEntry& modifier = ctx.lex.actor(units[v - 1].value);
      // An organisation decides for a generic head or a non-state armed group; a group
      // noun decides for a generic head ("militia members", "army personnel").
      const bool decides = (modifier.organisation && (generic || phrase.kind == ActorKind::kUnknown ||
                                                      modifier.kind == ActorKind::kRebels ||
                                                      modifier.kind == ActorKind::kMilitia)) ||
                           (!modifier.organisation && generic);
      b.ApplyEntry(modifier, decides, &phrase);
      first = units[v - 1].first;
    }
    phrase.first = b.GrowLeft(first, &phrase);
    phrase.end = b.GrowRight(m.end, generic, &phrase, units);
    phrases.push_back(std::move(phrase));
  }

  // Step 3: titles with names ("President Mario Soares") and countries as actors.
  std::vector<PhraseMatcher::Match> titles;
  ctx.lex.title_matcher().FindAll(doc, s.first_token, s.end_token, &titles);
  for (const PhraseMatcher::Match& m : titles) {
    uint32_t j = m.end;
    while (j < s.end_token && doc.tokens[j].Is(text::kCapitalized) && !b.PlaceAt(j) && ctx.out.trigger_at[j] < 0)
      ++j;
    if (j == m.end) continue;  // a title without a name is a group noun, handled above
    const ActorEntry& title = ctx.lex.actor(m.value);
    ActorPhrase phrase;
    phrase.head = j - 1;
    phrase.sentence = sentence_index;
    phrase.kind = title.kind == ActorKind::kPerson ? ActorKind::kPerson : title.kind;
    phrase.sector = std::string(title.sector);
    phrase.state = title.state;
    phrase.named_person = true;
    phrase.first = b.GrowLeft(m.first, &phrase);
    phrase.end = j;
    // "Arab League Secretary General X", "Hamas leader X": the person acts for the
    // organisation named before the title.
    for (const PhraseMatcher::Match& unit : units) {
      const ActorEntry& org = ctx.lex.actor(unit.value);
      if (org.organisation && unit.first >= phrase.first && unit.end <= m.first) b.ApplyEntry(org, true, &phrase);
    }
    phrases.push_back(std::move(phrase));
  }
  // A country's name, or its capital's, standing for its government.
  auto government_of = [&](const geo::FoundPlace& place) {
    ActorPhrase phrase;
    phrase.first = place.first_token;
    phrase.end = place.end_token;
    phrase.head = place.end_token - 1;
    phrase.sentence = sentence_index;
    phrase.kind = ActorKind::kGovernment;
    phrase.country = place.country_alpha3;
    phrase.state = true;
    phrase.country_actor = true;
    return phrase;
  };
  for (const int p : ctx.out.PlacesOf(sentence_index)) {
    const geo::FoundPlace& place = ctx.places[static_cast<size_t>(p)];
    if (place.mention.kind != PlaceKind::kCountry || place.country_alpha3.empty()) continue;
    // "Kragujevac, Serbia": a country that situates another place is no actor.
    bool situates = false;
    for (const int q : ctx.out.PlacesOf(sentence_index)) situates |= ctx.places[static_cast<size_t>(q)].container == p;
    if (situates) continue;
    uint32_t before = place.first_token;
    while (before > s.first_token && (ctx.lex.ClassesOf(doc, before - 1) & kDet)) --before;  // "in the Ivory Coast"
    if (before > s.first_token) {
      const uint32_t classes = ctx.lex.ClassesOf(doc, before - 1);
      const std::string_view key = doc.Key(before - 1);
      if ((classes & kPrep) && key != "by" && key != "with" && key != "against" && key != "between") continue;
    }
    if (place.end_token < s.end_token && doc.Key(place.end_token) == "'s") continue;  // "France's city"
    phrases.push_back(government_of(place));
  }

  // Step 3a': a national capital opening its clause and acting by word or decision stands
  // for its government ("Beirut again rejected the appeal", "Moscow has expelled two
  // diplomats"), as in TABARI's and PETRARCH's dictionaries. Not where things happen to
  // it ("Kabul was hit", "Baghdad saw protests"): the first verb after it must be a
  // reporting verb or a trigger of a verbal or coercive event, reached over adverbs and
  // auxiliaries only.
  for (const int p : ctx.out.PlacesOf(sentence_index)) {
    const geo::FoundPlace& place = ctx.places[static_cast<size_t>(p)];
    if (!place.national_capital || !place.mention.geonameid || place.country_alpha3.empty()) continue;
    if (doc.tokens[place.first_token].Is(text::kDateline)) continue;
    uint32_t before = s.first_token;
    while (before < place.first_token && (ctx.lex.ClassesOf(doc, before) & kConj)) ++before;  // "But Moscow"
    if (before != place.first_token) continue;
    bool acts = false;
    for (uint32_t j = place.end_token; j < s.end_token && j < place.end_token + 4; ++j) {
      const text::Token& t = doc.tokens[j];
      if (!t.Is(text::kWord) || t.Is(text::kCapitalized)) break;
      const uint32_t classes = ctx.lex.ClassesOf(doc, j);
      if (const int trigger = ctx.out.trigger_at[j]; trigger >= 0) {
        const EventType type = ctx.lex.trigger(ctx.out.triggers[static_cast<size_t>(trigger)].entry).type;
        acts = type != EventType::kProtest && type != EventType::kAssault && type != EventType::kCrime;
        break;
      }
      if (classes & kReport) {
        acts = true;
        break;
      }
      if (classes & (kBe | kPrep | kDet | kPron | kQuant | kRel | kSub)) break;  // "was hit", "in", "'s"
    }
    if (!acts) continue;
    phrases.push_back(government_of(place));
  }

  // Step 3b: a plural demonym standing alone names people ("fired at two Palestinians").
  for (const int p : ctx.out.PlacesOf(sentence_index)) {
    const geo::FoundPlace& place = ctx.places[static_cast<size_t>(p)];
    if (place.mention.kind != PlaceKind::kDemonym) continue;
    const std::string_view last = doc.Key(place.end_token - 1);
    if (!last.ends_with("s") || place.country_alpha3.empty()) continue;
    if (place.end_token < s.end_token && ctx.out.trigger_at[place.end_token] < 0 &&
        doc.tokens[place.end_token].Is(text::kWord) && ctx.lex.ClassesOf(doc, place.end_token) == 0)
      continue;  // "Afghans" modifying a noun is no actor of its own
    ActorPhrase phrase;
    phrase.head = place.end_token - 1;
    phrase.sentence = sentence_index;
    phrase.kind = ActorKind::kCivilians;
    phrase.sector = "CVL";
    phrase.country = place.country_alpha3;
    phrase.first = b.GrowLeft(place.first_token, &phrase);
    phrase.end = place.end_token;
    phrases.push_back(std::move(phrase));
  }

  // Step 3c: a demonym right before an event noun names who acted ("Palestinian
  // riots", "Israeli airstrikes"): soldiers for violence, people otherwise.
  for (const int p : ctx.out.PlacesOf(sentence_index)) {
    const geo::FoundPlace& place = ctx.places[static_cast<size_t>(p)];
    if (place.mention.kind != PlaceKind::kDemonym || place.country_alpha3.empty() || place.end_token >= s.end_token)
      continue;
    const int trigger = ctx.out.trigger_at[place.end_token];
    if (trigger < 0) continue;
    const TriggerEntry& entry = ctx.lex.trigger(ctx.out.triggers[static_cast<size_t>(trigger)].entry);
    const bool violent = entry.type == EventType::kAssault || entry.type == EventType::kCoerce;
    ActorPhrase phrase;
    phrase.first = place.first_token;
    phrase.end = place.end_token;
    phrase.head = place.end_token - 1;
    phrase.sentence = sentence_index;
    phrase.kind = violent ? ActorKind::kMilitary : ActorKind::kCivilians;
    phrase.sector = violent ? "MIL" : "CVL";
    phrase.armed = violent;
    phrase.state = violent;
    phrase.country = place.country_alpha3;
    phrases.push_back(std::move(phrase));
  }

  // Step 3d: a personal name of two or three capitalised words without a title, the
  // subject of a reporting verb or of a verb that triggers an event, active or passive
  // ("Peter Luff said", "Maria Okafor condemned", "Alan Pike was arrested"), or its
  // object ("police arrested Ruth Amadi"). Not a place, an event's words, or part
  // of a phrase found above; not a possessive ("John Smith's house").
  auto name_word = [&](uint32_t i) {
    const text::Token& t = doc.tokens[i];
    return t.Is(text::kWord) && t.Is(text::kCapitalized) && !t.Is(text::kAllCaps) && !b.PlaceAt(i) &&
           ctx.out.trigger_at[i] < 0 && ctx.lex.ClassesOf(doc, i) == 0;
  };
  auto verb_trigger = [&](uint32_t i) {
    const int trigger = ctx.out.trigger_at[i];
    return trigger >= 0 && !ctx.out.triggers[static_cast<size_t>(trigger)].noun;
  };
  for (uint32_t first = s.first_token; first < s.end_token;) {
    if (!name_word(first)) {
      ++first;
      continue;
    }
    uint32_t end = first;
    while (end < s.end_token && name_word(end)) ++end;
    const uint32_t start = first;
    first = end;
    if (end - start < 2 || end - start > 3 || end >= s.end_token) continue;
    if (start > s.first_token && doc.tokens[start - 1].Is(text::kCapitalized)) continue;  // part of a longer name
    const bool inside = std::any_of(phrases.begin(), phrases.end(),
                                    [&](const ActorPhrase& p) { return p.first < end && start < p.end; });
    if (inside) continue;
    // The verb may follow auxiliaries ("Alan Pike was arrested", "has been charged"),
    // and the comma that closes an apposition ("her partner, Colin Baird, was arrested").
    uint32_t verb = end;
    if (verb < s.end_token && doc.Key(verb) == "," && start > s.first_token && doc.Key(start - 1) == ",") ++verb;
    const uint32_t after_name = verb;
    while (verb < s.end_token && verb < after_name + 2 && (ctx.lex.ClassesOf(doc, verb) & (kBe | kAux))) ++verb;
    if (verb >= s.end_token) continue;
    const bool acts = (ctx.lex.ClassesOf(doc, verb) & kReport) || verb_trigger(verb);
    // Or the object of an event's verb ("police arrested Ruth Amadi").
    const bool object = start > s.first_token && verb_trigger(start - 1);
    if (!acts && !object) continue;
    ActorPhrase phrase;
    phrase.first = start;
    phrase.end = end;
    phrase.head = end - 1;
    phrase.sentence = sentence_index;
    phrase.kind = ActorKind::kPerson;
    phrase.named_person = true;
    phrases.push_back(std::move(phrase));
  }

  // Step 4: drop phrases inside others, order by position, mark tokens.
  std::sort(phrases.begin(), phrases.end(), [](const ActorPhrase& a, const ActorPhrase& b) {
    return a.first != b.first ? a.first < b.first : a.end > b.end;
  });
  uint32_t covered_to = 0;
  std::vector<ActorPhrase> kept;
  for (ActorPhrase& phrase : phrases) {
    if (!kept.empty() && phrase.end <= covered_to) continue;
    if (!kept.empty() && phrase.first < covered_to) phrase.first = covered_to;  // overlaps: trim
    if (phrase.first >= phrase.end) continue;
    covered_to = phrase.end;
    kept.push_back(std::move(phrase));
  }

  // Step 5: coordination groups ("gendarmes and officers", "A, B and C"). A gap of
  // "and", "or" or "as well as" joins two phrases; a bare comma joins them only in a
  // list that ends with such a gap ("in Calais, workers ..." is no list).
  enum class Gap { kNone, kConjunction, kComma };
  auto gap_between = [&](const ActorPhrase& a, const ActorPhrase& b) {
    if (b.first <= a.end || b.first - a.end > 3) return Gap::kNone;
    bool conjunction = false;
    for (uint32_t g = a.end; g < b.first; ++g) {
      const std::string_view key = doc.Key(g);
      if (key == "and" || key == "or" || key == "as" || key == "well") conjunction = true;
      else if (key != ",") return Gap::kNone;
    }
    return conjunction ? Gap::kConjunction : Gap::kComma;
  };
  const int base = static_cast<int>(ctx.out.actors.size());
  for (size_t k = 0; k < kept.size(); ++k) kept[k].group = base + static_cast<int>(k);
  for (size_t k = kept.size(); k-- > 1;) {
    const Gap gap = gap_between(kept[k - 1], kept[k]);
    const bool list_continues = gap == Gap::kComma && k + 1 < kept.size() && kept[k + 1].group == kept[k].group &&
                                kept[k + 1].group != base + static_cast<int>(k + 1);
    if (gap == Gap::kConjunction || list_continues) {
      const int group = kept[k].group;
      for (size_t m = k; m < kept.size() && kept[m].group == group; ++m) kept[m].group = kept[k - 1].group;
    }
  }
  for (size_t k = 0; k < kept.size(); ++k) {
    ActorPhrase& phrase = kept[k];
    // One person: a named person, or a singular common noun counted by an article
    // ("an officer", "a woman"), not a body ("the police", "the army").
    const std::string_view head_key = doc.Key(phrase.head);
    const bool determiner_one = doc.Key(phrase.first) == "a" || doc.Key(phrase.first) == "an" ||
                                doc.Key(phrase.first) == "one";
    static constexpr std::string_view kBodies[] = {"police", "army", "military", "government", "regime",
                                                   "administration", "force", "authority", "ministry", "council",
                                                   "parliament", "court", "navy", "gendarmerie", "coalition"};
    const bool body = std::find(std::begin(kBodies), std::end(kBodies), doc.Lemma(phrase.head)) != std::end(kBodies);
    phrase.singular = phrase.named_person || (determiner_one && head_key == doc.Lemma(phrase.head) &&
                                              !phrase.count && !body && !head_key.ends_with("s"));
    phrase.plural = (head_key != doc.Lemma(phrase.head) && head_key.ends_with("s")) ||
                    (phrase.count && *phrase.count > 1);
    for (uint32_t t = phrase.first; t < phrase.end; ++t) ctx.out.actor_at[t] = base + static_cast<int>(k);
    ctx.out.actors.push_back(std::move(phrase));
  }
}

}  // namespace annals::extract
