// Placeholder until the gazetteer lands (issue 3): finds no places.
#include "geo/geocoder.h"

namespace annals::geo {

struct Geocoder::Impl {};

Geocoder::Geocoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Geocoder::~Geocoder() = default;

Result<std::unique_ptr<Geocoder>> Geocoder::Load(const std::string& data_dir) {
  return std::unique_ptr<Geocoder>(new Geocoder(std::make_unique<Impl>()));
}

void Geocoder::Geoparse(const text::Document& title, const text::Document& body, GeoResult* out) const {
  out->Clear();
}

std::string_view Geocoder::Alpha3(std::string_view alpha2) const { return {}; }

}  // namespace annals::geo
