// geo_place_check: how well the geo stage alone locates ACLED-style notes. For each
// JSON Lines record with gold.latitude/gold.longitude, it geoparses the text and takes
// PlaceOfSentence(first sentence), else GeoResult::main_place, and reports the share
// within 25 km and 161 km of the gold point (and of main_place alone).
//   build-geo/bench/geo_place_check build-geo/data FILE.jsonl...   (SHOW=1 lists misses)
#include <simdjson.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "geo/geocoder.h"
#include "geo/resolver.h"
#include "text/analyzer.h"

using namespace annals;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: geo_place_check DATA_DIR FILE.jsonl...\n";
    return 2;
  }
  auto analyzer = text::Analyzer::Load(argv[1]);
  auto geocoder = geo::Geocoder::Load(argv[1]);
  if (!analyzer.ok() || !geocoder.ok()) {
    std::cerr << "cannot load the resources in " << argv[1] << "\n";
    return 1;
  }
  const bool show = std::getenv("SHOW") != nullptr;
  for (int f = 2; f < argc; ++f) {
    std::ifstream in(argv[f]);
    std::string line;
    simdjson::dom::parser parser;
    int n = 0, hit = 0, hit161 = 0, none = 0, hit_main = 0;
    text::Document title, body;
    geo::GeoResult result;
    analyzer.value()->Analyse("", Field::kTitle, &title);
    while (std::getline(in, line)) {
      simdjson::dom::element e;
      if (parser.parse(line).get(e)) continue;
      std::string_view text_view;
      double lat, lon;
      if (e["text"].get(text_view) || e["gold"]["latitude"].get(lat) || e["gold"]["longitude"].get(lon)) continue;
      const std::string text(text_view);
      analyzer.value()->Analyse(text, Field::kText, &body);
      geocoder.value()->Geoparse(title, body, &result);
      ++n;
      int p = geo::PlaceOfSentence(result, Field::kText, 0);
      if (p < 0) p = result.main_place;
      if (p < 0 || !result.places[p].mention.lat) {
        ++none;
        continue;
      }
      const auto& m = result.places[p].mention;
      const double d = geo::Resolver::DistanceKm(lat, lon, *m.lat, *m.lon);
      hit += d <= 25;
      hit161 += d <= 161;
      if (result.main_place >= 0 && result.places[result.main_place].mention.lat) {
        const auto& mm = result.places[result.main_place].mention;
        hit_main += geo::Resolver::DistanceKm(lat, lon, *mm.lat, *mm.lon) <= 25;
      }
      if (show && d > 25) std::cout << "MISS " << text.substr(0, 200) << " | got " << m.mention << " " << d << "\n";
    }
    if (n == 0) continue;
    std::cout << argv[f] << ": n=" << n << " PlaceOfSentence(0) else main_place: <=25km " << double(hit) / n
              << " <=161km " << double(hit161) / n << " no place " << double(none) / n
              << " | main_place alone <=25km " << double(hit_main) / n << "\n";
  }
  return 0;
}
