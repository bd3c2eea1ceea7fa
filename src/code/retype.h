// Retyping: what a trigger's type becomes once the mood of its clause and the kind
// of its actors are known.
#ifndef ANNALS_CODE_RETYPE_H_
#define ANNALS_CODE_RETYPE_H_

#include "code/draft.h"
#include "extract/analysis.h"

namespace annals::code {

// PLOVER codes what an actor says it will do, demands of others or refuses as
// verbal events (rules in retype.cc). `speaker` is who the sentence says is
// speaking, when known; a demand's source is its speaker.
void ApplyMood(extract::Mood mood, const std::vector<DraftActor>& speaker, EventDraft* draft);

// States do not demonstrate: a "protest" by a government is a formal protest
// (DISAPPROVE), and a blockade or closure by soldiers or police is coercion.
void RetypeByActors(EventDraft* draft);

}  // namespace annals::code

#endif  // ANNALS_CODE_RETYPE_H_
