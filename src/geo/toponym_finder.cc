// Finding toponyms.
//
// A name starts at a capitalised word and is the longest run of tokens (within one
// sentence, at most kMaxNameTokens) whose joined keys are a gazetteer key; the
// gazetteer marks keys that begin longer keys, so the walk stops as soon as no longer
// name can match. Its last token must be capitalised too ("Rio de Janeiro", not "Paris
// police"). Each match records the cues around it:
//   - before: a locative preposition ("in", "near"), a determiner, "city of" / "state
//     of", a title ("Gov.", "Mayor": a person follows), or another capitalised word
//     that is not a place, a qualifier ("Northern") or a sentence starter: then the
//     name is the end of a person's name ("Michael Jordan");
//   - after: a generic head ("County", "city"), or, for keys that WordNet knows as a
//     person's name, a capitalised word that is neither a place nor an organisation
//     head ("Paris Hilton", but "Austin Police");
//   - the word itself: also a lower-case English word (WordNet: "Nice", "Reading",
//     "Mobile"), the name of a group (WordNet: "Taliban", "Hamas"), capitalised only by
//     its position (sentence start, Title Case title), an acronym in mixed-case text
//     ("NICE" as an agency).
// Two-letter postal codes ("CA") are names only right after "City,". A name before a
// currency ("the US dollar") is no place.
// Containers tie a name to a larger place: "X, State" and "X, Country" pairs,
// parentheses as in ACLED notes ("X (Admin2, Admin1)", "X (Admin1)"), "X in Division"
// ("Al Bab in Aleppo"), appositives ("X, a commune in southeast Y", "X, Y's
// northernmost city").
// A capitalised name that the gazetteer lacks (as a whole) is a sublocation when it
// ends in, or is followed by, a word for a place inside a town ("the Turquerie Zone",
// "Bar-Sanguun village"), when parentheses holding a place follow it ("Bab Ghaliq
// (Qaatabah, Ad Dali)"), or when, after a preposition, a comma and a division follow
// it ("near Sentianivka, Luhansk"); the geocoder later ties it to a place. A one-word
// match that only begins a longer unknown name ("Bab" of "Bab Ghaliq") or ends one
// ("Haram" of "Boko Haram", "Dali" of "Ad Dali", "Arab" of "Ain al Arab") is no place
// unless it names a country or a state; the
// next word being an English word (WordNet, or its lemma) keeps it ("Dublin Arts
// Council"). Regions and continents ("Middle East") are kept, unresolved. Parts of
// hyphenated words are names when they are countries, divisions or aliases
// ("Egyptian-US").
// Accept() then drops the mentions whose cues say they are not places.
#include "geo/toponym_finder.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

#include "text/tokenizer.h"

