// Query planning. Each plain filter maps to an index ending in day: type, mode, CAMEO
// prefix (a range on cameo), ACLED types, country, admin1 and mentions, so a filter
// plus a date range, or the date order with a limit, reads only matching rows.
//
// The set filters (full text, evidence, radius or box, actor kinds) first find a set of
// candidate events in their own index (FTS5, the R*Tree, event_kinds). There are two
// ways to use such a set, and SQLite cannot tell which is cheaper because it cannot see
// how large the set is:
//   drive: fetch every candidate event and sort them (cost grows with the set);
//   probe: walk the events in the query's order (by date through events_by_day, or
//          through another filter's index) and keep those in the set, stopping at the
//          limit (cost grows with limit / density of the set).
// With N events, a limit L and a set of n candidates, driving costs about n lookups
// and probing about L * N / n, so probing wins above n = sqrt(L * N) (10,000 for the
// first 100 of 1M events). ChoosePlan counts each set up to that bound (cheap: the
// count stops there) and picks; a query without a limit (export, --count) drives. The
// choice changes the plan, never the result.
#include "store/query.h"

#include <algorithm>
#include <charconv>
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

// How a set filter joins the query (see the essay above).
enum class SetAccess : uint8_t { kDrive, kProbe };
struct Plan {
  SetAccess text = SetAccess::kDrive, evidence = SetAccess::kDrive, place = SetAccess::kDrive,
            kinds = SetAccess::kDrive;
};

// The R*Tree box of a radius or box filter: latitudes [lat0, lat1], longitudes
// [lon0, lon1] (lon0 > lon1: across the 180th meridian).
struct LatLonBox {
  double lat0, lat1, lon0, lon1;
};

LatLonBox BoxOf(const EventQuery& q) {
  if (q.bbox) return {q.bbox->min_lat, q.bbox->max_lat, q.bbox->min_lon, q.bbox->max_lon};
  // A box that holds the circle.
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
  return {lat0, lat1, lon0, lon1};
}

// "SELECT event_pk FROM events_rtree WHERE <box>" with its parameters.
std::string RtreeSelect(const LatLonBox& b, std::vector<Param>* params) {
  params->emplace_back(b.lat0);
  params->emplace_back(b.lat1);
  params->emplace_back(b.lon0);
  params->emplace_back(b.lon1);
  return std::string("SELECT event_pk FROM events_rtree WHERE max_lat >= ? AND min_lat <= ? AND ") +
         (b.lon0 <= b.lon1 ? "max_lon >= ? AND min_lon <= ?" : "(max_lon >= ? OR min_lon <= ?)");
}

// "SELECT event_pk FROM event_kinds WHERE kind IN (...) [AND day ...]".
std::string KindsSelect(const EventQuery& q, Sql* sql) {
  std::string select = "SELECT event_pk FROM event_kinds WHERE kind IN " + sql->List(q.actor_kinds);
  if (q.since) {
    select.append(" AND day >= ?");
    sql->params.emplace_back(DayOfDate(*q.since));
  }
  if (q.until) {
    select.append(" AND day <= ?");
    sql->params.emplace_back(DayOfDate(*q.until));
  }
  return select;
}

