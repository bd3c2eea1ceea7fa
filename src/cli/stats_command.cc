// `annals stats [--db FILE]`: totals of a store, and its deduplicated events by type,
// country and day. --format text (default) prints sections for people; json prints one
// object; csv prints rows "group,value,events" (group: type, country or day).
#include <cstdio>
#include <string>

#include "annals/annals.h"
#include "cli/commands.h"
#include "core/csv.h"
#include "core/json_writer.h"
#include "store/stats.h"
#include "store/store.h"

namespace annals::cli {
namespace {

struct StatsOptions {
  std::string db = "annals.db";
  std::string format = "text";
  size_t top = 0;
};

using Groups = std::vector<std::pair<std::string, int64_t>>;

int RunStats(const StatsOptions& options) {
  auto opened = store::Store::Open(options.db, true);
  if (!opened.ok()) {
    std::fprintf(stderr, "annals: %s\n", opened.status().message().c_str());
    return 2;
  }
  Result<store::StoreStats> computed = store::ComputeStats(opened.value().get());
  if (!computed.ok()) {
    std::fprintf(stderr, "annals: %s\n", computed.status().message().c_str());
    return 2;
  }
  const store::StoreStats& s = computed.value();
  const std::pair<std::string_view, const Groups*> groups[] = {
      {"type", &s.by_type}, {"country", &s.by_country}, {"day", &s.by_day}};
  std::string out;
  if (options.format == "json") {
    JsonWriter json(&out);
    json.BeginObject();
    const std::pair<std::string_view, int64_t> totals[] = {
        {"schema_version", s.schema_version}, {"articles", s.articles},
        {"articles_with_events", s.articles_with_events}, {"mentions", s.mentions}, {"events", s.events},
        {"merged_events", s.merged_events}, {"located_events", s.located_events}, {"actors", s.actors},
        {"places", s.places}, {"pending_dedup", s.pending}};
    for (const auto& [name, value] : totals) {
      json.Key(name);
      json.Int(value);
    }
    json.Key("dedup");
    json.String(s.dedup_settings);
    for (const auto& [name, list] : groups) {
      json.Key("by_" + std::string(name));
      json.BeginObject();
      size_t n = 0;
      for (const auto& [value, count] : *list) {
        if (options.top && n++ >= options.top) break;
        json.Key(value.empty() ? "-" : value);
        json.Int(count);
      }
      json.EndObject();
    }
    json.EndObject();
    out.push_back('\n');
  } else if (options.format == "csv") {
    out = "group,value,events\r\n";
    for (const auto& [name, list] : groups) {
      size_t n = 0;
      for (const auto& [value, count] : *list) {
        if (options.top && n++ >= options.top) break;
        out.append(name).push_back(',');
        AppendCsvField(value, &out);
        out.append(",").append(std::to_string(count)).append("\r\n");
      }
    }
  } else {
    char line[256];
    std::snprintf(line, sizeof line,
                  "store %s (schema %d; dedup %s)\n"
                  "articles %lld (%lld with events), mentions %lld, events %lld (%lld told by 2+ reports, "
                  "%lld located), actors %lld, places %lld, dedup pending %lld\n",
                  options.db.c_str(), s.schema_version, s.dedup_settings.c_str(), static_cast<long long>(s.articles),
                  static_cast<long long>(s.articles_with_events), static_cast<long long>(s.mentions),
                  static_cast<long long>(s.events), static_cast<long long>(s.merged_events),
                  static_cast<long long>(s.located_events), static_cast<long long>(s.actors),
                  static_cast<long long>(s.places), static_cast<long long>(s.pending));
    out = line;
    for (const auto& [name, list] : groups) {
      out.append("\nevents by ").append(name).append(":\n");
      size_t n = 0;
      for (const auto& [value, count] : *list) {
        if (options.top && n++ >= options.top) {
          out.append("  ...\n");
          break;
        }
        std::snprintf(line, sizeof line, "  %-24s %10lld\n", value.empty() ? "-" : value.c_str(),
                      static_cast<long long>(count));
        out.append(line);
      }
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

void RegisterStats(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* cmd = app.add_subcommand("stats", "Counts of a store: totals, events by type, country and day");
  cmd->add_option("--db", options->db, "The database file")->capture_default_str();
  cmd->add_option("--format", options->format, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("--top", options->top, "At most this many values per group (0: all)")->capture_default_str();
  cmd->callback([options, exit_code] { *exit_code = RunStats(*options); });
}

}  // namespace annals::cli
