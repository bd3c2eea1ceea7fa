// Writing stored (deduplicated) events: CSV (RFC 4180, one row per event, columns of
// StoreCsvColumns, documented in the README), JSON Lines (one object per event with
// its reports), GeoJSON (RFC 7946: a FeatureCollection of Point features, longitude
// first, WGS84, one per event with coordinates; the event key as the feature id).
#ifndef ANNALS_STORE_EXPORT_H_
#define ANNALS_STORE_EXPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "store/query.h"

namespace annals::store {

enum class ExportFormat : uint8_t { kCsv, kJsonl, kGeoJson };

// "csv" / "jsonl" / "geojson"; nullopt for another word.
std::optional<ExportFormat> ExportFormatFromName(std::string_view name);

// The CSV columns, in order.
const std::vector<std::string_view>& StoreCsvColumns();

class EventExporter {
 public:
  explicit EventExporter(ExportFormat format) : format_(format) {}
  // What RunQuery must read for this format (reports and actors for JSONL and
  // GeoJSON, reports for CSV's article ids).
  ReadOptions read_options() const;
  // Text before the first event: the CSV header, the GeoJSON collection's opening.
  std::string Begin() const;
  // Appends one event (GeoJSON: nothing for an event without coordinates). Returns
  // whether anything was written.
  bool Append(const StoredEvent& event, std::string* out);
  // Text after the last event.
  std::string End() const;

 private:
  ExportFormat format_;
  bool first_ = true;
};

}  // namespace annals::store

#endif  // ANNALS_STORE_EXPORT_H_