Sql BuildWhere(const EventQuery& q, const Plan& plan) {
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
  if (q.min_confidence > 0) {
    sql.And("e.confidence >= ?");
    sql.params.emplace_back(q.min_confidence);
  }
  // "+" keeps SQLite from fetching the set's events by rowid: it probes the set instead.
  const auto in = [](SetAccess a) { return a == SetAccess::kProbe ? "+e.event_pk IN (" : "e.event_pk IN ("; };
  if (q.near || q.bbox) {
    // The R*Tree keeps 32-bit floats (boxes rounded outwards): the exact test follows.
    sql.And(in(plan.place) + RtreeSelect(BoxOf(q), &sql.params) + ")");
    if (q.near) {
      sql.And("annals_km(e.lat, e.lon, ?, ?) <= ?");
      sql.params.emplace_back(q.near->lat);
      sql.params.emplace_back(q.near->lon);
      sql.params.emplace_back(q.near->km);
    }
    if (q.bbox) {
      const EventQuery::Box& b = *q.bbox;
      sql.And(b.min_lon <= b.max_lon ? "e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?"
                                     : "e.lat BETWEEN ? AND ? AND (e.lon >= ? OR e.lon <= ?)");
      sql.params.emplace_back(b.min_lat);
      sql.params.emplace_back(b.max_lat);
      sql.params.emplace_back(b.min_lon);
      sql.params.emplace_back(b.max_lon);
    }
  }
  if (!q.actor_kinds.empty()) {
    const std::string select = KindsSelect(q, &sql);
    sql.And(in(plan.kinds) + select + ")");
  }
  // Text: the articles (title and body) that match, or the evidence sentences. When
  // probing, "+" makes SQLite look the event's few mentions up in the matching set,
  // instead of seeking every matching article in the event's mentions.
  auto full_text = [&](SetAccess access, const std::string& fts, const std::string& mention_key,
                       const std::string& words) {
    sql.And(access == SetAccess::kProbe
                ? "EXISTS (SELECT 1 FROM mentions m WHERE m.event_pk = e.event_pk AND +m." + mention_key +
                      " IN (SELECT rowid FROM " + fts + " WHERE " + fts + " MATCH ?))"
                : "e.event_pk IN (SELECT m.event_pk FROM " + fts + " t JOIN mentions m ON m." + mention_key +
                      " = t.rowid WHERE " + fts + " MATCH ?)");
    sql.params.emplace_back(words);
  };
  if (q.text) full_text(plan.text, "articles_fts", "article_pk", *q.text);
  if (q.evidence) full_text(plan.evidence, "evidence_fts", "mention_pk", *q.evidence);
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

// The number of rows of `select` (with `params`), counting no further than `cap`.
Result<int64_t> CountUpTo(Store* store, const std::string& select, const std::vector<Param>& params, int64_t cap) {
  Result<Statement> st = store->db()->Prepare("SELECT count(*) FROM (" + select + " LIMIT " + std::to_string(cap) + ")");
  if (!st.ok()) return st.status();
  Bind(&st.value(), params);
  if (!st.value().Step()) return st.value().status();
  return st.value().Int(0);
}

Result<Plan> ChoosePlan(Store* store, const EventQuery& q) {
  Plan plan;
  if (q.limit <= 0) return plan;
  Result<Statement> size = store->db()->Prepare("SELECT coalesce(max(event_pk), 0) FROM events");
  if (!size.ok()) return size.status();
  if (!size.value().Step()) return size.value().status();
  const double events = static_cast<double>(size.value().Int(0));
  const int64_t bound = std::max<int64_t>(1000, static_cast<int64_t>(std::sqrt(static_cast<double>(q.limit) * events)));
  auto choose = [&](const std::string& select, const std::vector<Param>& params, SetAccess* access) -> Status {
    Result<int64_t> n = CountUpTo(store, select, params, bound);
    if (!n.ok()) return n.status();
    *access = n.value() >= bound ? SetAccess::kProbe : SetAccess::kDrive;
    return Status::Ok();
  };
  Status s;
  if (q.near || q.bbox) {
    std::vector<Param> params;
    const std::string select = RtreeSelect(BoxOf(q), &params);
    if (s = choose(select, params, &plan.place); !s.ok()) return s;
  }
  if (!q.actor_kinds.empty()) {
    Sql sql;
    const std::string select = KindsSelect(q, &sql);
    if (s = choose(select, sql.params, &plan.kinds); !s.ok()) return s;
  }
  if (q.text) {
    if (s = choose("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", {*q.text}, &plan.text); !s.ok())
      return s;
  }
  if (q.evidence) {
    if (s = choose("SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?", {*q.evidence}, &plan.evidence);
        !s.ok())
      return s;
  }
  return plan;
}

// An FTS5 syntax error is the caller's mistake, not the database's: tried alone first.
Status CheckTextQuery(Store* store, const EventQuery& q) {
  for (const auto& [value, table] : {std::pair{&q.text, "articles_fts"}, std::pair{&q.evidence, "evidence_fts"}}) {
    if (!*value) continue;
    Result<Statement> st = store->db()->Prepare(std::string("SELECT 1 FROM ") + table + " WHERE " + table +
                                                " MATCH ?1 LIMIT 1");
    if (!st.ok()) return st.status();
    st.value().BindText(1, **value);
    st.value().Step();
    const Status s = st.value().status();
    if (s.ok()) continue;
    std::string reason = s.message();
    if (reason.rfind("sqlite: ", 0) == 0) reason = reason.substr(8, reason.find(" (") - 8);
    return Status(ErrorCode::kInvalidArgument,
                  "the text query '" + **value + "' is not a valid FTS5 query: " + reason);
  }
  return Status::Ok();
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

// The SELECT of RunQuery, its parameters in `sql`.
std::string SelectText(const EventQuery& query, const Plan& plan, Sql* sql) {
  *sql = BuildWhere(query, plan);
  std::string text = "SELECT " + std::string(kEventColumns) + " FROM events e" + sql->where;
  switch (query.order) {
    case EventQuery::Order::kNewest: text.append(" ORDER BY e.day DESC, e.key"); break;
    case EventQuery::Order::kOldest: text.append(" ORDER BY e.day, e.key"); break;
    case EventQuery::Order::kMentions: text.append(" ORDER BY e.mentions DESC, e.day DESC, e.key"); break;
  }
  if (query.limit > 0) {
    text.append(" LIMIT ?");
    sql->params.emplace_back(query.limit);
  }
  return text;
}

bool IsDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

namespace {

// `n` comma-separated finite numbers; nullopt when `text` holds anything else.
std::optional<std::vector<double>> FiniteNumbers(std::string_view text, size_t n) {
  std::vector<double> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string_view part = text.substr(start, comma - start);
    double value = 0;
    const auto r = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || r.ec != std::errc() || r.ptr != part.data() + part.size() || !std::isfinite(value))
      return std::nullopt;
    out.push_back(value);
    start = comma + 1;
  }
  if (out.size() != n) return std::nullopt;
  return out;
}

}  // namespace

