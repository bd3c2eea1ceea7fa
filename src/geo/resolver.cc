// Resolving toponyms.
//
// Mentions of one name are resolved together (one sense per discourse), split only when
// they are tied to different containers ("Springfield, Ill." and "Springfield, Mo.").
// Each group's candidates are the places its key names; a candidate's score adds:
//   - a prior from what the place is: countries first, then first-level divisions,
//     then cities by log10(population) with bonuses for capitals and seats, then
//     second-level divisions; a name that is only a division's short form ("Avoyelles"
//     for "Avoyelles Parish") or an alias costs a little;
//   - the containers: a candidate inside one of its container's candidates gains
//     much, one outside loses; a container candidate that holds a candidate of the
//     name it places gains too ("Athens, Georgia" picks the US state);
//   - support from the other names (fixed): a candidate gains when a candidate of
//     another name lies in the same second-level division ("Paris" with "Henry
//     County": Paris, Tennessee) or within 40 km (150 km counts less);
//   - the article (recomputed over three rounds from the current picks of the other
//     groups): countries and first-level divisions that the article names (or whose
//     demonym it uses), the dateline's country and division, a country or division
//     that holds other picks (a country that holds none of them loses), and
//     closeness to the other picked places;
//   - the kind of place the text names ("Bolivar state", "the city of X"); a place
//     without coordinates comes last.
// The highest score wins. A small town (under 100,000) that ends up alone in its
// country while the article's other places lie in another one, with no container,
// is left unresolved: it is more likely a place the gazetteer lacks.
// Costs are bounded: at most kMaxCandidates candidates per group, kMaxSupportGroups
// groups and kMaxSupportCandidates candidates for support, kMaxAnchors places for
// closeness, so junk input stays near linear.
#include "geo/resolver.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace annals::geo {
namespace {

using format::NameKind;
using format::Place;
using format::PlaceType;

constexpr size_t kMaxCandidates = 64;
constexpr size_t kMaxAnchors = 48;
constexpr size_t kMaxSupportGroups = 128;
constexpr size_t kMaxSupportCandidates = 32;
constexpr int kRounds = 3;

struct Candidate {
  uint32_t place;
  float prior;      // what the place is, and how it is named
  float fixed = 0;  // container bonuses
};

struct Group {
  uint64_t key = 0;
  int container_group = -1;
  std::vector<uint32_t> members;
  std::vector<Candidate> candidates;
  int pick = -1;       // index into candidates
  bool demonym = false;
  bool dateline = false;
  bool is_container = false;
};

float Prior(const Place& p, bool independent) {
  const float pop = std::log10(static_cast<float>(p.population) + 1.0f);
  switch (p.type) {
    case PlaceType::kCountry:
      return independent ? 10.0f : 8.5f;
    case PlaceType::kAdmin1:
      return 3.5f + 0.65f * pop;
    case PlaceType::kAdmin2:
      // With no town in the data it stands at its province's seat: a weak reading.
      return p.population == 0 ? 2.5f : 3.5f + 0.3f * pop;
    case PlaceType::kCity:
      break;
  }
  float s = p.feature == format::Feature::kUnranked ? 2.0f : pop;
  switch (p.feature) {
    case format::Feature::kCapital: s += 2.5f; break;
    case format::Feature::kAdmin1Seat: s += 1.5f; break;
    case format::Feature::kAdmin2Seat: s += 0.7f; break;
    case format::Feature::kAdmin3Seat: s += 0.3f; break;
    case format::Feature::kSection: s -= 0.8f; break;
    default: break;
  }
  return s;
}

float KindCost(NameKind kind) {
  switch (kind) {
    case NameKind::kShort: return -2.5f;
    case NameKind::kAlternate: return -0.3f;
    case NameKind::kVariant: return -0.8f;
    default: return 0.0f;
  }
}

bool HasCoordinates(const Place& p) { return !std::isnan(p.lat) && !std::isnan(p.lon); }

}  // namespace

double Resolver::DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 12742.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

bool Resolver::Inside(uint32_t x, uint32_t k) const {
  if (x == k || x >= gazetteer_.place_count() || k >= gazetteer_.place_count()) return false;
  const Place& px = gazetteer_.place(x);
  const Place& pk = gazetteer_.place(k);
  switch (pk.type) {
    case PlaceType::kCountry: return px.country == pk.country;
    case PlaceType::kAdmin1: return px.admin1 == k;
    case PlaceType::kAdmin2: return px.admin2 == k;
    case PlaceType::kCity:
      return HasCoordinates(px) && HasCoordinates(pk) && DistanceKm(px.lat, px.lon, pk.lat, pk.lon) < 40.0;
  }
  return false;
}

