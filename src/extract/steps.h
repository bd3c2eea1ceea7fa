// The steps of the extract stage, run in this order on each sentence of a field:
//   FindTriggers  -> FieldAnalysis::triggers (with status and negation)
//   FindStatementEvents -> FieldAnalysis::triggers: reporting verbs whose statement
//                    is an event ("said the plan was a shambles")
//   FindActors    -> FieldAnalysis::actors (phrases, kinds, countries, counts)
//   AssignRoles   -> TriggerHit::source / target
//   FindOutcomes  -> FieldAnalysis::outcomes and seized
//   FindAttributions -> FieldAnalysis::attributions
// and once per field after the sentences: FindQuotes. Extract() runs them all.
#ifndef ANNALS_EXTRACT_STEPS_H_
#define ANNALS_EXTRACT_STEPS_H_

#include <optional>

#include "extract/analysis.h"

namespace annals::extract {

void FindTriggers(ExtractContext& ctx, uint32_t sentence);
void FindStatementEvents(ExtractContext& ctx, uint32_t sentence);
void FindActors(ExtractContext& ctx, uint32_t sentence);
void AssignRoles(ExtractContext& ctx, uint32_t sentence);
void FindOutcomes(ExtractContext& ctx, uint32_t sentence);
void FindAttributions(ExtractContext& ctx, uint32_t sentence);
void FindQuotes(ExtractContext& ctx);

// Runs every step over the field `ctx.doc` into `ctx.out` (cleared first).
void Extract(ExtractContext& ctx);

// Shared helpers.
// Reads match `m` of the trigger matcher as a trigger (its verb or noun reading,
// voice, status, mood and place among the sentence's events), or nullopt when the
// words do not read as an event where they stand. Statement entries read only when
// `statement` is set (FindStatementEvents), other entries only when it is not.
std::optional<TriggerHit> ReadTrigger(ExtractContext& ctx, uint32_t sentence, const PhraseMatcher::Match& m,
                                      bool statement);
// Whether the words starting at `first` are the reason for another event rather
// than an event of their own: grievance words before them ("against the killing",
// "accused of torching"), and in a protest's sentence (`in_protest`) also "after",
// "following", "of", "who", "which" ("demanding justice for a man who was shot").
bool InGrievance(const ExtractContext& ctx, const text::Sentence& s, uint32_t first, bool in_protest);
// Whether token i sits inside quotation marks opened earlier in its sentence.
bool InsideQuote(const text::Document& doc, uint32_t i);
// Whether token i is a clause boundary for role search (; : sentence punctuation,
// a subordinating conjunction, a relative pronoun after a comma).
bool IsClauseBoundary(const ExtractContext& ctx, uint32_t i);
// The number expressed by tokens starting at i, if any; `end` receives the end token.
std::optional<int64_t> NumberAt(const ExtractContext& ctx, uint32_t i, uint32_t limit, uint32_t* end,
                                bool* vague);

}  // namespace annals::extract

#endif  // ANNALS_EXTRACT_STEPS_H_
