#include "store/place_list.h"

namespace annals::store {

Result<std::vector<PlaceCount>> ListPlaces(Store* store, const PlaceQuery& query) {
  for (const std::string& c : query.countries)
    if (c.size() != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z')
      return Status(ErrorCode::kInvalidArgument, "'" + c + "' is not an ISO 3166-1 alpha-2 code (two capital letters)");
  if (query.limit <= 0) return Status(ErrorCode::kInvalidArgument, "the place limit must be at least 1");
  // Fixed SQL with one bound parameter per value.
  std::string sql =
      "SELECT loc_name, geonameid, country, admin1, loc_precision, avg(lat), avg(lon), count(*) AS n, "
      "min(date), max(date) FROM events WHERE loc_name IS NOT NULL";
  if (!query.countries.empty()) {
    sql.append(" AND country IN (");
    for (size_t i = 0; i < query.countries.size(); ++i) sql.append(i ? ", ?" : "?");
    sql.append(")");
  }
  sql.append(" GROUP BY geonameid, loc_name, country, admin1 ORDER BY n DESC, loc_name, country LIMIT ?");
  Result<Statement> st = store->db()->Prepare(sql);
  if (!st.ok()) return st.status();
  int index = 1;
  for (const std::string& c : query.countries) st.value().BindText(index++, c);
  st.value().BindInt(index, query.limit);
  std::vector<PlaceCount> out;
  while (st.value().Step()) {
    const Statement& r = st.value();
    PlaceCount p;
    p.name = std::string(r.Text(0));
    p.geonameid = r.OptionalInt(1);
    p.country = r.OptionalText(2);
    p.admin1 = r.OptionalText(3);
    p.precision = r.OptionalText(4);
    p.lat = r.OptionalDouble(5);
    p.lon = r.OptionalDouble(6);
    p.events = r.Int(7);
    p.first_date = r.OptionalText(8);
    p.last_date = r.OptionalText(9);
    out.push_back(std::move(p));
  }
  if (!st.value().status().ok()) return st.value().status();
  return out;
}

}  // namespace annals::store
