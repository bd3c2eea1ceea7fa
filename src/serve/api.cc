#include "serve/api.h"

#include <simdjson.h>

#include <cstdio>

#include "core/json_writer.h"
#include "ingest/jsonl_reader.h"
#include "store/event_counts.h"
#include "store/event_detail.h"
#include "store/event_json.h"
#include "store/place_list.h"
#include "store/schema.h"

namespace annals::serve {
namespace {

constexpr int kCoordinateDigits = 5;
constexpr size_t kMaxKeyBytes = 512;

void WriteCounts(std::string_view key, const std::vector<std::pair<std::string, int64_t>>& counts,
                 JsonWriter* json) {
  json->Key(key);
  json->BeginArray();
  for (const auto& [name, n] : counts) {
    json->BeginArray();
    json->String(name);
    json->Int(n);
    json->EndArray();
  }
  json->EndArray();
}

ApiResponse Json(std::string body) {
  ApiResponse r;
  r.body = std::move(body);
  r.body.push_back('\n');
  return r;
}

}  // namespace

Api::Api(StorePool* pool, std::shared_ptr<const Pipeline> pipeline, std::string pipeline_error, ApiLimits limits)
    : pool_(pool), pipeline_(std::move(pipeline)), pipeline_error_(std::move(pipeline_error)), limits_(limits),
      coders_(std::max(1, limits.max_coders)) {}

ApiResponse Api::Error(int status, std::string_view message) {
  ApiResponse r;
  r.status = status;
  JsonWriter json(&r.body);
  json.BeginObject();
  json.Key("error");
  json.String(message);
  json.EndObject();
  r.body.push_back('\n');
  return r;
}

ApiResponse Api::StoreError(const StorePool::Lease& lease, const Status& status) {
  if (lease.timed_out())
    return Error(504, "the query took longer than the limit of " + std::to_string(limits_.query_time.count()) +
                          " ms: narrow the filters");
  if (status.code() == ErrorCode::kInvalidArgument) return Error(400, status.message());
  return Error(500, status.message());
}

ApiResponse Api::Health() {
  std::optional<StorePool::Lease> lease = pool_->Acquire(limits_.query_time, limits_.queue_time);
  if (!lease) return Error(503, "every store connection is busy");
  store::Store* store = lease->store();
  Result<int> version = store::ReadSchemaVersion(store->db());
  if (!version.ok()) return StoreError(*lease, version.status());
  Result<int64_t> pending = store->PendingDedup();
  if (!pending.ok()) return StoreError(*lease, pending.status());
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("status");
  json.String("ok");
  json.Key("version");
  json.String(Version());
  json.Key("schema_version");
  json.Int(version.value());
  json.Key("pending_dedup");
  json.Int(pending.value());
  json.Key("coder");
  json.String(pipeline_ ? "ready" : "unavailable: " + pipeline_error_);
  json.EndObject();
  return Json(std::move(out));
}

ApiResponse Api::Vocabulary() {
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("types");
  json.BeginArray();
  for (int i = 0; i < kEventTypeCount; ++i) json.String(ToString(static_cast<EventType>(i)));
  json.EndArray();
  json.Key("actor_kinds");
  json.BeginArray();
  for (int i = 0; i <= static_cast<int>(ActorKind::kUnknown); ++i) json.String(ToString(static_cast<ActorKind>(i)));
  json.EndArray();
  json.Key("max_page");
  json.Int(limits_.pages.max_limit);
  json.EndObject();
  return Json(std::move(out));
}

ApiResponse Api::Events(const Params& params) {
  Result<EventsRequest> request = ParseEventsRequest(params, limits_.pages);
  if (!request.ok()) return Error(400, request.status().message());
  const EventsRequest& r = request.value();
  std::optional<StorePool::Lease> lease = pool_->Acquire(limits_.query_time, limits_.queue_time);
  if (!lease) return Error(503, "every store connection is busy");
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("offset");
  json.Int(r.offset);
  json.Key("limit");
  json.Int(r.limit);
  json.Key("events");
  json.BeginArray();
  int64_t index = 0;
  // A list's events name their actors without reading them.
  store::EventJsonOptions fields;
  fields.actor_names = true;
  fields.actors = false;
  // Paging: the first `offset` events of the order are read and skipped.
  Status s = store::RunQuery(lease->store(), r.query, store::ReadOptionsFor(fields), [&](const store::StoredEvent& e) {
    if (index++ < r.offset) return true;
    store::WriteStoredEvent(e, fields, &json);
    return true;
  });
  if (!s.ok()) return StoreError(*lease, s);
  json.EndArray();
  // The total: known when the page ran short, else counted (up to the cap unless exact).
  std::optional<int64_t> total;
  bool exact = true;
  if (r.total != EventsRequest::Total::kNone) {
    if (index < r.query.limit) {
      total = index;
    } else {
      const int64_t cap = r.total == EventsRequest::Total::kExact ? 0 : limits_.pages.count_cap;
      Result<int64_t> n = store::CountQuery(lease->store(), r.query, cap > 0 ? cap + 1 : 0);
      if (!n.ok()) return StoreError(*lease, n.status());
      total = n.value();
      if (cap > 0 && *total > cap) {
        total = cap;
        exact = false;
      }
    }
  }
  json.Key("total");
  json.OptionalInt(total);
  json.Key("total_exact");
  json.Bool(exact);
  json.EndObject();
  return Json(std::move(out));
}

ApiResponse Api::Event(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyBytes) return Error(404, "no such event");
  std::optional<StorePool::Lease> lease = pool_->Acquire(limits_.query_time, limits_.queue_time);
  if (!lease) return Error(503, "every store connection is busy");
  Result<std::optional<store::EventDetail>> detail = store::ReadEventDetail(lease->store(), key);
  if (!detail.ok()) return StoreError(*lease, detail.status());
  if (!detail.value()) return Error(404, "no event '" + std::string(key) + "'");
  const store::EventDetail& d = *detail.value();
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("event");
  store::WriteStoredEvent(d.event, store::EventJsonOptions(), &json);
  json.Key("reports");
  json.BeginArray();
  for (const store::MentionDetail& m : d.mentions) store::WriteReportDetail(m, &json);
  json.EndArray();
  json.EndObject();
  return Json(std::move(out));
}

