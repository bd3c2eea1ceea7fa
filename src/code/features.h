// Features of a candidate event for the learned decision (event_model.h): the words
// of one draft and of the article around it, as tokens of the form "name=value".
//
// The tokens describe what a careful reader weighs when deciding whether a sentence
// reports an event that happened: the trigger and its sense (the words around it,
// whether it is read as a noun or a verb, capitalised inside a sentence), its type,
// mode and lexicon entry; who acts on whom (the actors' kinds, a named person, a
// state, a country); voice, status, mood, quotation, clause depth; what came with it
// (counts, a place named in its sentence, a date, an attribution); where it stands
// in the article; and the article's topic (the words of its title and opening).
// The model, not this file, weighs them: nothing here holds a weight.
#ifndef ANNALS_CODE_FEATURES_H_
#define ANNALS_CODE_FEATURES_H_

#include <string>
#include <vector>

#include "code/draft.h"
#include "code/draft_builder.h"

namespace annals::code {

// The article-level tokens, computed once per article and shared by its candidates:
// the lemmas of the title's and first sentences' content words ("a:...") and what the
// candidates of the article are (how many, of which types).
std::vector<std::string> ArticleFeatures(const BuildContext& ctx, const std::vector<const EventDraft*>& candidates);

// Appends the tokens of one candidate to `out`; the model reads them with the article's
// (ArticleFeatures). The candidate must come from `candidates` of the same article. The
// tokens of its trigger and context are those of its first telling (the body's first
// sentence that tells it, else the title), its type the one its strongest trigger decided.
void CandidateFeatures(const BuildContext& ctx, const EventDraft& d, std::vector<std::string>* out);

}  // namespace annals::code

#endif  // ANNALS_CODE_FEATURES_H_
