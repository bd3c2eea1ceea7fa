// AssignRoles: who acted (source) and who was acted upon (target) for each trigger,
// from the clause around it.
//
// The rules read positions, voice and prepositions, not a parse tree:
//   - the subject is the nearest actor phrase to the left of the trigger within its
//     clause that is not the object of a preposition; "X, who attacked Y" takes the
//     phrase before the relative pronoun;
//   - the object is the first actor phrase to the right, directly or after "on",
//     "against", "at", "with", "upon", "into", "toward", before the clause ends;
//   - "by X" after the trigger names the agent ("were attacked by X", "an attack by X");
//   - passive voice and "undergo" triggers ("died", "exploded") make the subject the
//     target; so does a bare participle after a phrase ("five civilians killed");
//   - symmetric triggers take "between X and Y" and "X clashed with Y";
//   - nouns take their target after "on", "against" or "of" ("the killing of five"),
//     and their source from "by X", a possessive, or the subject of a light verb
//     ("X launched an attack on Y");
//   - a whole coordination group fills a role ("gendarmes and officers from the CRS").
// "according to X" never yields an actor: attribution is read separately.
#include <algorithm>

#include "extract/steps.h"

namespace annals::extract {
namespace {

constexpr uint32_t kRightWindow = 12;

// The members of an actor's coordination group (groups are runs of adjacent phrases).
std::vector<int> GroupOf(const FieldAnalysis& out, int actor) {
  const int group = out.actors[static_cast<size_t>(actor)].group;
  int first = actor, last = actor;
  while (first > 0 && out.actors[static_cast<size_t>(first - 1)].group == group) --first;
  while (static_cast<size_t>(last + 1) < out.actors.size() && out.actors[static_cast<size_t>(last + 1)].group == group)
    ++last;
  std::vector<int> members;
  for (int i = first; i <= last; ++i) members.push_back(i);
  return members;
}

bool PrepositionBefore(const ExtractContext& ctx, const ActorPhrase& phrase, uint32_t sentence_first,
                       std::string_view* prep) {
  if (phrase.first <= sentence_first) return false;
  const uint32_t j = phrase.first - 1;
  if (ctx.lex.ClassesOf(ctx.doc, j) & kPrep) {
    *prep = ctx.doc.Key(j);
    return true;
  }
  return false;
}

bool IsAccordingTo(const ExtractContext& ctx, const ActorPhrase& phrase, uint32_t sentence_first) {
  return phrase.first >= sentence_first + 2 && ctx.doc.Key(phrase.first - 1) == "to" &&
         ctx.doc.Key(phrase.first - 2) == "according";
}

// Whether the phrase is the object of a verb that triggers an event ("dispersed the
// crowds").
bool ObjectOfVerb(const ExtractContext& ctx, const ActorPhrase& phrase, uint32_t sentence_first) {
  uint32_t j = phrase.first;
  while (j > sentence_first && (ctx.lex.ClassesOf(ctx.doc, j - 1) & kDet)) --j;
  if (j == sentence_first) return false;
  const int trigger = ctx.out.trigger_at[j - 1];
  return trigger >= 0 && !ctx.out.triggers[static_cast<size_t>(trigger)].noun;
}

// The nearest phrase left of `from` in the clause that can be a subject. For a verb
// joined to an earlier one ("dispersed the crowds and beat a demonstrator"), the
// earlier verb's object is skipped: both verbs share the subject.
int SubjectLeftOf(const ExtractContext& ctx, uint32_t from, const text::Sentence& s) {
  int best = -1;
  bool coordinated = false;
  for (uint32_t k = from, steps = 0; k > s.first_token && steps < 3; --k, ++steps) {
    const std::string_view key = ctx.doc.Key(k - 1);
    if (key == "and" || key == ",") coordinated = true;
    if (!key.ends_with("ly") && key != "and" && key != "," && key != "then" && key != "also") break;
  }
  for (uint32_t k = from; k > s.first_token; --k) {
    const uint32_t j = k - 1;
    const int actor = ctx.out.actor_at[j];
    if (actor >= 0) {
      const ActorPhrase& phrase = ctx.out.actors[static_cast<size_t>(actor)];
      std::string_view prep;
      const bool in_pp = PrepositionBefore(ctx, phrase, s.first_token, &prep);
      const bool skipped_object = coordinated && ObjectOfVerb(ctx, phrase, s.first_token);
      if (!in_pp && !skipped_object && !IsAccordingTo(ctx, phrase, s.first_token)) {
        best = actor;
        break;
      }
      k = phrase.first + 1;  // skip the whole phrase
      continue;
    }
    const std::string_view key = ctx.doc.Key(j);
    if (ctx.doc.tokens[j].Is(text::kPunct) && (key == ";" || key == ":")) break;
    // "complaining that the lockdown kills": the clause after "that" has its own subject;
    // so does the clause of another event's verb between.
    if (key == "that" && j + 1 < from) break;
    // Verbs joined by "and" share their subject ("attacked and killed").
    if (ctx.out.trigger_at[j] >= 0 && !ctx.out.triggers[static_cast<size_t>(ctx.out.trigger_at[j])].noun &&
        j + 1 < from) {
      const std::string_view next = ctx.doc.Key(j + 1);
      if (next != "and" && next != "," && next != "or" && ctx.out.trigger_at[j + 1] < 0) break;
    }
    // A subordinate clause opening before the trigger ends the search ("after X
    // attacked, Y fled": Y's subject is not X), unless it is a relative pronoun
    // right after a phrase ("X, who attacked").
    const uint32_t classes = ctx.lex.ClassesOf(ctx.doc, j);
    if ((classes & kRel) && key != "that") continue;
    if ((classes & kSub) && !(classes & kPrep) && j + 1 < from) break;
  }
  return best;
}

// The first phrase right of the trigger within the clause; `prep` receives the
// preposition before it ("" when it follows directly). The words of trigger `self`
// (a pattern with a gap) do not end the search.
int ObjectRightOf(const ExtractContext& ctx, uint32_t from, const text::Sentence& s, std::string_view* prep,
                  int self = -1) {
  for (uint32_t j = from; j < s.end_token && j < from + kRightWindow; ++j) {
    const int actor = ctx.out.actor_at[j];
    if (actor >= 0) {
      const ActorPhrase& phrase = ctx.out.actors[static_cast<size_t>(actor)];
      std::string_view p;
      PrepositionBefore(ctx, phrase, s.first_token, &p);
      *prep = p;
      if (IsAccordingTo(ctx, phrase, s.first_token)) return -1;
      return actor;
    }
    if (IsClauseBoundary(ctx, j)) return -1;
    if (ctx.out.trigger_at[j] >= 0 && ctx.out.trigger_at[j] != self && j > from) {
      const TriggerHit& other = ctx.out.triggers[static_cast<size_t>(ctx.out.trigger_at[j])];
      if (!other.noun) return -1;  // another verb's clause
    }
  }
  return -1;
}

// "by X" within the window after the trigger.
int AgentAfter(const ExtractContext& ctx, uint32_t from, const text::Sentence& s) {
  for (uint32_t j = from; j + 1 < s.end_token && j < from + kRightWindow; ++j) {
    if (IsClauseBoundary(ctx, j)) return -1;
    if (ctx.doc.Key(j) != "by") continue;
    uint32_t k = j + 1;
    while (k < s.end_token && (ctx.lex.ClassesOf(ctx.doc, k) & (kDet | kQuant))) ++k;
    if (k < s.end_token && ctx.out.actor_at[k] >= 0) return ctx.out.actor_at[k];
    if (j + 1 < s.end_token && ctx.out.actor_at[j + 1] >= 0) return ctx.out.actor_at[j + 1];
    return -1;
  }
  return -1;
}

}  // namespace

void AssignRoles(ExtractContext& ctx, uint32_t sentence_index) {
  const text::Document& doc = ctx.doc;
  const text::Sentence& s = doc.sentences[sentence_index];
  for (TriggerHit& hit : ctx.out.TriggersOf(sentence_index)) {
    const TriggerEntry& entry = ctx.lex.trigger(hit.entry);
    if (entry.roles == RoleFrame::kNone) continue;
    // A trigger that is itself an actor's head ("protesters") takes that actor.
    const int self = ctx.out.actor_at[hit.head];
    if (self >= 0) {
      hit.source = GroupOf(ctx.out, self);
      hit.notes.push_back("source is the trigger's own phrase");
      continue;
    }
    const int subject = SubjectLeftOf(ctx, hit.first, s);
    std::string_view prep;
    // A pattern with a gap holds its object inside ("left three militants dead").
    const bool gapped = entry.pattern.find("...") != std::string_view::npos;
    const int self_index = ctx.out.trigger_at[hit.first];
    int object = gapped ? ObjectRightOf(ctx, hit.first + 1, s, &prep, self_index) : -1;
    if (object < 0 || ctx.out.actors[static_cast<size_t>(object)].first >= hit.end)
      object = ObjectRightOf(ctx, hit.end, s, &prep);
    const int agent = AgentAfter(ctx, hit.end, s);

    // "clashes between X and Y" (for other events, "mediation between X and Y", X
    // and Y are the targets, read below).
    // ("a clash ensued between", "clashes broke out between": a verb may come first.)
    bool between = false;
    for (uint32_t k = hit.end; k < s.end_token && k < hit.end + 3 && !between; ++k) between = doc.Key(k) == "between";
    if (entry.roles == RoleFrame::kSymmetric && between && object >= 0) {
      const std::vector<int> group = GroupOf(ctx.out, object);
      if (group.size() >= 2) {
        hit.source = {group[0]};
        hit.target.assign(group.begin() + 1, group.end());
        hit.notes.push_back("between X and Y");
        continue;
      }
      // "between two factions of X", "between rival groups": both sides are X.
      hit.source = group;
      hit.notes.push_back("between parts of one group");
      continue;
    }
    // A bare participle right after a phrase: "five civilians killed in ...".
    // ... and followed by a preposition or punctuation: "militants attacked the
    // village" and "attacked and killed" are active.
    const bool done_to_people = (entry.type == EventType::kAssault || entry.type == EventType::kCoerce) &&
                                entry.roles != RoleFrame::kSymmetric;
    bool participle_after_phrase =
        done_to_people && !hit.noun && !hit.passive && hit.first > s.first_token &&
        ctx.out.actor_at[hit.first - 1] >= 0 && doc.Key(hit.first).ends_with("ed") && (object < 0 || prep == "by");
    if (participle_after_phrase && hit.end < s.end_token) {
      const text::Token& next = doc.tokens[hit.end];
      participle_after_phrase = (next.Is(text::kPunct) && doc.Key(hit.end) != "(") ||
                                ((ctx.lex.ClassesOf(doc, hit.end) & (kPrep | kSub)) && doc.Key(hit.end) != "to");
    }
    if (hit.passive || entry.roles == RoleFrame::kUndergo || participle_after_phrase) {
      // The bare participle's phrase is its target, whatever the clause's subject ("the
      // minister laid flowers at a memorial to soldiers killed in the war").
      if (participle_after_phrase) hit.target = GroupOf(ctx.out, ctx.out.actor_at[hit.first - 1]);
      else if (subject >= 0) hit.target = GroupOf(ctx.out, subject);
      if (agent >= 0) hit.source = GroupOf(ctx.out, agent);
      else if (entry.roles == RoleFrame::kUndergo && object >= 0 && prep.empty()) hit.source = GroupOf(ctx.out, object);
      hit.notes.push_back(hit.passive ? "passive: subject is the target" : "subject undergoes the event");
      continue;
    }
    if (hit.noun) {
      // Source: "by X", else the subject of the clause ("X launched an attack"), unless
      // the noun only sets the time of what the subject did ("families fled during the
      // fighting").
      bool time_setting = false;
      for (uint32_t k = hit.first, steps = 0; k > s.first_token && steps < 3 && !time_setting; --k, ++steps) {
        const std::string_view key = doc.Key(k - 1);
        time_setting = key == "during" || key == "after" || key == "amid" || key == "amidst" || key == "before" ||
                       key == "since" || key == "following";
        if (ctx.out.trigger_at[k - 1] >= 0) break;
      }
      if (agent >= 0) hit.source = GroupOf(ctx.out, agent);
      else if (subject >= 0 && !time_setting) hit.source = GroupOf(ctx.out, subject);
      // The target attaches right after the noun ("the attack on X", "a shooting
      // against the municipal and state police").
      const bool attached = object >= 0 && ctx.out.actors[static_cast<size_t>(object)].first <= hit.end + 6;
      if (attached && object != agent &&
          (prep == "on" || prep == "against" || prep == "of" || prep == "at" || prep == "upon" || prep == "with" ||
           prep == "targeting" || prep == "between"))
        hit.target = GroupOf(ctx.out, object);
      continue;
    }
    if (subject >= 0) hit.source = GroupOf(ctx.out, subject);
    else {
      // "They threw rocks": someone named before; the code stage looks back for them.
      for (uint32_t k = hit.first, steps = 0; k > s.first_token && steps < 3; --k, ++steps) {
        const std::string_view key = doc.Key(k - 1);
        if (key == "they" || key == "he" || key == "she") {
          hit.pronoun_subject = true;
          break;
        }
        if (!key.ends_with("ly") && !(ctx.lex.ClassesOf(doc, k - 1) & (kAux | kModal | kBe))) break;
      }
    }
    // "Police and migrants clash": a symmetric event's coordinated subject is both sides.
    if (entry.roles == RoleFrame::kSymmetric && hit.source.size() >= 2 && object < 0) {
      hit.target.assign(hit.source.begin() + 1, hit.source.end());
      hit.source.resize(1);
      hit.notes.push_back("symmetric: the coordinated subject is both sides");
      continue;
    }
    if (object >= 0 && object != agent && prep != "in" && prep != "from" && prep != "for" && prep != "during" &&
        prep != "near" && prep != "outside" && prep != "to" && prep != "of" && prep != "by")
      hit.target = GroupOf(ctx.out, object);
    if (hit.source.empty() && agent >= 0) hit.source = GroupOf(ctx.out, agent);
  }
}

}  // namespace annals::extract
