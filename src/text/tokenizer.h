// Tokenizer: splits a UTF-8 field into word, number and punctuation tokens with byte
// offsets, shape flags and normalised keys.
//
// Words keep inner hyphens ("Pas-de-Calais", "twenty-five"), inner apostrophes that
// are not English clitics ("O'Brien", "d'Ivoire") and the periods of acronyms
// ("U.S."); the clitics 's, n't, 're, 've, 'll, 'd, 'm become tokens of their own.
// Numbers keep inner separators between digits ("1,200", "3.5", "10:30"). A period is
// attached to the word before it when that word is a known abbreviation ("Dec.",
// "Gen."), a single capital letter (an initial), or an acronym with inner periods.
// Keys are lower case with accents removed ("Briançon" -> "briancon"); typographic
// quotes, apostrophes and dashes have ASCII keys (" ' --).
#ifndef ANNALS_TEXT_TOKENIZER_H_
#define ANNALS_TEXT_TOKENIZER_H_

#include <string_view>

#include "text/abbreviations.h"
#include "text/document.h"

namespace annals::text {

// Replaces doc's tokens with those of doc->text. Sentences are left to the splitter.
void Tokenize(const Abbreviations& abbreviations, Document* doc);

// The key of a piece of text as Tokenize computes it (lower case, accents removed).
void AppendKey(std::string_view surface, std::string* out);

}  // namespace annals::text

#endif  // ANNALS_TEXT_TOKENIZER_H_
