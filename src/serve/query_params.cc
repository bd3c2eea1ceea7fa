#include "serve/query_params.h"

#include <cctype>
#include <charconv>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace annals::serve {
namespace {

Status Bad(std::string_view name, std::string_view value, std::string_view why) {
  return Status(ErrorCode::kInvalidArgument,
                "parameter '" + std::string(name) + "' = '" + std::string(value.substr(0, 200)) + "': " + std::string(why));
}

// Every value of `name`, split on commas when `split` (empty parts dropped).
std::vector<std::string> List(const Params& params, const std::string& name, bool split) {
  std::vector<std::string> out;
  auto [begin, end] = params.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    if (!split) {
      if (!it->second.empty()) out.push_back(it->second);
      continue;
    }
    std::string_view rest = it->second;
    while (!rest.empty()) {
      const size_t comma = rest.find(',');
      std::string_view part = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      if (!part.empty()) out.emplace_back(part);
    }
  }
  return out;
}

void Upper(std::vector<std::string>* values) {
  for (std::string& v : *values)
    for (char& c : v) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

// The one value of a scalar parameter; nullopt when absent, an error when repeated.
Result<std::optional<std::string>> One(const Params& params, const std::string& name) {
  const size_t n = params.count(name);
  if (n == 0) return std::optional<std::string>();
  if (n > 1) return Bad(name, params.find(name)->second, "given " + std::to_string(n) + " times; give it once");
  return std::optional<std::string>(params.find(name)->second);
}

Result<int64_t> Integer(std::string_view name, const std::string& value) {
  int64_t n = 0;
  const auto r = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || r.ec != std::errc() || r.ptr != value.data() + value.size()) return Bad(name, value, "not an integer");
  return n;
}

const std::set<std::string, std::less<>>& FilterNames() {
  static const std::set<std::string, std::less<>> kNames = {
      "type", "mode",  "cameo", "acled_type", "acled_sub_type", "country", "admin1", "near",
      "bbox", "since", "until", "actor_kind", "text",           "evidence", "min_mentions", "min_confidence"};
  return kNames;
}

// The filters of `params`; names outside `filters` plus `extra` are errors.
Result<store::EventQuery> Filters(const Params& params, const std::set<std::string, std::less<>>& extra) {
  for (const auto& [name, value] : params)
    if (!FilterNames().count(name) && !extra.count(name)) return Bad(name, value, "unknown parameter");
  store::EventQuery q;
  q.types = List(params, "type", true);
  Upper(&q.types);
  q.modes = List(params, "mode", true);
  q.cameo_prefixes = List(params, "cameo", true);
  q.acled_types = List(params, "acled_type", false);
  q.acled_sub_types = List(params, "acled_sub_type", false);
  q.countries = List(params, "country", true);
  Upper(&q.countries);
  q.admin1s = List(params, "admin1", false);
  q.actor_kinds = List(params, "actor_kind", true);
  // Scalars.
  const std::pair<const char*, std::optional<std::string>*> texts[] = {
      {"since", &q.since}, {"until", &q.until}, {"text", &q.text}, {"evidence", &q.evidence}};
  for (const auto& [name, field] : texts) {
    Result<std::optional<std::string>> v = One(params, name);
    if (!v.ok()) return v.status();
    if (v.value() && !v.value()->empty()) *field = *v.value();
  }
  Result<std::optional<std::string>> v = One(params, "min_mentions");
  if (!v.ok()) return v.status();
  if (v.value()) {
    Result<int64_t> n = Integer("min_mentions", *v.value());
    if (!n.ok()) return n.status();
    if (n.value() < 0) return Bad("min_mentions", *v.value(), "must be >= 0");
    q.min_mentions = n.value();
  }
  if (v = One(params, "min_confidence"); !v.ok()) return v.status();
  if (v.value()) {
    char* end = nullptr;
    const double x = std::strtod(v.value()->c_str(), &end);
    if (v.value()->empty() || *end != '\0' || !(x >= 0 && x <= 1))
      return Bad("min_confidence", *v.value(), "must be a number from 0 to 1");
    q.min_confidence = x;
  }
  if (v = One(params, "near"); !v.ok()) return v.status();
  if (v.value()) {
    q.near = store::EventQuery::Circle::Parse(*v.value());
    if (!q.near) return Bad("near", *v.value(), "expected LAT,LON,KM");
  }
  if (v = One(params, "bbox"); !v.ok()) return v.status();
  if (v.value()) {
    q.bbox = store::EventQuery::Box::Parse(*v.value());
    if (!q.bbox) return Bad("bbox", *v.value(), "expected MIN_LAT,MIN_LON,MAX_LAT,MAX_LON");
  }
  // The store's own checks (types, kinds, dates, ranges) name the bad value.
  if (Status s = q.Validate(); !s.ok()) return Status(ErrorCode::kInvalidArgument, s.message());
  return q;
}

}  // namespace

