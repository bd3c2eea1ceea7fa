#include "geo/geo_lexicon.h"

#include "core/tsv.h"

namespace annals::embedded {
extern const std::string_view kGeoContextWordsTsv;
}  // namespace annals::embedded

namespace annals::geo {

Result<std::unique_ptr<GeoLexicon>> GeoLexicon::Load() {
  auto lexicon = std::make_unique<GeoLexicon>();
  Result<TsvTable> table = ParseTsv(embedded::kGeoContextWordsTsv, "data/geo/context_words.tsv", 2);
  if (!table.ok()) return table.status();
  for (const TsvTable::Row& row : table.value().rows) {
    const std::string_view c = row.fields[1];
    const uint32_t bit = c == "locative"       ? kLocative
                         : c == "title"        ? kTitle
                         : c == "qualifier"    ? kQualifier
                         : c == "admin_head"   ? kAdminHead
                         : c == "city_head"    ? kCityHead
                         : c == "sub_head"     ? kSubHead
                         : c == "country_head" ? kCountryHead
                         : c == "org_head"     ? kOrgHead
                         : c == "time"         ? kTime
                         : c == "connector"    ? kConnector
                         : c == "currency"     ? kCurrency
                         : c == "name_prefix"  ? kNamePrefix
                         : c == "route"        ? kRoute
                         : c == "quarter"      ? kQuarter
                         : c == "kin"          ? kKin
                                               : 0u;
    if (bit == 0)
      return Status(ErrorCode::kCorruptResource, "data/geo/context_words.tsv:" + std::to_string(row.line) +
                                                     ": unknown class '" + std::string(c) + "'");
    lexicon->classes_[std::string(row.fields[0])] |= bit;
  }
  return lexicon;
}

}  // namespace annals::geo
