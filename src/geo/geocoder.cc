// The geocoder: finder, acceptance, resolver, then the places of the article.
//
// Sublocations ("the Turquerie Zone") are tied to a city: the place that contains them
// in the text (parentheses, a pair), else the nearest resolved city or admin2
// division of the same sentence (the preceding one first), else the nearest one
// before it in the article. A sublocation takes its parent's coordinates, country and
// division (the best that is known of it); with no parent it stays unresolved.
//
// The main place: the dateline's place when it is resolved; else the resolved place
// (not a demonym) with the highest weight, where a mention counts 1, a mention in the
// title 1 more, and a more specific kind adds a fraction (city and sublocation 0.6,
// admin2 0.4, admin1 0.2, country 0); ties go to the earlier place.
#include "geo/geocoder.h"

#include <cmath>
#include <map>
#include <string_view>
#include <tuple>

#include "geo/gazetteer.h"
#include "geo/geo_lexicon.h"
#include "geo/resolver.h"
#include "geo/spelling_skeleton.h"
#include "geo/toponym_finder.h"
#include "text/abbreviations.h"

namespace annals::geo {

struct Geocoder::Impl {
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<GeoLexicon> lexicon;
  std::unique_ptr<text::Abbreviations> abbreviations;
  std::unique_ptr<ToponymFinder> finder;
  std::unique_ptr<Resolver> resolver;
};

Geocoder::Geocoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Geocoder::~Geocoder() = default;

Result<std::unique_ptr<Geocoder>> Geocoder::Load(const std::string& data_dir) {
  auto impl = std::make_unique<Impl>();
  auto gazetteer = Gazetteer::Load(data_dir + "/gazetteer.bin");
  if (!gazetteer.ok()) return gazetteer.status();
  impl->gazetteer = std::move(gazetteer).value();
  auto lexicon = GeoLexicon::Load();
  if (!lexicon.ok()) return lexicon.status();
  impl->lexicon = std::move(lexicon).value();
  auto abbreviations = text::Abbreviations::Load();
  if (!abbreviations.ok()) return abbreviations.status();
  impl->abbreviations = std::move(abbreviations).value();
  impl->finder = std::make_unique<ToponymFinder>(*impl->gazetteer, *impl->lexicon, *impl->abbreviations);
  impl->resolver = std::make_unique<Resolver>(*impl->gazetteer);
  return std::unique_ptr<Geocoder>(new Geocoder(std::move(impl)));
}

const Gazetteer& Geocoder::gazetteer() const { return *impl_->gazetteer; }

namespace {

PlaceKind KindOf(const format::Place& p) {
  switch (p.type) {
    case format::PlaceType::kCountry: return PlaceKind::kCountry;
    case format::PlaceType::kAdmin1: return PlaceKind::kAdmin1;
    case format::PlaceType::kAdmin2: return PlaceKind::kAdmin2;
    case format::PlaceType::kCity: return PlaceKind::kCity;
  }
  return PlaceKind::kUnresolved;
}

// A second-level division, or a first-level one that the text calls a town ("the town
// of Karak"): the weaker reading of a name next to a container in another country.
bool MinorDivision(const format::Place& p, uint32_t cues) {
  return p.type == format::PlaceType::kAdmin2 || (p.type == format::PlaceType::kAdmin1 && (cues & kCityCue));
}

// Fills the resolution fields of `out` from gazetteer place `index`.
void Describe(const Gazetteer& g, uint32_t index, FoundPlace* out) {
  const format::Place& p = g.place(index);
  PlaceMention& m = out->mention;
  if (p.geonameid) m.geonameid = p.geonameid;
  m.name = std::string(g.Name(p));
  if (!std::isnan(p.lat) && !std::isnan(p.lon)) {
    // Six decimals are finer than GeoNames' own precision; round away float noise.
    m.lat = std::round(static_cast<double>(p.lat) * 1e5) / 1e5;
    m.lon = std::round(static_cast<double>(p.lon) * 1e5) / 1e5;
  }
  if (p.country != format::kNoCountry) {
    m.country = std::string(g.Alpha2(p.country));
    out->country_alpha3 = std::string(g.Alpha3(p.country));
  }
  if (p.type == format::PlaceType::kAdmin1) {
    m.admin1 = m.name;
    out->admin1_code = std::string(g.Code(p));
  } else if (p.admin1 < g.place_count()) {
    m.admin1 = std::string(g.Name(g.place(p.admin1)));
    out->admin1_code = std::string(g.Code(g.place(p.admin1)));
  }
  if (p.type == format::PlaceType::kAdmin2) out->admin2_code = std::string(g.Code(p));
  else if (p.admin2 < g.place_count()) out->admin2_code = std::string(g.Code(g.place(p.admin2)));
  out->population = p.population;
  out->national_capital = p.type == format::PlaceType::kCity && p.feature == format::Feature::kCapital;
  out->seat.reset();
  if (p.seat < g.place_count()) {
    const format::Place& seat = g.place(p.seat);
    if (!std::isnan(seat.lat) && !std::isnan(seat.lon))
      out->seat = {std::round(static_cast<double>(seat.lat) * 1e5) / 1e5,
                   std::round(static_cast<double>(seat.lon) * 1e5) / 1e5};
  }
  m.kind = KindOf(p);
}

// The place that a name the gazetteer lacks as written ("Dahod district" for GeoNames'
// Dohad) names by its spelling skeleton inside `container`: without the head words
// that end the name, the candidates that lie inside the container; of those, a
// division when a division word ended the name, else the most populous. Inside a
// country only a single candidate counts. format::kNone when there is none.
uint32_t PlaceBySkeleton(const Gazetteer& g, const GeoLexicon& lexicon, const Resolver& resolver, const Mention& m,
                         uint32_t container) {
  const text::Document& doc = *m.doc;
  uint32_t first = m.first, end = m.end;
  bool division_word = false;
  while (end > first + 1 && (lexicon.Classes(doc.Key(end - 1)) & (kAdminHead | kCityHead | kSubHead))) {
    division_word |= (lexicon.Classes(doc.Key(end - 1)) & kAdminHead) != 0;
    --end;
  }
  if (doc.Key(first) == "the" && end > first + 1) ++first;
  std::string key;
  for (uint32_t k = first; k < end; ++k) {
    if (k > first) key.push_back(' ');
    key.append(doc.Key(k));
  }
  const bool in_country = g.place(container).type == format::PlaceType::kCountry;
  if (SpellingSkeleton(key).size() < (in_country ? kMinSkeletonSizeInCountry : kMinSkeletonSize)) return format::kNone;
  const Gazetteer::Lookup lookup = g.Find(SkeletonKey(key));
  uint32_t best = format::kNone, count = 0;
  auto rank = [&](const format::Place& p) {
    const bool is_division = p.type == format::PlaceType::kAdmin1 || p.type == format::PlaceType::kAdmin2;
    return std::pair<bool, uint32_t>(is_division == division_word, p.population);
  };
  for (const format::Posting& posting : lookup.postings) {
    if (posting.kind != format::NameKind::kSkeleton || posting.place >= g.place_count() || posting.place == container)
      continue;
    const format::Place& p = g.place(posting.place);
    if (std::isnan(p.lat) || !resolver.Inside(posting.place, container)) continue;
    ++count;
    if (best == format::kNone || rank(p) > rank(g.place(best))) best = posting.place;
  }
  return in_country && count > 1 ? format::kNone : best;
}

}  // namespace

void Geocoder::Geoparse(const text::Document& title, const text::Document& body, GeoResult* out) const {
  out->Clear();
  const Gazetteer& g = *impl_->gazetteer;
  thread_local std::vector<Mention> mentions;
  thread_local std::vector<uint32_t> picks;
  thread_local std::vector<int> place_of;  // mention -> index in out->places
  mentions.clear();

  // Step 1: find, accept, resolve.
  impl_->finder->Find(title, &mentions);
  impl_->finder->Find(body, &mentions);
  impl_->finder->Accept(&mentions);
  impl_->resolver->Resolve(mentions, &picks);

  // Step 2: the places, in text order (the title's first). A name that is also a word,
  // a person's or a group's name, placed only by a container where the gazetteer has no
  // town of that name ("the Employees' Union, Punjab"), is that word, not a place.
  place_of.assign(mentions.size(), -1);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (!m.accepted) continue;
    if (m.source != MentionSource::kSublocation && m.source != MentionSource::kRegion && picks[i] == format::kNone)
      continue;
    // A sublocation tied to a container may be a place the gazetteer spells otherwise.
    if (m.source == MentionSource::kSublocation && m.container >= 0 && mentions[m.container].accepted &&
        mentions[m.container].source == MentionSource::kName && picks[m.container] != format::kNone) {
      const uint32_t place = PlaceBySkeleton(g, *impl_->lexicon, *impl_->resolver, m, picks[m.container]);
      if (place != format::kNone) {
        mentions[i].source = MentionSource::kName;
        picks[i] = place;
      }
    }
    if (m.source == MentionSource::kName && (m.cues & (kCommonWord | kPersonWord | kGroupWord)) &&
        !(m.cues & (kAfterLocative | kInDateline | kCityCue)) && m.container >= 0 &&
        picks[m.container] != format::kNone && g.place(picks[i]).type == format::PlaceType::kCity &&
        g.place(picks[m.container]).type != format::PlaceType::kCountry &&
        !impl_->resolver->Inside(picks[i], picks[m.container]))
      continue;
    FoundPlace f;
    f.field = m.doc->field;
    f.first_token = m.first;
    f.end_token = m.end;
    f.sentence = m.sentence;
    if (m.part_end > m.part_start) {
      f.mention.mention = std::string(m.doc->text.substr(m.part_start, m.part_end - m.part_start));
      f.mention.span = Span{m.part_start, m.part_end, m.doc->field};
    } else {
      f.mention.mention = std::string(m.doc->SpanText(m.first, m.end));
      f.mention.span = m.doc->SpanOf(m.first, m.end);
    }
    if (m.source == MentionSource::kSublocation || m.source == MentionSource::kRegion) {
      f.mention.kind = PlaceKind::kUnresolved;
    } else {
      Describe(g, picks[i], &f);
      if (m.source == MentionSource::kDemonym) f.mention.kind = PlaceKind::kDemonym;
    }
    place_of[i] = static_cast<int>(out->places.size());
    out->places.push_back(std::move(f));
  }

