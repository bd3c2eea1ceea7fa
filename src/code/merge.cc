// Merging within an article.
//
// News tells one event several times: the headline, the lede, the details ("the
// fight resulted in ...", "the brawl"). Two drafts are one event when all of these
// hold:
//   - kind: the same PLOVER type with compatible modes (equal, one unknown, a raid
//     with what it did, or two peaceful protest forms), or both violent interactions
//     (ASSAULT without a remote weapon, or a riot);
//   - place: the same place, or one without a place of its own sentence, or one
//     inside the other (a sublocation in its city, a city in its admin1 or country);
//   - date: days at most one apart, or one dated only by the article;
//   - actors: the kinds of their participants overlap, or one names none, and they
//     do not name different persons;
//   - status: the same.
// The merged event keeps the type of its strongest trigger, the most specific place
// and date, every evidence span and attribution, the union of cues and actors, and
// for each count the largest value any mention gave (restatements repeat a count;
// they do not add to it). Only drafts within kMergeWindow of each other are compared.
#include "code/merge.h"

#include <algorithm>

namespace annals::code {
namespace {

// Drafts further apart than this (in text order) are never one event: it keeps
// merging linear in long documents; news repeats an event within a few paragraphs.
constexpr size_t kMergeWindow = 48;

// A crowd, or a group the text does not name ("dozens were dispersed").
bool CrowdOrUnnamed(const DraftActor& a) { return a.crowd || a.actor.kind == ActorKind::kUnknown; }

bool RemoteWeapon(const EventDraft& d) {
  return d.mode == "aerial" || d.mode == "artillery" || d.mode == "explosives" || d.mode == "suicide" ||
         d.mode == "chemical";
}

bool ViolentInteraction(const EventDraft& d) {
  return (d.type == EventType::kAssault && !RemoteWeapon(d) && d.mode != "abduct" && d.mode != "sexual" &&
          d.mode != "occupy") ||
         (d.type == EventType::kProtest && d.mode == "riot");
}

bool ModesCompatible(const EventDraft& a, const EventDraft& b) {
  if (a.mode == b.mode || a.mode.empty() || b.mode.empty()) return true;
  auto takes = [](const std::string& m) { return m == "seize" || m == "destroy" || m == "arrest"; };
  if ((a.mode == "raid" && takes(b.mode)) || (b.mode == "raid" && takes(a.mode))) return true;
  if (a.type == EventType::kProtest) {
    auto peaceful = [](const std::string& m) { return m == "demo" || m == "march" || m == "sit-in" || m == "obstruct"; };
    if (peaceful(a.mode) && peaceful(b.mode)) return true;
    return a.mode == "riot" || b.mode == "riot";  // a protest that turned violent
  }
  // Remote weapons of one attack ("a warplane ... firing two missiles") are one event;
  // a remote attack and a ground fight are two.
  if (a.type == EventType::kAssault) return RemoteWeapon(a) == RemoteWeapon(b);
  return false;
}

bool KindsCompatible(const EventDraft& a, const EventDraft& b) {
  if (a.type == b.type) return ModesCompatible(a, b);
  auto crowd_word = [](const EventDraft& x) { return x.noun_actor_trigger && x.type == EventType::kProtest; };
  return (ViolentInteraction(a) || crowd_word(a)) && (ViolentInteraction(b) || crowd_word(b));
}

const geo::FoundPlace* PlaceOf(const geo::GeoResult& geo, int p) {
  return p >= 0 && static_cast<size_t>(p) < geo.places.size() ? &geo.places[static_cast<size_t>(p)] : nullptr;
}

// Whether place `inner` lies within place `outer` (or is it).
bool Within(const geo::GeoResult& geo, int inner, int outer) {
  if (inner == outer) return true;
  const geo::FoundPlace* in = PlaceOf(geo, inner);
  const geo::FoundPlace* out = PlaceOf(geo, outer);
  if (!in || !out) return false;
  if (in->parent >= 0 && Within(geo, in->parent, outer)) return true;
  if (in->mention.geonameid && out->mention.geonameid && *in->mention.geonameid == *out->mention.geonameid) return true;
  if (in->mention.kind == PlaceKind::kCity && out->mention.kind == PlaceKind::kCity && in->mention.name &&
      out->mention.name && *in->mention.name == *out->mention.name && in->mention.country == out->mention.country)
    return true;
  if (!in->mention.country || in->mention.country != out->mention.country) return false;
  if (out->mention.kind == PlaceKind::kCountry) return true;
  if (out->mention.kind == PlaceKind::kAdmin1) return in->admin1_code == out->admin1_code && !in->admin1_code.empty();
  if (out->mention.kind == PlaceKind::kAdmin2)
    return in->admin2_code == out->admin2_code && !in->admin2_code.empty() && in->mention.kind != PlaceKind::kAdmin1;
  return false;
}

bool PlacesCompatible(const geo::GeoResult& geo, const EventDraft& a, const EventDraft& b) {
  if (!a.place_from_sentence || !b.place_from_sentence) return true;
  return Within(geo, a.place, b.place) || Within(geo, b.place, a.place);
}

// Days told apart by one ("on Monday" and "overnight") may be one event's.
bool DatesCompatible(const EventDraft& a, const EventDraft& b) {
  if (!a.date || !b.date) return true;
  if (a.date_precision != DatePrecision::kDay || b.date_precision != DatePrecision::kDay) return true;
  const long gap = DaysFromCivil(*a.date) - DaysFromCivil(*b.date);
  return gap >= -1 && gap <= 1;
}

bool ActorsCompatible(const EventDraft& a, const EventDraft& b) {
  // Kinds of crowd count as one: the "residents" of one sentence are the "rioters" or
  // "protesters" of the next.
  auto kinds = [](const EventDraft& d) {
    uint32_t set = 0;
    auto add = [&](const DraftActor& a) {
      set |= 1u << static_cast<uint32_t>(a.crowd ? ActorKind::kProtesters : a.actor.kind);
    };
    for (const DraftActor& x : d.source) add(x);
    for (const DraftActor& x : d.target) add(x);
    return set;
  };
  const uint32_t ka = kinds(a), kb = kinds(b);
  // Two drafts that name different persons and no person in common are two events
  // ("Alan Pike was arrested on Sunday", "Colin Baird was arrested on Monday"): persons
  // compare by their last word, so "Mr Pike" is "Alan Pike".
  auto surnames = [](const EventDraft& d) {
    std::vector<std::string> names;
    for (const auto* side : {&d.source, &d.target})
      for (const DraftActor& x : *side)
        if (x.named_person && !x.actor.text.empty())
          names.push_back(x.actor.text.substr(x.actor.text.find_last_of(' ') + 1));
    return names;
  };
  const std::vector<std::string> na = surnames(a), nb = surnames(b);
  if (!na.empty() && !nb.empty() &&
      std::none_of(na.begin(), na.end(), [&](const std::string& n) { return std::count(nb.begin(), nb.end(), n) > 0; }))
    return false;
  // A draft with no source ("the demonstrations", "the clashes") may be told of anyone.
  return ka == 0 || kb == 0 || (ka & kb) != 0 || a.source.empty() || b.source.empty();
}

// Adds the actors of `from` to `into` unless the same group is there already, or
// stands on the other side (`other_side`) of the event.
void MergeActors(const std::vector<DraftActor>& from, std::vector<DraftActor>* into,
                 const std::vector<DraftActor>& other_side) {
  for (const DraftActor& a : from) {
    const bool opposite = std::any_of(other_side.begin(), other_side.end(),
                                      [&](const DraftActor& b) { return b.actor.kind == a.actor.kind; });
    if (opposite) continue;
    auto same = std::find_if(into->begin(), into->end(), [&](const DraftActor& b) {
      return b.actor.kind == a.actor.kind && (b.actor.country == a.actor.country || !b.actor.country || !a.actor.country);
    });
    if (same == into->end()) {
      into->push_back(a);
    } else {
      if (!same->actor.count && a.actor.count) same->actor.count = a.actor.count;
      if (!same->actor.country && a.actor.country) same->actor.country = a.actor.country;
    }
  }
}

void MaxCount(std::optional<int64_t>* into, const std::optional<int64_t>& from) {
  if (from && (!*into || *from > **into)) *into = from;
}

void AddCount(std::optional<int64_t>* into, const std::optional<int64_t>& from) {
  if (from) *into = into->value_or(0) + *from;
}

// Whether both drafts name their victims and no kind of victim is common to both.
bool DistinctVictims(const EventDraft& a, const EventDraft& b) {
  if (a.target.empty() || b.target.empty()) return false;
  for (const DraftActor& x : a.target)
    for (const DraftActor& y : b.target)
      if (x.actor.kind == y.actor.kind) return false;
  return true;
}

void Absorb(const geo::GeoResult& geo, EventDraft* keep, EventDraft* other) {
  // The strongest trigger decides the type; actors' own nouns ("protesters") are weakest.
  auto strength = [](const EventDraft& d) { return d.mentions.front().weight - (d.noun_actor_trigger ? 0.5f : 0.0f); };
  if (strength(*other) > strength(*keep)) {
    std::swap(keep->type, other->type);
    std::swap(keep->mode, other->mode);
    std::swap(keep->cameo, other->cameo);
    std::swap(keep->default_acled_sub, other->default_acled_sub);
    std::swap(keep->trigger, other->trigger);
    std::swap(keep->trigger_span, other->trigger_span);
    std::swap(keep->noun_actor_trigger, other->noun_actor_trigger);
    std::swap(keep->mentions.front(), other->mentions.front());
  }
  keep->mentions.insert(keep->mentions.end(), other->mentions.begin(), other->mentions.end());
  MergeActors(other->source, &keep->source, keep->target);
  MergeActors(other->target, &keep->target, keep->source);
  // Casualties among different victims add up ("2 policemen were killed ... 2
  // militants were also killed"); among the same victims a count is restated.
  if (DistinctVictims(*keep, *other)) {
    AddCount(&keep->outcome.killed, other->outcome.killed);
    AddCount(&keep->outcome.injured, other->outcome.injured);
  } else {
    MaxCount(&keep->outcome.killed, other->outcome.killed);
    MaxCount(&keep->outcome.injured, other->outcome.injured);
  }
  MaxCount(&keep->outcome.hospitalized, other->outcome.hospitalized);
  MaxCount(&keep->outcome.arrested, other->outcome.arrested);
  MaxCount(&keep->outcome.displaced, other->outcome.displaced);
  MaxCount(&keep->outcome.participants, other->outcome.participants);
  for (const Seized& s : other->outcome.seized) {
    const bool known = std::any_of(keep->outcome.seized.begin(), keep->outcome.seized.end(),
                                   [&](const Seized& k) { return k.what == s.what; });
    if (!known) keep->outcome.seized.push_back(s);
  }
  keep->cues |= other->cues;
  if (other->date && (!keep->date || other->date_precision < keep->date_precision)) {
    keep->date = other->date;
    keep->date_precision = other->date_precision;
  }
  // The most specific place that the event's own sentences name.
  const geo::FoundPlace* kp = PlaceOf(geo, keep->place);
  const geo::FoundPlace* op = PlaceOf(geo, other->place);
  auto rank = [](const geo::FoundPlace* p) {
    if (!p) return -1;
    switch (p->mention.kind) {
      case PlaceKind::kSublocation: return 5;
      case PlaceKind::kCity: return 4;
      case PlaceKind::kAdmin2: return 3;
      case PlaceKind::kAdmin1: return 2;
      case PlaceKind::kCountry: return 1;
      default: return 0;
    }
  };
  if (other->place_from_sentence && (!keep->place_from_sentence || rank(op) > rank(kp))) {
    keep->place = other->place;
    keep->place_from_sentence = true;
  }
  for (const std::string& who : other->attribution)
    if (std::find(keep->attribution.begin(), keep->attribution.end(), who) == keep->attribution.end())
      keep->attribution.push_back(who);
  for (const Span& span : other->evidence) {
    const bool known = std::any_of(keep->evidence.begin(), keep->evidence.end(), [&](const Span& e) {
      return e.start == span.start && e.end == span.end && e.field == span.field;
    });
    if (!known) keep->evidence.push_back(span);
  }
  std::sort(keep->evidence.begin(), keep->evidence.end(), [](const Span& a, const Span& b) {
    if (a.field != b.field) return a.field == Field::kTitle;
    return a.start < b.start;
  });
  keep->in_quote = keep->in_quote && other->in_quote;
  keep->subordinate = keep->subordinate && other->subordinate;
  keep->first_sentence = std::min(keep->first_sentence, other->first_sentence);
  keep->explanation.push_back("merged with '" + other->trigger + "' (same event told again)");
  other->dropped = true;
}

// One merging pass: each draft joins the first earlier draft (within kMergeWindow)
// that tells the same event; with `same_sentence_only`, only drafts of its sentence.
void MergePass(const geo::GeoResult& geo, bool same_sentence_only, std::vector<EventDraft>* drafts) {
  for (size_t i = 0; i < drafts->size(); ++i) {
    EventDraft& d = (*drafts)[i];
    if (d.dropped || d.background) continue;
    for (size_t j = i > kMergeWindow ? i - kMergeWindow : 0; j < i; ++j) {
      EventDraft& keep = (*drafts)[j];
      if (keep.dropped || keep.background) continue;
      if (same_sentence_only && (keep.mentions.front().field != d.mentions.front().field ||
                                 keep.mentions.front().sentence != d.mentions.front().sentence))
        continue;
      // Violent words of one sentence tell one fight whoever they name ("GNA forces
      // repelled an attack by LNA forces").
      // A protest told only by its crowd's name ("police and protesters clashed") is
      // the fight it is in.
      auto crowd_word = [](const EventDraft& x) { return x.noun_actor_trigger && x.type == EventType::kProtest; };
      const bool one_fight = same_sentence_only && !keep.subordinate && !d.subordinate &&
                             ((ViolentInteraction(keep) && ViolentInteraction(d)) ||
                              (ViolentInteraction(keep) && crowd_word(d)) || (crowd_word(keep) && ViolentInteraction(d)));
      // "The march was peaceful": a definite noun of the same type tells an earlier event again.
      const bool told_again = !same_sentence_only && d.definite_reference && d.type == keep.type;
      if (!KindsCompatible(keep, d) || !PlacesCompatible(geo, keep, d) || !DatesCompatible(keep, d) ||
          (!ActorsCompatible(keep, d) && !one_fight && !told_again) || keep.status != d.status)
        continue;
      // Drafts split over the places of one sentence stay apart.
      if (keep.mentions.front().field == d.mentions.front().field &&
          keep.mentions.front().hit == d.mentions.front().hit)
        continue;
      Absorb(geo, &keep, &d);
      break;
    }
  }
}

}  // namespace

void MergeDrafts(const geo::GeoResult& geo, std::vector<EventDraft>* drafts) {
  // Two passes: first within a sentence (its words tell one event more often than
  // words far apart), then across the article.
  MergePass(geo, true, drafts);
  MergePass(geo, false, drafts);
}

void LinkProtests(const geo::GeoResult& geo, std::vector<EventDraft>* drafts) {
  for (size_t i = 0; i < drafts->size(); ++i) {
    EventDraft& protest = (*drafts)[i];
    if (protest.dropped || protest.type != EventType::kProtest) continue;
    const size_t from = i > kMergeWindow ? i - kMergeWindow : 0, to = std::min(drafts->size(), i + kMergeWindow);
    for (size_t j = from; j < to; ++j) {
      EventDraft& other = (*drafts)[j];
      if (&other == &protest || other.dropped || other.background || !PlacesCompatible(geo, protest, other) ||
          !DatesCompatible(protest, other))
        continue;
      bool targets_crowd = other.target.empty();
      for (const DraftActor& a : other.target) targets_crowd |= CrowdOrUnnamed(a);
      bool by_crowd = false;
      for (const DraftActor& a : other.source) by_crowd |= CrowdOrUnnamed(a) && !a.armed;
      if (other.type == EventType::kCoerce && (other.mode == "arrest" || other.mode == "repression") &&
          targets_crowd) {
        protest.cues |= extract::CueBit(extract::Cue::kIntervene);
        // What the crowd did, as told with the arrests ("arrested after throwing rocks").
        protest.cues |= other.cues & (extract::CueBit(extract::Cue::kViolentCrowd) |
                                      extract::CueBit(extract::Cue::kExcessive));
        MaxCount(&protest.outcome.arrested, other.outcome.arrested);
        protest.explanation.push_back("security forces acted against the crowd ('" + other.trigger + "')");
      } else if ((other.type == EventType::kAssault ||
                  (other.type == EventType::kCoerce && (other.mode == "destroy" || other.mode == "seize")) ||
                  (other.type == EventType::kProtest && other.mode == "riot")) &&
                 by_crowd) {
        protest.cues |= extract::CueBit(extract::Cue::kViolentCrowd);
        protest.explanation.push_back("the crowd used violence ('" + other.trigger + "')");
      }
    }
  }
}

}  // namespace annals::code
