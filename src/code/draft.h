// EventDraft: an event as the code stage assembles it, before it becomes an
// annals::Event. One draft per trigger at first; merging joins the drafts that
// tell the same event.
#ifndef ANNALS_CODE_DRAFT_H_
#define ANNALS_CODE_DRAFT_H_

#include <optional>
#include <string>
#include <vector>

#include "annals/annals.h"
#include "core/civil_date.h"
#include "extract/analysis.h"

namespace annals::code {

// One trigger reading in one field, with what was read around it.
struct Mention {
  Field field = Field::kText;
  uint32_t hit = 0;        // index into that field's FieldAnalysis::triggers
  uint32_t sentence = 0;   // sentence index in that field
  float weight = 0;        // the trigger's lexicon weight
};

// An actor of a draft, with the properties the ACLED rules read.
struct DraftActor {
  Actor actor;
  bool armed = false;
  bool state = false;      // takes the event's country when it has none
  bool country_actor = false;  // a country's name standing for its government
  bool named_person = false;   // a person by name (with a title or not)
  bool singular = false;       // one person ("an officer", "a woman")
  bool plural = false;         // several people ("villagers", "30 men")
  // Its kind's properties (data/actors/actor_kinds.tsv).
  bool crowd = false;          // members of the public in numbers: protesters, residents, workers
  bool security = false;       // the state's armed forces: police, military
  bool observer = false;       // reports or mediates rather than takes part: IGOs, NGOs, media
  bool local = false;          // belongs to the country where it acts unless told otherwise
};

struct EventDraft {
  EventType type = EventType::kConsult;
  std::string mode;
  std::string cameo;
  std::string default_acled_sub;     // from the trigger lexicon; empty for verbal events
  std::vector<Mention> mentions;     // the first is the one that decided the type
  std::vector<DraftActor> source, target;
  Outcome outcome;
  extract::CueSet cues = 0;          // cues of all the mentions' sentences
  std::optional<CivilDate> date;
  DatePrecision date_precision = DatePrecision::kArticle;
  int place = -1;                    // index into GeoResult::places, -1 when none
  bool place_from_sentence = false;  // false when it fell back to the article's place
  uint32_t places_named_together = 1; // "in Calais and Briançon": one draft per place, 2 here
  EventStatus status = EventStatus::kOccurred;
  std::vector<std::string> attribution;
  std::vector<Span> evidence;
  std::string trigger;
  Span trigger_span;
  std::vector<std::string> explanation;
  bool in_quote = false;
  bool background = false;           // told as the reason for another event
  bool subordinate = false;          // in a clause below another event's
  bool pronoun_subject = false;      // its subject is a pronoun for someone named before
  bool noun_actor_trigger = false;   // the trigger is an actor's own head ("protesters")
  bool definite_reference = false;   // a noun after "the"/"this" ("the march was peaceful"):
                                     // an event told before, whoever the sentence names
  uint32_t first_sentence = 0;       // position of the first mention (title counts as 0)
  bool dropped = false;              // merged into another draft
};

}  // namespace annals::code

#endif  // ANNALS_CODE_DRAFT_H_