  // Step 3: containers. A name that the gazetteer knows only outside the place that
  // contains it in the text ("Pipri, Kaushambi" where the only Pipri is elsewhere) is
  // a place the gazetteer lacks: a sublocation of its container. A container in another country than
  // the division it contains ("Damt, Ad Dali" read as Dali, China), or than the town it
  // contains when the article's other places are more often in the town's country
  // ("Port Loko (Port Loko, North-West)" beside Lunsar: North-West of Sierra Leone, not
  // of Cameroon), is a wrong reading of the container: it is left unresolved.
  thread_local std::map<uint16_t, int> places_per_country;
  places_per_country.clear();
  for (size_t i = 0; i < mentions.size(); ++i)
    if (place_of[i] >= 0 && mentions[i].source == MentionSource::kName) ++places_per_country[g.place(picks[i]).country];
  thread_local std::vector<uint8_t> demoted;
  demoted.assign(mentions.size(), 0);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    // "residents of Las Mercedes neighborhood": a part of the town nearby, if any.
    if (place_of[i] >= 0 && m.source == MentionSource::kName && (m.cues & kBeforeQuarter)) demoted[i] = 1;
    if (place_of[i] < 0 || m.container < 0 || place_of[m.container] < 0) continue;
    if (mentions[m.container].source != MentionSource::kName) continue;
    out->places[place_of[i]].container = place_of[m.container];
    if (m.source == MentionSource::kName) {
      const format::Place& inner = g.place(picks[i]);
      const format::Place& outer = g.place(picks[m.container]);
      // Other places of the article in the inner's and in the container's country.
      const int inner_votes = places_per_country[inner.country] - 1;
      const int outer_votes = places_per_country[outer.country] - 1;
      // A first-level division or a city of 100,000 is the likelier reading against a
      // second-level division of another country ("Bara in Idleb": Syria's Idlib, not
      // Sudan's Bara district).
      const bool outer_prominent = outer.type == format::PlaceType::kAdmin1 ||
                                   (outer.type == format::PlaceType::kCity && outer.population >= 100000);
      // So is a first-level division that the text calls a town ("the town of Karak in
      // Dar'a": not Jordan's Karak governorate).
      const bool inner_weaker = MinorDivision(inner, m.cues) && outer_prominent && inner_votes <= outer_votes;
      if (inner.country != outer.country && outer.type != format::PlaceType::kCountry && !inner_weaker &&
          (inner.type != format::PlaceType::kCity || inner_votes > outer_votes)) {
        FoundPlace& c = out->places[place_of[m.container]];
        c.mention = PlaceMention{c.mention.mention, c.mention.span};
        c.country_alpha3.clear();
        c.admin1_code.clear();
        c.admin2_code.clear();
        c.population = 0;
        continue;  // the text still situates the name in it: where it happened is the name
      }
    }
    // A town outside its container, small, placed inside a town ("Pilsen neighborhood
    // in Chicago") or of another country ("San Juan, Lagunillas, Merida state": not
    // Puerto Rico's), or a minor division of another country than its container's, is a
    // place the gazetteer lacks there.
    if (m.source != MentionSource::kName) continue;  // (a sublocation has no pick)
    const format::Place& here = g.place(picks[i]);
    const format::Place& container = g.place(picks[m.container]);
    const bool weak_town = here.type == format::PlaceType::kCity &&
                           (here.population < 100000 || (m.cues & kInsideTown) || here.country != container.country);
    const bool foreign_division = MinorDivision(here, m.cues) && here.country != container.country;
    if ((weak_town || foreign_division) && !impl_->resolver->Inside(picks[i], picks[m.container]) &&
        container.type != format::PlaceType::kCountry) {
      FoundPlace& f = out->places[place_of[i]];
      f.mention.geonameid.reset();
      f.population = 0;
      demoted[i] = 1;
    }
  }

  // Step 4: sublocations take a parent city.
  auto is_city = [&](int mi) {
    const int pi = place_of[mi];
    if (pi < 0 || mentions[mi].source != MentionSource::kName) return false;
    const PlaceKind k = out->places[pi].mention.kind;
    return (k == PlaceKind::kCity || k == PlaceKind::kAdmin2) && out->places[pi].mention.lat.has_value();
  };
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if ((m.source != MentionSource::kSublocation && !demoted[i]) || place_of[i] < 0) continue;
    int parent = -1;
    if (m.container >= 0 && place_of[m.container] >= 0 && mentions[m.container].source == MentionSource::kName)
      parent = m.container;
    // A container the gazetteer has no coordinates for ("Twic County", a division with
    // no town in the data) hands over to its own container ("(Jonglei state)").
    while (parent >= 0 && !out->places[place_of[parent]].mention.lat) {
      const int up = mentions[parent].container;
      parent = up >= 0 && place_of[up] >= 0 && mentions[up].source == MentionSource::kName ? up : -1;
    }
    if (demoted[i] && parent < 0 && !(m.cues & kBeforeQuarter)) continue;
    for (int k = static_cast<int>(i) - 1; parent < 0 && k >= 0; --k)  // same sentence, before
      if (mentions[k].doc == m.doc && mentions[k].sentence == m.sentence && is_city(k)) parent = k;
    for (size_t k = i + 1; parent < 0 && k < mentions.size(); ++k)  // same sentence, after
      if (mentions[k].doc == m.doc && mentions[k].sentence == m.sentence && is_city(static_cast<int>(k)))
        parent = static_cast<int>(k);
    for (int k = static_cast<int>(i) - 1; parent < 0 && k >= 0; --k)  // anywhere before
      if (is_city(k)) parent = k;
    // Found by nearness, a pair's container hands over to the town it holds: "in Belford
    // Roxo, Rio de Janeiro, ... in Roseiral neighborhood" is in Belford Roxo.
    if (parent >= 0 && parent != m.container)
      for (int k = parent - 1; k >= 0; --k)
        if (mentions[k].container == parent && is_city(k)) {
          parent = k;
          break;
        }
    // With no town to stand in, a name before a quarter word keeps its own reading.
    if (parent < 0) continue;
    FoundPlace& f = out->places[place_of[i]];
    const FoundPlace& p = out->places[place_of[parent]];
    f.parent = place_of[parent];
    f.mention.geonameid.reset();
    f.population = 0;
    f.mention.lat = p.mention.lat;
    f.mention.lon = p.mention.lon;
    f.mention.country = p.mention.country;
    f.mention.admin1 = p.mention.admin1;
    f.mention.name = std::string(m.doc->SpanText(m.first, m.end));
    f.country_alpha3 = p.country_alpha3;
    f.admin1_code = p.admin1_code;
    f.admin2_code = p.admin2_code;
    f.mention.kind = PlaceKind::kSublocation;
  }

  // Step 5: the dateline and the main place.
  if (body.dateline_end > body.dateline_first) {
    uint32_t end = body.dateline_first;
    while (end < body.dateline_end && body.tokens[end].Is(text::kWord)) ++end;
    if (end > body.dateline_first) out->dateline = std::string(body.SpanText(body.dateline_first, end));
  }
  for (size_t i = 0; i < mentions.size(); ++i)
    if (place_of[i] >= 0 && (mentions[i].cues & kInDateline) && mentions[i].source == MentionSource::kName) {
      // A dateline the splitter did not mark ("GOMA, Democratic Republic of Congo --"
      // after a first line) is the capitalised name that opens one of the first
      // sentences, followed by a comma or a dash.
      if (!out->dateline && mentions[i].doc == &body && mentions[i].sentence <= 1)
        out->dateline = std::string(body.SpanText(mentions[i].first, mentions[i].end));
      out->main_place = place_of[i];
      return;
    }
  // The mention weight of each distinct place (kind, name, latitude), summed in one pass:
  // comparing every place with every other took hours on a page naming a town 200,000
  // times.
  using PlaceKey = std::tuple<PlaceKind, bool, std::string_view, bool, double>;
  auto key_of = [](const FoundPlace& p) {
    return PlaceKey{p.mention.kind, p.mention.name.has_value(),
                    p.mention.name ? std::string_view(*p.mention.name) : std::string_view(),
                    p.mention.lat.has_value(), p.mention.lat.value_or(0.0)};
  };
  std::map<PlaceKey, double> mention_weight;
  for (const FoundPlace& q : out->places) mention_weight[key_of(q)] += q.field == Field::kTitle ? 2.0 : 1.0;
  double best = 0;
  for (size_t a = 0; a < out->places.size(); ++a) {
    const FoundPlace& p = out->places[a];
    if (p.mention.kind == PlaceKind::kDemonym || p.mention.kind == PlaceKind::kUnresolved) continue;
    double weight = mention_weight[key_of(p)];
    switch (p.mention.kind) {
      case PlaceKind::kCity:
      case PlaceKind::kSublocation: weight += 0.6; break;
      case PlaceKind::kAdmin2: weight += 0.4; break;
      case PlaceKind::kAdmin1: weight += 0.2; break;
      default: break;
    }
    if (weight > best) {
      best = weight;
      out->main_place = static_cast<int>(a);
    }
  }
}