namespace annals::geo {
namespace {

constexpr uint32_t kMaxNameTokens = 7;
constexpr uint32_t kMaxSublocationWords = 4;

bool IsKey(const text::Document& doc, uint32_t i, std::string_view key) {
  return i < doc.tokens.size() && doc.Key(i) == key;
}

// "al-Hasakeh", "el-Arish": a lower-case Arabic article before a capitalised name.
bool ArticlePrefixed(std::string_view surface) {
  return surface.size() > 3 && (surface[0] == 'a' || surface[0] == 'e') && surface[1] == 'l' && surface[2] == '-' &&
         surface[3] >= 'A' && surface[3] <= 'Z';
}

bool IsDeterminer(std::string_view key) { return key == "the" || key == "a" || key == "an"; }

bool StrongCue(uint32_t cues) {
  return (cues & (kInDateline | kAfterLocative | kHasContainer | kIsContainer | kCityCue | kAdminCue)) != 0;
}

// Whether token i, alone in parentheses, is the acronym of the capitalised words
// before them ("the Academy of Motion Picture Arts and Sciences (Ampas)"): the letters
// of the acronym are the initials of those words, lower-case joining words skipped.
bool AcronymInParentheses(const text::Document& doc, uint32_t i) {
  if (i < 2 || i + 1 >= doc.tokens.size() || doc.Key(i - 1) != "(" || doc.Key(i + 1) != ")") return false;
  const std::string_view acronym = doc.Key(i);
  if (acronym.size() < 3) return false;
  std::string initials;  // read backwards
  for (uint32_t k = i - 1; k-- > 0 && initials.size() < acronym.size();) {
    const text::Token& t = doc.tokens[k];
    if (!t.Is(text::kWord) || t.sentence != doc.tokens[i].sentence) break;
    if (t.Is(text::kCapitalized)) initials.push_back(doc.Key(k)[0]);
    else if (doc.Key(k).size() > 3) break;  // "of", "and", "for", "the" may stand between
  }
  std::reverse(initials.begin(), initials.end());
  return initials == acronym;
}

// A sublocation over tokens [first, end) of one sentence, keyed by its words.
Mention SublocationMention(const text::Document& doc, uint32_t first, uint32_t end, uint32_t cues) {
  thread_local std::string key;
  key.clear();
  for (uint32_t k = first; k < end; ++k) key.append(doc.Key(k)).push_back(' ');
  Mention m;
  m.doc = &doc;
  m.first = first;
  m.end = end;
  m.sentence = doc.tokens[first].sentence;
  m.source = MentionSource::kSublocation;
  m.key_hash = format::Hash(key);
  m.cues = cues;
  return m;
}

}  // namespace

bool ToponymFinder::IsEnglishWord(const text::Document& doc, uint32_t i) const {
  if (gazetteer_.Find(doc.Key(i)).flags & format::kCommonWord) return true;
  const std::string_view lemma = doc.Lemma(i);  // "Arrests" -> "arrest"
  return lemma != doc.Key(i) && (gazetteer_.Find(lemma).flags & format::kCommonWord);
}

bool ToponymFinder::IsNameNeighbour(const text::Document& doc, uint32_t i) const {
  if (i >= doc.tokens.size()) return false;
  const text::Token& t = doc.tokens[i];
  if (!t.Is(text::kWord) || !t.Is(text::kCapitalized) || t.Is(text::kDateline) || t.Is(text::kHyphenated))
    return false;
  const std::string_view key = doc.Key(t);
  if (lexicon_.Classes(key) != 0) return false;
  if (abbreviations_.IsSentenceStarter(key)) return false;
  if (abbreviations_.Find(key.back() == '.' ? key.substr(0, key.size() - 1) : key) != text::AbbreviationKind::kNone)
    return false;
  const Gazetteer::Lookup lookup = gazetteer_.Find(key);
  if (!lookup.postings.empty() && !(lookup.flags & format::kPersonName)) return false;
  // An English word ("United Georgia", "Historic Dublin") is no first name.
  if (!(lookup.flags & format::kPersonName) && IsEnglishWord(doc, i)) return false;
  return true;
}

uint32_t ToponymFinder::RunEnd(const text::Document& doc, uint32_t i) const {
  const auto& tokens = doc.tokens;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  const uint32_t sentence = tokens[i].sentence;
  uint32_t r = i;
  while (r < n && r < i + kMaxSublocationWords && tokens[r].sentence == sentence && tokens[r].Is(text::kWord)) {
    const uint32_t classes = lexicon_.Classes(doc.Key(r));
    if (tokens[r].Is(text::kCapitalized)) {
      if (classes & (kTitle | kOrgHead | kLocative)) break;
      ++r;
    } else if ((classes & kConnector) && r > i && r + 1 < n && tokens[r + 1].Is(text::kCapitalized) &&
               tokens[r + 1].sentence == sentence) {
      ++r;
    } else if (r > i && tokens[r].Is(text::kHyphenated) && doc.Key(r).size() > 3 &&
               (doc.Key(r).substr(0, 3) == "al-" || doc.Key(r).substr(0, 3) == "el-")) {
      ++r;  // "Wadi al-Rabi"
    } else {
      break;
    }
  }
  return r;
}

bool ToponymFinder::PlaceInParentheses(const text::Document& doc, uint32_t open) const {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  if (open + 1 >= n || !doc.tokens[open + 1].Is(text::kCapitalized) || AcronymInParentheses(doc, open + 1))
    return false;
  for (uint32_t k = open + 1; k < n && k < open + 10 && !IsKey(doc, k, ")"); ++k)
    if ((k == open + 1 || IsKey(doc, k - 1, ",")) && !doc.tokens[k].Is(text::kAllCaps) && StartsPlace(doc, k))
      return true;
  return false;
}

bool ToponymFinder::StartsPlace(const text::Document& doc, uint32_t i) const {
  if (i >= doc.tokens.size() || !doc.tokens[i].Is(text::kCapitalized)) return false;
  const Gazetteer::Lookup lookup = gazetteer_.Find(doc.Key(i));
  return !lookup.postings.empty() || lookup.prefix;
}

bool ToponymFinder::IsUnknownName(const text::Document& doc, uint32_t i) const {
  const text::Token& t = doc.tokens[i];
  if (!t.Is(text::kWord) || !t.Is(text::kCapitalized) || t.Is(text::kSentenceStart) || t.Is(text::kAllCaps) ||
      t.Is(text::kAbbreviation))
    return false;
  const std::string_view key = doc.Key(t);
  if (lexicon_.Classes(key) != 0 || abbreviations_.IsSentenceStarter(key)) return false;
  if (IsEnglishWord(doc, i)) return false;
  const Gazetteer::Lookup lookup = gazetteer_.Find(key);
  if (lookup.prefix) return false;
  // A small town's name before another name is a given name more often ("Imelda").
  for (const format::Posting& p : lookup.postings) {
    if (p.place >= gazetteer_.place_count()) continue;
    const format::Place& place = gazetteer_.place(p.place);
    if (place.type <= format::PlaceType::kAdmin1 || place.population >= 100000) return false;
  }
  return true;
}

bool ToponymFinder::BeginsLongerName(const text::Document& doc, uint32_t i) const {
  const text::Token& t = doc.tokens[i];
  if (!t.Is(text::kWord)) return false;
  const uint32_t classes = lexicon_.Classes(doc.Key(t));
  if (t.Is(text::kCapitalized))
    return (classes & kNamePrefix) && !t.Is(text::kSentenceStart) && !t.Is(text::kAllCaps);
  return (classes & kConnector) && i > 0 && doc.tokens[i - 1].sentence == t.sentence &&
         doc.tokens[i - 1].Is(text::kWord) && doc.tokens[i - 1].Is(text::kCapitalized);
}

bool ToponymFinder::IsSurname(const text::Document& doc, uint32_t i) const {
  if (i >= doc.tokens.size()) return false;
  const text::Token& t = doc.tokens[i];
  if (!t.Is(text::kWord) || !t.Is(text::kCapitalized) || t.Is(text::kAbbreviation) || t.Is(text::kAllCaps)) return false;
  const std::string_view key = doc.Key(t);
  if (lexicon_.Classes(key) != 0 || abbreviations_.IsSentenceStarter(key)) return false;
  const Gazetteer::Lookup lookup = gazetteer_.Find(key);
  if (IsEnglishWord(doc, i)) return false;
  for (const format::Posting& p : lookup.postings)
    if (p.place < gazetteer_.place_count() && gazetteer_.place(p.place).type <= format::PlaceType::kAdmin1) return false;
  return true;
}

void ToponymFinder::Find(const text::Document& doc, std::vector<Mention>* out) const {
  const size_t first_mention = out->size();
  const auto& tokens = doc.tokens;
  const uint32_t n = static_cast<uint32_t>(tokens.size());

  // Step 1: a Title Case title says nothing by its capitals.
  bool title_case = false;
  if (doc.field == Field::kTitle) {
    uint32_t words = 0, caps = 0;
    for (const text::Token& t : tokens)
      if (t.Is(text::kWord)) {
        ++words;
        caps += t.Is(text::kCapitalized);
      }
    title_case = words >= 3 && caps * 10 >= words * 6;
  }
  // Whether a sentence has a lower-case word (then an all-capitals word is an acronym).
  uint32_t lower_sentence = UINT32_MAX;
  bool lower_sentence_value = false;
  auto sentence_has_lower = [&](uint32_t s) {
    if (s == lower_sentence) return lower_sentence_value;
    lower_sentence = s;
    lower_sentence_value = false;
    if (s < doc.sentences.size())
      for (uint32_t k = doc.sentences[s].first_token; k < doc.sentences[s].end_token; ++k)
        if (tokens[k].Is(text::kWord) && !tokens[k].Is(text::kCapitalized)) {
          lower_sentence_value = true;
          break;
        }
    return lower_sentence_value;
  };

  thread_local std::string key;
  for (uint32_t i = 0; i < n; ++i) {
    const text::Token& t = tokens[i];
    if (!t.Is(text::kWord) || !(t.Is(text::kCapitalized) || ArticlePrefixed(doc.Surface(t)))) continue;

    // Step 2: the longest gazetteer name starting here.
    key.clear();
    uint32_t best_end = 0;
    size_t best_key_size = 0;
    Gazetteer::Lookup best;
    for (uint32_t j = i; j < n && j < i + kMaxNameTokens; ++j) {
      const text::Token& u = tokens[j];
      if (u.sentence != t.sentence) break;
      if (j > i) key.push_back(' ');
      key.append(doc.Key(u));
      const Gazetteer::Lookup lookup = gazetteer_.Find(key);
      if (!lookup.found() && !(lookup.flags & format::kRegion)) break;
      const bool closes = u.Is(text::kCapitalized) || u.Is(text::kAbbreviation) || doc.Key(u) == "'s";
      if ((!lookup.postings.empty() || (lookup.flags & format::kRegion)) && closes) {
        best_end = j + 1;
        best_key_size = key.size();
        best = lookup;
      }
      if (!lookup.prefix) break;
    }
    // An acronym in parentheses names what comes before it: "(Ampas)" is no Ampass.
    if (best_end == i + 1 && AcronymInParentheses(doc, i)) best_end = 0;
    // A lone qualifier ("South", "Central") is no place, whatever the gazetteer says.
    if (best_end == i + 1 && (lexicon_.Classes(doc.Key(t)) & kQualifier)) best_end = 0;
    if (best_end > 0 && (best.flags & format::kRegion)) {
      Mention m;
      m.doc = &doc;
      m.first = i;
      m.end = best_end;
      m.sentence = t.sentence;
      m.key_hash = format::Hash(std::string_view(key).substr(0, best_key_size));
      m.source = MentionSource::kRegion;
      out->push_back(m);
      i = best_end - 1;
      continue;
    }

    // A town's name before a lower-case word for a road and "in" names the road, in the
    // town after it ("on Murree road in Rawalpindi"): a sublocation there. Before a word
    // for a part of a town it may name a neighbourhood of another town ("residents of
    // Las Mercedes neighborhood"): kBeforeQuarter, unless the name is well known ("a
    // Paris neighborhood").
    const uint32_t next_classes =
        best_end > 0 && best_end + 1 < n && tokens[best_end].sentence == t.sentence &&
                tokens[best_end].Is(text::kWord) && !tokens[best_end].Is(text::kCapitalized)
            ? lexicon_.Classes(doc.Key(best_end))
            : 0u;
    // Whether the name may be a country, a division or a city of 100,000 or more.
    auto well_known = [&] {
      for (const format::Posting& p : best.postings)
        if (p.place < gazetteer_.place_count() && p.kind != format::NameKind::kShort &&
            p.kind != format::NameKind::kPostal) {
          const format::Place& place = gazetteer_.place(p.place);
          if (place.type <= format::PlaceType::kAdmin1 ||
              (place.type == format::PlaceType::kCity && place.population >= 100000))
            return true;
        }
      return false;
    };
    if ((next_classes & kRoute) && best_end + 2 < n && doc.Key(best_end + 1) == "in" &&
        tokens[best_end + 2].Is(text::kCapitalized)) {
      out->push_back(SublocationMention(doc, i, best_end + 1, 0));
      i = best_end;
      continue;
    }

    // Step 3: a sublocation: a run of capitalised words (with connectors: "Jabal al
    // Kirsh") that the gazetteer does not name as a whole, and that ends in a head
    // ("the Turquerie Zone"), is followed by one ("Bar-Sanguun village"), is followed by
    // a place in parentheses ("Bab Ghaliq (Qaatabah, Ad Dali)"), or, introduced by a
    // preposition, by a comma and a division ("in the area of Sentianivka, Luhansk").
    const uint32_t run_end = RunEnd(doc, i);
    if (run_end > best_end && !t.Is(text::kAllCaps)) {
      const uint32_t prev_classes = i > 0 ? lexicon_.Classes(doc.Key(i - 1)) : 0;
      const bool introduced =
          i > 0 && (IsDeterminer(doc.Key(i - 1)) || (prev_classes & kLocative) || doc.Key(i - 1) == "of");
      const bool after_title = i > 0 && (prev_classes & kTitle);
      const uint32_t r = run_end;
      uint32_t end = 0;
      bool head_after = false;  // the head is a lower-case word after the run
      if (r > i + 1 && (lexicon_.Classes(doc.Key(r - 1)) & kSubHead) && introduced)
        end = r;  // "the Turquerie Zone"
      else if (r < n && tokens[r].sentence == t.sentence && tokens[r].Is(text::kWord) &&
               !tokens[r].Is(text::kCapitalized) && (lexicon_.Classes(doc.Key(r)) & kSubHead) &&
               (introduced || IsKey(doc, r + 1, "("))) {
        end = r + 1;  // "Bar-Sanguun village"
        head_after = true;
      }
      else if (!after_title && IsKey(doc, r, "(") && PlaceInParentheses(doc, r))
        end = r;  // "Bab Ghaliq (Qaatabah, Ad Dali)"
      else if (introduced && best_end == 0 && IsKey(doc, r, ",") && StartsPlace(doc, r + 1))
        end = r;  // "in Sentianivka, Luhansk"
      // "the Benghazi Medical Centre": a known place, then the sublocation in it. Not
      // before a lower-case head: the whole run names it ("in Porto Meira neighborhood"
      // of Foz do Iguaçu is no part of Porto).
      if (end > 0 && best_end > i && end > best_end + 1 && !head_after && !(best.flags & format::kCommonWord) &&
          well_known()) {
        Mention place;
        place.doc = &doc;
        place.first = i;
        place.end = best_end;
        place.sentence = t.sentence;
        place.key_hash = format::Hash(std::string_view(key).substr(0, best_key_size));
        place.postings = best.postings;
        place.cues = kCityCue;
        out->push_back(place);
        out->push_back(SublocationMention(doc, best_end, end, 0));
        i = end - 1;
        continue;
      }
      if (end > 0) {
        out->push_back(SublocationMention(doc, i, end, (prev_classes & kLocative) ? uint32_t{kAfterLocative} : 0u));
        i = end - 1;
        continue;
      }
    }
    if (best_end == 0) {
      if (t.Is(text::kHyphenated)) FindParts(doc, i, out);
      continue;
    }
    // "the US dollar", "the Lebanese pound": money; "the Ayr sub-clan": a kin group.
    if (best_end < n && tokens[best_end].sentence == t.sentence && !tokens[best_end].Is(text::kCapitalized) &&
        (lexicon_.Classes(doc.Key(best_end)) & (kCurrency | kKin))) {
      i = best_end - 1;
      continue;
    }

    // Step 4: what kind of name.
    bool all_postal = true, all_demonym = true, any_alias = false;
    for (const format::Posting& p : best.postings) {
      all_postal &= p.kind == format::NameKind::kPostal;
      all_demonym &= p.kind == format::NameKind::kDemonym;
      any_alias |= p.kind == format::NameKind::kAbbreviation || p.kind == format::NameKind::kAlternate ||
                   p.kind == format::NameKind::kDemonym || p.kind == format::NameKind::kPostal;
    }
    const bool after_pair_comma = i >= 2 && doc.Key(i - 1) == "," && out->size() > first_mention &&
                                  out->back().end == i - 1 && out->back().source != MentionSource::kDemonym;
    if (all_postal && !after_pair_comma) continue;
    // A dateline: the one the splitter found, or an all-capitals name that opens a
    // sentence and is followed by a comma, a dash or a colon ("COLUMBUS, Ohio --").
    bool dateline = t.Is(text::kDateline) && i == doc.dateline_first;
    if (!dateline && t.Is(text::kSentenceStart) && t.Is(text::kAllCaps) && best_end < n) {
      bool caps = true;
      for (uint32_t k = i; k < best_end; ++k) caps &= tokens[k].Is(text::kAllCaps) || !tokens[k].Is(text::kWord);
      const std::string_view after = doc.Key(best_end);
      dateline = caps && (after == "," || after == "-" || after == "--" || after == ":" || after == "(");
    }
    if (best_end == i + 1 && t.Is(text::kAllCaps) && !dateline && !any_alias && sentence_has_lower(t.sentence))
      continue;  // an acronym ("NICE", "CRS")

    Mention m;
    m.doc = &doc;
    m.first = i;
    m.end = best_end;
    m.sentence = t.sentence;
    m.key_hash = format::Hash(std::string_view(key).substr(0, best_key_size));
    m.postings = best.postings;
    m.source = all_demonym ? MentionSource::kDemonym : MentionSource::kName;

    // Step 5: cues around it.
    uint32_t cues = 0;
    if (dateline) cues |= kInDateline;
    if (best.flags & format::kCommonWord) cues |= kCommonWord;
    if (best.flags & format::kPersonName) cues |= kPersonWord;
    if (best.flags & format::kGroupName) cues |= kGroupWord;
    if (i > 0 && tokens[i - 1].sentence == t.sentence) {
      const std::string_view pk = doc.Key(i - 1);
      const uint32_t pc = lexicon_.Classes(pk);
      if (pc & kLocative) cues |= kAfterLocative;
      if (pc & kTitle) cues |= kAfterTitle;
      // "Minister Tomas Ibarra": the name after a title runs on over places.
      if (out->size() > first_mention && out->back().end == i && (out->back().cues & kAfterTitle))
        cues |= kAfterTitle;
      if (IsDeterminer(pk)) {
        cues |= kAfterDeterminer;
        if (pk == "the" && i > 1 && (lexicon_.Classes(doc.Key(i - 2)) & kLocative)) cues |= kAfterLocative;
      }
      if (pk == "of" && i > 1) {
        const uint32_t c2 = lexicon_.Classes(doc.Key(i - 2));
        if (c2 & kCityHead) cues |= kCityCue;
        if (c2 & (kAdminHead | kCountryHead)) cues |= kAdminCue;
      }
      // A name just before that is itself a person's name ("Coach Michael") is no place.
      const bool prev_in_place = out->size() > first_mention && out->back().end == i &&
                                 !(out->back().cues & (kPersonWord | kAfterTitle | kFollowedByName)) &&
                                 (out->back().source != MentionSource::kName || NamesMajorPlace(out->back()) ||
                                  NamesBigCity(out->back(), 100000) || Placed(out->back()));
      if ((best.flags & format::kPersonName) && !prev_in_place && IsNameNeighbour(doc, i - 1)) cues |= kInPersonName;
      // "Boko Haram", "Sulayman Bak": the end of a longer name the gazetteer lacks.
      if (!prev_in_place && best_end == i + 1 && IsUnknownName(doc, i - 1)) cues |= kFollowedByName | kAfterUnknownName;
      // "Ad Dali", "Ain al Arab", and "Boko Haram" whose "Boko" begins a longer name.
      if (!prev_in_place && (BeginsLongerName(doc, i - 1) ||
                             (out->size() > first_mention && out->back().end == i &&
                              (out->back().cues & kFollowedByName) && !(out->back().cues & kInLongerName))))
        cues |= kInLongerName;
    }
    if (t.Is(text::kSentenceStart) || title_case ||
        (i > 0 && tokens[i - 1].Is(text::kSentenceStart) && tokens[i - 1].Is(text::kOpenQuote)))
      cues |= kCapsByPosition;
    if (best_end < n && tokens[best_end].sentence == t.sentence) {
      const uint32_t nc = lexicon_.Classes(doc.Key(best_end));
      if (nc & kAdminHead) cues |= kAdminCue;
      if ((nc & kCityHead) && !tokens[best_end].Is(text::kCapitalized)) cues |= kCityCue;
      if ((best.flags & format::kPersonName) && IsSurname(doc, best_end)) cues |= kPersonNext;
    }
    if (after_pair_comma && all_postal) cues |= kIsContainer;
    if (best_end == i + 1 && run_end > best_end && best_end < n) {
      // "Bab Ghaliq", "Colonia Colinas": the first word of a longer name, unless the
      // next word is an English word ("Dublin Arts Council", "Boston Globe") or a place.
      uint32_t k = best_end;
      while (k + 1 < run_end && !tokens[k].Is(text::kCapitalized)) ++k;  // "Ras al Ain"
      const std::string_view nk = doc.Key(k);
      const Gazetteer::Lookup next = gazetteer_.Find(nk);
      // A small town's name or a division's short name after it does not make the pair
      // a place ("Clint Eastwood", "Gordon Brown").
      bool next_place = false;
      for (const format::Posting& p : next.postings)
        if (p.place < gazetteer_.place_count() && p.kind != format::NameKind::kShort &&
            (gazetteer_.place(p.place).type <= format::PlaceType::kAdmin1 ||
             gazetteer_.place(p.place).population >= 100000))
          next_place = true;
      // A word that begins names ("Ras al Ain", "Abu Saida") begins this one, whatever follows.
      if ((lexicon_.Classes(doc.Key(t)) & kNamePrefix) && !t.Is(text::kAllCaps)) cues |= kFollowedByName;
      else if (!next_place && lexicon_.Classes(nk) == 0) {
        // An English word capitalised inside a sentence is part of a name too ("Merrill
        // Lynch"), unless the name ends in an organisation's head ("Dublin Arts Council").
        bool head = false;
        for (uint32_t h = k; h < run_end; ++h)
          head |= (lexicon_.Classes(doc.Key(h)) & (kOrgHead | kAdminHead | kCityHead | kSubHead)) != 0;
        if (!head && run_end < n && (lexicon_.Classes(doc.Key(run_end)) & (kOrgHead | kSubHead))) head = true;
        if (!IsEnglishWord(doc, k) || (!head && !tokens[k].Is(text::kSentenceStart) && !title_case))
          cues |= kFollowedByName;
      }
    }
    if (lexicon_.Classes(doc.Key(t)) & kTime) cues |= kTimeWord;
    // "Congress", "University": a context word alone is a place only with a strong cue.
    if (best_end == i + 1 && (lexicon_.Classes(doc.Key(t)) & (kTitle | kOrgHead | kAdminHead | kCityHead | kSubHead)))
      cues |= kContextWord;
    if ((best.flags & format::kCommonWord) && best_end == i + 1) {
      // "Security Force", "Reading Police": an English word inside a longer name.
      const bool prev_cap = i > 0 && tokens[i - 1].sentence == t.sentence && tokens[i - 1].Is(text::kWord) &&
                            tokens[i - 1].Is(text::kCapitalized) && !tokens[i - 1].Is(text::kSentenceStart) &&
                            !(out->size() > first_mention && out->back().end == i &&
                              !(out->back().cues & kCommonWord));
      const bool next_cap = best_end < n && tokens[best_end].sentence == t.sentence &&
                            tokens[best_end].Is(text::kWord) && tokens[best_end].Is(text::kCapitalized);
      if (prev_cap || next_cap) cues |= kFollowedByName;
    }
    if (best_key_size <= 2) cues |= kShortKey;
    if ((next_classes & kQuarter) && !well_known()) cues |= kBeforeQuarter;
    m.cues = cues;
    out->push_back(m);
    i = best_end - 1;
  }
  LinkContainers(doc, first_mention, out);
}

void ToponymFinder::FindParts(const text::Document& doc, uint32_t i, std::vector<Mention>* out) const {
  const text::Token& t = doc.tokens[i];
  // "the Dhaka-Mymensingh highway": the ends of a way, not where things happen.
  if (i + 1 < doc.tokens.size() && doc.tokens[i + 1].sentence == t.sentence &&
      (lexicon_.Classes(doc.Key(i + 1)) & kRoute))
    return;
  const std::string_view surface = doc.Surface(t);
  thread_local std::string part_key;
  size_t start = 0;
  while (start < surface.size()) {
    size_t end = surface.find('-', start);
    if (end == std::string_view::npos) end = surface.size();
    const std::string_view part = surface.substr(start, end - start);
    const size_t part_start = start;
    start = end + 1;
    if (part.size() < 2 || !(part[0] >= 'A' && part[0] <= 'Z')) continue;
    part_key.clear();
    text::AppendKey(part, &part_key);
    const Gazetteer::Lookup lookup = gazetteer_.Find(part_key);
    if (lookup.postings.empty() || (lookup.flags & format::kCommonWord)) continue;
    if (lexicon_.Classes(part_key) & kQualifier) continue;
    // "Al-Abd", "Ad-Dali": an article or another word that begins names, before the rest
    // of its name, is no place of its own (Norway's Ål).
    if (part_start == 0 && end < surface.size() &&
        (part_key == "al" || part_key == "el" || (lexicon_.Classes(part_key) & kNamePrefix)))
      continue;
    bool all_demonym = true, alias = false, weak = true;
    for (const format::Posting& p : lookup.postings) {
      all_demonym &= p.kind == format::NameKind::kDemonym;
      // A postal code is a place only after "City,": "Al" of "Al-Abd" is no Alabama.
      alias |= p.kind != format::NameKind::kOfficial && p.kind != format::NameKind::kVariant &&
               p.kind != format::NameKind::kShort && p.kind != format::NameKind::kPostal;
      weak &= p.kind == format::NameKind::kShort || p.kind == format::NameKind::kPostal;
    }
    if (weak) continue;
    // A capitalised part of a hyphenated word is a place only when the gazetteer
    // names it as a country or division or by an alias ("Egyptian-US", "Pro-Russian");
    // a town's name alone in such a compound is too weak a cue.
    bool division = alias;
    for (const format::Posting& p : lookup.postings)
      if (p.place < gazetteer_.place_count() && p.kind != format::NameKind::kShort) {
        const format::Place& place = gazetteer_.place(p.place);
        if (place.type != format::PlaceType::kCity) division = true;
      }
    if (!division) continue;
    Mention m;
    m.doc = &doc;
    m.first = i;
    m.end = i + 1;
    m.part_start = t.start + static_cast<uint32_t>(part_start);
    m.part_end = m.part_start + static_cast<uint32_t>(part.size());
    m.sentence = t.sentence;
    m.key_hash = format::Hash(part_key);
    m.postings = lookup.postings;
    m.source = all_demonym ? MentionSource::kDemonym : MentionSource::kName;
    if (lookup.flags & format::kCommonWord) m.cues |= kCommonWord;
    out->push_back(m);
  }
}

void ToponymFinder::LinkContainers(const text::Document& doc, size_t first_mention, std::vector<Mention>* out) const {
  auto& ms = *out;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  auto has_division = [&](const Mention& m) {
    if (m.source != MentionSource::kName) return false;
    for (const format::Posting& p : m.postings)
      if (p.place < gazetteer_.place_count() && IsDivision(gazetteer_.place(p.place))) return true;
    return false;
  };
  // Whether a name begins a longer unknown one ("Bar Elias"), not one that ends in a head
  // ("Logo Local Government Area").
  auto begins_unknown_name = [&](const Mention& m) {
    if (!(m.cues & kFollowedByName)) return false;
    for (uint32_t k = m.end; k < n && k < m.end + 4 && (k == m.end || doc.tokens[k].Is(text::kCapitalized)); ++k)
      if (lexicon_.Classes(doc.Key(k)) & (kAdminHead | kCityHead | kSubHead | kOrgHead)) return false;
    return true;
  };
  // `same_name`: "Veracruz, Veracruz" is a city in the state of its name.
  auto link = [&](size_t a, size_t b, bool same_name = false) {
    // "in China, China Eastern ...": a name does not situate itself. A name that begins
    // a longer unknown one holds nothing ("the Lebanese French Bank in Bar Elias").
    if (ms[a].container >= 0 || a == b || (ms[a].key_hash == ms[b].key_hash && !same_name) ||
        begins_unknown_name(ms[b]))
      return;
    ms[a].container = static_cast<int>(b);
    ms[a].cues |= kHasContainer;
    ms[b].cues |= kIsContainer;
  };
  // The token after a mention ending at `end`, past a generic head ("Damboa LGA").
  auto past_head = [&](uint32_t end) {
    return end < n && doc.tokens[end].Is(text::kWord) &&
                   (lexicon_.Classes(doc.Key(end)) & (kAdminHead | kCityHead | kSubHead))
               ? end + 1
               : end;
  };
  for (size_t a = first_mention; a < ms.size(); ++a) {
    const Mention& m = ms[a];
    uint32_t e = m.end;
    if (e + 1 >= n || m.source == MentionSource::kDemonym) continue;
    // "Tuban district (Lahij)", "Maturin municipality, Monagas", "Damboa LGA (Borno)": a
    // generic head may stand between a name and its container.
    bool sub_head = false;  // a word for a place inside a town stands after the name
    bool org_head = false;  // a capitalised organisation's head: "Al Thawrah Hospital"
    if (doc.tokens[e].Is(text::kWord) &&
        (((lexicon_.Classes(doc.Key(e)) & (kAdminHead | kCityHead | kSubHead)) &&
          (!doc.tokens[e].Is(text::kCapitalized) || doc.tokens[e].Is(text::kAllCaps))) ||
         (lexicon_.Classes(doc.Key(e)) & kOrgHead)) &&
        e + 2 < n && m.source == MentionSource::kName) {
      sub_head = (lexicon_.Classes(doc.Key(e)) & kSubHead) && !doc.tokens[e].Is(text::kCapitalized);
      org_head = (lexicon_.Classes(doc.Key(e)) & kOrgHead) && doc.tokens[e].Is(text::kCapitalized);
      ++e;
      // "Ghoryan district center, Herat", "Kadikoy town center, Istanbul": the centre of
      // the district or town.
      if (!org_head && e + 2 < n && doc.tokens[e].Is(text::kWord) && !doc.tokens[e].Is(text::kCapitalized) &&
          (lexicon_.Classes(doc.Key(e)) & kSubHead) && IsKey(doc, e + 1, ","))
        ++e;
    }
    // "Al Thawrah Hospital (Salh, Taizz)": the parentheses place the hospital, not a
    // district named like its first words.
    if (org_head && IsKey(doc, e, "(")) continue;
    const std::string_view after = doc.Key(e);
    const bool next_adjacent = a + 1 < ms.size() && ms[a + 1].first == e + 1 && ms[a + 1].sentence == m.sentence;
    if (after == "(" && next_adjacent) {
      // "X (Admin2, Admin1)", "X (Admin1)".
      const Mention& b = ms[a + 1];
      const uint32_t b_end = past_head(b.end);
      if (IsKey(doc, b_end, ")")) {
        link(a, a + 1);
      } else if (IsKey(doc, b_end, ",") && a + 2 < ms.size() && ms[a + 2].first == b_end + 1 &&
                 IsKey(doc, ms[a + 2].end, ")")) {
        link(a, a + 1);
        link(a + 1, a + 2);
      }
      continue;
    }
    if (after == "(") {
      // "Kindjandi (Gueskerou, Diffa)": the first place inside the parentheses that
      // the gazetteer knows.
      uint32_t close = e + 1;
      while (close < n && close < e + 12 && !IsKey(doc, close, ")")) ++close;
      // Not the end of a longer unknown name ("Senya" of "(Awutu Efutu Senya, Central)").
      for (size_t b = a + 1; b < ms.size() && ms[b].first < close; ++b)
        if (ms[b].first > e && ms[b].source == MentionSource::kName && !(ms[b].cues & kAfterUnknownName)) {
          link(a, b);
          break;
        }
      continue;
    }
    // "Al Bab in Aleppo", "Jaghuri district in Ghazni": a division after "in" holds
    // the place before it (a country's name before "in" is no such place); so does a
    // town after "X intersection in" ("the Ilya intersection in Sidon"), and a town after
    // a name the gazetteer lacks ("the Chevron refinery in Richmond").
    if (after == "in" && m.source == MentionSource::kSublocation && a + 1 < ms.size() &&
        ms[a + 1].first == e + 1 && ms[a + 1].sentence == m.sentence && ms[a + 1].source == MentionSource::kName) {
      link(a, a + 1);
      continue;
    }
    // "Ar Rubat area of Tuban district": so does a division after "X area of".
    if ((after == "in" || (after == "of" && sub_head)) && a + 1 < ms.size() && ms[a + 1].first == e + 1 &&
        ms[a + 1].sentence == m.sentence &&
        (has_division(ms[a + 1]) || (sub_head && ms[a + 1].source == MentionSource::kName)) &&
        m.source == MentionSource::kName) {
      bool all_countries = true;
      for (const format::Posting& p : m.postings)
        all_countries &= p.place < gazetteer_.place_count() &&
                         gazetteer_.place(p.place).type == format::PlaceType::kCountry;
      if (!all_countries) {
        link(a, a + 1);
        if (sub_head && ms[a].container == static_cast<int>(a + 1)) ms[a].cues |= kInsideTown;
      }
      continue;
    }
    if (after != ",") continue;
    // "Bachaquero, Valmore Rodriguez municipality, Zulia state": a division whose first
    // words the gazetteer lacks, named by its head, holds the name before the comma.
    if (a + 1 < ms.size() && ms[a + 1].sentence == m.sentence && ms[a + 1].first > e + 1 &&
        ms[a + 1].first <= e + 3 && ms[a + 1].source == MentionSource::kName && ms[a + 1].end < n &&
        doc.tokens[ms[a + 1].end].Is(text::kWord) && !doc.tokens[ms[a + 1].end].Is(text::kCapitalized) &&
        (lexicon_.Classes(doc.Key(ms[a + 1].end)) & kAdminHead)) {
      bool capitalised = true;
      for (uint32_t k = e + 1; k < ms[a + 1].first; ++k)
        capitalised &= doc.tokens[k].Is(text::kWord) && doc.tokens[k].Is(text::kCapitalized);
      if (capitalised) {
        link(a, a + 1);
        continue;
      }
    }
    // A list ("Georgia, South Carolina, and Florida", "Idlib and Aleppo") is no pair: a
    // run of names joined by commas is a list when "and" or "or" joins its last; without
    // it, it is a chain of containers ("Caracoli, Malambo, Atlantico department").
    auto in_list = [&](size_t b) {
      for (size_t k = b, steps = 0; k < ms.size() && steps < 6; ++steps) {
        const uint32_t after_k = past_head(ms[k].end);
        if (IsKey(doc, after_k, "and") || IsKey(doc, after_k, "or")) return true;
        if (!IsKey(doc, after_k, ",") || k + 1 >= ms.size() || ms[k + 1].sentence != ms[k].sentence) return false;
        if ((IsKey(doc, after_k + 1, "and") || IsKey(doc, after_k + 1, "or")) && ms[k + 1].first == after_k + 2)
          return true;
        if (ms[k + 1].first != after_k + 1) return false;
        ++k;
      }
      return false;
    };
    // "San Juan, Lagunillas, Merida state": a town between a name and a division holds
    // the name as the division holds the town.
    auto town_in_division = [&](size_t b) {
      const uint32_t after_b = past_head(ms[b].end);
      return ms[b].source == MentionSource::kName && IsKey(doc, after_b, ",") && b + 1 < ms.size() &&
             ms[b + 1].first == after_b + 1 && ms[b + 1].sentence == ms[b].sentence && has_division(ms[b + 1]);
    };
    if (next_adjacent && (has_division(ms[a + 1]) || town_in_division(a + 1)) && !in_list(a + 1)) {
      // "X, State", "X, Country's ..."; "Veracruz, Veracruz" when the name is also a town's.
      bool town = false;
      for (const format::Posting& p : m.postings)
        town |= p.place < gazetteer_.place_count() && gazetteer_.place(p.place).type == format::PlaceType::kCity;
      link(a, a + 1, town && m.end - m.first == ms[a + 1].end - ms[a + 1].first);
      // "X, County, State": the state places the county too.
      const Mention& b = ms[a + 1];
      if (IsKey(doc, b.end, ",") && a + 2 < ms.size() && ms[a + 2].first == b.end + 1 && has_division(ms[a + 2]))
        link(a + 1, a + 2);
      continue;
    }
    // "X, a commune in southeast Y".
    bool head = false;
    size_t next = a + 1;
    for (uint32_t k = e + 1; k < n && k < e + 14 && doc.tokens[k].sentence == m.sentence; ++k) {
      while (next < ms.size() && ms[next].first < k) ++next;
      if (next < ms.size() && ms[next].first == k) {
        uint32_t b = k - 1;
        while (b > e + 1 && (lexicon_.Classes(doc.Key(b)) & kQualifier)) --b;
        const std::string_view before = doc.Key(b);
        if (head && ((lexicon_.Classes(before) & kLocative) || before == "of") && has_division(ms[next]))
          link(a, next);
        break;
      }
      if (doc.tokens[k].Is(text::kPunct)) break;
      if (lexicon_.Classes(doc.Key(k)) & (kCityHead | kAdminHead | kCountryHead | kSubHead)) head = true;
    }
  }
  // Parentheses after a word that is not a place still tie their two names, a head
  // standing between ("(Damboa LGA, Borno)").
  for (size_t b = first_mention; b + 1 < ms.size(); ++b) {
    const Mention& m = ms[b];
    if (m.container >= 0 || m.first == 0 || !IsKey(doc, m.first - 1, "(")) continue;
    const uint32_t comma = past_head(m.end);
    if (!IsKey(doc, comma, ",")) continue;
    if (ms[b + 1].first == comma + 1 && IsKey(doc, ms[b + 1].end, ")")) link(b, b + 1);
  }
}

bool ToponymFinder::NamesMajorPlace(const Mention& m) const {
  for (const format::Posting& p : m.postings) {
    if (p.place >= gazetteer_.place_count() || p.kind == format::NameKind::kShort ||
        p.kind == format::NameKind::kPostal)
      continue;
    const format::Place& place = gazetteer_.place(p.place);
    if (place.type == format::PlaceType::kCountry ||
        (place.type == format::PlaceType::kAdmin1 && place.population >= 500000))
      return true;
  }
  return false;
}

bool ToponymFinder::NamesBigCity(const Mention& m, uint32_t population) const {
  // Not by another spelling (kVariant): "Ahmad" is a name of Al Ahmadi, and a person's.
  for (const format::Posting& p : m.postings)
    if (p.place < gazetteer_.place_count() && p.kind != format::NameKind::kVariant &&
        gazetteer_.place(p.place).type == format::PlaceType::kCity &&
        gazetteer_.place(p.place).population >= population)
      return true;
  return false;
}

bool ToponymFinder::Placed(const Mention& m) const {
  if (m.cues & (kInDateline | kHasContainer | kIsContainer | kCityCue | kAdminCue)) return true;
  if (!(m.cues & kAfterLocative)) return false;
  // "in Congress", "at Christmas", "on Oracle": after a preposition, a word or a
  // person's name is a place only if it names a major place or a town of 10,000.
  if (m.cues & (kContextWord | kTimeWord)) return false;
  if (m.cues & (kCommonWord | kPersonWord | kGroupWord)) return NamesMajorPlace(m) || NamesBigCity(m, 10000);
  return true;
}

void ToponymFinder::Accept(std::vector<Mention>* mentions) const {
  // Keys that some mention shows to be a person's name.
  thread_local std::unordered_set<uint64_t> person_keys;
  person_keys.clear();
  for (const Mention& m : *mentions) {
    if (m.source != MentionSource::kName) continue;
    if ((m.cues & kAfterTitle) || ((m.cues & kInPersonName) && !StrongCue(m.cues))) person_keys.insert(m.key_hash);
    // "Imelda Staunton", later "Staunton": a small town's name used as a surname.
    if ((m.cues & kAfterUnknownName) && !StrongCue(m.cues) && !NamesMajorPlace(m) && !NamesBigCity(m, 100000))
      person_keys.insert(m.key_hash);
  }
  // One sense per discourse, the other way: a name that the article once ties to a
  // place (a preposition, a container, the dateline) is a place throughout, and a
  // division named in full ("DeKalb County") may then be named short ("DeKalb").
  thread_local std::unordered_set<uint64_t> placed_keys;
  thread_local std::unordered_set<uint32_t> full_names;
  placed_keys.clear();
  full_names.clear();
  for (const Mention& m : *mentions) {
    if (m.source != MentionSource::kName || (m.cues & (kAfterTitle | kInPersonName))) continue;
    if (Placed(m)) placed_keys.insert(m.key_hash);
    if (m.end > m.first + 1)
      for (const format::Posting& p : m.postings)
        if (p.kind == format::NameKind::kOfficial && p.place < gazetteer_.place_count() &&
            IsDivision(gazetteer_.place(p.place)))
          full_names.insert(p.place);
  }
  auto possessive = [](const Mention& m) { return m.end < m.doc->tokens.size() && m.doc->Key(m.end) == "'s"; };
  // A one-word name that begins longer names ("Bab" of "Bab Ghaliq"), before a name.
  auto begins_names = [&](const Mention& m) {
    return m.end == m.first + 1 && (lexicon_.Classes(m.doc->Key(m.first)) & kNamePrefix) != 0;
  };
  for (Mention& m : *mentions) {
    if (m.source == MentionSource::kSublocation) continue;
    const uint32_t c = m.cues;
    if (m.source == MentionSource::kRegion) continue;
    // A name known only as a GeoNames variant ("Nissan", "Julia") is a place only where
    // the text places it ("in Patras"), each time.
    bool only_variant = m.source == MentionSource::kName && !m.postings.empty();
    for (const format::Posting& p : m.postings) only_variant &= p.kind == format::NameKind::kVariant;
    bool strong = Placed(m);
    if (!strong && !(c & (kAfterTitle | kInPersonName | kPersonNext | kFollowedByName)) &&
        !person_keys.count(m.key_hash)) {
      if (placed_keys.count(m.key_hash) && !only_variant) strong = true;
      for (const format::Posting& p : m.postings)
        if (p.kind == format::NameKind::kShort && full_names.count(p.place)) strong = true;
    }
    bool ok = true;
    if (c & kAfterTitle) ok = false;
    else if (only_variant && !strong) ok = false;
    else if ((c & kInLongerName) && !NamesMajorPlace(m)) ok = false;
    else if (m.source != MentionSource::kName) ok = true;
    else if (!strong && person_keys.count(m.key_hash)) ok = false;
    else if ((c & kPersonNext) && !strong) ok = false;
    else if ((c & (kFollowedByName | kShortKey)) && !(c & (kHasContainer | kIsContainer | kInDateline)) &&
             !((c & kFollowedByName) && !begins_names(m) &&
               (NamesMajorPlace(m) || (NamesBigCity(m, 100000) && !(c & kCommonWord))))) {
      // An alias of one or two letters ("UK") is fine; a town of that name is not.
      bool alias = false;
      for (const format::Posting& p : m.postings) alias |= p.kind == format::NameKind::kAbbreviation;
      if ((c & kFollowedByName) || !alias) ok = false;
    }
    else if ((c & kTimeWord) && !(c & (kHasContainer | kIsContainer | kInDateline))) ok = false;
    else if ((c & kContextWord) && !strong) ok = false;
    else if ((c & (kPersonWord | kGroupWord)) && !strong && !NamesMajorPlace(m) && !NamesBigCity(m, 100000))
      ok = false;  // "Drake", "Foster", "Taliban": a person or group more often than a small town
    else if ((c & kCommonWord) && !strong && !NamesMajorPlace(m))
      ok = false;  // "Standard", "Reading", "Mobile": a word unless the text places it
    else if ((c & kCommonWord) && !strong && (c & (kCapsByPosition | kAfterDeterminer | kAcronym)) &&
             !(possessive(m) && NamesMajorPlace(m)))
      ok = false;  // "Turkey" opening a sentence is a word; "Brazil's unemployment" is the country
    else if ((c & kAcronym) && !strong) ok = false;
    else if (!strong) {
      // A division's short name alone ("Bay", "Bari") is too weak a cue, and so is a
      // division the data knows nothing of (no city, no coordinates: "Richard").
      bool all_short = true, all_obscure = true;
      for (const format::Posting& p : m.postings) {
        all_short &= p.kind == format::NameKind::kShort;
        if (p.place < gazetteer_.place_count()) {
          const format::Place& place = gazetteer_.place(p.place);
          all_obscure &= place.type != format::PlaceType::kCountry && place.population == 0 && std::isnan(place.lat);
        }
      }
      if (all_short || all_obscure) ok = false;
    }
    m.accepted = ok;
  }
  // The surname after a first name taken as a person's ("George Floyd").
  for (size_t k = 1; k < mentions->size(); ++k) {
    Mention& m = (*mentions)[k];
    const Mention& prev = (*mentions)[k - 1];
    if (prev.doc == m.doc && prev.end == m.first && (prev.cues & kPersonNext) && !prev.accepted && !StrongCue(m.cues))
      m.accepted = false;
  }
  // A container of a dropped mention is still a place; a mention whose container was
  // dropped loses the tie.
  for (Mention& m : *mentions)
    if (m.container >= 0 && !(*mentions)[m.container].accepted) m.container = -1;
}

}  // namespace annals::geo
