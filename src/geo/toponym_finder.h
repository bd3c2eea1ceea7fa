// The toponym finder: finds the names of places in a tokenized field, with the cues
// around each that the resolver weighs (see toponym_finder.cc for the rules).
#ifndef ANNALS_GEO_TOPONYM_FINDER_H_
#define ANNALS_GEO_TOPONYM_FINDER_H_

#include <cstdint>
#include <span>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/geo_lexicon.h"
#include "text/abbreviations.h"
#include "text/document.h"

namespace annals::geo {

// Cues found around a mention.
enum Cue : uint32_t {
  kInDateline = 1u << 0,      // in the article's dateline
  kAfterLocative = 1u << 1,   // "in X", "near X", "in the X"
  kHasContainer = 1u << 2,    // "X, State", "X (Admin2, Admin1)", "X, a town in Y"
  kIsContainer = 1u << 3,     // the State of "X, State"
  kCityCue = 1u << 4,         // "the city of X", "X city"
  kAdminCue = 1u << 5,        // "the state of X", "X County" (not itself a name)
  kCapsByPosition = 1u << 6,  // capitalised because it starts a sentence or a title-case title
  kAfterTitle = 1u << 7,      // "Gov. X", "Mayor X": a person
  kInPersonName = 1u << 8,    // "Michael X", "X Smith": part of a longer proper name
  kCommonWord = 1u << 9,      // the key is also a lower-case English word ("nice")
  kPersonWord = 1u << 10,     // the key is also a person's name ("Jordan")
  kAfterDeterminer = 1u << 11,  // "the X", "a X"
  kAcronym = 1u << 12,        // an all-capitals short word in mixed-case text ("NICE")
  kPersonNext = 1u << 13,     // a person's name ("Paris") before a capitalised word ("Hilton")
  kFollowedByName = 1u << 14, // a one-word name that begins a longer unknown name ("Bab Ghaliq")
  kTimeWord = 1u << 15,       // a month or weekday ("May")
  kShortKey = 1u << 16,       // a key of one or two letters ("Al")
  kContextWord = 1u << 17,    // a title, head or organisation word alone ("Congress")
  kAfterUnknownName = 1u << 18,  // after a capitalised word that is no place ("Imelda Staunton")
  kGroupWord = 1u << 19,      // the key also names a group ("Taliban"): a place only when placed
  kInLongerName = 1u << 20,   // after a name prefix or "X al": "Dali" of "Ad Dali", "Arab" of "Ain al Arab"
  kInsideTown = 1u << 21,     // "X neighborhood in Town": a place inside its container town
  kBeforeQuarter = 1u << 22,  // "Las Mercedes neighborhood": a town's name naming a part of
                              // another town (not a country, division or city of 100,000)
};

// kRegion: a region or continent named in data/geo/regions.tsv ("Middle East"): kept
// as an unresolved mention, so that its words are not read as a town's name.
enum class MentionSource : uint8_t { kName, kDemonym, kSublocation, kRegion };

struct Mention {
  const text::Document* doc = nullptr;
  uint32_t first = 0, end = 0;  // token range in doc
  // A part of a hyphenated token ("Egyptian" in "Egyptian-US"): its byte range;
  // both 0 for a mention of whole tokens.
  uint32_t part_start = 0, part_end = 0;
  uint32_t sentence = 0;
  uint64_t key_hash = 0;        // hash of the folded key (groups mentions of one name)
  std::span<const format::Posting> postings;
  MentionSource source = MentionSource::kName;
  uint32_t cues = 0;
  int container = -1;           // index (in the same vector) of the mention that places it
  bool accepted = true;
};

class ToponymFinder {
 public:
  ToponymFinder(const Gazetteer& gazetteer, const GeoLexicon& lexicon, const text::Abbreviations& abbreviations)
      : gazetteer_(gazetteer), lexicon_(lexicon), abbreviations_(abbreviations) {}

  // Appends the mentions of `doc` to `out` (in token order) and links containers
  // within it. Does not decide acceptance; see Accept().
  void Find(const text::Document& doc, std::vector<Mention>* out) const;

  // Marks mentions that are not places (a person's name, a common word at the start of
  // a sentence) as not accepted, reading the cues of all the article's mentions (one
  // sense per discourse: a name taken as a person once is a person throughout, unless
  // a strong cue says otherwise).
  void Accept(std::vector<Mention>* mentions) const;

 private:
  bool IsNameNeighbour(const text::Document& doc, uint32_t i) const;
  // Whether token i (or its lemma) is a lower-case English word in WordNet.
  bool IsEnglishWord(const text::Document& doc, uint32_t i) const;
  // Whether the cues around a mention tie it to a place strongly enough (a container,
  // the dateline, "city of"; a preposition, except before an English word or a
  // person's name that names no major place or town of 10,000).
  bool Placed(const Mention& m) const;
  // Whether a mention may name a city of at least `population` by one of its own names
  // (not a GeoNames variant).
  bool NamesBigCity(const Mention& m, uint32_t population) const;
  // Whether a mention may name a country or a first-level division of 500,000 people
  // or more (not by a short name).
  bool NamesMajorPlace(const Mention& m) const;
  // Whether token i may be the surname after a first name: a capitalised word that is
  // not an English word, a country or a first-level division.
  bool IsSurname(const text::Document& doc, uint32_t i) const;
  // The end of the run of capitalised words (and inner connectors) starting at i.
  uint32_t RunEnd(const text::Document& doc, uint32_t i) const;
  // Whether token i is a capitalised word (not at a sentence start) that is neither a
  // place, an English word nor a context word: part of a name the gazetteer lacks.
  bool IsUnknownName(const text::Document& doc, uint32_t i) const;
  // Whether token i ends the first part of a longer name: a name prefix ("Ad", "Kafr";
  // capitalised, not opening a sentence), or a connector after a capitalised word
  // ("al" of "Ain al").
  bool BeginsLongerName(const text::Document& doc, uint32_t i) const;
  // Whether the parentheses opening at `open` hold a place ("(Gueskerou, Diffa)").
  bool PlaceInParentheses(const text::Document& doc, uint32_t open) const;
  // Whether a gazetteer name may start at token i.
  bool StartsPlace(const text::Document& doc, uint32_t i) const;
  // Names inside a hyphenated token that is not itself a name ("Egyptian-US").
  void FindParts(const text::Document& doc, uint32_t i, std::vector<Mention>* out) const;
  void LinkContainers(const text::Document& doc, size_t first_mention, std::vector<Mention>* out) const;

  const Gazetteer& gazetteer_;
  const GeoLexicon& lexicon_;
  const text::Abbreviations& abbreviations_;
};

// Whether a place of the gazetteer can stand as a container (a country or division).
inline bool IsDivision(const format::Place& p) { return p.type != format::PlaceType::kCity; }

}  // namespace annals::geo

#endif  // ANNALS_GEO_TOPONYM_FINDER_H_