std::optional<EventQuery::Circle> EventQuery::Circle::Parse(std::string_view text) {
  const auto v = FiniteNumbers(text, 3);
  if (!v) return std::nullopt;
  return Circle{(*v)[0], (*v)[1], (*v)[2]};
}

std::optional<EventQuery::Box> EventQuery::Box::Parse(std::string_view text) {
  const auto v = FiniteNumbers(text, 4);
  if (!v) return std::nullopt;
  return Box{(*v)[0], (*v)[1], (*v)[2], (*v)[3]};
}

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
  if (evidence && evidence->empty()) return bad("the evidence query is empty");
  if (min_mentions < 0 || limit < 0) return bad("--min-mentions and --limit take numbers >= 0");
  if (!(min_confidence >= 0 && min_confidence <= 1)) return bad("--min-confidence takes a number from 0 to 1");
  return Status::Ok();
}

Status RunQuery(Store* store, const EventQuery& query, const ReadOptions& read,
                const std::function<bool(const StoredEvent&)>& sink) {
  Status s = query.Validate();
  if (s.ok()) s = CheckTextQuery(store, query);
  if (!s.ok()) return s;
  Result<Plan> plan = ChoosePlan(store, query);
  if (!plan.ok()) return plan.status();
  Sql sql;
  const std::string text = SelectText(query, plan.value(), &sql);
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

Result<int64_t> CountQuery(Store* store, const EventQuery& query, int64_t cap) {
  Status s = query.Validate();
  if (s.ok()) s = CheckTextQuery(store, query);
  if (!s.ok()) return s;
  Plan plan;
  if (cap > 0) {  // a capped count reads up to `cap` rows: planned as a query of that limit
    EventQuery capped = query;
    capped.limit = cap;
    Result<Plan> chosen = ChoosePlan(store, capped);
    if (!chosen.ok()) return chosen.status();
    plan = chosen.value();
  }
  Sql sql = BuildWhere(query, plan);
  std::string text = "SELECT count(*) FROM events e" + sql.where;
  if (cap > 0) {
    text = "SELECT count(*) FROM (SELECT 1 FROM events e" + sql.where + " LIMIT ?)";
    sql.params.emplace_back(cap);
  }
  Result<Statement> st = store->db()->Prepare(text);
  if (!st.ok()) return st.status();
  Bind(&st.value(), sql.params);
  if (!st.value().Step()) return st.value().status();
  return st.value().Int(0);
}

Result<std::string> ExplainQuery(Store* store, const EventQuery& query) {
  Status s = query.Validate();
  if (s.ok()) s = CheckTextQuery(store, query);
  if (!s.ok()) return s;
  Result<Plan> plan = ChoosePlan(store, query);
  if (!plan.ok()) return plan.status();
  Sql sql;
  const std::string text = SelectText(query, plan.value(), &sql);
  Result<Statement> st = store->db()->Prepare("EXPLAIN QUERY PLAN " + text);
  if (!st.ok()) return st.status();
  Bind(&st.value(), sql.params);
  std::string steps;
  while (st.value().Step()) steps.append(st.value().Text(3)).push_back('\n');
  if (!st.value().status().ok()) return st.value().status();
  return steps;
}

}  // namespace annals::store
