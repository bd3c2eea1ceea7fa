// compile_lemmas: builds lemmas.bin (see lemma_table.h) from Debian's WordNet files
// and data/text/lemma_extra.tsv. Run by the build (src/text/CMakeLists.txt):
//
//   compile_lemmas WORDNET_DIR EXTRA_TSV OUTPUT
//
// Morphy, precomputed. WordNet's Morphy finds the lemmas of a form in one part of
// speech by (1) the exception list of that part of speech ("fled" -> "flee"), else
// (2) detachment rules ("-ed" -> "", "-ies" -> "-y", ...) whose results must be lemmas
// of that part of speech's index. Run backwards from the index, the rules enumerate
// every form Morphy can map, so this tool applies them forwards to every lemma to
// collect the candidate forms, runs Morphy on each candidate, and writes the readings.
// The run-time lemmatizer then does one hash probe per token.
//
// Choices among readings use SemCor's tagged-sense counts (cntlist.rev), summed per
// lemma and part of speech:
//   - within a part of speech, the candidate with the highest count wins, ties going
//     to the exception list's order, then to the rule order;
//   - a form that is itself a lemma of that part of speech keeps itself as its reading
//     unless an inflection reading is counted more often ("found" -> "find", 705 to
//     13; "men" -> "man", 1293 to 35; but "data" stays, 76 to "datum" 5). WordNet
//     lists many plain plurals as lemmas ("years", "leaders"), so the form cannot
//     simply win;
//   - the token lemma is the verb reading of an inflected verb form ("took" -> "take"),
//     unless the form is itself a noun, verb or adverb lemma counted at least as often
//     as that verb ("ground" stays "ground", 112 to "grind" 10; "headquarters" stays,
//     10 to 0; "left" -> "leave", 28 to 414). Adjective counts do not block the verb
//     reading, so participles go to their verb ("injured" -> "injure");
//   - otherwise the noun singular of a plural, under the same condition ("men" ->
//     "man"; "discuss", a verb, is not the plural of "discus"), otherwise the form
//     itself ("news", "police", "the").
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/tsv.h"
#include "text/lemma_table.h"

