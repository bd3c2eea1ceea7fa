// Query planning notes. Each filter maps to an indexed access path, and SQLite picks
// the most selective: type, mode, CAMEO prefix (a range on cameo), ACLED types,
// country, admin1 and mentions each have an index ending in day, so a filter plus a
// date range or the date order reads only matching rows; a radius or box goes through
// the R*Tree (events_rtree) and then the exact great-circle test; actor kinds through
// event_kinds(kind, day); text through the two FTS5 indexes. See the README for the
// measured latencies on a 1M-event store.
#include "store/query.h"

#include <cmath>
#include <numbers>
#include <variant>

#include "core/civil_date.h"

namespace annals::store {
namespace {

using Param = std::variant<int64_t, double, std::string>;

struct Sql {
  std::string where;
  std::vector<Param> params;

  void And(std::string_view clause) {
    where.append(where.empty() ? " WHERE " : " AND ");
    where.append(clause);
  }
  // "(?, ?, ?)" for the values, which become parameters.
  std::string List(const std::vector<std::string>& values) {
    std::string out = "(";
    for (size_t i = 0; i < values.size(); ++i) {
      out.append(i ? ", ?" : "?");
      params.emplace_back(values[i]);
    }
    return out + ")";
  }
};

int64_t DayOfDate(const std::string& date) { return DaysFromCivil(*ParseIsoDate(date)); }

// Appends the R*Tree condition for latitudes [lat0, lat1] and longitudes [lon0, lon1],
// where lon0 > lon1 means the range crosses the 180th meridian.
void AddBox(double lat0, double lat1, double lon0, double lon1, Sql* sql) {
  std::string clause =
      "e.event_pk IN (SELECT event_pk FROM events_rtree WHERE max_lat >= ? AND min_lat <= ? AND ";
  sql->params.emplace_back(lat0);
  sql->params.emplace_back(lat1);
  if (lon0 <= lon1) {
    clause.append("max_lon >= ? AND min_lon <= ?)");
    sql->params.emplace_back(lon0);
    sql->params.emplace_back(lon1);
  } else {
    clause.append("(max_lon >= ? OR min_lon <= ?))");
    sql->params.emplace_back(lon0);
    sql->params.emplace_back(lon1);
  }
  sql->And(clause);
}

Sql BuildWhere(const EventQuery& q) {
  Sql sql;
  if (!q.types.empty()) sql.And("e.type IN " + sql.List(q.types));
  if (!q.modes.empty()) sql.And("e.mode IN " + sql.List(q.modes));
  if (!q.cameo_prefixes.empty()) {
    // A prefix is a range of codes: "14" <= cameo < "15" ("19" < "1:" in ASCII).
    std::string clause = "(";
    for (size_t i = 0; i < q.cameo_prefixes.size(); ++i) {
      std::string upper = q.cameo_prefixes[i];
      ++upper.back();
      clause.append(i ? " OR " : "").append("(e.cameo >= ? AND e.cameo < ?)");
      sql.params.emplace_back(q.cameo_prefixes[i]);
      sql.params.emplace_back(upper);
    }
    sql.And(clause + ")");
  }
  if (!q.acled_types.empty()) sql.And("e.acled_event_type IN " + sql.List(q.acled_types));
  if (!q.acled_sub_types.empty()) sql.And("e.acled_sub_event_type IN " + sql.List(q.acled_sub_types));
  if (!q.countries.empty()) sql.And("e.country IN " + sql.List(q.countries));
  if (!q.admin1s.empty()) sql.And("e.admin1 IN " + sql.List(q.admin1s));
  if (q.since) {
    sql.And("e.day >= ?");
    sql.params.emplace_back(DayOfDate(*q.since));
  }
  if (q.until) {
    sql.And("e.day <= ?");
    sql.params.emplace_back(DayOfDate(*q.until));
  }
  if (q.min_mentions > 0) {
    sql.And("e.mentions >= ?");
    sql.params.emplace_back(q.min_mentions);
  }
  if (q.near) {
    // Step 1: a box that holds the circle, through the R*Tree; step 2: the exact test.
    constexpr double kKmPerDegree = 6371.0088 * std::numbers::pi / 180.0;
    const EventQuery::Circle& c = *q.near;
    const double dlat = c.km / kKmPerDegree;
    const double lat0 = std::max(-90.0, c.lat - dlat), lat1 = std::min(90.0, c.lat + dlat);
    const double widest = std::max(std::fabs(lat0), std::fabs(lat1));
    double lon0 = -180, lon1 = 180;
    if (widest < 89.9) {
      const double dlon = c.km / (kKmPerDegree * std::cos(widest * std::numbers::pi / 180.0));
      if (dlon < 180) {
        lon0 = c.lon - dlon;
        lon1 = c.lon + dlon;
        if (lon0 < -180) lon0 += 360;
        if (lon1 > 180) lon1 -= 360;
      }
    }
    AddBox(lat0, lat1, lon0, lon1, &sql);
    sql.And("annals_km(e.lat, e.lon, ?, ?) <= ?");
    sql.params.emplace_back(c.lat);
    sql.params.emplace_back(c.lon);
    sql.params.emplace_back(c.km);
  }
  if (q.bbox) {
    // The R*Tree keeps 32-bit floats (boxes rounded outwards): the exact test follows.
    const EventQuery::Box& b = *q.bbox;
    AddBox(b.min_lat, b.max_lat, b.min_lon, b.max_lon, &sql);
    sql.And(b.min_lon <= b.max_lon ? "e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?"
                                   : "e.lat BETWEEN ? AND ? AND (e.lon >= ? OR e.lon <= ?)");
    sql.params.emplace_back(b.min_lat);
    sql.params.emplace_back(b.max_lat);
    sql.params.emplace_back(b.min_lon);
    sql.params.emplace_back(b.max_lon);
  }
  if (!q.actor_kinds.empty()) {
    std::string clause = "e.event_pk IN (SELECT event_pk FROM event_kinds WHERE kind IN " + sql.List(q.actor_kinds);
    if (q.since) {
      clause.append(" AND day >= ?");
      sql.params.emplace_back(DayOfDate(*q.since));
    }
    if (q.until) {
      clause.append(" AND day <= ?");
      sql.params.emplace_back(DayOfDate(*q.until));
    }
    sql.And(clause + ")");
  }
  if (q.text) {
    sql.And(
        "e.event_pk IN (SELECT m.event_pk FROM evidence_fts f JOIN mentions m ON m.mention_pk = f.rowid "
        "WHERE evidence_fts MATCH ? UNION SELECT m.event_pk FROM articles_fts t JOIN mentions m "
        "ON m.article_pk = t.rowid WHERE articles_fts MATCH ?)");
    sql.params.emplace_back(*q.text);
    sql.params.emplace_back(*q.text);
  }
  return sql;
}

void Bind(Statement* st, const std::vector<Param>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    if (const auto* n = std::get_if<int64_t>(&params[i])) st->BindInt(index, *n);
    else if (const auto* d = std::get_if<double>(&params[i])) st->BindDouble(index, *d);
    else st->BindText(index, std::get<std::string>(params[i]));
  }
}

// An FTS5 syntax error is the caller's mistake, not the database's: tried alone first.
Status CheckTextQuery(Store* store, const EventQuery& q) {
  if (!q.text) return Status::Ok();
  Result<Statement> st = store->db()->Prepare("SELECT 1 FROM evidence_fts WHERE evidence_fts MATCH ?1 LIMIT 1");
  if (!st.ok()) return st.status();
  st.value().BindText(1, *q.text);
  st.value().Step();
  const Status s = st.value().status();
  if (s.ok()) return s;
  std::string reason = s.message();
  if (reason.rfind("sqlite: ", 0) == 0) reason = reason.substr(8, reason.find(" (") - 8);
  return Status(ErrorCode::kInvalidArgument, "the text query '" + *q.text + "' is not a valid FTS5 query: " + reason);
}

constexpr std::string_view kEventColumns =
    "e.event_pk, e.key, e.type, e.mode, e.cameo, e.acled_event_type, e.acled_sub_event_type, e.date, "
    "e.date_precision, e.loc_mention, e.loc_name, e.country, e.admin1, e.admin2, e.loc_precision, e.geonameid, "
    "e.lat, e.lon, e.source_codes, e.source_texts, e.target_codes, e.target_texts, e.killed, e.injured, "
    "e.hospitalized, e.arrested, e.displaced, e.participants, e.status, e.confidence, e.mentions, e.sources, "
    "e.first_report, e.last_report";

void ReadEvent(const Statement& st, StoredEvent* e) {
  e->pk = st.Int(0);
  e->key = std::string(st.Text(1));
  e->type = std::string(st.Text(2));
  e->mode = std::string(st.Text(3));
  e->cameo = std::string(st.Text(4));
  e->acled_event_type = st.OptionalText(5);
  e->acled_sub_event_type = st.OptionalText(6);
  e->date = st.OptionalText(7);
  e->date_precision = std::string(st.Text(8));
  e->loc_mention = st.OptionalText(9);
  e->loc_name = st.OptionalText(10);
  e->country = st.OptionalText(11);
  e->admin1 = st.OptionalText(12);
  e->admin2 = st.OptionalText(13);
  e->loc_precision = st.OptionalText(14);
  e->geonameid = st.OptionalInt(15);
  e->lat = st.OptionalDouble(16);
  e->lon = st.OptionalDouble(17);
  e->source_codes = std::string(st.Text(18));
  e->source_texts = std::string(st.Text(19));
  e->target_codes = std::string(st.Text(20));
  e->target_texts = std::string(st.Text(21));
  e->killed = st.OptionalInt(22);
  e->injured = st.OptionalInt(23);
  e->hospitalized = st.OptionalInt(24);
  e->arrested = st.OptionalInt(25);
  e->displaced = st.OptionalInt(26);
  e->participants = st.OptionalInt(27);
  e->status = std::string(st.Text(28));
  e->confidence = st.Double(29);
  e->mentions = st.Int(30);
  e->sources = st.Int(31);
  e->first_report = st.OptionalText(32);
  e->last_report = st.OptionalText(33);
}

bool IsDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

Status EventQuery::Validate() const {
  auto bad = [](const std::string& what) { return Status(ErrorCode::kInvalidArgument, what); };
  for (const std::string& t : types)
    if (!EventTypeFromString(t)) return bad("'" + t + "' is not a PLOVER event type");
  for (const std::string& k : actor_kinds)
    if (!ActorKindFromString(k)) return bad("'" + k + "' is not an actor kind");
  for (const std::string& p : cameo_prefixes)
    if (!IsDigits(p) || p.size() > 4) return bad("'" + p + "' is not a CAMEO code prefix (1 to 4 digits)");
  for (const std::string& c : countries)
    if (c.size() != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z')
      return bad("'" + c + "' is not an ISO 3166-1 alpha-2 code (two capital letters)");
  for (const std::optional<std::string>* d : {&since, &until})
    if (*d && (d->value().size() != 10 || !ParseIsoDate(**d))) return bad("'" + **d + "' is not a date YYYY-MM-DD");
  if (near) {
    if (!(near->lat >= -90 && near->lat <= 90 && near->lon >= -180 && near->lon <= 180))
      return bad("the point " + std::to_string(near->lat) + "," + std::to_string(near->lon) + " is not on Earth");
    if (!(near->km > 0 && near->km <= 20040)) return bad("the radius " + std::to_string(near->km) + " km is not in (0, 20040]");
  }
  if (bbox) {
    const Box& b = *bbox;
    if (!(b.min_lat >= -90 && b.max_lat <= 90 && b.min_lat <= b.max_lat && b.min_lon >= -180 && b.max_lon <= 180 &&
          b.min_lon >= -180 && b.max_lon >= -180 && b.min_lon <= 180))
      return bad("the box is not MIN_LAT,MIN_LON,MAX_LAT,MAX_LON within [-90,90] x [-180,180]");
  }
  if (text && text->empty()) return bad("the text query is empty");
  if (min_mentions < 0 || limit < 0) return bad("--min-mentions and --limit take numbers >= 0");
  return Status::Ok();
}

Status RunQuery(Store* store, const EventQuery& query, const ReadOptions& read,
                const std::function<bool(const StoredEvent&)>& sink) {
  Status s = query.Validate();
  if (s.ok()) s = CheckTextQuery(store, query);
  if (!s.ok()) return s;
  Sql sql = BuildWhere(query);
  std::string text = "SELECT " + std::string(kEventColumns) + " FROM events e" + sql.where;
  switch (query.order) {
    case EventQuery::Order::kNewest: text.append(" ORDER BY e.day DESC, e.key"); break;
    case EventQuery::Order::kOldest: text.append(" ORDER BY e.day, e.key"); break;
    case EventQuery::Order::kMentions: text.append(" ORDER BY e.mentions DESC, e.day DESC, e.key"); break;
  }
  if (query.limit > 0) {
    text.append(" LIMIT ?");
    sql.params.emplace_back(query.limit);
  }
  Result<Statement> st = store->db()->Prepare(text);
  if (!st.ok()) return st.status();
  Bind(&st.value(), sql.params);

  Statement reports, actors;
  if (read.with_reports) {
    Result<Statement> r = store->db()->Prepare(
        "SELECT m.event_id, a.id, a.date, a.title, a.url, a.outlet, m.type, m.mode, m.cameo, m.date, m.loc_name, "
        "m.trigger, m.confidence, m.evidence_spans, m.evidence FROM mentions m JOIN articles a "
        "ON a.article_pk = m.article_pk WHERE m.event_pk = ?1 ORDER BY a.date, m.event_id");
    if (!r.ok()) return r.status();
    reports = std::move(r).value();
  }
  if (read.with_actors) {
    Result<Statement> r = store->db()->Prepare(
        "SELECT ac.role, ac.text, ac.kind, ac.country, ac.sector, ac.code, ac.count, ac.start, ac.end, ac.field "
        "FROM actors ac JOIN mentions m ON m.mention_pk = ac.mention_pk WHERE m.event_pk = ?1 AND m.event_id = ?2 "
        "ORDER BY ac.role, ac.ord");
    if (!r.ok()) return r.status();
    actors = std::move(r).value();
  }

  StoredEvent event;
  while (st.value().Step()) {
    ReadEvent(st.value(), &event);
    event.reports.clear();
    event.source.clear();
    event.target.clear();
    if (read.with_reports) {
      reports.BindInt(1, event.pk);
      while (reports.Step()) {
        StoredMention m;
        m.event_id = std::string(reports.Text(0));
        m.article_id = std::string(reports.Text(1));
        m.article_date = reports.OptionalText(2);
        m.title = reports.OptionalText(3);
        m.url = reports.OptionalText(4);
        m.outlet = std::string(reports.Text(5));
        m.type = std::string(reports.Text(6));
        m.mode = std::string(reports.Text(7));
        m.cameo = std::string(reports.Text(8));
        m.date = reports.OptionalText(9);
        m.loc_name = reports.OptionalText(10);
        m.trigger = std::string(reports.Text(11));
        m.confidence = reports.Double(12);
        m.evidence_spans = std::string(reports.Text(13));
        m.evidence = std::string(reports.Text(14));
        event.reports.push_back(std::move(m));
      }
      s = reports.status();
      reports.Reset();
      if (!s.ok()) return s;
    }
    if (read.with_actors) {
      actors.BindInt(1, event.pk);
      actors.BindText(2, event.key);
      while (actors.Step()) {
        Actor a;
        a.text = std::string(actors.Text(1));
        a.kind = ActorKindFromString(actors.Text(2)).value_or(ActorKind::kUnknown);
        a.country = actors.OptionalText(3);
        a.sector = actors.OptionalText(4);
        a.code = std::string(actors.Text(5));
        a.count = actors.OptionalInt(6);
        a.span.start = static_cast<uint32_t>(actors.Int(7));
        a.span.end = static_cast<uint32_t>(actors.Int(8));
        a.span.field = actors.Text(9) == "title" ? Field::kTitle : Field::kText;
        (actors.Int(0) == 0 ? event.source : event.target).push_back(std::move(a));
      }
      s = actors.status();
      actors.Reset();
      if (!s.ok()) return s;
    }
    if (!sink(event)) break;
  }
  return st.value().status();
}

Result<int64_t> CountQuery(Store* store, const EventQuery& query) {
  Status s = query.Validate();
  if (s.ok()) s = CheckTextQuery(store, query);
  if (!s.ok()) return s;
  Sql sql = BuildWhere(query);
  Result<Statement> st = store->db()->Prepare("SELECT count(*) FROM events e" + sql.where);
  if (!st.ok()) return st.status();
  Bind(&st.value(), sql.params);
  if (!st.value().Step()) return st.value().status();
  return st.value().Int(0);
}

}  // namespace annals::store
