#include "serve/query_params.h"

#include <gtest/gtest.h>

namespace annals::serve {
namespace {

TEST(QueryParamsTest, FiltersUnderTheCommandsNames) {
  Params p = {{"type", "protest,assault"}, {"type", "COERCE"}, {"country", "fr, be"}, {"admin1", "Île-de-France"},
              {"admin1", "Hauts-de-France"}, {"acled_type", "Violence against civilians"}, {"actor_kind", "police"},
              {"since", "2021-01-01"}, {"until", "2021-12-31"}, {"near", "48.85,2.35,30"}, {"min_mentions", "2"},
              {"text", "tear gas"}, {"cameo", "14,145"}};
  Result<store::EventQuery> q = ParseFilters(p);
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_EQ(q.value().types, (std::vector<std::string>{"PROTEST", "ASSAULT", "COERCE"}));
  EXPECT_EQ(q.value().countries, (std::vector<std::string>{"FR", "BE"}));
  EXPECT_EQ(q.value().admin1s, (std::vector<std::string>{"Île-de-France", "Hauts-de-France"}));
  EXPECT_EQ(q.value().acled_types, (std::vector<std::string>{"Violence against civilians"}));
  EXPECT_EQ(q.value().cameo_prefixes, (std::vector<std::string>{"14", "145"}));
  EXPECT_EQ(q.value().since, "2021-01-01");
  EXPECT_EQ(q.value().until, "2021-12-31");
  ASSERT_TRUE(q.value().near.has_value());
  EXPECT_DOUBLE_EQ(q.value().near->km, 30);
  EXPECT_EQ(q.value().min_mentions, 2);
  EXPECT_EQ(q.value().text, "tear gas");
  EXPECT_FALSE(q.value().bbox.has_value());
}

TEST(QueryParamsTest, ValuesStayValues) {
  // Injection strings are values: where the contract allows any text they pass as is,
  // elsewhere they are refused with the parameter's name.
  const std::string injection = "x' OR '1'='1'; DROP TABLE events; --";
  Result<store::EventQuery> q = ParseFilters({{"admin1", injection}, {"acled_sub_type", injection}});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q.value().admin1s, std::vector<std::string>{injection});
  EXPECT_EQ(q.value().acled_sub_types, std::vector<std::string>{injection});
  for (const char* name : {"type", "country", "actor_kind", "cameo", "since", "until", "near", "bbox", "min_mentions"}) {
    Result<store::EventQuery> bad = ParseFilters({{name, injection}});
    ASSERT_FALSE(bad.ok()) << name;
    EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  }
  EXPECT_NE(ParseFilters({{"near", "1,2"}}).status().message().find("parameter 'near' = '1,2'"), std::string::npos);
}

TEST(QueryParamsTest, UnknownAndRepeatedParametersAreErrors) {
  Result<store::EventQuery> q = ParseFilters({{"typ", "PROTEST"}});
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().message(), "parameter 'typ' = 'PROTEST': unknown parameter");
  q = ParseFilters({{"since", "2021-01-01"}, {"since", "2021-02-01"}});
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("given 2 times"), std::string::npos);
  // Paging parameters belong to /api/events only.
  EXPECT_FALSE(ParseFilters({{"limit", "5"}}).ok());
  EXPECT_FALSE(ParseFilters({{"near", "91,0,10"}}).ok());      // not on Earth
  EXPECT_FALSE(ParseFilters({{"near", "1,2,nan"}}).ok());      // not finite
  EXPECT_FALSE(ParseFilters({{"since", "2021-02-30"}}).ok());  // no such day
}

TEST(QueryParamsTest, PagingWithinLimits) {
  PageLimits limits;
  limits.default_limit = 50;
  limits.max_limit = 200;
  limits.max_offset = 1000;
  Result<EventsRequest> r = ParseEventsRequest({}, limits);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().limit, 50);
  EXPECT_EQ(r.value().offset, 0);
  EXPECT_EQ(r.value().query.limit, 50);
  EXPECT_EQ(r.value().total, EventsRequest::Total::kCapped);
  EXPECT_EQ(r.value().query.order, store::EventQuery::Order::kNewest);
  r = ParseEventsRequest({{"limit", "200"}, {"offset", "1000"}, {"sort", "mentions"}, {"total", "0"}}, limits);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().query.limit, 1200);  // the page ends 1200 events in
  EXPECT_EQ(r.value().query.order, store::EventQuery::Order::kMentions);
  EXPECT_EQ(r.value().total, EventsRequest::Total::kNone);
  EXPECT_EQ(ParseEventsRequest({{"total", "exact"}}, limits).value().total, EventsRequest::Total::kExact);
  for (const Params& bad : std::vector<Params>{{{"limit", "201"}}, {{"limit", "0"}}, {{"limit", "-1"}}, {{"limit", "1e3"}},
                                              {{"offset", "1001"}}, {{"offset", "-5"}}, {{"sort", "random"}},
                                              {{"total", "yes"}}, {{"limit", "99999999999999999999"}}}) {
    Result<EventsRequest> e = ParseEventsRequest(bad, limits);
    EXPECT_FALSE(e.ok()) << bad.begin()->first << "=" << bad.begin()->second;
  }
}

TEST(QueryParamsTest, Places) {
  PageLimits limits;
  Result<store::PlaceQuery> q = ParsePlaceQuery({{"country", "ke,ug"}, {"limit", "7"}}, limits);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q.value().countries, (std::vector<std::string>{"KE", "UG"}));
  EXPECT_EQ(q.value().limit, 7);
  EXPECT_EQ(ParsePlaceQuery({}, limits).value().limit, 100);
  EXPECT_FALSE(ParsePlaceQuery({{"country", "KEN"}}, limits).ok());
  EXPECT_FALSE(ParsePlaceQuery({{"limit", "1001"}}, limits).ok());
  EXPECT_FALSE(ParsePlaceQuery({{"type", "PROTEST"}}, limits).ok());
}

}  // namespace
}  // namespace annals::serve
