// store_query_bench: latency of filtered queries on an event store (store_gen builds
// a large one).
//
//   build/bench/store_query_bench --db big.db [--queries 1400] [--seed 1] [--limit 100] [--plans]
//
// The workload: 14 classes of filtered queries, the filters an analyst combines, with
// values drawn from the store itself (types, countries, admin1 names, modes, ACLED
// sub-event types and the places and days of random events, so that queries find
// events). Each query asks, like `annals query`, for the first --limit events in date
// order (newest first) with their reports and actors. The classes are run in turns;
// a first warm-up round is not timed. Prints p50/p90/p99/max per class and over all
// queries, and with --plans SQLite's plan of one query per class (the indexes used).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "store/query.h"
#include "store/store.h"

using namespace annals;
using store::EventQuery;

namespace {

struct Sample {
  std::string type, country, admin1, mode, acled_sub, cameo;
  int64_t day = 0;
  double lat = 0, lon = 0;
  bool located = false;
};

std::string Date(int64_t day) { return FormatIsoDate(CivilFromDays(day)); }

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  int queries = 1400;
  unsigned seed = 1;
  int64_t limit = 100;
  bool plans = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--db" && i + 1 < argc) db_path = argv[++i];
    else if (arg == "--queries" && i + 1 < argc) queries = std::atoi(argv[++i]);
    else if (arg == "--seed" && i + 1 < argc) seed = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (arg == "--limit" && i + 1 < argc) limit = std::atoll(argv[++i]);
    else if (arg == "--plans") plans = true;
  }
  if (db_path.empty()) {
    std::fprintf(stderr, "usage: store_query_bench --db FILE [--queries N] [--seed S] [--limit N] [--plans]\n");
    return 2;
  }
  auto opened = store::Store::Open(db_path, true);
  if (!opened.ok()) {
    std::fprintf(stderr, "store_query_bench: %s\n", opened.status().message().c_str());
    return 2;
  }
  store::Store* db = opened.value().get();

  // Step 1: values to query for, from 4000 random events.
  std::vector<Sample> samples;
  {
    auto st = db->db()->Prepare(
        "SELECT type, country, admin1, mode, acled_sub_event_type, cameo, day, lat, lon FROM events "
        "WHERE day IS NOT NULL AND event_pk IN (SELECT abs(random()) % (SELECT max(event_pk) FROM events) "
        "FROM events LIMIT 4000)");
    if (!st.ok()) return 2;
    while (st.value().Step()) {
      Sample s;
      s.type = std::string(st.value().Text(0));
      s.country = std::string(st.value().Text(1));
      s.admin1 = std::string(st.value().Text(2));
      s.mode = std::string(st.value().Text(3));
      s.acled_sub = std::string(st.value().Text(4));
      s.cameo = std::string(st.value().Text(5));
      s.day = st.value().Int(6);
      s.located = !st.value().IsNull(7);
      s.lat = st.value().Double(7);
      s.lon = st.value().Double(8);
      samples.push_back(std::move(s));
    }
  }
  if (samples.empty()) {
    std::fprintf(stderr, "store_query_bench: the store has no dated events\n");
    return 2;
  }
  std::mt19937 rng(seed);
  auto pick = [&](const std::function<bool(const Sample&)>& ok) -> const Sample& {
    for (int tries = 0; tries < 1000; ++tries) {
      const Sample& s = samples[rng() % samples.size()];
      if (ok(s)) return s;
    }
    return samples[0];
  };
  const std::vector<std::string> kWords = {"protest", "police", "killed", "strike", "\"tear gas\"", "election",
                                           "arrested", "rebels", "refugees", "ceasefire"};
  const std::vector<std::string> kKinds = {"police", "military", "protesters", "rebels", "government", "students",
                                           "labor", "migrants", "civilians", "business"};

  // Step 2: the query classes.
  struct Class {
    std::string name;
    std::function<EventQuery()> make;
  };
  const std::vector<Class> classes = {
      {"type+30 days", [&] {
         const Sample& s = pick([](const Sample&) { return true; });
         EventQuery q;
         q.types = {s.type};
         q.since = Date(s.day - 15);
         q.until = Date(s.day + 15);
         return q;
       }},
      {"country", [&] {
         EventQuery q;
         q.countries = {pick([](const Sample& s) { return !s.country.empty(); }).country};
         return q;
       }},
      {"country+year", [&] {
         const Sample& s = pick([](const Sample& s) { return !s.country.empty(); });
         EventQuery q;
         q.countries = {s.country};
         q.since = Date(s.day - 182);
         q.until = Date(s.day + 182);
         return q;
       }},
      {"admin1", [&] {
         EventQuery q;
         q.admin1s = {pick([](const Sample& s) { return !s.admin1.empty(); }).admin1};
         return q;
       }},
      {"near 25-100 km", [&] {
         const Sample& s = pick([](const Sample& s) { return s.located; });
         EventQuery q;
         q.near = EventQuery::Circle{s.lat, s.lon, static_cast<double>(25 + rng() % 76)};
         return q;
       }},
      {"near+type+year", [&] {
         const Sample& s = pick([](const Sample& s) { return s.located; });
         EventQuery q;
         q.near = EventQuery::Circle{s.lat, s.lon, 50};
         q.types = {s.type};
         q.since = Date(s.day - 365);
         q.until = Date(s.day);
         return q;
       }},
      {"bbox 2x2 deg", [&] {
         const Sample& s = pick([](const Sample& s) { return s.located && std::abs(s.lat) < 80 && std::abs(s.lon) < 170; });
         EventQuery q;
         q.bbox = EventQuery::Box{s.lat - 1, s.lon - 1, s.lat + 1, s.lon + 1};
         return q;
       }},
      {"actor kind+90 days", [&] {
         const Sample& s = pick([](const Sample&) { return true; });
         EventQuery q;
         q.actor_kinds = {kKinds[rng() % kKinds.size()]};
         q.since = Date(s.day - 45);
         q.until = Date(s.day + 45);
         return q;
       }},
      {"text", [&] {
         EventQuery q;
         q.text = kWords[rng() % kWords.size()];
         return q;
       }},
      {"text+country", [&] {
         EventQuery q;
         q.text = kWords[rng() % kWords.size()];
         q.countries = {pick([](const Sample& s) { return !s.country.empty(); }).country};
         return q;
       }},
      {"type+min mentions", [&] {
         EventQuery q;
         q.types = {pick([](const Sample&) { return true; }).type};
         q.min_mentions = 3;
         return q;
       }},
      {"cameo+country", [&] {
         const Sample& s = pick([](const Sample& s) { return !s.country.empty(); });
         EventQuery q;
         q.cameo_prefixes = {s.cameo.substr(0, 2)};
         q.countries = {s.country};
         return q;
       }},
      {"acled sub-type", [&] {
         EventQuery q;
         q.acled_sub_types = {pick([](const Sample& s) { return !s.acled_sub.empty(); }).acled_sub};
         return q;
       }},
      {"mode+country", [&] {
         const Sample& s = pick([](const Sample& s) { return !s.mode.empty() && !s.country.empty(); });
         EventQuery q;
         q.modes = {s.mode};
         q.countries = {s.country};
         return q;
       }},
  };

  // Step 3: run, a warm-up round first.
  store::ReadOptions read;
  read.with_reports = true;
  read.with_actors = true;
  std::map<std::string, std::vector<double>> times;
  std::map<std::string, int64_t> rows;
  std::vector<double> all;
  std::map<std::string, std::string> plan_of;
  const int rounds = std::max(1, queries / static_cast<int>(classes.size()));
  for (int round = -1; round < rounds; ++round) {
    for (const Class& c : classes) {
      EventQuery q = c.make();
      q.limit = limit;
      if (plans && !plan_of.count(c.name)) {
        auto plan = store::ExplainQuery(db, q);
        plan_of[c.name] = plan.ok() ? plan.value() : plan.status().message();
      }
      int64_t n = 0;
      const auto t0 = std::chrono::steady_clock::now();
      Status s = store::RunQuery(db, q, read, [&](const store::StoredEvent&) {
        ++n;
        return true;
      });
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (!s.ok()) {
        std::fprintf(stderr, "store_query_bench: %s: %s\n", c.name.c_str(), s.message().c_str());
        return 1;
      }
      if (round < 0) continue;
      times[c.name].push_back(ms);
      rows[c.name] += n;
      all.push_back(ms);
    }
  }
  std::printf("%-20s %7s %8s %8s %8s %8s %9s\n", "class", "queries", "p50 ms", "p90 ms", "p99 ms", "max ms",
              "rows/q");
  for (const Class& c : classes) {
    const auto& t = times[c.name];
    std::printf("%-20s %7zu %8.2f %8.2f %8.2f %8.2f %9.1f\n", c.name.c_str(), t.size(), Percentile(t, 0.5),
                Percentile(t, 0.9), Percentile(t, 0.99), *std::max_element(t.begin(), t.end()),
                static_cast<double>(rows[c.name]) / static_cast<double>(t.size()));
  }
  std::printf("%-20s %7zu %8.2f %8.2f %8.2f %8.2f\n", "all", all.size(), Percentile(all, 0.5), Percentile(all, 0.9),
              Percentile(all, 0.99), *std::max_element(all.begin(), all.end()));
  if (plans)
    for (const Class& c : classes) std::printf("\nplan of %s:\n%s", c.name.c_str(), plan_of[c.name].c_str());
  return 0;
}
