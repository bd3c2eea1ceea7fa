// The ACLED event and sub-event type of a coded event.
#ifndef ANNALS_CODE_ACLED_RULES_H_
#define ANNALS_CODE_ACLED_RULES_H_

#include <optional>
#include <string>

#include "code/draft.h"

namespace annals::code {

// Context the rules read beyond the draft itself.
struct AcledContext {
  bool protest_in_article = false;   // another draft of the article is a protest
};

// Chooses the ACLED sub-event type of `draft` (and, from it, the event type), or
// nullopt for events ACLED does not record. Appends the rule that decided to
// `why`. The rules are documented in acled_rules.cc.
std::optional<AcledType> ChooseAcled(const EventDraft& draft, const AcledContext& context, std::string* why);

// ACLED's event type for one of its 25 sub-event types ("" for an unknown one).
std::string_view AcledEventType(std::string_view sub_event_type);

}  // namespace annals::code

#endif  // ANNALS_CODE_ACLED_RULES_H_