namespace {

namespace lt = annals::text::lemma_table;

enum Pos { kNoun = 0, kVerb = 1, kAdj = 2, kAdv = 3, kPosCount = 4 };
constexpr const char* kPosName[kPosCount] = {"noun", "verb", "adj", "adv"};

struct Rule {
  const char* suffix;
  const char* ending;
};
// Morphy's detachment rules (WordNet morph.c), in its order.
const std::vector<Rule> kRules[kPosCount] = {
    {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
     {"ies", "y"}},
    {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
    {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
    {},
};

struct WordNet {
  std::unordered_set<std::string> index[kPosCount];
  std::unordered_map<std::string, std::vector<std::string>> exceptions[kPosCount];
  std::unordered_map<std::string, long> counts[kPosCount];
  std::unordered_set<std::string> irregular_verbs;  // lemmas of verb.exc entries

  bool Has(Pos pos, const std::string& w) const { return index[pos].count(w) > 0; }
  long Count(Pos pos, const std::string& w) const {
    auto it = counts[pos].find(w);
    return it == counts[pos].end() ? 0 : it->second;
  }
};

bool OneWord(const std::string& w) {
  if (w.empty() || w.size() > lt::kMaxStringSize) return false;
  for (char c : w)
    if (c == '_' || c == ' ') return false;
  return true;
}

bool ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) lines->push_back(line);
  return true;
}

bool LoadWordNet(const std::string& dir, WordNet* wn) {
  static const char* kFiles[kPosCount] = {"noun", "verb", "adj", "adv"};
  for (int p = 0; p < kPosCount; ++p) {
    std::vector<std::string> lines;
    if (!ReadLines(dir + "/index." + kFiles[p], &lines)) {
      std::cerr << "compile_lemmas: cannot read " << dir << "/index." << kFiles[p] << "\n";
      return false;
    }
    for (const std::string& line : lines) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header
      const std::string lemma = line.substr(0, line.find(' '));
      if (OneWord(lemma)) wn->index[p].insert(lemma);
    }
    lines.clear();
    if (!ReadLines(dir + "/" + kFiles[p] + ".exc", &lines)) {
      std::cerr << "compile_lemmas: cannot read " << dir << "/" << kFiles[p] << ".exc\n";
      return false;
    }
    for (const std::string& line : lines) {
      std::istringstream fields(line);
      std::string form, lemma;
      if (!(fields >> form) || !OneWord(form)) continue;
      while (fields >> lemma) {
        if (!OneWord(lemma) || lemma == form) continue;
        wn->exceptions[p][form].push_back(lemma);
        if (p == kVerb) wn->irregular_verbs.insert(lemma);
      }
    }
  }
  // cntlist.rev: "lemma%S:..:..:: sense_number tag_count", S = 1 noun, 2 verb, 3 adj,
  // 4 adverb, 5 adjective satellite.
  std::vector<std::string> lines;
  if (!ReadLines(dir + "/cntlist.rev", &lines)) {
    std::cerr << "compile_lemmas: cannot read " << dir << "/cntlist.rev\n";
    return false;
  }
  for (const std::string& line : lines) {
    std::istringstream fields(line);
    std::string key, sense;
    long count = 0;
    if (!(fields >> key >> sense >> count)) continue;
    const size_t percent = key.find('%');
    if (percent == std::string::npos || percent + 1 >= key.size()) continue;
    const char s = key[percent + 1];
    const Pos pos = s == '1' ? kNoun : s == '2' ? kVerb : s == '4' ? kAdv : kAdj;
    wn->counts[pos][key.substr(0, percent)] += count;
  }
  return true;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// English spelling that Morphy's rules ignore, so that rules do not pair a form with
// the wrong lemma when both candidates are verbs:
//   - a verb takes "-es" after a sibilant or "o" ("clashes", "goes"), else "-s":
//     "sites" is "site", not "sit";
//   - a one-syllable verb ending in one vowel and one consonant doubles it before
//     "-ed" and "-ing" ("hop" -> "hopped"), so "hoped", "sited", "coping" come from
//     "hope", "site", "cope" when that verb exists.
bool SpellingAllows(Pos pos, const Rule& rule, const std::string& stem, const WordNet& wn) {
  if (pos != kVerb) return true;
  const std::string_view suffix = rule.suffix, ending = rule.ending;
  if (suffix == "es" && ending.empty()) {
    const std::string_view s = stem;
    return s.ends_with("s") || s.ends_with("x") || s.ends_with("z") || s.ends_with("ch") || s.ends_with("sh") ||
           s.ends_with("o");
  }
  if ((suffix == "ed" || suffix == "ing") && ending.empty() && stem.size() >= 2) {
    const char last = stem.back(), vowel = stem[stem.size() - 2];
    int vowel_groups = 0;
    for (size_t i = 0; i < stem.size(); ++i)
      if (IsVowel(stem[i]) && (i == 0 || !IsVowel(stem[i - 1]))) ++vowel_groups;
    const bool cvc = !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' && IsVowel(vowel) &&
                     (stem.size() < 3 || !IsVowel(stem[stem.size() - 3])) && vowel_groups == 1;
    if (cvc && wn.Has(kVerb, stem + "e")) return false;
  }
  return true;
}

// Morphy's lemmas of `form` in `pos`, other than the form itself, best first.
std::vector<std::string> Inflections(const WordNet& wn, Pos pos, const std::string& form) {
  std::vector<std::string> out;
  auto exc = wn.exceptions[pos].find(form);
  if (exc != wn.exceptions[pos].end()) {
    for (const std::string& lemma : exc->second)
      if (wn.Has(pos, lemma) && std::find(out.begin(), out.end(), lemma) == out.end()) out.push_back(lemma);
  } else {
    for (const Rule& rule : kRules[pos]) {
      const size_t n = std::strlen(rule.suffix);
      if (form.size() <= n || form.compare(form.size() - n, n, rule.suffix) != 0) continue;
      const std::string stem = form.substr(0, form.size() - n);
      if (!SpellingAllows(pos, rule, stem, wn)) continue;
      // A verb with irregular forms in the exception list ("see": "saw", "seen") does
      // not take "-ed" by rule when the form is a word of its own ("seed").
      if (pos == kVerb && std::string_view(rule.suffix) == "ed" && wn.irregular_verbs.count(stem + rule.ending) &&
          (wn.Has(kNoun, form) || wn.Has(kVerb, form)))
        continue;
      std::string lemma = stem + rule.ending;
      // A single letter is a WordNet entry for a letter or an element ("a", "u"),
      // never the base of a news word ("as", "us").
      if (lemma.size() >= 2 && lemma != form && wn.Has(pos, lemma) && std::find(out.begin(), out.end(), lemma) == out.end())
        out.push_back(lemma);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [&](const std::string& a, const std::string& b) { return wn.Count(pos, a) > wn.Count(pos, b); });
  return out;
}

struct Readings {
  std::string lemma, verb, noun, adj;
  uint32_t flags = 0;
};

Readings Read(const WordNet& wn, const std::string& form) {
  Readings r;
  if (wn.Has(kNoun, form)) r.flags |= lt::kNounLemma;
  if (wn.Has(kVerb, form)) r.flags |= lt::kVerbLemma;
  if (wn.Has(kAdj, form)) r.flags |= lt::kAdjLemma;
  if (wn.Has(kAdv, form)) r.flags |= lt::kAdvLemma;

  // Verb: the best inflection, unless the form is itself a verb counted as often.
  const std::vector<std::string> verbs = Inflections(wn, kVerb, form);
  bool inflected_verb = false;
  if (!verbs.empty() && (!wn.Has(kVerb, form) || wn.Count(kVerb, verbs[0]) > wn.Count(kVerb, form))) {
    r.verb = verbs[0];
    inflected_verb = true;
  } else if (wn.Has(kVerb, form)) {
    r.verb = form;
  }
  // Noun and adjective: the best inflection if it is counted more often than the form
  // itself as a lemma ("men" -> "man", 1293 to 35; "times" -> "time"), else the form
  // when it is a lemma ("data" stays, 76 to "datum" 5; "species", "means", "news").
  for (Pos pos : {kNoun, kAdj}) {
    std::string& reading = pos == kNoun ? r.noun : r.adj;
    const std::vector<std::string> inflections = Inflections(wn, pos, form);
    if (!inflections.empty() && (!wn.Has(pos, form) || wn.Count(pos, inflections[0]) > wn.Count(pos, form)))
      reading = inflections[0];
    else if (wn.Has(pos, form))
      reading = form;
  }

  // The token lemma: an inflection (verb first, then noun) unless the form is a noun,
  // verb or adverb lemma of its own counted at least as often.
  const bool own_lemma = wn.Has(kNoun, form) || wn.Has(kVerb, form) || wn.Has(kAdv, form);
  const long own_count = wn.Count(kNoun, form) + wn.Count(kVerb, form) + wn.Count(kAdv, form);
  if (inflected_verb && (!own_lemma || wn.Count(kVerb, r.verb) > own_count))
    r.lemma = r.verb;
  else if (!r.noun.empty() && r.noun != form && (!own_lemma || wn.Count(kNoun, r.noun) > own_count))
    r.lemma = r.noun;  // "men" -> "man"; but "discuss" is not "discus"
  else
    r.lemma = form;
  return r;
}

// Candidate forms: the lemmas, the exception forms and the forward rule forms.
std::set<std::string> Candidates(const WordNet& wn) {
  std::set<std::string> forms;
  for (int p = 0; p < kPosCount; ++p) {
    for (const std::string& lemma : wn.index[p]) {
      forms.insert(lemma);
      for (const Rule& rule : kRules[p]) {
        const size_t n = std::strlen(rule.ending);
        if (lemma.size() < n || lemma.compare(lemma.size() - n, n, rule.ending) != 0) continue;
        const std::string form = lemma.substr(0, lemma.size() - n) + rule.suffix;
        if (form.size() <= lt::kMaxStringSize) forms.insert(form);
      }
    }
    for (const auto& [form, lemmas] : wn.exceptions[p]) forms.insert(form);
  }
  return forms;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: compile_lemmas WORDNET_DIR EXTRA_TSV OUTPUT\n";
    return 2;
  }
  WordNet wn;
  if (!LoadWordNet(argv[1], &wn)) return 1;

  // Step 1: readings of every candidate form.
  std::map<std::string, Readings> table;
  for (const std::string& form : Candidates(wn)) {
    Readings r = Read(wn, form);
    if (r.flags == 0 && r.verb.empty() && r.noun.empty() && r.adj.empty()) continue;
    table.emplace(form, std::move(r));
  }

  // Step 2: the project's overrides.
  std::ifstream extra_in(argv[2]);
  if (!extra_in) {
    std::cerr << "compile_lemmas: cannot read " << argv[2] << "\n";
    return 1;
  }
  const std::string extra_text((std::istreambuf_iterator<char>(extra_in)), std::istreambuf_iterator<char>());
  auto extra = annals::ParseTsv(extra_text, argv[2], 4);
  if (!extra.ok()) {
    std::cerr << "compile_lemmas: " << extra.status().message() << "\n";
    return 1;
  }
  for (const auto& row : extra.value().rows) {
    const std::string form(row.fields[0]), lemma(row.fields[1]), pos(row.fields[2]), context(row.fields[3]);
    if (pos != "v" && pos != "n" && pos != "r" && pos != "x") {
      std::cerr << argv[2] << ":" << row.line << ": unknown part of speech '" << pos << "'\n";
      return 1;
    }
    if (context != "-" && context != "n't") {
      std::cerr << argv[2] << ":" << row.line << ": unknown context '" << context << "'\n";
      return 1;
    }
    Readings& r = table[form];
    if (pos == "v") r.verb = lemma;
    if (pos == "n") r.noun = lemma;
    if (pos == "x") {  // a function word: its own lemma, whatever WordNet's rules say
      r.verb.clear();
      r.noun.clear();
      r.adj.clear();
    }
    if (context == "-") {
      r.lemma = lemma;
      r.flags |= lt::kOverride;
    } else {
      if (r.lemma.empty()) r.lemma = form;
      r.flags |= lt::kBeforeNegation;
    }
  }

  // Step 3: lay out the records and the hash table.
  std::string records;
  std::vector<std::pair<uint64_t, uint32_t>> placed;  // hash, record offset
  placed.reserve(table.size());
  for (const auto& [form, r] : table) {
    const uint32_t offset = static_cast<uint32_t>(records.size());
    std::string bytes = form;
    uint8_t sizes[lt::kReadingCount] = {}, offsets[lt::kReadingCount] = {};
    const std::string* readings[lt::kReadingCount] = {&r.lemma, &r.verb, &r.noun, &r.adj};
    for (int k = 0; k < lt::kReadingCount; ++k) {
      const std::string& reading = *readings[k];
      if (reading.empty()) continue;
      size_t at = reading.size() <= form.size() && form.compare(0, reading.size(), reading) == 0
                      ? 0                      // the key or a prefix of it ("forces" -> "force")
                      : bytes.find(reading, form.size());
      if (at == std::string::npos) {
        at = bytes.size();
        bytes += reading;
      }
      if (reading.size() > lt::kMaxStringSize || at > 255) {
        std::cerr << "compile_lemmas: the readings of '" << form << "' are too long\n";
        return 1;
      }
      sizes[k] = static_cast<uint8_t>(reading.size());
      offsets[k] = static_cast<uint8_t>(at);
    }
    records.push_back(static_cast<char>(form.size()));
    records.push_back(static_cast<char>(r.flags));
    const uint16_t bytes_size = static_cast<uint16_t>(bytes.size());
    records.append(reinterpret_cast<const char*>(&bytes_size), sizeof(bytes_size));
    records.append(reinterpret_cast<const char*>(sizes), sizeof(sizes));
    records.append(reinterpret_cast<const char*>(offsets), sizeof(offsets));
    records += bytes;
    placed.emplace_back(lt::Hash(form), offset);
  }
  uint32_t slot_count = 1;
  while (slot_count < placed.size() * 2) slot_count <<= 1;
  std::vector<uint64_t> slots(slot_count, 0);
  for (const auto& [hash, offset] : placed) {
    uint64_t h = hash & (slot_count - 1);
    while (slots[h] != 0) h = (h + 1) & (slot_count - 1);
    slots[h] = lt::MakeSlot(offset, hash);
  }

  lt::Header header{};
  std::memcpy(header.magic, lt::kMagic, sizeof(header.magic));
  header.version = lt::kVersion;
  header.record_count = static_cast<uint32_t>(placed.size());
  header.slot_count = slot_count;
  header.records_size = static_cast<uint32_t>(records.size());
  header.slots_offset = sizeof(lt::Header);
  header.records_offset = header.slots_offset + slot_count * static_cast<uint32_t>(sizeof(uint64_t));

  const std::string tmp = std::string(argv[3]) + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(&header), sizeof(header));
  out.write(reinterpret_cast<const char*>(slots.data()), static_cast<std::streamsize>(slots.size() * sizeof(uint64_t)));
  out.write(records.data(), static_cast<std::streamsize>(records.size()));
  out.close();
  if (!out || std::rename(tmp.c_str(), argv[3]) != 0) {
    std::cerr << "compile_lemmas: cannot write " << argv[3] << "\n";
    return 1;
  }
  std::size_t counts[kPosCount] = {};
  for (int p = 0; p < kPosCount; ++p) counts[p] = wn.index[p].size();
  std::cout << "compile_lemmas: " << placed.size() << " forms (" << counts[kNoun] << " nouns, " << counts[kVerb]
            << " verbs, " << counts[kAdj] << " adjectives, " << counts[kAdv] << " adverbs), "
            << (header.records_offset + header.records_size) / 1024 << " KiB\n";
  return 0;
}
