// Sentence splitter and dateline finder over a tokenized Document.
//
// A sentence ends:
//   - before a paragraph break (a blank line, or a new line indented by two spaces);
//   - after '.', '!', '?' or an ellipsis (and any closing quotes or brackets after
//     it) when the next token does not start with a lower-case letter;
//   - after a word with an attached period ("U.S.", "Dec.", "J.") only when the next
//     word usually starts sentences ("The", "But": data/text/sentence_starters.tsv),
//     or when closing quotes or brackets follow the period; so never inside "Gen.
//     Smith", "St. Louis", "J. K. Rowling", "Dec. 30";
//   - after the dateline ("PARIS (AP) —", "ROSEBURG, Ore. (AP) —", "LONDON, Dec 30
//     (Reuters) -", "Paris (AFP) -", or "PARIS, THE CITY" alone on its line);
//   - when it reaches kMaxSentenceTokens, so that junk input has bounded cost.
// A quotation that ends in a period and is followed by a lower-case word ("'Stop.'
// he said") does not end the sentence. A line of two or more words all in capitals
// ends its sentence at the line break (a heading above the text).
#ifndef ANNALS_TEXT_SENTENCE_SPLITTER_H_
#define ANNALS_TEXT_SENTENCE_SPLITTER_H_

#include "text/abbreviations.h"
#include "text/document.h"

namespace annals::text {

inline constexpr uint32_t kMaxSentenceTokens = 250;

// Fills doc->sentences (and each token's `sentence`, kSentenceStart) and the
// dateline range. Requires doc->tokens from Tokenize.
void SplitSentences(const Abbreviations& abbreviations, Document* doc);

}  // namespace annals::text

#endif  // ANNALS_TEXT_SENTENCE_SPLITTER_H_
