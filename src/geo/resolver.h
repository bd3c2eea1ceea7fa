// The resolver: picks one gazetteer place for each accepted mention.
#ifndef ANNALS_GEO_RESOLVER_H_
#define ANNALS_GEO_RESOLVER_H_

#include <cstdint>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/toponym_finder.h"

namespace annals::geo {

class Resolver {
 public:
  explicit Resolver(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  // Fills picks[i] with the place of mentions[i] (format::kNone for mentions not
  // accepted, sublocations, and names none of whose candidates survive).
  void Resolve(const std::vector<Mention>& mentions, std::vector<uint32_t>* picks) const;

  // Whether place x lies in place k: in the country, admin1 or admin2 division k, or
  // within 40 km of city k.
  bool Inside(uint32_t x, uint32_t k) const;

  // The great-circle distance in km.
  static double DistanceKm(double lat1, double lon1, double lat2, double lon2);

 private:
  const Gazetteer& gazetteer_;
};

}  // namespace annals::geo

#endif  // ANNALS_GEO_RESOLVER_H_