Result<store::EventQuery> ParseFilters(const Params& params) { return Filters(params, {}); }

Result<EventsRequest> ParseEventsRequest(const Params& params, const PageLimits& limits) {
  Result<store::EventQuery> q = Filters(params, {"sort", "limit", "offset", "total"});
  if (!q.ok()) return q.status();
  EventsRequest request;
  request.query = std::move(q).value();
  request.limit = limits.default_limit;
  Result<std::optional<std::string>> v = One(params, "sort");
  if (!v.ok()) return v.status();
  if (v.value()) {
    const std::string& s = *v.value();
    if (s == "newest") request.query.order = store::EventQuery::Order::kNewest;
    else if (s == "oldest") request.query.order = store::EventQuery::Order::kOldest;
    else if (s == "mentions") request.query.order = store::EventQuery::Order::kMentions;
    else return Bad("sort", s, "expected newest, oldest or mentions");
  }
  if (v = One(params, "limit"); !v.ok()) return v.status();
  if (v.value()) {
    Result<int64_t> n = Integer("limit", *v.value());
    if (!n.ok()) return n.status();
    if (n.value() < 1 || n.value() > limits.max_limit)
      return Bad("limit", *v.value(), "must be 1 to " + std::to_string(limits.max_limit));
    request.limit = n.value();
  }
  if (v = One(params, "offset"); !v.ok()) return v.status();
  if (v.value()) {
    Result<int64_t> n = Integer("offset", *v.value());
    if (!n.ok()) return n.status();
    if (n.value() < 0 || n.value() > limits.max_offset)
      return Bad("offset", *v.value(),
                 "must be 0 to " + std::to_string(limits.max_offset) + " (narrow the filters to reach further)");
    request.offset = n.value();
  }
  if (v = One(params, "total"); !v.ok()) return v.status();
  if (v.value()) {
    const std::string& t = *v.value();
    if (t == "0") request.total = EventsRequest::Total::kNone;
    else if (t == "1") request.total = EventsRequest::Total::kCapped;
    else if (t == "exact") request.total = EventsRequest::Total::kExact;
    else return Bad("total", t, "expected 0, 1 or exact");
  }
  request.query.limit = request.offset + request.limit;
  return request;
}

Result<store::PlaceQuery> ParsePlaceQuery(const Params& params, const PageLimits& limits) {
  for (const auto& [name, value] : params)
    if (name != "country" && name != "limit") return Bad(name, value, "unknown parameter");
  store::PlaceQuery q;
  q.countries = List(params, "country", true);
  Upper(&q.countries);
  for (const std::string& c : q.countries)
    if (c.size() != 2 || !std::isupper(static_cast<unsigned char>(c[0])) || !std::isupper(static_cast<unsigned char>(c[1])))
      return Bad("country", c, "not an ISO 3166-1 alpha-2 code (two letters)");
  q.limit = limits.default_places;
  Result<std::optional<std::string>> v = One(params, "limit");
  if (!v.ok()) return v.status();
  if (v.value()) {
    Result<int64_t> n = Integer("limit", *v.value());
    if (!n.ok()) return n.status();
    if (n.value() < 1 || n.value() > limits.max_places)
      return Bad("limit", *v.value(), "must be 1 to " + std::to_string(limits.max_places));
    q.limit = n.value();
  }
  return q;
}

}  // namespace annals::serve