int PlaceOfSentence(const GeoResult& result, Field field, uint32_t sentence) {
  auto rank = [](PlaceKind k) {
    switch (k) {
      case PlaceKind::kSublocation: return 0;
      case PlaceKind::kCity: return 1;
      case PlaceKind::kAdmin2: return 2;
      case PlaceKind::kAdmin1: return 3;
      case PlaceKind::kCountry: return 4;
      default: return 9;
    }
  };
  // Places that situate another place of the same sentence.
  thread_local std::vector<uint8_t> situates;
  situates.assign(result.places.size(), 0);
  for (const FoundPlace& q : result.places) {
    if (q.field != field || q.sentence != sentence) continue;
    for (const int k : {q.container, q.parent})
      if (k >= 0 && static_cast<size_t>(k) < situates.size()) situates[k] = 1;
  }
  int best = -1, best_rank = 99;
  for (size_t i = 0; i < result.places.size(); ++i) {
    const FoundPlace& p = result.places[i];
    if (p.field != field || p.sentence != sentence || !p.mention.lat || rank(p.mention.kind) == 9) continue;
    if (situates[i]) continue;
    const int r = rank(p.mention.kind) * 2 + (p.container >= 0 ? 0 : 1);
    if (r < best_rank) {
      best_rank = r;
      best = static_cast<int>(i);
    }
  }
  return best;
}

std::string_view Geocoder::Alpha3(std::string_view alpha2) const {
  const Gazetteer& g = *impl_->gazetteer;
  return g.Alpha3(g.FindCountry(alpha2));
}

}  // namespace annals::geo