void Resolver::Resolve(const std::vector<Mention>& mentions, std::vector<uint32_t>* picks) const {
  picks->assign(mentions.size(), format::kNone);
  const Gazetteer& g = gazetteer_;

  // Step 1: groups by key and container key.
  thread_local std::vector<Group> groups;
  thread_local std::vector<int> group_of;
  groups.clear();
  group_of.assign(mentions.size(), -1);
  auto container_key = [&](const Mention& m) { return m.container >= 0 ? mentions[m.container].key_hash : 0; };
  std::unordered_map<uint64_t, std::vector<int>> by_key;  // key -> groups
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (!m.accepted || m.source == MentionSource::kSublocation || m.postings.empty()) continue;
    const uint64_t ck = container_key(m);
    int gi = -1;
    for (int candidate : by_key[m.key_hash])
      if (container_key(mentions[groups[candidate].members[0]]) == ck) gi = candidate;
    if (gi < 0) {
      gi = static_cast<int>(groups.size());
      groups.emplace_back();
      groups.back().key = m.key_hash;
      by_key[m.key_hash].push_back(gi);
    }
    groups[gi].members.push_back(static_cast<uint32_t>(i));
    group_of[i] = gi;
  }
  // A mention without a container joins the only group of its name that has one,
  // unless it is that group's container ("Veracruz, Veracruz": the city, then its state).
  for (auto& [key, list] : by_key) {
    int bare = -1, tied = -1, tied_count = 0;
    for (int gi : list) {
      if (container_key(mentions[groups[gi].members[0]]) == 0) bare = gi;
      else {
        tied = gi;
        ++tied_count;
      }
    }
    bool contains_tied = false;
    if (bare >= 0 && tied >= 0)
      for (uint32_t mi : groups[tied].members)
        if (mentions[mi].container >= 0 && group_of[mentions[mi].container] == bare) contains_tied = true;
    if (bare >= 0 && tied_count == 1 && !contains_tied) {
      for (uint32_t mi : groups[bare].members) {
        groups[tied].members.push_back(mi);
        group_of[mi] = tied;
      }
      groups[bare].members.clear();
    }
  }

  // Step 2: candidates and priors.
  for (Group& gr : groups) {
    if (gr.members.empty()) continue;
    bool pair = false, admin_cue = false, city_cue = false;
    for (uint32_t mi : gr.members) {
      const Mention& m = mentions[mi];
      gr.demonym |= m.source == MentionSource::kDemonym;
      gr.dateline |= (m.cues & kInDateline) != 0;
      pair |= (m.cues & kIsContainer) != 0;
      gr.is_container |= (m.cues & kIsContainer) != 0;
      admin_cue |= (m.cues & kAdminCue) != 0;
      city_cue |= (m.cues & kCityCue) != 0;
    }
    const Mention& first = mentions[gr.members[0]];
    for (const format::Posting& p : first.postings) {
      if (gr.candidates.size() >= kMaxCandidates) break;
      if (p.place >= g.place_count()) continue;
      if (p.kind == NameKind::kPostal && !pair) continue;
      const Place& place = g.place(p.place);
      const bool independent =
          place.type == PlaceType::kCountry && place.country < g.country_count() && g.country(place.country).independent;
      // A place without coordinates cannot be mapped: the last resort.
      const float unmapped = HasCoordinates(place) ? 0.0f : -2.0f;
      // "Bolivar state", "the city of Mosul": the text says which kind of place.
      float cue = 0.0f;
      if (admin_cue && (place.type == PlaceType::kAdmin1 || place.type == PlaceType::kAdmin2)) cue += 2.0f;
      // "Somali region", "Georgia state": a division's word says it is no country.
      if (admin_cue && place.type == PlaceType::kCountry) cue -= 6.0f;
      if (city_cue && place.type == PlaceType::kCity) cue += 2.0f;
      // A short name is a weak reading, unless the division is populous: "Cavite" is the
      // province of four million before the village of two thousand.
      const float kind_cost = p.kind == NameKind::kShort && place.population >= 1000000 ? -1.0f : KindCost(p.kind);
      gr.candidates.push_back(Candidate{p.place, Prior(place, independent) + kind_cost + unmapped + cue});
    }
  }

  // A division named after its seat ("Lisbon", "Jakarta", "Alexandria"): the name
  // means the city unless the text says otherwise.
  for (Group& gr : groups)
    for (Candidate& d : gr.candidates) {
      const Place& pd = g.place(d.place);
      if (pd.type != PlaceType::kAdmin1 && pd.type != PlaceType::kAdmin2) continue;
      for (const Candidate& c : gr.candidates) {
        const Place& pc = g.place(c.place);
        const bool seat = pc.feature == format::Feature::kCapital || pc.feature == format::Feature::kAdmin1Seat ||
                          (pd.type == PlaceType::kAdmin2 && pc.feature == format::Feature::kAdmin2Seat);
        if (pc.type == PlaceType::kCity && seat && (pc.admin1 == d.place || pc.admin2 == d.place)) {
          d.prior -= 2.5f;
          break;
        }
      }
    }

  // Step 3: container bonuses (fixed).
  auto inside = [&](uint32_t x, uint32_t k) { return Inside(x, k); };
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    Group& gr = groups[gi];
    if (gr.members.empty()) continue;
    const Mention& m = mentions[gr.members[0]];
    if (m.container < 0 || group_of[m.container] < 0) continue;
    Group& cg = groups[group_of[m.container]];
    gr.container_group = group_of[m.container];
    for (Candidate& x : gr.candidates) {
      bool found = false;
      for (Candidate& k : cg.candidates)
        if (inside(x.place, k.place)) {
          found = true;
          // "Tepeaca, Puebla": the state that holds the town before the city of that
          // name 35 km away (a city contains by distance only).
          k.fixed = std::max(k.fixed, g.place(k.place).type == PlaceType::kCity ? 3.0f : 5.5f);
          // "Kasserine (Ezzouhour, Kasserine)": a name placed inside a division is
          // smaller than it: the city, not the governorate of the same name.
          if (g.place(x.place).type <= g.place(k.place).type) x.fixed -= 3.0f;
        }
      x.fixed += found ? 6.0f : -4.0f;
    }
  }

  // Step 4: support between candidates of different names (fixed): a candidate gains
  // when another name of the article has a candidate in the same second-level division
  // or close by ("Paris" and "Henry County": Paris, Tennessee). Bounded to the first
  // kMaxSupportGroups groups and their kMaxSupportCandidates best candidates.
  {
    std::vector<size_t> active;
    for (size_t gi = 0; gi < groups.size() && active.size() < kMaxSupportGroups; ++gi)
      if (!groups[gi].candidates.empty() && !groups[gi].demonym) active.push_back(gi);
    auto pair_support = [&](uint32_t x, uint32_t y) -> float {
      const Place& px = g.place(x);
      const Place& py = g.place(y);
      if (px.type == PlaceType::kCountry || py.type == PlaceType::kCountry || px.type == PlaceType::kAdmin1 ||
          py.type == PlaceType::kAdmin1)
        return 0.0f;
      if ((py.type == PlaceType::kAdmin2 && px.admin2 == y) || (px.type == PlaceType::kAdmin2 && py.admin2 == x))
        return 5.0f;
      if (!HasCoordinates(px) || !HasCoordinates(py)) return 0.0f;
      const float dlat = std::fabs(px.lat - py.lat);
      if (dlat > 1.5f) return 0.0f;
      const float dlon = std::fabs(px.lon - py.lon) * std::cos((px.lat + py.lat) * 0.5f * static_cast<float>(M_PI / 180));
      const float km = 111.2f * std::sqrt(dlat * dlat + dlon * dlon);
      return km <= 40.0f ? 3.0f : km <= 150.0f ? 1.2f : 0.0f;
    };
    for (size_t a : active) {
      Group& ga = groups[a];
      const size_t na = std::min(ga.candidates.size(), kMaxSupportCandidates);
      for (size_t ci = 0; ci < na; ++ci) {
        float total = 0;
        for (size_t b : active) {
          if (b == a || groups[b].key == ga.key) continue;
          const Group& gb = groups[b];
          const size_t nb = std::min(gb.candidates.size(), kMaxSupportCandidates);
          float best = 0;
          for (size_t cj = 0; cj < nb && best < 5.0f; ++cj)
            best = std::max(best, pair_support(ga.candidates[ci].place, gb.candidates[cj].place));
          total += best;
        }
        ga.candidates[ci].fixed += std::min(total, 8.0f);
      }
    }
  }

  // Step 5: rounds of article context.
  std::unordered_map<uint32_t, int> named_countries, named_admin1, held_country, held_admin1;
  struct Anchor {
    int group;
    float lat, lon;
  };
  std::vector<Anchor> anchors;
  for (int round = 0; round < kRounds; ++round) {
    named_countries.clear();
    named_admin1.clear();
    held_country.clear();
    held_admin1.clear();
    anchors.clear();
    int dateline_group = -1;
    int held_total = 0;  // picks that are not countries
    if (round > 0) {
      for (size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& gr = groups[gi];
        if (gr.pick < 0) continue;
        const uint32_t x = gr.candidates[gr.pick].place;
        const Place& p = g.place(x);
        if (gr.dateline) dateline_group = static_cast<int>(gi);
        if (gr.demonym || p.type == PlaceType::kCountry) named_countries[p.country] += 1;
        else if (p.type == PlaceType::kAdmin1) named_admin1[x] += 1;
        else {
          held_country[p.country] += 1;
          if (p.admin1 != format::kNone) held_admin1[p.admin1] += 1;
          if (anchors.size() < kMaxAnchors && HasCoordinates(p)) anchors.push_back({static_cast<int>(gi), p.lat, p.lon});
        }
        if (p.type == PlaceType::kAdmin1) held_country[p.country] += 1;
        if (!gr.demonym && p.type != PlaceType::kCountry) ++held_total;
      }
    }
    for (size_t gi = 0; gi < groups.size(); ++gi) {
      Group& gr = groups[gi];
      if (gr.candidates.empty()) continue;
      const uint32_t own = gr.pick >= 0 ? gr.candidates[gr.pick].place : format::kNone;
      const Place* own_place = own != format::kNone ? &g.place(own) : nullptr;
      // Counts without this group's own contribution.
      auto count_without = [&](const std::unordered_map<uint32_t, int>& map, uint32_t key, bool own_counts) {
        auto it = map.find(key);
        const int c = it == map.end() ? 0 : it->second;
        return c - (own_counts ? 1 : 0);
      };
      float best = -1e9f;
      int best_i = -1;
      for (size_t ci = 0; ci < gr.candidates.size(); ++ci) {
        const Candidate& c = gr.candidates[ci];
        const Place& p = g.place(c.place);
        float s = c.prior + c.fixed;
        if (round > 0 && !gr.demonym) {
          const bool own_named_country =
              own_place && (gr.demonym || own_place->type == PlaceType::kCountry) && own_place->country == p.country;
          if (p.type != PlaceType::kCountry && count_without(named_countries, p.country, own_named_country) > 0) s += 1.5f;
          if (p.type != PlaceType::kAdmin1 && p.admin1 != format::kNone &&
              count_without(named_admin1, p.admin1, own == p.admin1) > 0)
            s += 3.5f;
          const bool own_held = own_place && own_place->type != PlaceType::kCountry && !gr.demonym;
          const int held = count_without(held_country, p.country,
                                         own_held && own_place->country == p.country &&
                                             own_place->type != PlaceType::kCountry);
          if (p.type == PlaceType::kCountry) {
            if (held > 0) s += 1.0f;
            else if (held_total - (own_held ? 1 : 0) > 0) s -= 1.5f;
          }
          if (p.type == PlaceType::kAdmin1 && held > 0) s += 1.5f;
          if (p.type == PlaceType::kAdmin1 &&
              count_without(held_admin1, c.place, own_held && own_place->admin1 == c.place) > 0)
            s += 1.5f;
          if (p.type != PlaceType::kCountry && HasCoordinates(p)) {
            double nearest = 1e9;
            for (const Anchor& a : anchors)
              if (a.group != static_cast<int>(gi)) nearest = std::min(nearest, DistanceKm(p.lat, p.lon, a.lat, a.lon));
            if (nearest < 50) s += 1.0f;
            else if (nearest < 400) s += 0.5f;
          }
          if (dateline_group >= 0 && dateline_group != static_cast<int>(gi)) {
            const Group& dg = groups[dateline_group];
            const Place& dp = g.place(dg.candidates[dg.pick].place);
            if (p.country == dp.country && p.type != PlaceType::kCountry) s += 1.0f;
            if (p.admin1 != format::kNone && p.admin1 == dp.admin1) s += 1.0f;
          }
        }
        if (s > best) {
          best = s;
          best_i = static_cast<int>(ci);
        }
      }
      gr.pick = best_i;
    }
  }

  // Step 6: outliers. A small town picked far from the article's countries (named,
  // or holding the other picks), with no container of its own, is more likely a place
  // the gazetteer lacks that shares a foreign town's name ("Zambana" among Nigerian
  // villages): it is left unresolved.
  {
    std::unordered_map<uint32_t, int> countries;
    int total = 0;
    for (const Group& gr : groups) {
      if (gr.pick < 0 || gr.demonym) continue;  // "Irish" says little about where the news is
      countries[g.place(gr.candidates[gr.pick].place).country] += static_cast<int>(gr.members.size());
      total += static_cast<int>(gr.members.size());
    }
    for (Group& gr : groups) {
      if (gr.pick < 0 || gr.container_group >= 0 || gr.is_container || gr.dateline || gr.demonym) continue;
      const Place& p = g.place(gr.candidates[gr.pick].place);
      if (p.type != PlaceType::kCity || p.population >= 100000) continue;
      const int same = countries[p.country] - static_cast<int>(gr.members.size());
      const int others = total - countries[p.country];
      if (same == 0 && others >= 2) gr.pick = -1;
    }
  }

  // Step 7: the picks.
  for (size_t i = 0; i < mentions.size(); ++i) {
    const int gi = group_of[i];
    if (gi < 0 || groups[gi].pick < 0) continue;
    (*picks)[i] = groups[gi].candidates[groups[gi].pick].place;
  }
}

}  // namespace annals::geo
