// Merging the drafts of one article that tell the same event.
#ifndef ANNALS_CODE_MERGE_H_
#define ANNALS_CODE_MERGE_H_

#include <vector>

#include "code/draft.h"
#include "geo/geocoder.h"

namespace annals::code {

// Joins drafts that tell the same event (documented in merge.cc); the joined ones
// are marked dropped. Keeps distinct events distinct.
void MergeDrafts(const geo::GeoResult& geo, std::vector<EventDraft>* drafts);

// Lets a protest know what the other drafts of its article say happened to it: an
// arrest or dispersal of its crowd marks it as intervened, violence by its crowd as
// violent, and their counts of arrests and casualties join its outcome.
void LinkProtests(const geo::GeoResult& geo, std::vector<EventDraft>* drafts);

}  // namespace annals::code

#endif  // ANNALS_CODE_MERGE_H_
