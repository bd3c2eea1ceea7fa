// Retyping rules.
//
// Mood (from the words before a trigger, extract/triggers.cc):
//   - a demand on someone ("Iraq must cooperate", "Sudan should return the
//     helicopter") is DEMAND (CAMEO 10): its target is who must act, its source
//     the speaker;
//   - a refusal ("will not accept", "refused to resign") is REJECT (CAMEO 12) by
//     the one who refuses;
//   - an intention or promise by a named actor ("Portugal will support ...", "is
//     willing to withdraw") is AGREE (CAMEO 03, express intent to cooperate) when
//     the act is cooperative (agree, consult, support, concede, cooperate, aid,
//     retreat, investigate) and THREATEN (CAMEO 13) when it is hostile (assault,
//     coerce, sanction, mobilise, and the coercive protests: strikes, boycotts,
//     blockades); announced demonstrations stay protests with status planned.
// Actors: destruction done to people (not things) is an assault; a protest whose
// source is a country (its government) is a formal protest
// (DISAPPROVE, CAMEO 114); a blockade or closure by a state, its soldiers or its
// police is coercion (COERCE, CAMEO 172).
#include "code/retype.h"

namespace annals::code {
namespace {

bool Cooperative(EventType type) {
  switch (type) {
    case EventType::kAgree:
    case EventType::kConsult:
    case EventType::kSupport:
    case EventType::kConcede:
    case EventType::kCooperate:
    case EventType::kAid:
    case EventType::kRetreat:
    case EventType::kInvestigate:
      return true;
    default:
      return false;
  }
}

bool Hostile(const EventDraft& d) {
  switch (d.type) {
    case EventType::kAssault:
    case EventType::kCoerce:
    case EventType::kSanction:
    case EventType::kMobilize:
      return true;
    case EventType::kProtest:
      return d.mode == "strike" || d.mode == "boycott" || d.mode == "obstruct";
    default:
      return false;
  }
}

void Become(EventDraft* d, EventType type, const char* cameo, const std::string& why) {
  d->explanation.push_back(why + ": " + std::string(ToString(d->type)) + " becomes " + std::string(ToString(type)));
  d->type = type;
  d->cameo = cameo;
  d->mode.clear();
  d->default_acled_sub.clear();
  d->status = EventStatus::kOccurred;
}

}  // namespace

void ApplyMood(extract::Mood mood, const std::vector<DraftActor>& speaker, EventDraft* d) {
  switch (mood) {
    case extract::Mood::kFact:
      return;
    case extract::Mood::kObligation:
      d->target = d->source;
      d->source = speaker;
      Become(d, EventType::kDemand, "10", "demanded of someone");
      return;
    case extract::Mood::kRefusal:
      Become(d, EventType::kReject, "12", "refused");
      return;
    case extract::Mood::kIntent:
      if (d->source.empty() && speaker.empty()) return;
      if (d->source.empty()) d->source = speaker;
      if (Cooperative(d->type)) Become(d, EventType::kAgree, "03", "promised");
      else if (Hostile(*d)) Become(d, EventType::kThreaten, "13", "threatened");
      return;
  }
}

void RetypeByActors(EventDraft* d) {
  // "The victim was burned", "torched the house of the mayor": destroying is done to
  // things; done to a person it is an assault.
  if (d->type == EventType::kCoerce && d->mode == "destroy" && !d->target.empty() &&
      d->outcome.seized.empty()) {
    bool person = false;
    for (const DraftActor& a : d->target) person |= a.singular || a.plural;
    if (person) {
      Become(d, EventType::kAssault, "180", "destruction done to people");
      d->default_acled_sub = "Attack";
      return;
    }
  }
  if (d->type != EventType::kProtest || d->source.empty()) return;
  const DraftActor& source = d->source.front();
  if (source.country_actor && d->mode != "obstruct") {
    Become(d, EventType::kDisapprove, "114", "a government's protest");
  } else if ((source.security || source.country_actor) &&
             d->mode == "obstruct") {
    Become(d, EventType::kCoerce, "172", "a blockade by security forces");
    d->mode = "restrict";
    d->default_acled_sub = "Other";
  }
}

}  // namespace annals::code
