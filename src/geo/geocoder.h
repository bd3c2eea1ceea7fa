// The geo stage: finds the toponyms of an article (title and text) and resolves them
// to gazetteer entries, with no server: the gazetteer is a compiled file read by mmap.
#ifndef ANNALS_GEO_GEOCODER_H_
#define ANNALS_GEO_GEOCODER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/annals.h"
#include "text/document.h"

namespace annals::geo {

class Gazetteer;

// One toponym found in a field, with its resolution (if any).
struct FoundPlace {
  PlaceMention mention;         // what goes into ArticleRecord::places
  Field field = Field::kText;
  uint32_t first_token = 0;     // token range in that field's Document
  uint32_t end_token = 0;
  uint32_t sentence = 0;        // sentence index in that field's Document
  std::string country_alpha3;   // for actors' affiliation ("FRA"); empty when unresolved
  std::string admin1_code;      // GeoNames admin1 code within the country ("32"); may be empty
  std::string admin2_code;      // GeoNames admin2 code; may be empty
  int64_t population = 0;
  bool national_capital = false;  // a country's seat of government (GeoNames PPLC, PPLG)
  // A division's seat (its capital city: gazetteer_format.h Place::seat), as (lat, lon);
  // absent for cities, countries and divisions whose seat the gazetteer lacks.
  std::optional<std::pair<double, double>> seat;
  // For a sublocation ("the Turquerie Zone"): index in GeoResult::places of the
  // city the text ties it to; -1 otherwise.
  int parent = -1;
  // Index in GeoResult::places of the place that the text uses to situate this one
  // ("Long Beach, CA", "Immokalee (Collier, Florida)", "Briançon, a commune in
  // southeast France"); -1 when there is none. A strong cue that this mention is where
  // something happened.
  int container = -1;
};

struct GeoResult {
  std::vector<FoundPlace> places;   // in text order: the title's first, then the text's
  int main_place = -1;              // the article's main place (index in places), -1 if none
  std::optional<std::string> dateline;  // the dateline's place as written ("PARIS")

  void Clear() {
    places.clear();
    main_place = -1;
    dateline.reset();
  }
};

// The place where something told in sentence `sentence` of field `field` happened:
// among that sentence's resolved places with coordinates (not demonyms), those that do
// not merely situate another one (the "State" of "City, State", the divisions in
// "X (Admin2, Admin1)"), the most specific (sublocation, city, admin2, admin1,
// country), a place with a container before one without, then the first. -1 when the
// sentence has none; callers then fall back to GeoResult::main_place.
int PlaceOfSentence(const GeoResult& result, Field field, uint32_t sentence);

class Geocoder {
 public:
  // Maps the compiled gazetteer in `data_dir` (gazetteer.bin). An error names the
  // missing or malformed file and how to build it.
  static Result<std::unique_ptr<Geocoder>> Load(const std::string& data_dir);
  ~Geocoder();

  // Finds and resolves every toponym of the article. Thread-safe.
  void Geoparse(const text::Document& title, const text::Document& body, GeoResult* out) const;

  // The ISO 3166-1 alpha-3 code of a country given by alpha-2 ("FR" -> "FRA").
  std::string_view Alpha3(std::string_view alpha2) const;

  // The mapped gazetteer, for lookups by other stages and tests.
  const Gazetteer& gazetteer() const;

  struct Impl;

 private:
  explicit Geocoder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace annals::geo

#endif  // ANNALS_GEO_GEOCODER_H_
