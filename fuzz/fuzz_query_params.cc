// The HTTP API's query parameters on arbitrary bytes: the raw query string decoded as
// cpp-httplib decodes it (parse_query_text), then the parsers of /api/events,
// /api/stats and /api/places (src/serve/query_params.h); a query they accept is run on
// an empty store made at start-up, so that the SQL and FTS5 text they build is
// exercised too. A rejected query's message names the problem.
#include <httplib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "fuzz_common.h"
#include "serve/query_params.h"
#include "store/query.h"
#include "store/store.h"

namespace {

annals::store::Store* TheStore() {
  static const std::unique_ptr<annals::store::Store> store = [] {
    char folder[] = "/tmp/annals_fuzz_store_XXXXXX";
    annals::fuzz::Check(mkdtemp(folder) != nullptr);
    auto opened = annals::store::Store::Open(std::string(folder) + "/store.db", /*read_only=*/false);
    annals::fuzz::Check(opened.ok());
    return std::move(opened).value();
  }();
  return store.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using annals::fuzz::Check;
  const std::string query_text(reinterpret_cast<const char*>(data), size);
  annals::serve::Params params;
  httplib::detail::parse_query_text(query_text, params);
  const annals::serve::PageLimits limits;
  auto events = annals::serve::ParseEventsRequest(params, limits);
  if (events.ok()) {
    const annals::serve::EventsRequest& request = events.value();
    Check(request.offset >= 0 && request.offset <= limits.max_offset);
    Check(request.limit >= 0 && request.limit <= limits.max_limit);
    int rows = 0;
    annals::Status run = annals::store::RunQuery(TheStore(), request.query, {},
                                                 [&](const annals::store::StoredEvent&) { return ++rows < 10; });
    Check(run.ok() || !run.message().empty());
    Check(rows == 0);  // the store is empty
  } else {
    Check(events.status().code() == annals::ErrorCode::kInvalidArgument && !events.status().message().empty());
  }
  auto filters = annals::serve::ParseFilters(params);
  if (filters.ok()) {
    auto count = annals::store::CountQuery(TheStore(), filters.value());
    Check(!count.ok() || count.value() == 0);
  } else {
    Check(!filters.status().message().empty());
  }
  auto places = annals::serve::ParsePlaceQuery(params, limits);
  if (!places.ok()) Check(!places.status().message().empty());
  return 0;
}
