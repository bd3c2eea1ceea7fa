// Building event drafts from what the extract stage read: one draft per trigger,
// with its actors, outcomes, cues, date, place, status and attribution.
#ifndef ANNALS_CODE_DRAFT_BUILDER_H_
#define ANNALS_CODE_DRAFT_BUILDER_H_

#include <optional>
#include <vector>

#include "code/draft.h"
#include "extract/analysis.h"
#include "geo/geocoder.h"

namespace annals::code {

struct FieldView {
  const text::Document* doc = nullptr;
  const extract::FieldAnalysis* analysis = nullptr;
};

struct BuildContext {
  const extract::Lexicons& lex;
  const geo::GeoResult& geo;
  FieldView title;
  FieldView body;
  std::optional<CivilDate> article_date;
  int focus_place = -1;  // ArticlePlace(geo): where the article's events happen by default

  const FieldView& View(Field field) const { return field == Field::kTitle ? title : body; }
};

// Appends one draft per trigger that reports an event (negated triggers report
// none); a trigger whose sentence names several places joined by "and" ("in both
// Calais and Briançon") gives one draft per place. At most 4,000 drafts in all: the
// triggers after them are not read (junk text, bounded memory).
void BuildDrafts(const BuildContext& ctx, std::vector<EventDraft>* drafts);

// Fills what a draft lacks from the drafts around it: a coercion or assault with no
// target takes the other side of the nearest earlier violent draft that involves its
// source ("tear gas was used by police" after "police clashed with migrants"); state
// agents and local people without a country take the country of the event's place.
void CompleteDrafts(const BuildContext& ctx, std::vector<EventDraft>* drafts);

// The place of the article where an event without a place of its own happened:
// one of the few sentences before it in its paragraph that names one, else
// ctx.focus_place.
int FallbackPlace(const BuildContext& ctx, Field field, uint32_t sentence);

// The article's own place: the place finer than a country that it names most often, when
// named at least twice and more often than the geo stage's main place; else that
// main place (the dateline's, or the one the geo stage judged central).
int ArticlePlace(const geo::GeoResult& geo);

}  // namespace annals::code

#endif  // ANNALS_CODE_DRAFT_BUILDER_H_