ApiResponse Api::Stats(const Params& params) {
  Result<store::EventQuery> query = ParseFilters(params);
  if (!query.ok()) return Error(400, query.status().message());
  std::optional<StorePool::Lease> lease = pool_->Acquire(limits_.query_time, limits_.queue_time);
  if (!lease) return Error(503, "every store connection is busy");
  Result<store::EventCounts> counts = store::CountEvents(lease->store(), query.value());
  if (!counts.ok()) return StoreError(*lease, counts.status());
  const store::EventCounts& c = counts.value();
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("events");
  json.Int(c.events);
  json.Key("located");
  json.Int(c.located);
  WriteCounts("by_day", c.by_day, &json);
  WriteCounts("by_type", c.by_type, &json);
  WriteCounts("by_country", c.by_country, &json);
  json.EndObject();
  return Json(std::move(out));
}

ApiResponse Api::Places(const Params& params) {
  Result<store::PlaceQuery> query = ParsePlaceQuery(params, limits_.pages);
  if (!query.ok()) return Error(400, query.status().message());
  std::optional<StorePool::Lease> lease = pool_->Acquire(limits_.query_time, limits_.queue_time);
  if (!lease) return Error(503, "every store connection is busy");
  Result<std::vector<store::PlaceCount>> places = store::ListPlaces(lease->store(), query.value());
  if (!places.ok()) return StoreError(*lease, places.status());
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("places");
  json.BeginArray();
  for (const store::PlaceCount& p : places.value()) {
    json.BeginObject();
    json.Key("name");
    json.String(p.name);
    json.Key("geonameid");
    json.OptionalInt(p.geonameid);
    json.Key("country");
    json.OptionalString(p.country);
    json.Key("admin1");
    json.OptionalString(p.admin1);
    json.Key("precision");
    json.OptionalString(p.precision);
    json.Key("lat");
    json.OptionalDouble(p.lat, kCoordinateDigits);
    json.Key("lon");
    json.OptionalDouble(p.lon, kCoordinateDigits);
    json.Key("events");
    json.Int(p.events);
    json.Key("first_date");
    json.OptionalString(p.first_date);
    json.Key("last_date");
    json.OptionalString(p.last_date);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return Json(std::move(out));
}

ApiResponse Api::Code(std::string_view body) {
  if (!pipeline_) return Error(503, "the coder is unavailable: " + pipeline_error_);
  if (body.size() > limits_.max_body_bytes)
    return Error(413, "the body is larger than the limit of " + std::to_string(limits_.max_body_bytes) + " bytes");
  // Step 1: the body as one JSON Lines line (whitespace between tokens removed), read
  // by the JSON Lines reader so that every field means what it means in a file.
  std::string line(body.size() + simdjson::SIMDJSON_PADDING, '\0');
  size_t length = 0;
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return Error(400, "the body is empty");
  if (simdjson::minify(body.data(), body.size(), line.data(), length) != simdjson::SUCCESS)
    return Error(400, "the body is not JSON");
  line.resize(length);
  std::FILE* file = fmemopen(line.data(), line.size(), "r");
  if (!file) return Error(500, "cannot read the body");
  ReaderOptions options;
  options.format = InputFormat::kJsonl;
  options.max_article_bytes = limits_.max_body_bytes;
  std::unique_ptr<ArticleReader> reader = NewJsonlReader(file, "body", line.size(), options);
  ReadItem item;
  if (!reader->Next(&item)) return Error(400, "the body holds no article");
  if (!item.article) return Error(item.error == ErrorCode::kTooLarge ? 413 : 400, item.message);
  // Step 2: code it with the one Pipeline, a few articles at a time.
  if (!coders_.try_acquire_for(limits_.query_time)) return Error(503, "the coder is busy: try again");
  const ArticleRecord record = pipeline_->Code(*item.article);
  coders_.release();
  std::string out;
  RecordFormatter(OutputFormat::kArticles).Append(record, &out);
  ApiResponse r;
  r.body = std::move(out);
  return r;
}

}  // namespace annals::serve
