// Tokenizer: splits a UTF-8 field into word, number and punctuation tokens with byte
// offsets, shape flags and normalised keys.
//
// Words keep inner hyphens ("Pas-de-Calais", "twenty-five"), inner apostrophes that
// are not English clitics ("O'Brien", "d'Ivoire") and the periods of acronyms
// ("U.S."); the clitics 's, n't, 're, 've, 'll, 'd, 'm become tokens of their own.
// Numbers keep a decimal point or colon between digits ("3.5", "10:30") and commas
// before groups of exactly three digits ("1,200"; "1,20" is three tokens). A period is
// attached to the word before it when that word is a known abbreviation ("Dec.",
// "Gen."), a single capital letter (an initial), or an acronym with inner periods.
// Keys are lower case with accents removed ("Briançon" -> "briancon"); typographic
// quotes, apostrophes and dashes have ASCII keys (" ' --). Invisible format characters
// (soft hyphen, zero-width joiner) inside a word stay in its span and leave its key;
// elsewhere, like no-break and other Unicode spaces and control characters, they
// separate tokens. Any byte sequence is safe: a byte that is not UTF-8 becomes a
// punctuation token of its own (the readers reject invalid UTF-8 before this).
//
// The ASCII path allocates nothing per token: keys are appended to doc->keys, whose
// capacity is kept from one document to the next; only a word with non-ASCII letters
// goes through utf8proc's case folding, which allocates.
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
