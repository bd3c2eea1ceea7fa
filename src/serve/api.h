// The JSON API of `annals serve`, apart from HTTP: each endpoint is a method that
// takes the decoded request and returns the status, content type and body, so that
// the unit tests call it directly and the server (server.h) only routes.
//
//   GET  /api/health         {"status":"ok", "version", "schema_version", "pending_dedup", "coder"}
//   GET  /api/vocabulary     {"types", "actor_kinds", "max_page"}: the words filters take
//   GET  /api/events         {"offset", "limit", "events":[summary...], "total", "total_exact"}
//                            (query_params.h; a total over the cap is the cap, not exact)
//   GET  /api/events/{id}    {"event":{event with actors}, "reports":[report with its article...]}
//                            (events and reports as store/event_json.h writes them)
//   GET  /api/stats          {"events", "located", "by_day", "by_type", "by_country"} for the filters
//   GET  /api/places         {"places":[{"name", "country", "lat", "lon", "events", ...}]}
//   POST /api/code           the article record (spec/EVENTS.md) of the JSON article in the body
//
// Errors are {"error": "..."} with 400 (bad parameter or body), 404 (no such event),
// 413 (body too large), 503 (overloaded, coder unavailable) or 504 (query time limit).
// Only /api/code runs the coder, and nothing writes: the store is opened read-only.
#ifndef ANNALS_SERVE_API_H_
#define ANNALS_SERVE_API_H_

#include <chrono>
#include <memory>
#include <semaphore>
#include <string>
#include <string_view>

#include "annals/annals.h"
#include "serve/query_params.h"
#include "serve/store_pool.h"

namespace annals::serve {

struct ApiLimits {
  PageLimits pages;
  std::chrono::milliseconds query_time{5000};  // the SQL of one request
  std::chrono::milliseconds queue_time{30000}; // the most a request waits for a store connection
  size_t max_body_bytes = 1u << 20;            // POST /api/code
  int max_coders = 2;                          // articles coded at once
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
};

class Api {
 public:
  // `pool` must outlive the Api. `pipeline` may be null (then /api/code answers 503
  // with `pipeline_error`).
  Api(StorePool* pool, std::shared_ptr<const Pipeline> pipeline, std::string pipeline_error, ApiLimits limits);

  ApiResponse Health();
  // {"types": PLOVER types, "actor_kinds": actor kinds, "max_page": the largest page}
  ApiResponse Vocabulary();
  ApiResponse Events(const Params& params);
  ApiResponse Event(std::string_view key);
  ApiResponse Stats(const Params& params);
  ApiResponse Places(const Params& params);
  // `body`: one article as a JSON object with the fields of a JSON Lines input line
  // (text required; id, title, date, url, source, language, html optional).
  ApiResponse Code(std::string_view body);

  const ApiLimits& limits() const { return limits_; }

  // {"error": message} with `status`.
  static ApiResponse Error(int status, std::string_view message);

 private:
  ApiResponse StoreError(const StorePool::Lease& lease, const Status& status);
  StorePool* pool_;
  std::shared_ptr<const Pipeline> pipeline_;
  std::string pipeline_error_;
  ApiLimits limits_;
  std::counting_semaphore<> coders_;
};

}  // namespace annals::serve

#endif  // ANNALS_SERVE_API_H_
